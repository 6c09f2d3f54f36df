/// A group of participants described collectively ("over 30 countries, including …").
///
/// The set's explicit members are `ParticipantRecord`s whose `setID` is this set's id; its stated
/// total and any derived totals (marked `derived: true`) are `QuantityRecord`s with the same `setID`.
/// `RecordSet.members(of:)`, `statedTotal(of:)` and `derivedTotals(of:)` gather them.
public struct ParticipantSet: Hashable, Sendable, Codable {
  /// How much of the set the text names.
  public enum Completeness: String, Hashable, Sendable, Codable, CaseIterable {
    /// Every member is named.
    case complete
    /// Some members are named ("including …", "and other …").
    case partial
    /// No member is named, or it is not known how many are.
    case unknown
  }

  /// Id of the document reporting the activity.
  public var documentID: String
  /// Id of the activity the set takes part in.
  public var activityID: String
  /// Set id, unique across the corpus.
  public var id: String
  /// Role of the set's members in the activity.
  public var role: String
  /// What the members are, e.g. `country`.
  public var memberKind: String
  /// How much of the set the text names.
  public var completeness: Completeness
  /// The open-ended wording ("and other neighboring countries"), if any.
  public var openEndedText: String?
  /// Sector code of the members (`MIL`, `GOV`), if coded.
  public var sector: String?
  /// True when the set is implied rather than named by the text.
  public var implicit: Bool
  /// The words naming the set ("armed forces of over 30 countries"), if coded.
  public var raw: String?

  public init(
    documentID: String, activityID: String, id: String, role: String, memberKind: String = "country",
    completeness: Completeness, openEndedText: String? = nil, sector: String? = nil, implicit: Bool = false,
    raw: String? = nil
  ) {
    self.sector = sector
    self.implicit = implicit
    self.raw = raw
    self.documentID = documentID
    self.activityID = activityID
    self.id = id
    self.role = role
    self.memberKind = memberKind
    self.completeness = completeness
    self.openEndedText = openEndedText
  }
}
