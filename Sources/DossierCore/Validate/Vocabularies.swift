import JSONSchema

/// The controlled vocabularies an annotation refers to — cooperation areas, activity types, countries
/// (ISO 3166-1 with Chinese names and curated aliases) and organizations — with name lookup by
/// `NameKey` and "did you mean" candidates. Built once per run by `build(from:)` from the loaded,
/// schema-valid files.
public struct Vocabularies: Sendable {
  /// A cooperation area.
  public struct Area: Sendable, Hashable {
    public var id: String
    public var parent: String?
    public var origin: String
    public var labels: [String: String]
    public var requiresNote: Bool
    public var pointer: JSONPointer
  }

  /// An activity type.
  public struct ActivityType: Sendable, Hashable {
    public var id: String
    public var status: String
    public var subtypes: [String]
    /// Crosswalk of the type to other schemes (`crosswalk` of activity-types.yaml).
    public var crosswalk: Crosswalk = Crosswalk()
  }

  /// Codes of an activity type in other classification schemes.
  public struct Crosswalk: Sendable, Hashable {
    /// NDU Chinese Military Diplomacy Database category, if any.
    public var ndu: String?
    /// CAMEO event codes, in vocabulary order.
    public var cameo: [String] = []
    /// PLOVER event type, if any.
    public var plover: String?
  }

  /// An organization.
  public struct Organization: Sendable, Hashable {
    public var id: String
    public var country: String?
  }

  public internal(set) var areas: [String: Area] = [:]
  public internal(set) var activityTypes: [String: ActivityType] = [:]
  /// Alpha-3 code → English ISO name.
  public internal(set) var countryNames: [String: String] = [:]
  /// Alpha-3 code → Chinese (zh_CN) ISO name, where iso-codes has one.
  public internal(set) var countryNamesChinese: [String: String] = [:]
  public internal(set) var organizations: [String: Organization] = [:]
  /// Document id the quoted area labels come from, with the labels' pointers.
  public internal(set) var areaSource: String?
  var countryKeys: [String: String] = [:]
  var countryCandidates: [String] = []
  var organizationKeys: [String: String] = [:]
  var organizationCandidates: [String] = []
  /// Activity types by meaning: labels, NDU and CAMEO crosswalk names, subtypes.
  var typeMeanings = MeaningIndex()
  /// Cooperation areas by meaning: English and Chinese labels, a narrower term's last segment.
  var areaMeanings = MeaningIndex()
  /// Organizations by meaning: names, acronyms and aliases, English and Chinese.
  var organizationMeanings = MeaningIndex()

  public init() {}

  /// The alpha-3 code a country reference denotes (docs/vocabularies.md, "Resolution"), or `nil`.
  public func country(_ text: String) -> String? {
    if text.count == 3, text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) {
      return countryNames[text] == nil ? nil : text
    }
    return countryKeys[NameKey.of(text)]
  }

  /// The organization id a reference denotes, or `nil`.
  public func organization(_ text: String) -> String? { organizationKeys[NameKey.of(text)] }

  /// The closest known country name to an unknown one.
  public func suggestCountry(for text: String) -> String? {
    Suggestion.bestMatch(for: text, among: countryCandidates)
  }

  /// Help for an unknown activity type: the closest spelling, else the type it probably means (by
  /// label, NDU or CAMEO name, subtype), else a note that it is a cooperation area, else every type.
  public func activityTypeHelp(for text: String) -> String {
    let ids = activityTypes.keys.sorted()
    if let best = Suggestion.bestMatch(for: text, among: ids) { return "did you mean '\(best)'?" }
    if let meant = typeMeanings.best(for: text) {
      return "did you mean '\(meant.target)'?" + (meant.phrase == meant.target ? "" : " (\(meant.phrase))")
    }
    if let area = areas[text]?.id ?? areaMeanings.best(for: text)?.target {
      return "'\(text)' names a cooperation area ('\(area)'), which goes in areas; activity types: "
        + ids.joined(separator: ", ")
    }
    return "allowed: " + ids.joined(separator: ", ")
  }

  /// Help for an unknown cooperation area: the closest spelling, else the area it probably means (by
  /// label or narrower term), else every area.
  public func areaHelp(for text: String) -> String {
    let ids = areas.keys.sorted()
    if let best = Suggestion.bestMatch(for: text, among: ids) { return "did you mean '\(best)'?" }
    if let meant = areaMeanings.best(for: text) {
      return "did you mean '\(meant.target)'?" + (meant.phrase == meant.target ? "" : " (\(meant.phrase))")
    }
    return "allowed: " + ids.joined(separator: ", ")
  }

  /// Help for an unknown organization: the closest spelling of a name, else the organization it
  /// probably means (names, acronyms and aliases share its words), else `nil`.
  public func organizationHelp(for text: String) -> String? {
    if let best = suggestOrganization(for: text) { return "did you mean '\(best)'?" }
    if let meant = organizationMeanings.best(for: text) {
      return "did you mean '\(meant.target)'?" + (meant.phrase == meant.target ? "" : " (\(meant.phrase))")
    }
    return nil
  }

  /// The closest known organization name to an unknown one.
  public func suggestOrganization(for text: String) -> String? {
    Suggestion.bestMatch(for: text, among: organizationCandidates)
  }
}
