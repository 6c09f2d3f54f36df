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

  /// Reads the codebook: vocabulary terms from the library's `VocabularyCatalog` (the same catalog
  /// `dossier vocab` lists), value lists from the schema's `enum`s. Unusable files contribute nothing
  /// (their problems are reported by validation).
  public init(schemas: SchemaFiles) {
    if let catalog = try? VocabularyCatalog(schemas: schemas) {
      func entries(_ section: VocabularyCatalog.Section) -> [Entry] {
        (catalog.terms[section] ?? []).map { term in
          let details = term.details.filter { $0.key != "status" }.map { "\($0.key): \($0.value)" }
          return Entry(
            value: term.id, english: term.labels["en"], chinese: term.labels["zh"],
            definition: term.definition ?? (details.isEmpty ? nil : details.joined(separator: "; ")),
            source: section.file, aliases: term.aliases.map(\.text),
            isReserved: term.details.contains { $0.key == "status" && $0.value != "active" })
        }
      }
      activityTypes = entries(.types)
      areas = entries(.areas)
      organizations = entries(.organizations)
      countries = entries(.countries)
      for term in catalog.terms[.types] ?? [] {
        subtypes[term.id] = term.subtypes.map {
          Entry(
            value: $0.id, english: $0.label, chinese: nil, definition: "A subtype of `\(term.id)`.",
            source: VocabularyCatalog.Section.types.file)
        }
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
