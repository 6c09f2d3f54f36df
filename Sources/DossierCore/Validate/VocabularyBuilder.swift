import JSONSchema

/// Builds `Vocabularies` from the schema-valid vocabulary files and checks the rules of
/// docs/vocabularies.md that a schema cannot express (reported as `V027` at the offending place).
public struct VocabularyBuilder: Sendable {
  public init() {}

  /// The vocabularies and the rule violations found in them.
  public func build(_ files: [VocabularyKind: InstanceFile]) -> (
    vocabularies: Vocabularies, diagnostics: [Diagnostic]
  ) {
    var v = Vocabularies()
    var diagnostics: [Diagnostic] = []
    func problem(
      _ kind: VocabularyKind, _ pointer: JSONPointer, _ message: String, notes: [Diagnostic.Note] = []
    ) {
      guard let file = files[kind] else { return }
      diagnostics.append(
        .error(
          .semanticVocabularyRule, message, at: file.locator.location(of: pointer),
          pointer: pointer.description,
          notes: notes))
    }
    func items(_ kind: VocabularyKind, _ key: String) -> [(JSONValue, JSONPointer)] {
      guard let value = files[kind]?.value[key]?.arrayValue else { return [] }
      return value.enumerated().map { ($1, JSONPointer(tokens: [key, String($0)])) }
    }

    // Countries: ISO names (English, Chinese), then aliases.
    var isoKeys: [String: String] = [:]
    var candidates: [String] = []
    for (entry, _) in items(.countries, "3166-1") {
      guard let code = entry["alpha_3"]?.stringValue else { continue }
      v.countryNames[code] = entry["name"]?.stringValue ?? code
    }
    for (entry, _) in items(.countryNamesChinese, "3166-1") {
      guard let code = entry["alpha_3"]?.stringValue, let name = entry["name"]?.stringValue else { continue }
      v.countryNamesChinese[code] = name
    }
    for kind in [VocabularyKind.countries, .countryNamesChinese] {
      for (entry, pointer) in items(kind, "3166-1") {
        guard let code = entry["alpha_3"]?.stringValue else { continue }
        for field in ["name", "official_name", "common_name"] {
          guard let name = entry[field]?.stringValue else { continue }
          let key = NameKey.of(name)
          if let known = isoKeys[key], known != code {
            problem(kind, pointer.appending(field), "ISO name '\(name)' names both \(known) and \(code)")
          }
          isoKeys[key] = code
          candidates.append(name)
        }
      }
    }
    v.countryKeys = isoKeys
    var aliasTargets: [String: (code: String, pointer: JSONPointer)] = [:]
    for (entry, pointer) in items(.countryAliases, "aliases") {
      guard let alias = entry["alias"]?.stringValue, let code = entry["country"]?.stringValue else {
        continue
      }
      let key = NameKey.of(alias)
      if v.countryNames[code] == nil {
        problem(.countryAliases, pointer.appending("country"), "unknown alpha-3 code \(code)")
      }
      if v.countryNames[alias] != nil {
        problem(
          .countryAliases, pointer.appending("alias"), "alias '\(alias)' is spelled like an alpha-3 code")
      }
      if let other = aliasTargets[key] {
        let first = files[.countryAliases]?.locator.location(of: other.pointer.appending("alias"))
        problem(
          .countryAliases, pointer.appending("alias"),
          other.code == code
            ? "alias '\(alias)' repeats an earlier alias"
            : "ambiguous alias '\(alias)': \(other.code) and \(code)",
          notes: [Diagnostic.Note("the earlier alias", at: first)])
      }
      aliasTargets[key] = (code, pointer)
      if let iso = isoKeys[key], iso != code {
        problem(
          .countryAliases, pointer.appending("alias"),
          "alias '\(alias)' → \(code) contradicts the ISO name of \(iso)")
      }
      v.countryKeys[key] = code
      candidates.append(alias)
      // A correction of the catalog's name: exports write the alias instead.
      if let wrong = entry["corrects"]?.stringValue {
        let lang = entry["lang"]?.stringValue ?? ""
        if lang.hasPrefix("zh"), v.countryNamesChinese[code] == wrong {
          v.countryNamesChinese[code] = alias
        } else if lang.hasPrefix("en"), v.countryNames[code] == wrong {
          v.countryNames[code] = alias
        } else {
          problem(
            .countryAliases, pointer.appending("corrects"),
            "alias '\(alias)' corrects '\(wrong)', which is not the catalog's \(lang) name of \(code)")
        }
      }
    }
    v.countryCandidates = candidates

    // Organizations.
    var organizationCandidates: [String] = []
    for (entry, pointer) in items(.organizations, "organizations") {
      guard let id = entry["id"]?.stringValue else { continue }
      if v.organizations[id] != nil {
        problem(.organizations, pointer.appending("id"), "duplicate organization id \(id)")
      }
      let country = entry["country"]?.stringValue
      if let country, v.countryNames[country] == nil {
        problem(.organizations, pointer.appending("country"), "unknown alpha-3 code \(country)")
      }
      v.organizations[id] = Vocabularies.Organization(id: id, country: country)
      var forms = [id]
      forms += (entry["names"]?.objectValue?.values ?? []).compactMap(\.stringValue)
      if let acronym = entry["acronym"]?.stringValue { forms.append(acronym) }
      forms += (entry["aliases"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }
      for form in forms {
        let key = NameKey.of(form)
        if let known = v.organizationKeys[key], known != id {
          problem(.organizations, pointer, "organization name '\(form)' is ambiguous: \(known) and \(id)")
        }
        v.organizationKeys[key] = id
        organizationCandidates.append(form)
        v.organizationMeanings.add(form, for: id)
      }
    }
    for (entry, pointer) in items(.organizations, "organizations") {
      if let parent = entry["parent"]?.stringValue, v.organizations[parent] == nil {
        problem(.organizations, pointer.appending("parent"), "unknown parent organization \(parent)")
      }
    }
    v.organizationCandidates = organizationCandidates

    // Cooperation areas.
    v.areaSource = files[.cooperationAreas]?.value["source"]?["document"]?.stringValue
    for (entry, pointer) in items(.cooperationAreas, "terms") {
      guard let id = entry["id"]?.stringValue else { continue }
      if v.areas[id] != nil { problem(.cooperationAreas, pointer.appending("id"), "duplicate term \(id)") }
      var labels: [String: String] = [:]
      for (language, label) in entry["labels"]?.objectValue ?? JSONObject() {
        labels[language] = label.stringValue
        if let text = label.stringValue { v.areaMeanings.add(text, for: id) }
      }
      // A narrower term is also known by its last segment (naval_escort).
      v.areaMeanings.add(id.split(separator: ".").last.map(String.init) ?? id, for: id)
      v.areas[id] = Vocabularies.Area(
        id: id, parent: entry["parent"]?.stringValue, origin: entry["origin"]?.stringValue ?? "curated",
        labels: labels, requiresNote: entry["requires_note"]?.boolValue ?? false, pointer: pointer)
    }
    for (entry, pointer) in items(.cooperationAreas, "terms") {
      guard let id = entry["id"]?.stringValue else { continue }
      if let parent = entry["parent"]?.stringValue {
        if v.areas[parent] == nil {
          problem(.cooperationAreas, pointer.appending("parent"), "unknown parent term \(parent)")
        } else if !id.hasPrefix(parent + ".") {
          problem(
            .cooperationAreas, pointer.appending("id"), "the id must start with its parent '\(parent).'")
        }
      } else if id.contains(".") {
        problem(.cooperationAreas, pointer.appending("id"), "a dotted id needs a parent")
      }
    }

    // Activity types.
    for (entry, pointer) in items(.activityTypes, "terms") {
      guard let id = entry["id"]?.stringValue else { continue }
      if v.activityTypes[id] != nil {
        problem(.activityTypes, pointer.appending("id"), "duplicate type \(id)")
      }
      let subtypes = (entry["subtypes"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
      if Set(subtypes).count != subtypes.count {
        problem(.activityTypes, pointer.appending("subtypes"), "a subtype is listed twice")
      }
      let crosswalk = entry["crosswalk"]
      v.typeMeanings.add(id, for: id)
      if let label = entry["label"]?.stringValue { v.typeMeanings.add(label, for: id) }
      if let ndu = crosswalk?["ndu"]?.stringValue { v.typeMeanings.add(ndu, for: id) }
      for code in (crosswalk?["cameo"]?.arrayValue ?? []).compactMap(\.stringValue) {
        v.typeMeanings.add("CAMEO " + code, for: id)
        v.typeMeanings.add(code, for: id)
      }
      for subtype in entry["subtypes"]?.arrayValue ?? [] {
        if let label = subtype["label"]?.stringValue { v.typeMeanings.add(label, for: id) }
        if let sub = subtype["id"]?.stringValue { v.typeMeanings.add(sub + " " + id, for: id) }
      }
      v.activityTypes[id] = Vocabularies.ActivityType(
        id: id, status: entry["status"]?.stringValue ?? "active", subtypes: subtypes,
        crosswalk: Vocabularies.Crosswalk(
          ndu: crosswalk?["ndu"]?.stringValue,
          cameo: (crosswalk?["cameo"]?.arrayValue ?? []).compactMap(\.stringValue),
          plover: crosswalk?["plover"]?["event"]?.stringValue))
    }
    return (v, diagnostics)
  }

  /// Checks that every `quoted` area label occurs in its source document (when the corpus has it).
  public func checkQuotedLabels(
    _ vocabularies: Vocabularies, source: IngestedDocument, locator: InstanceLocator
  ) -> [Diagnostic] {
    let matcher = QuoteMatcher(text: source.source.text, folding: .rightSingleQuotationMark)
    var diagnostics: [Diagnostic] = []
    for area in vocabularies.areas.values.sorted(by: { $0.pointer < $1.pointer })
    where area.origin == "quoted" {
      for (language, label) in area.labels.sorted(by: { $0.key < $1.key })
      where matcher.occurrences(of: label).isEmpty {
        let pointer = area.pointer.appending("labels").appending(language)
        diagnostics.append(
          .error(
            .semanticVocabularyRule, "quoted label '\(label)' does not occur in \(source.source.path)",
            at: locator.location(of: pointer), pointer: pointer.description))
      }
    }
    return diagnostics
  }
}
