import JSONSchema

extension Annotation {
  /// Who took part and in what role (§8).
  public struct Participant: Sendable, Hashable {
    public var country: Located<String>?
    public var organization: Located<String>?
    public var person: Person?
    public var set: ParticipantSet?
    public var role: Located<String>
    public var sector: String?
    public var raw: Quote?
    public var implicit: Bool
    public var pointer: JSONPointer
  }

  /// A named person.
  public struct Person: Sendable, Hashable {
    public var name: Located<String>
    public var titles: [Located<String>]
  }

  /// Participants given collectively (§9).
  public struct ParticipantSet: Sendable, Hashable {
    /// `country` or `organization`.
    public var memberKind: String
    public var total: Quantity?
    public var completeness: Located<String>
    public var completenessEvidence: Quote?
    public var members: [SetMember]
    public var pointer: JSONPointer
  }

  /// A member of a set as printed, optionally with the entity it denotes.
  public struct SetMember: Sendable, Hashable {
    public var quote: Quote
    public var country: Located<String>?
    public var organization: Located<String>?
    public var pointer: JSONPointer
  }
}
