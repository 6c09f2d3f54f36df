/// A quote from the source text that supports an activity, with its exact span.
///
/// Invariant (checked by validation): the source text's scalars `[start, end)` equal `quote`.
/// Offsets are Unicode scalar offsets into the newline-normalized text; lines are 1-based.
public struct EvidenceRecord: Hashable, Sendable, Codable {
  /// Id of the document quoted.
  public var documentID: String
  /// Id of the activity supported.
  public var activityID: String
  /// Evidence id, unique across the corpus (e.g. `h2-zapad.e1`).
  public var id: String
  /// 1-based position among the activity's evidence.
  public var ordinal: Int
  /// Id of the section containing the quote.
  public var sectionID: String
  /// The quoted text, exactly as in the source (never normalized).
  public var quote: String
  /// Start offset (Unicode scalars, inclusive).
  public var start: Int
  /// End offset (Unicode scalars, exclusive).
  public var end: Int
  /// 1-based line of `start`.
  public var startLine: Int
  /// 1-based line of the last quoted character.
  public var endLine: Int

  public init(
    documentID: String, activityID: String, id: String, ordinal: Int, sectionID: String, quote: String,
    start: Int, end: Int, startLine: Int, endLine: Int
  ) {
    self.documentID = documentID
    self.activityID = activityID
    self.id = id
    self.ordinal = ordinal
    self.sectionID = sectionID
    self.quote = quote
    self.start = start
    self.end = end
    self.startLine = startLine
    self.endLine = endLine
  }
}
