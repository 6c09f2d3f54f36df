/// One structural unit of an ingested document: the title, the byline, a section heading, a paragraph
/// or a list item.
///
/// Ids follow the scheme in `docs/ingest.md`: `title`, `byline`, `s3` (heading of section 3),
/// `s3.p2` (second paragraph of section 3), `s0.l4` (fourth list item before the first section),
/// and inside a parallel version the version id as prefix (`zh.title`, `zh.p1`, `zh.s2.p1`).
/// Invariant: slicing the normalized text at `start..<end` gives exactly `text`.
public struct Block: Sendable, Hashable {
  /// What a block is.
  public enum Kind: String, Sendable, CaseIterable {
    /// The document title (or the title of a parallel version).
    case title
    /// The byline line (source, editor, timestamp).
    case byline
    /// The heading line of a numbered section, number included.
    case heading
    /// A paragraph (one line, or several soft-wrapped lines).
    case paragraph
    /// An item of a list introduced by a line ending in `:`; the terminator is not part of the text.
    case listItem = "list_item"
  }

  /// Stable id, unique in the document.
  public var id: String
  /// What the block is.
  public var kind: Kind
  /// BCP 47 language by script: `en` (Latin), `zh` (Han), `und` (other letters).
  public var language: String
  /// Scalar offset of the first scalar.
  public var start: Int
  /// Scalar offset just after the last scalar.
  public var end: Int
  /// 1-based line of the first scalar.
  public var startLine: Int
  /// 1-based column of the first scalar.
  public var startColumn: Int
  /// 1-based line of the last scalar.
  public var endLine: Int
  /// 1-based column just after the last scalar (exclusive).
  public var endColumn: Int
  /// The block's text exactly as in the source.
  public var text: String
  /// The number of the numbered section holding the block (a heading holds its own number); `nil`
  /// before the first section.
  public var section: Int?
  /// The id of the parallel version holding the block (e.g. `zh`); `nil` in the main text.
  public var version: String?
  /// For list items: the id of the paragraph that introduces the list.
  public var parent: String?
  /// For list items: the text after the item on its line that is not part of it (`;`, `; and`, `.`).
  /// It starts at `end`.
  public var terminator: String?
  /// For list items: the bullet or number before the item on its line that is not part of it (`-`,
  /// `•`, `1.`, `(a)`), or `nil` when the item has none. It ends before `start`.
  public var marker: String?

  /// Creates a block; `text` must be the source text at `start..<end`.
  public init(
    id: String, kind: Kind, language: String, start: Int, end: Int, startLine: Int, startColumn: Int,
    endLine: Int, endColumn: Int, text: String, section: Int? = nil, version: String? = nil,
    parent: String? = nil, terminator: String? = nil, marker: String? = nil
  ) {
    self.id = id
    self.kind = kind
    self.language = language
    self.start = start
    self.end = end
    self.startLine = startLine
    self.startColumn = startColumn
    self.endLine = endLine
    self.endColumn = endColumn
    self.text = text
    self.section = section
    self.version = version
    self.parent = parent
    self.terminator = terminator
    self.marker = marker
  }

  /// The half-open scalar range `start..<end`.
  public var range: Range<Int> { start..<end }
}
