import JSONSchema

/// The two forms `dossier vocab` prints: a text listing for people and JSON for programs
/// (`Schemas/vocab.schema.json`). Pure functions of the catalog's terms.
public enum VocabularyListing {
  /// The format identifier of the JSON form.
  public static let jsonFormat = "dossier-vocab/1"

  /// The text listing: a heading per section, then per term its id and labels, and indented lines for
  /// its definition, broader and narrower terms, subtypes, crosswalk, aliases and details.
  public static func text(_ terms: [VocabularyCatalog.Term]) -> String {
    var out = ""
    var section: VocabularyCatalog.Section?
    for term in terms {
      if term.section != section {
        if section != nil { out += "\n" }
        section = term.section
        let count = terms.filter { $0.section == term.section }.count
        out += "\(term.section.title) (\(term.section.rawValue), \(term.section.file)): \(count)\n"
      }
      out += describe(term, indent: "  ")
    }
    return out
  }

  /// One term: `id — en label · zh label`, then its facts on indented lines.
  public static func describe(_ term: VocabularyCatalog.Term, indent: String = "") -> String {
    var head = indent + term.id
    let labels =
      ["en", "zh"].compactMap { term.labels[$0] }
      + term.labels.keys.sorted().filter { $0 != "en" && $0 != "zh" }.compactMap { term.labels[$0] }
    if !labels.isEmpty { head += " — " + labels.joined(separator: " · ") }
    var lines = [head]
    let inner = indent + "    "
    if let definition = term.definition { lines.append(inner + "definition: " + definition) }
    if let broader = term.broader { lines.append(inner + "broader: " + broader) }
    if !term.narrower.isEmpty { lines.append(inner + "narrower: " + term.narrower.joined(separator: ", ")) }
    if !term.subtypes.isEmpty {
      lines.append(
        inner + "subtypes: " + term.subtypes.map { "\($0.id) (\($0.label))" }.joined(separator: ", "))
    }
    if !term.crosswalk.isEmpty {
      let parts = term.crosswalk.map {
        "\($0.scheme.uppercased()) " + ($0.codes.isEmpty ? "none" : $0.codes.joined(separator: " "))
      }
      lines.append(inner + "crosswalk: " + parts.joined(separator: "; "))
    }
    if !term.aliases.isEmpty {
      let shown = term.aliases.map { alias in alias.text + (alias.language.map { " (\($0))" } ?? "") }
      lines.append(inner + "aliases: " + shown.joined(separator: ", "))
    }
    for (key, value) in term.details { lines.append(inner + "\(key): \(value)") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The JSON value of a listing: `{format, sections, search, terms: [...]}`.
  public static func json(
    _ terms: [VocabularyCatalog.Term], sections: [VocabularyCatalog.Section], search: String?
  ) -> JSONValue {
    .object(
      JSONObject([
        ("format", .string(jsonFormat)),
        ("sections", .array(sections.map { .string($0.rawValue) })),
        ("search", search.map(JSONValue.string) ?? .null),
        ("terms", .array(terms.map(json))),
      ]))
  }

  /// One term as JSON.
  public static func json(_ term: VocabularyCatalog.Term) -> JSONValue {
    var labels = JSONObject()
    for key in term.labels.keys.sorted() { labels[key] = .string(term.labels[key] ?? "") }
    var crosswalk = JSONObject()
    for entry in term.crosswalk { crosswalk[entry.scheme] = .array(entry.codes.map(JSONValue.string)) }
    var details = JSONObject()
    for (key, value) in term.details { details[key] = .string(value) }
    return .object(
      JSONObject([
        ("vocabulary", .string(term.section.rawValue)),
        ("id", .string(term.id)),
        ("labels", .object(labels)),
        ("definition", term.definition.map(JSONValue.string) ?? .null),
        ("broader", term.broader.map(JSONValue.string) ?? .null),
        ("narrower", .array(term.narrower.map(JSONValue.string))),
        (
          "subtypes",
          .array(
            term.subtypes.map {
              .object(JSONObject([("id", .string($0.id)), ("label", .string($0.label))]))
            })
        ),
        ("crosswalk", term.crosswalk.isEmpty ? .null : .object(crosswalk)),
        (
          "aliases",
          .array(
            term.aliases.map {
              .object(
                JSONObject([("text", .string($0.text)), ("lang", $0.language.map(JSONValue.string) ?? .null)])
              )
            })
        ),
        ("details", .object(details)),
      ]))
  }
}
