import JSONSchema

/// A document whose annotation passed the schema and the semantic checks, with what the checks
/// resolved: the span of every quote, the alpha-3 code of every country reference, the id of every
/// organization reference and the parsed dates. The boundary between the validate and transform
/// stages.
public struct ValidatedDocument: Sendable {
  /// The merged document.
  public var annotated: AnnotatedDocument
  /// Scalar range in the document text of each quote, by the quote's pointer.
  public var quoteSpans: [JSONPointer: Range<Int>]
  /// Alpha-3 code of each country reference (participant, location, set member), by pointer; a
  /// set member's country is also recorded at the member's own pointer (`…/set/members/3`).
  public var countries: [JSONPointer: String]
  /// Organization id of each organization reference, by pointer (set members as for countries).
  public var organizations: [JSONPointer: String]
  /// Parsed EDTF value of each activity date, by the pointer of its `edtf`.
  public var dates: [JSONPointer: EDTFDate]

  public init(
    annotated: AnnotatedDocument, quoteSpans: [JSONPointer: Range<Int>] = [:],
    countries: [JSONPointer: String] = [:], organizations: [JSONPointer: String] = [:],
    dates: [JSONPointer: EDTFDate] = [:]
  ) {
    self.annotated = annotated
    self.quoteSpans = quoteSpans
    self.countries = countries
    self.organizations = organizations
    self.dates = dates
  }

  /// The document id.
  public var id: String { annotated.id }
  /// The typed annotation.
  public var annotation: Annotation { annotated.annotation }
}
