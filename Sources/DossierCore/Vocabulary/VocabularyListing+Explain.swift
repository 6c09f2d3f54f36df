import JSONSchema

extension VocabularyListing {
  /// What `dossier explain TERM` prints for a vocabulary term (every term of that name, one per
  /// line, with its vocabulary), or `nil` when no term has that name.
  public static func explanation(of name: String, in catalog: VocabularyCatalog) -> String? {
    let found = catalog.lookup(name)
    guard !found.isEmpty else { return nil }
    return found.map { "\($0.section.title): " + describe($0) }.joined(separator: "\n")
  }

  /// The note after an unknown code naming vocabulary terms close to `name`, or `nil` when none is.
  public static func termHint(for name: String, in catalog: VocabularyCatalog) -> String? {
    let close = catalog.suggestions(for: name)
    guard !close.isEmpty else { return nil }
    return "note: no vocabulary term has that name either; did you mean " + close.joined(separator: ", ")
      + "? ('dossier vocab' lists every term)"
  }
}

extension VocabularyListing {
  /// What `dossier vocab` prints: the listing (`text(_:)`), or with `json` the `dossier-vocab/1`
  /// document (`json(_:sections:search:)`), two-space indented, members in their order, with a final
  /// line feed.
  public static func render(
    _ terms: [VocabularyCatalog.Term], sections: [VocabularyCatalog.Section], search: String?, json: Bool
  ) -> String {
    guard json else { return text(terms) }
    let value = self.json(terms, sections: sections, search: search)
    return JSONWriter.text(of: value, options: .init(indent: 2, sortedKeys: false)) + "\n"
  }
}
