import JSONSchema

/// A verbatim quote of the document text: a plain string, or `{quote, occurrence}` naming which match
/// is meant (docs/annotations.md §5).
public struct Quote: Sendable, Hashable {
  /// The quoted words as written in the annotation.
  public var text: String
  /// The 1-based occurrence asked for, or `nil` when the quote must occur exactly once.
  public var occurrence: Int?
  /// Where the quote (string or object) is in the annotation.
  public var pointer: JSONPointer

  public init(text: String, occurrence: Int? = nil, pointer: JSONPointer) {
    self.text = text
    self.occurrence = occurrence
    self.pointer = pointer
  }
}
