import DossierCore
import JSONSchema

/// What an annotator may write for each coded field, with labels and definitions, read from the
/// vocabularies (`Schemas/vocabularies/`) and the `enum`s of `annotation.schema.json`: the source of
/// completion items and of hovers over terms.
public struct Codebook: Sendable {
  /// One value that may be written, with what to show about it.
  public struct Entry: Sendable, Hashable {
    /// The value as written in an annotation (`exercise`, `RUS`, `host`).
    public var value: String
    /// English label, when the vocabulary has one.
    public var english: String?
    /// Chinese label, when the vocabulary has one.
    public var chinese: String?
    /// The definition or scope note (Markdown-safe plain text).
    public var definition: String?
    /// Where it comes from (`activity-types.yaml`, `annotation.schema.json`).
    public var source: String
    /// Other names that resolve to it (country and organization aliases), searched by completion.
    public var aliases: [String] = []
    /// Reserved or deprecated terms (listed last, marked).
    public var isReserved = false
  }

  /// Activity types (`type`).
  public private(set) var activityTypes: [Entry] = []
  /// Subtypes of each activity type (`subtype`).
  public private(set) var subtypes: [String: [Entry]] = [:]
  /// Cooperation areas (`areas`, and `term` in definition documents).
  public private(set) var areas: [Entry] = []
  /// Organizations (`organization`), by id.
  public private(set) var organizations: [Entry] = []
  /// Countries (`country`), by alpha-3 code.
  public private(set) var countries: [Entry] = []
  /// Values of the schema's enumerations, by member name (`role`, `mode`, `sector`, `basis`, …).
  public private(set) var enumerations: [String: [Entry]] = [:]
  /// Keys the schema allows, by `$defs` name (`activity`, `participant`, …; `""` for the top level).
  public private(set) var objectKeys: [String: [String]] = [:]

