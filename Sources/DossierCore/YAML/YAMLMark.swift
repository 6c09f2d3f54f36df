/// A compact position in a YAML file: 1-based line and column, columns in Unicode scalars.
public struct YAMLMark: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// 1-based line.
  public var line: Int32
  /// 1-based column, in Unicode scalars.
  public var column: Int32

  public init(line: Int32, column: Int32) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }

  public static func < (lhs: YAMLMark, rhs: YAMLMark) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }

  /// The location of this mark in `file`, optionally ending at `end`.
  func location(in file: String, end: YAMLMark? = nil) -> SourceLocation {
    SourceLocation(
      file: file, line: Int(line), column: Int(column), endLine: end.map { Int($0.line) },
      endColumn: end.map { Int($0.column) })
  }
}
