import Foundation
import JSONSchema

/// The controlled vocabularies as people browse them (`dossier vocab`, `dossier explain TERM`): every
/// activity type, cooperation area, organization and country with its labels in English and Chinese,
/// definition, broader and narrower terms, subtypes, crosswalk and aliases.
///
/// Built from the vocabulary files of `SchemaFiles` (no disk I/O). The lookup tables the validator uses
/// live in `Vocabularies`; this value keeps what a person reads.
public struct VocabularyCatalog: Sendable {
  /// The four browsable vocabularies, in the order they are listed.
  public enum Section: String, CaseIterable, Sendable, Hashable, Codable {
    case types, areas, organizations, countries

    /// The file the terms come from.
    public var file: String {
      switch self {
      case .types: return "activity-types.yaml"
      case .areas: return "cooperation-areas.yaml"
      case .organizations: return "organizations.yaml"
      case .countries: return "iso_3166-1.json, iso_3166-1.zh_CN.json, country-aliases.yaml"
      }
    }

    /// A heading for listings.
    public var title: String {
      switch self {
      case .types: return "Activity types"
      case .areas: return "Cooperation areas"
      case .organizations: return "Organizations"
      case .countries: return "Countries"
      }
    }
  }

  /// Another name of a term: an alias, an acronym, an official or common name.
  public struct Alias: Sendable, Hashable {
    public var text: String
    /// BCP 47 tag of the alias, when the vocabulary says.
    public var language: String?
  }

  /// A subtype of an activity type.
  public struct Subtype: Sendable, Hashable {
    public var id: String
    public var label: String
  }

  /// One term of one vocabulary.
  public struct Term: Sendable {
    public var section: Section
    /// The identifier annotations use (`exercise`, `public_security_goods.hadr`, `PLA`, `RUS`).
    public var id: String
    /// Labels by language (`en`, `zh`).
    public var labels: [String: String]
    /// The definition (activity types) or scope note (areas), as the vocabulary states it.
    public var definition: String?
    /// The broader term (a narrower area's parent, an organization's parent).
    public var broader: String?
    /// The narrower terms, in vocabulary order.
    public var narrower: [String]
    /// Subtypes (activity types).
    public var subtypes: [Subtype]
    /// Crosswalk codes (activity types): `ndu`, `cameo`, `plover`, each as text.
    public var crosswalk: [(scheme: String, codes: [String])]
    /// Other names the term is found by.
    public var aliases: [Alias]
    /// Further facts as `key: value` (origin, status, kind, country, requires_note), sorted by key.
    public var details: [(key: String, value: String)]

  }

  /// Every term by section, in vocabulary order.
  public private(set) var terms: [Section: [Term]] = [:]

  /// Loads the catalog from the vocabulary files.
  ///
  /// - Throws: `DiagnosticError` when a file is not valid YAML or JSON (its schema is checked by
  ///   `dossier validate`).
  public init(schemas: SchemaFiles) throws(DiagnosticError) {
    var values: [VocabularyKind: JSONValue] = [:]
    for kind in VocabularyKind.allCases {
      guard let file = schemas.vocabularies[kind]?.data else { continue }
      if kind.isJSON {
        do {
          values[kind] = try JSONReader().read(file.bytes)
        } catch {
          throw DiagnosticError(
            .error(
              .schemaInvalidJSON, error.message,
              at: SourceLocation(file: file.path, line: error.line, column: error.column)))
        }
      } else {
        values[kind] = try YAMLLoader().load(file.bytes, file: file.path).value
      }
    }
    self.init(values: values)
  }