  /// Reads the codebook from the schema files; unusable files contribute nothing (their problems are
  /// reported by validation).
  public init(schemas: SchemaFiles, vocabularies: Vocabularies?) {
    func load(_ kind: VocabularyKind) -> JSONValue? {
      guard let file = schemas.vocabularies[kind]?.data, !kind.isJSON else { return nil }
      return try? YAMLLoader().load(file.bytes, file: file.path).value
    }
    if let types = load(.activityTypes)?["terms"]?.arrayValue {
      for term in types {
        guard let id = term["id"]?.stringValue else { continue }
        activityTypes.append(
          Entry(
            value: id, english: term["label"]?.stringValue, chinese: nil,
            definition: term["definition"]?.stringValue, source: "activity-types.yaml",
            isReserved: (term["status"]?.stringValue ?? "active") != "active"))
        subtypes[id] = (term["subtypes"]?.arrayValue ?? []).compactMap { subtype in
          subtype["id"]?.stringValue.map {
            Entry(
              value: $0, english: subtype["label"]?.stringValue, chinese: nil,
              definition: "A subtype of `\(id)`.", source: "activity-types.yaml")
          }
        }
      }
    }
    if let terms = load(.cooperationAreas)?["terms"]?.arrayValue {
      for term in terms {
        guard let id = term["id"]?.stringValue else { continue }
        areas.append(
          Entry(
            value: id, english: term["labels"]?["en"]?.stringValue,
            chinese: term["labels"]?["zh"]?.stringValue,
            definition: term["scope_note"]?.stringValue, source: "cooperation-areas.yaml"))
      }
    }
    if let list = load(.organizations)?["organizations"]?.arrayValue {
      for organization in list {
        guard let id = organization["id"]?.stringValue else { continue }
        var aliases = (organization["aliases"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }
        if let acronym = organization["acronym"]?.stringValue { aliases.insert(acronym, at: 0) }
        let country = organization["country"]?.stringValue.map { " Country: \($0)." } ?? ""
        organizations.append(
          Entry(
            value: id, english: organization["names"]?["en"]?.stringValue,
            chinese: organization["names"]?["zh"]?.stringValue,
            definition: (organization["kind"]?.stringValue.map { "Kind: \($0)." } ?? "") + country,
            source: "organizations.yaml", aliases: aliases))
      }
    }
    if let vocabularies {
      var aliases: [String: [String]] = [:]
      for alias in load(.countryAliases)?["aliases"]?.arrayValue ?? [] {
        if let text = alias["alias"]?.stringValue, let code = alias["country"]?.stringValue {
          aliases[code, default: []].append(text)
        }
      }
      countries = vocabularies.countryNames.keys.sorted().map { code in
        Entry(
          value: code, english: vocabularies.countryNames[code],
          chinese: vocabularies.countryNamesChinese[code],
          definition: "ISO 3166-1 alpha-3 code \(code).", source: "iso_3166-1.json",
          aliases: aliases[code] ?? [])
      }
    }
    if let schema = try? JSONReader().read(schemas.annotationSchema.bytes) {
      collectEnumerations(schema)
      objectKeys[""] = Self.propertyNames(schema)
      for (name, definition) in schema["$defs"]?.objectValue ?? JSONObject() {
        objectKeys[name] = Self.propertyNames(definition)
      }
    }
  }

  /// Walks the schema for members whose value (or whose items) is an `enum` of strings.
  private mutating func collectEnumerations(_ schema: JSONValue) {
    var stack: [JSONValue] = [schema]
    while let node = stack.popLast() {
      switch node {
      case .object(let object):
        if let properties = object["properties"]?.objectValue {
          for (name, property) in properties {
            let values = property["enum"]?.arrayValue ?? property["items"]?["enum"]?.arrayValue
            guard let values, enumerations[name] == nil else { continue }
            let description = property["description"]?.stringValue
            enumerations[name] = values.compactMap(\.stringValue).map { value in
              Entry(
                value: value, english: nil, chinese: nil,
                definition: Self.definition(of: value, in: description), source: "annotation.schema.json")
            }
          }
        }
        stack.append(contentsOf: object.values)
      case .array(let items):
        stack.append(contentsOf: items)
      default:
        break
      }
    }
  }

  /// The member names under `properties` anywhere in a schema object (its `allOf`/`oneOf` branches
  /// included, not nested subschemas of the properties themselves).
  static func propertyNames(_ schema: JSONValue) -> [String] {
    var names: [String] = []
    var stack: [JSONValue] = [schema]
    while let node = stack.popLast() {
      for name in node["properties"]?.objectValue?.keys ?? [] where !names.contains(name) {
        names.append(name)
      }
      for keyword in ["allOf", "anyOf", "oneOf"] { stack.append(contentsOf: node[keyword]?.arrayValue ?? []) }
      for keyword in ["if", "then", "else"] { if let branch = node[keyword] { stack.append(branch) } }
    }
    return names
  }

  /// The part of a description about one value (`host: receives visitors; …` → `receives visitors`),
  /// else the whole description.
  static func definition(of value: String, in description: String?) -> String? {
    guard let description else { return nil }
    for part in description.split(separator: ";") {
      let trimmed = part.drop { $0 == " " }
      if trimmed.hasPrefix(value + ":") {
        var text = String(trimmed.dropFirst(value.count + 1).drop { $0 == " " })
        if text.hasSuffix(".") { text.removeLast() }
        return text
      }
    }
    return description
  }

  /// The entries that may be written as the value of `key` (`type`, `areas`, `country`, …), given the
  /// activity's type for `subtype`.
  public func entries(for key: String, activityType: String? = nil) -> [Entry] {
    switch key {
    case "type": return activityTypes
    case "subtype":
      if let activityType, let list = subtypes[activityType] { return list }
      return subtypes.keys.sorted().flatMap { subtypes[$0] ?? [] }
    case "areas": return areas
    case "term": return areas + activityTypes
    case "country": return countries
    case "organization": return organizations
    default: return enumerations[key] ?? []
    }
  }

  /// The entry a written value denotes for `key`, resolving country and organization names.
  public func entry(for key: String, value: String, vocabularies: Vocabularies?) -> Entry? {
    switch key {
    case "country":
      guard let code = vocabularies?.country(value) else { return nil }
      return countries.first { $0.value == code }
    case "organization":
      guard let id = vocabularies?.organization(value) else { return nil }
      return organizations.first { $0.value == id }
    default:
      return entries(for: key).first { $0.value == value }
    }
  }
}
