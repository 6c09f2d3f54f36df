/// One participant of one activity: a row of the long table activity × participant.
///
/// Members of a participant set are expanded into one record each, with `setID` naming the set; a
/// country is carried as ISO 3166-1 alpha-3 plus its English and Chinese names.
public struct ParticipantRecord: Hashable, Sendable, Codable {
  /// Id of the document reporting the activity.
  public var documentID: String
  /// Id of the activity.
  public var activityID: String
  /// 1-based position among the activity's participants.
  public var ordinal: Int
  /// Role in the activity: `host`, `organizer`, `participant`, `observer`, `donor`, `recipient`,
  /// `visitor`, `counterpart`.
  public var role: String
  /// ISO 3166-1 alpha-3 code (`RUS`, `NAM`), if the participant is or belongs to a country.
  public var countryISO3: String?
  /// English short name of the country.
  public var countryNameEn: String?
  /// Chinese name of the country.
  public var countryNameZh: String?
  /// Organization id or name (`PLA`, `CMC`), if any.
  public var organization: String?
  /// Sector code (`MIL`, `GOV`), if known.
  public var sector: String?
  /// Id of the participant set this row was expanded from, if any.
  public var setID: String?
  /// True when the participant is implied rather than named by the text.
  public var implicit: Bool
  /// The participant as written in the text, if recorded.
  public var raw: String?
  /// Name of the person, as printed, when the participant is a person.
  public var personName: String?
  /// The person's titles as printed, in annotation order.
  public var personTitles: [String]

  public init(
    documentID: String, activityID: String, ordinal: Int, role: String, countryISO3: String? = nil,
    countryNameEn: String? = nil, countryNameZh: String? = nil, organization: String? = nil,
    sector: String? = nil, setID: String? = nil, implicit: Bool = false, raw: String? = nil,
    personName: String? = nil, personTitles: [String] = []
  ) {
    self.personName = personName
    self.personTitles = personTitles
    self.documentID = documentID
    self.activityID = activityID
    self.ordinal = ordinal
    self.role = role
    self.countryISO3 = countryISO3
    self.countryNameEn = countryNameEn
    self.countryNameZh = countryNameZh
    self.organization = organization
    self.sector = sector
    self.setID = setID
    self.implicit = implicit
    self.raw = raw
  }
}
