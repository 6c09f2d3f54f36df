/// A number the text states (or the pipeline derives) about an activity or a participant set.
///
/// Values are integers; `lower`/`upper` are inclusive bounds implied by the qualifier ("over 30" has
/// `lower` 31 and no `upper`). Figures computed by the pipeline, such as a count of listed members,
/// have `derived == true` and are never presented as stated by the source.
public struct QuantityRecord: Hashable, Sendable, Codable {
  /// How the stated value relates to the true value.
  public enum Qualifier: String, Hashable, Sendable, Codable, CaseIterable {
    /// Exactly the value ("17 competitions").
    case exact
    /// Strictly more than the value ("over 30").
    case moreThan = "more_than"
    /// The value or more ("at least 5").
    case atLeast = "at_least"
    /// Slightly fewer than the value ("nearly 70").
    case nearly
    /// Around the value ("about 100").
    case approx
    /// No usable value ("many countries").
    case vague
  }

  /// Id of the document reporting the activity.
  public var documentID: String
  /// Id of the activity the quantity belongs to.
  public var activityID: String
  /// 1-based position among the activity's quantities.
  public var ordinal: Int
  /// Id of the participant set the quantity counts, if any.
  public var setID: String?
  /// What is counted (`countries`, `competitions`, `group first places`).
  public var unit: String
  /// How the value is qualified.
  public var qualifier: Qualifier
  /// The stated (or derived) value, if any.
  public var value: Int?
  /// Inclusive lower bound, if known.
  public var lower: Int?
  /// Inclusive upper bound, if known.
  public var upper: Int?
  /// The quantity as written ("over 30 countries"), if stated.
  public var raw: String?
  /// True for figures computed by the pipeline rather than stated by the source.
  public var derived: Bool
  /// Id of the evidence record quoting the quantity, if any.
  public var evidenceID: String?
  /// Further classification, `key=value` items sorted by key (`place=1`, `team=group`); for a derived
  /// total, the dimensions its members share.
  public var dimensions: [String]

  public init(
    documentID: String, activityID: String, ordinal: Int, setID: String? = nil, unit: String,
    qualifier: Qualifier, value: Int? = nil, lower: Int? = nil, upper: Int? = nil, raw: String? = nil,
    derived: Bool = false, evidenceID: String? = nil, dimensions: [String] = []
  ) {
    self.dimensions = dimensions
    self.documentID = documentID
    self.activityID = activityID
    self.ordinal = ordinal
    self.setID = setID
    self.unit = unit
    self.qualifier = qualifier
    self.value = value
    self.lower = lower
    self.upper = upper
    self.raw = raw
    self.derived = derived
    self.evidenceID = evidenceID
  }
}
