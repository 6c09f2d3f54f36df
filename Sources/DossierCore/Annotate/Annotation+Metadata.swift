import JSONSchema

extension Annotation {
  /// Document-level facts (docs/annotations.md §3).
  public struct Metadata: Sendable, Hashable {
    public var title: Located<String>?
    public var publisher: Located<String>?
    public var editor: Located<String>?
    /// RFC 3339 date-time with offset.
    public var published: Located<String>?
    /// `explicit` or `assumed_source_default`.
    public var timeZoneBasis: Located<String>?
    public var languages: [Located<String>]
    public var corrections: [Correction]

    public init(
      title: Located<String>? = nil, publisher: Located<String>? = nil, editor: Located<String>? = nil,
      published: Located<String>? = nil, timeZoneBasis: Located<String>? = nil,
      languages: [Located<String>] = [],
      corrections: [Correction] = []
    ) {
      self.title = title
      self.publisher = publisher
      self.editor = editor
      self.published = published
      self.timeZoneBasis = timeZoneBasis
      self.languages = languages
      self.corrections = corrections
    }
  }

  /// A value that overrides the text, with a reason.
  public struct Correction: Sendable, Hashable {
    /// `title`, `publisher`, `editor` or `published`.
    public var field: Located<String>
    /// The value as printed, when given.
    public var original: Located<String>?
    public var value: Located<String>
    public var reason: Located<String>
    public var pointer: JSONPointer

    public init(
      field: Located<String>, original: Located<String>?, value: Located<String>, reason: Located<String>,
      pointer: JSONPointer
    ) {
      self.field = field
      self.original = original
      self.value = value
      self.reason = reason
      self.pointer = pointer
    }
  }
}
