import JSONSchema

/// A document merged with its annotation: the ingested structure, the typed annotation, the
/// annotation's source map (JSON Pointer → YAML line:column), and the metadata fields that the text
/// and the annotation agree on (docs/annotations.md §3). The boundary between the annotate and validate stages.
public struct AnnotatedDocument: Sendable {
  /// One metadata field after the merge.
  public struct Field: Sendable, Hashable {
    /// The merged value (the annotation's, a correction's, or the text's).
    public var value: String
    /// The value as found in the text, with its span.
    public var text: SpannedText?
    /// The annotation's value, with its pointer.
    public var annotation: Located<String>?
    /// The correction that overrides the text, if any.
    public var correction: Annotation.Correction?

    public init(
      value: String, text: SpannedText?, annotation: Located<String>?, correction: Annotation.Correction?
    ) {
      self.value = value
      self.text = text
      self.annotation = annotation
      self.correction = correction
    }
  }

  /// The document id (`003_9ffac5d15d52c637`).
  public var id: String
  /// The ingested text.
  public var ingested: IngestedDocument
  /// The typed annotation.
  public var annotation: Annotation
  /// The annotation value with its source map.
  public var located: LocatedJSON
  /// The annotation file's path as given (`Input/003_9ffac5d15d52c637.yaml`).
  public var annotationPath: String
  public var title: Field?
  public var publisher: Field?
  public var editor: Field?
  /// Publication time with offset (RFC 3339), from the annotation or its correction; the raw byline
  /// timestamp is in `text`.
  public var published: Field?
  /// The publication day (local date of `published`, else the byline's date), for date checks.
  public var publicationDay: EDTFDate.Day?

  public init(
    ingested: IngestedDocument, annotation: Annotation, located: LocatedJSON, annotationPath: String,
    title: Field? = nil, publisher: Field? = nil, editor: Field? = nil, published: Field? = nil,
    publicationDay: EDTFDate.Day? = nil
  ) {
    self.id = ingested.id
    self.ingested = ingested
    self.annotation = annotation
    self.located = located
    self.annotationPath = annotationPath
    self.title = title
    self.publisher = publisher
    self.editor = editor
    self.published = published
    self.publicationDay = publicationDay
  }

  /// Where the annotation value at `pointer` is written (its nearest existing ancestor when the pointer
  /// does not exist), or the start of the annotation file.
  public func location(of pointer: JSONPointer) -> SourceLocation {
    located.sourceMap.nearestLocation(at: pointer) ?? SourceLocation(file: annotationPath, line: 1, column: 1)
  }

  /// Where the span `text` is in the document.
  public func location(of text: SpannedText) -> SourceLocation {
    ingested.source.location(of: text.start, end: text.end)
  }

  /// Where the scalar range `range` is in the document.
  public func location(of range: Range<Int>) -> SourceLocation {
    ingested.source.location(of: range.lowerBound, end: range.upperBound)
  }
}
