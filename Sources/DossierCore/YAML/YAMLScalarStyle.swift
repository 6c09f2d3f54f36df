/// How a scalar was written in the source.
public enum YAMLScalarStyle: UInt8, Hashable, Sendable {
  case plain
  case singleQuoted
  case doubleQuoted
  case literal
  case folded
}
