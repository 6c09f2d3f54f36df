/// A cell that does not hold what its column requires.
public struct RecordRowError: Error, Hashable, Sendable, CustomStringConvertible {
  public var column: String
  public var expected: String
  public var description: String { "column '\(column)' must hold \(expected)" }
}
