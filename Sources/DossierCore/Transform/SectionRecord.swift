/// One structural block of a document (title, byline, numbered section, paragraph, list item,
/// translation block), with its span in the source text.
///
/// Offsets are Unicode scalar offsets into the newline-normalized text, half-open `[start, end)`;
/// lines are 1-based.
public struct SectionRecord: Hashable, Sendable, Codable {
  /// Id of the document the section belongs to.
  public var documentID: String
  /// Section id, unique within its document (`s3`, `s3.p2`, `s0.l4`).
  public var id: String
  /// 1-based position in document order.
  public var ordinal: Int
  /// Id of the enclosing section, if nested.
  public var parentID: String?
  /// Block kind, e.g. `title`, `byline`, `numbered_item`, `paragraph`, `list_item`, `translation_block`.
  public var kind: String
  /// The number as printed (`3` for `3. Heading`), if numbered.
  public var number: String?
  /// The heading text as printed, if the block has one.
  public var heading: String?
  /// BCP 47 language tag detected for the block.
  public var language: String
  /// Start offset (Unicode scalars, inclusive).
  public var start: Int
  /// End offset (Unicode scalars, exclusive).
  public var end: Int
  /// 1-based first line.
  public var startLine: Int
  /// 1-based last line.
  public var endLine: Int

  public init(
    documentID: String, id: String, ordinal: Int, parentID: String? = nil, kind: String,
    number: String? = nil, heading: String? = nil, language: String, start: Int, end: Int,
    startLine: Int, endLine: Int
  ) {
    self.documentID = documentID
    self.id = id
    self.ordinal = ordinal
    self.parentID = parentID
    self.kind = kind
    self.number = number
    self.heading = heading
    self.language = language
    self.start = start
    self.end = end
    self.startLine = startLine
    self.endLine = endLine
  }
}
