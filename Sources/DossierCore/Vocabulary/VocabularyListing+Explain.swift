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
