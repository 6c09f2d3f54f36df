import JSONSchema

/// Where the records of one document came from: for a record (column `""`) or one of its columns,
/// the annotation value (a JSON Pointer) or the span of source text it was taken from. Resolved to a
/// line and column only when a message needs one, so a document whose records are all fine costs
/// no location lookups.
public struct RecordOrigins: Sendable {
  /// One origin.
  public enum Origin: Hashable, Sendable {
    /// The annotation value at this pointer.
    case pointer(JSONPointer)
    /// This scalar range of the source text.
    case text(Range<Int>)
  }

  /// In the order the transform noted them (a later note for the same reference wins). A list, not a
  /// dictionary: noting costs no hashing, and only a message ever looks one up.
  let origins: [(reference: RecordFieldReference, origin: Origin)]
  let document: AnnotatedDocument

  /// Where a column's value came from, else where its record did, else `nil`.
  public func location(of reference: RecordFieldReference) -> SourceLocation? {
    var record = reference
    record.column = ""
    guard
      let origin = origins.last(where: { $0.reference == reference })?.origin
        ?? origins.last(where: { $0.reference == record })?.origin
    else { return nil }
    return location(of: origin)
  }

  func location(of origin: Origin) -> SourceLocation {
    switch origin {
    case .pointer(let pointer): return document.location(of: pointer)
    case .text(let range): return document.location(of: range)
    }
  }

  /// Every origin resolved.
  public var locations: [RecordFieldReference: SourceLocation] {
    Dictionary(origins.map { ($0.reference, location(of: $0.origin)) }, uniquingKeysWith: { _, last in last })
  }
}
