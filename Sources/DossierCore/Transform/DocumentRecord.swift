/// One source document after transform: identity, bibliographic header and fixity.
///
/// The header fields come from the text (title, byline) merged with the annotation; the publication
/// time is normalized to ISO 8601 with an offset while the text as printed is kept in `publishedRaw`.
public struct DocumentRecord: Hashable, Sendable, Codable {
  /// Document id: the file stem of `Input/NAME.txt`.
  public var id: String
  /// Document kind from the annotation, e.g. `news_article` or `definition`.
  public var kind: String
  /// The title as printed (the first non-blank line).
  public var title: String
  /// BCP 47 language tag of `title`.
  public var titleLanguage: String
  /// Publisher named in the byline (`Source:`), if any.
  public var publisher: String?
  /// Editor named in the byline, if any.
  public var editor: String?
  /// Publication time, ISO 8601 with offset (`2021-12-23T18:03:31+08:00`).
  public var published: String?
  /// Publication time exactly as printed (`2021-12-23 18:03:31`).
  public var publishedRaw: String?
  /// How the offset of `published` was obtained: `explicit` or `assumed_source_default`.
  public var timezoneBasis: String?
  /// BCP 47 tags of the languages present, in order of first appearance.
  public var languages: [String]
  /// Path of the source text, relative to the corpus root (`Input/NAME.txt`).
  public var sourceFile: String
  /// Path of the annotation sidecar, if the document has one.
  public var annotationFile: String?
  /// SHA-256 (lowercase hex) of the source file's bytes.
  public var sourceSHA256: String
  /// SHA-256 (lowercase hex) of the annotation file's bytes, if any.
  public var annotationSHA256: String?
  /// Corrections of the text by the annotation, each `field: reason` (the corrected value is the
  /// field's value, the original is what the text prints), in annotation order.
  public var corrections: [String]
  /// The annotator's notes: free text for people, not a fact of the document.
  public var notes: String?

  public init(
    id: String, kind: String, title: String, titleLanguage: String, publisher: String? = nil,
    editor: String? = nil, published: String? = nil, publishedRaw: String? = nil,
    timezoneBasis: String? = nil, languages: [String], sourceFile: String, annotationFile: String? = nil,
    sourceSHA256: String, annotationSHA256: String? = nil, corrections: [String] = [], notes: String? = nil
  ) {
    self.corrections = corrections
    self.notes = notes
    self.id = id
    self.kind = kind
    self.title = title
    self.titleLanguage = titleLanguage
    self.publisher = publisher
    self.editor = editor
    self.published = published
    self.publishedRaw = publishedRaw
    self.timezoneBasis = timezoneBasis
    self.languages = languages
    self.sourceFile = sourceFile
    self.annotationFile = annotationFile
    self.sourceSHA256 = sourceSHA256
    self.annotationSHA256 = annotationSHA256
  }
}