  /// Builds the catalog from the loaded vocabulary values.
  public init(values: [VocabularyKind: JSONValue]) {
    func list(_ kind: VocabularyKind, _ key: String) -> [JSONValue] { values[kind]?[key]?.arrayValue ?? [] }
    func text(_ value: JSONValue?) -> String? { value?.stringValue }

    // Activity types.
    terms[.types] = list(.activityTypes, "terms").compactMap { entry in
      guard let id = text(entry["id"]) else { return nil }
      var crosswalk: [(String, [String])] = []
      if let walk = entry["crosswalk"] {
        crosswalk.append(("ndu", text(walk["ndu"]).map { [$0] } ?? []))
        crosswalk.append(("cameo", (walk["cameo"]?.arrayValue ?? []).compactMap(\.stringValue)))
        var plover: [String] = []
        if let event = text(walk["plover"]?["event"]) {
          plover.append(event)
          for facet in ["mode", "context"] {
            let items = (walk["plover"]?[facet]?.arrayValue ?? []).compactMap(\.stringValue)
            if !items.isEmpty { plover.append("\(facet)=\(items.joined(separator: ","))") }
          }
        }
        crosswalk.append(("plover", plover))
      }
      return Term(
        section: .types, id: id, labels: text(entry["label"]).map { ["en": $0] } ?? [:],
        definition: text(entry["definition"]), broader: nil, narrower: [],
        subtypes: (entry["subtypes"]?.arrayValue ?? []).compactMap { sub in
          guard let id = text(sub["id"]) else { return nil }
          return Subtype(id: id, label: text(sub["label"]) ?? id)
        },
        crosswalk: crosswalk, aliases: [],
        details: text(entry["status"]).map { [("status", $0)] } ?? [])
    }

    // Cooperation areas.
    var areas: [Term] = list(.cooperationAreas, "terms").compactMap { entry in
      guard let id = text(entry["id"]) else { return nil }
      var labels: [String: String] = [:]
      for (language, label) in entry["labels"]?.objectValue ?? JSONObject() {
        labels[language] = label.stringValue
      }
      var details: [(String, String)] = []
      if let origin = text(entry["origin"]) { details.append(("origin", origin)) }
      if entry["requires_note"]?.boolValue == true { details.append(("requires_note", "true")) }
      return Term(
        section: .areas, id: id, labels: labels, definition: text(entry["scope_note"]),
        broader: text(entry["parent"]), narrower: [], subtypes: [], crosswalk: [], aliases: [],
        details: details)
    }
    Self.linkNarrower(&areas)
    terms[.areas] = areas

    // Organizations.
    var organizations: [Term] = list(.organizations, "organizations").compactMap { entry in
      guard let id = text(entry["id"]) else { return nil }
      var labels: [String: String] = [:]
      for (language, name) in entry["names"]?.objectValue ?? JSONObject() {
        labels[language] = name.stringValue
      }
      var aliases: [Alias] = []
      if let acronym = text(entry["acronym"]) { aliases.append(Alias(text: acronym, language: nil)) }
      for alias in entry["aliases"]?.arrayValue ?? [] {
        if let value = text(alias["text"]) {
          aliases.append(Alias(text: value, language: text(alias["lang"])))
        }
      }
      var details: [(String, String)] = []
      if let country = text(entry["country"]) { details.append(("country", country)) }
      if let kind = text(entry["kind"]) { details.append(("kind", kind)) }
      return Term(
        section: .organizations, id: id, labels: labels, definition: nil, broader: text(entry["parent"]),
        narrower: [], subtypes: [], crosswalk: [], aliases: aliases, details: details)
    }
    Self.linkNarrower(&organizations)
    terms[.organizations] = organizations

    // Countries: ISO names, Chinese names, curated aliases.
    var chinese: [String: JSONValue] = [:]
    for entry in list(.countryNamesChinese, "3166-1") {
      if let code = text(entry["alpha_3"]) { chinese[code] = entry }
    }
    var aliasesByCode: [String: [Alias]] = [:]
    for entry in list(.countryAliases, "aliases") {
      guard let alias = text(entry["alias"]), let code = text(entry["country"]) else { continue }
      aliasesByCode[code, default: []].append(Alias(text: alias, language: text(entry["lang"])))
    }
    terms[.countries] = list(.countries, "3166-1").compactMap { entry in
      guard let code = text(entry["alpha_3"]) else { return nil }
      var labels: [String: String] = [:]
      labels["en"] = text(entry["name"])
      labels["zh"] = text(chinese[code]?["name"])
      var aliases: [Alias] = []
      for field in ["official_name", "common_name"] {
        if let name = text(entry[field]) { aliases.append(Alias(text: name, language: "en")) }
        if let name = text(chinese[code]?[field]) { aliases.append(Alias(text: name, language: "zh")) }
      }
      if let alpha2 = text(entry["alpha_2"]) { aliases.append(Alias(text: alpha2, language: nil)) }
      aliases += aliasesByCode[code] ?? []
      return Term(
        section: .countries, id: code, labels: labels, definition: nil, broader: nil, narrower: [],
        subtypes: [], crosswalk: [], aliases: aliases,
        details: text(entry["numeric"]).map { [("numeric", $0)] } ?? [])
    }
  }

  private static func linkNarrower(_ terms: inout [Term]) {
    var positions: [String: Int] = [:]
    for (position, term) in terms.enumerated() { positions[term.id] = position }
    for term in terms {
      if let broader = term.broader, let position = positions[broader] {
        terms[position].narrower.append(term.id)
      }
    }
  }

  /// The terms of the given sections (all when empty) that match `search` (every term when `nil`).
  ///
  /// A search matches, case-insensitively and after NFKC, anywhere in a term's id, labels, aliases,
  /// definition, subtypes or crosswalk codes, in either language.
  public func terms(in sections: [Section] = [], matching search: String? = nil) -> [Term] {
    let chosen = sections.isEmpty ? Section.allCases : sections
    let needle = search.map(Self.fold).flatMap { $0.isEmpty ? nil : $0 }
    return chosen.flatMap { section in
      (terms[section] ?? []).filter { term in
        guard let needle else { return true }
        return Self.searchableTexts(of: term).contains { Self.fold($0).contains(needle) }
      }
    }
  }

  /// The terms whose id, label or alias is `name` (compared case-insensitively after NFKC), exact ids
  /// first; used by `dossier explain`.
  public func lookup(_ name: String) -> [Term] {
    let key = Self.fold(name)
    guard !key.isEmpty else { return [] }
    let all = Section.allCases.flatMap { terms[$0] ?? [] }
    let byID = all.filter { Self.fold($0.id) == key }
    if !byID.isEmpty { return byID }
    return all.filter { term in
      term.labels.values.contains { Self.fold($0) == key }
        || term.aliases.contains { Self.fold($0.text) == key }
    }
  }

  /// Ids and labels close to `name`, for "did you mean".
  public func suggestions(for name: String, limit: Int = 3) -> [String] {
    let candidates = Section.allCases.filter { $0 != .countries }.flatMap { terms[$0] ?? [] }.map(\.id)
    return Suggestion.closeMatches(for: name, among: candidates, limit: limit)
  }

  static func searchableTexts(of term: Term) -> [String] {
    var texts = [term.id] + term.labels.values.sorted() + term.aliases.map(\.text)
    if let definition = term.definition { texts.append(definition) }
    texts += term.subtypes.flatMap { [$0.id, $0.label] }
    texts += term.crosswalk.flatMap(\.codes)
    return texts
  }

  /// The matching key of names (`NameKey`), so browsing folds text as validation does.
  static func fold(_ text: String) -> String { NameKey.of(text) }
}
