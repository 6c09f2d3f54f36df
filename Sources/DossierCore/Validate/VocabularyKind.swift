/// The vocabulary files of `Schemas/vocabularies/` and their schemas (docs/vocabularies.md).
public enum VocabularyKind: String, CaseIterable, Sendable, Hashable {
  case cooperationAreas = "cooperation-areas"
  case activityTypes = "activity-types"
  case countryAliases = "country-aliases"
  case organizations
  case countries = "iso_3166-1"
  case countryNamesChinese = "iso_3166-1.zh_CN"

  /// The data file, relative to the schemas folder.
  public var dataPath: String {
    switch self {
    case .countries, .countryNamesChinese: return "vocabularies/\(rawValue).json"
    default: return "vocabularies/\(rawValue).yaml"
    }
  }

  /// The schema of the data file, relative to the schemas folder.
  public var schemaPath: String { "vocabularies/schema/\(rawValue).schema.json" }

  /// True for JSON data files (the others are YAML).
  public var isJSON: Bool { dataPath.hasSuffix(".json") }
}
