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

  /// The closest known organization name to an unknown one.
  public func suggestOrganization(for text: String) -> String? {
    Suggestion.bestMatch(for: text, among: organizationCandidates)
  }
}
