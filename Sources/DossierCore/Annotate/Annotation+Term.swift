import JSONSchema

extension Annotation {
  /// A vocabulary term a definition document defines (§11).
  public struct Term: Sendable, Hashable {
    public var term: Located<String>
    /// `cooperation-areas` or `activity-types`.
    public var vocabulary: Located<String>
    public var english: TermForm?
    public var chinese: TermForm?
    public var notes: String?
    public var pointer: JSONPointer

    /// The forms given, with their language (`en`, `zh`).
    public var forms: [(language: String, form: TermForm)] {
      [english.map { ("en", $0) }, chinese.map { ("zh", $0) }].compactMap { $0 }
    }
  }

  /// Where a term is stated in one language.
  public struct TermForm: Sendable, Hashable {
    public var item: Located<Int>?
    public var evidence: Quote
    public var pointer: JSONPointer
  }
}
