/// A piece of the source text with where it is: `[start, end)` Unicode-scalar offsets into the
/// normalized text, and the 1-based line and column of `start`.
///
/// Invariant: slicing the normalized text at `start..<end` gives exactly `text`.
public struct SpannedText: Sendable, Hashable {
  /// The text exactly as it appears in the source.
  public var text: String
  /// Scalar offset of the first scalar.
  public var start: Int
  /// Scalar offset just after the last scalar.
  public var end: Int
  /// 1-based line of `start`.
  public var line: Int
  /// 1-based column (in scalars) of `start`.
  public var column: Int

  /// Creates a spanned text; `text` must be the source text at `start..<end`.
  public init(text: String, start: Int, end: Int, line: Int, column: Int) {
    self.text = text
    self.start = start
    self.end = end
    self.line = line
    self.column = column
  }

  /// The half-open scalar range `start..<end`.
  public var range: Range<Int> { start..<end }
}
