/// Where a definition document states one vocabulary term in one language: the term, the list item
/// and the quote with its exact span (docs/annotations.md §11).
///
/// One record per term × language form, so every cell holds one value. Records are made by
/// `RecordTransformer` (with the memberwise initializer the compiler writes) or read back from a row
/// (`init(row:)`).
public struct TermRecord: Hashable, Sendable, Codable {
  /// Id of the defining document.
  public var documentID: String
  /// Term id of the vocabulary (`public_security_goods.hadr`).
  public var term: String
  /// BCP 47 tag of the form (`en`, `zh`).
  public var language: String
  /// 1-based position of the term in the annotation.
  public var ordinal: Int
  /// The vocabulary: `cooperation-areas` or `activity-types`.
  public var vocabulary: String
  /// 1-based list item of that language's list, if the annotation names one.
  public var item: Int?
  /// Id of the section (block) containing the quote.
  public var sectionID: String
  /// The quoted text, exactly as in the source.
  public var quote: String
  /// Start offset (Unicode scalars, inclusive).
  public var start: Int
  /// End offset (Unicode scalars, exclusive).
  public var end: Int
  /// 1-based line of `start`.
  public var startLine: Int
  /// 1-based line of the last quoted character.
  public var endLine: Int
  /// The annotator's notes on the term (free text for people), repeated on each form.
  public var notes: String?
}
