/// The structure found in a source document: title, byline, numbered sections, and every block
/// (title, byline, headings, paragraphs, list items) with its id, kind, language and span.
///
/// All offsets are Unicode-scalar offsets into `source.text` (the normalized text), half-open.
public struct IngestedDocument: Sendable {
  /// The document the structure was found in.
  public let source: SourceDocument
  /// The document id: the file name without extension.
  public var id: String
  /// The title (the first non-blank line, when the document has more than one line and it is short);
  /// `nil` for a document without one.
  public var title: SpannedText?
  /// The byline, when the document has one.
  public var byline: Byline?
  /// Numbered sections of the main text, then those of parallel versions, in text order.
  public var sections: [Section]
  /// Every block in text order.
  public var blocks: [Block]
  /// Languages of the blocks, in order of first appearance (`und` only when nothing else is found).
  public var languages: [String]
  /// Parallel versions in other languages (doc 000's Chinese text).
  public var versions: [ParallelVersion]
  /// Warnings found while decoding and ingesting (errors are thrown instead).
  public var diagnostics: [Diagnostic]

  private let blockPositions: [String: Int]

  /// Creates the result of ingesting `source`; the id is taken from its path.
  public init(
    source: SourceDocument, title: SpannedText?, byline: Byline?, sections: [Section], blocks: [Block],
    languages: [String], versions: [ParallelVersion], diagnostics: [Diagnostic]
  ) {
    self.source = source
    self.id = source.id
    self.title = title
    self.byline = byline
    self.sections = sections
    self.blocks = blocks
    self.languages = languages
    self.versions = versions
    self.diagnostics = diagnostics
    var positions: [String: Int] = [:]
    for (position, block) in blocks.enumerated() { positions[block.id] = position }
    self.blockPositions = positions
  }

  /// The block with an id, if any.
  public func block(id: String) -> Block? {
    blockPositions[id].map { blocks[$0] }
  }

  /// The numbered section of the main text with a number, if any.
  public func section(number: Int) -> Section? {
    sections.first { $0.number == number && $0.version == nil }
  }

  /// The body blocks of a section, in order.
  public func blocks(in section: Section) -> [Block] {
    section.blockIDs.compactMap { block(id: $0) }
  }
}
