/// The type a scalar resolves to under the YAML 1.2 core schema (or its explicit tag).
public enum YAMLScalarKind: UInt8, Hashable, Sendable {
  case string
  case null
  case bool
  case int
  case float
}
