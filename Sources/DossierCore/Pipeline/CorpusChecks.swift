import JSONSchema

/// The corpus-wide checks of validation, fed one document at a time in id order (DESIGN §2.3): activity
/// ids are unique across the corpus, and the source document of the quoted area labels is present.
/// Holds only small indexes (each activity id with where it was first used), never a document.
struct CorpusChecks {
  let validator: CorpusValidator
  /// Every diagnostic so far: the vocabularies', then each document's in id order.
  private(set) var diagnostics: [Diagnostic]
  /// Ids of the documents with an error.
  private(set) var invalid: Set<String> = []
  /// Indexes of documents a note points at (their text is needed to show the noted line).
  private(set) var notedDocuments: Set<Int> = []
  private var firstUse: [String: (location: SourceLocation?, index: Int)] = [:]

  init(validator: CorpusValidator) {
    self.validator = validator
    diagnostics = validator.vocabularyDiagnostics
  }

  /// Adds a document's diagnostics and the corpus-wide ones it causes (also appended to the outcome's
  /// own); sets `outcome.failed` when the document has an error.
  mutating func add(_ outcome: inout CorpusValidator.DocumentOutcome) {
    for activity in outcome.activityIDs {
      if let first = firstUse[activity.id] {
        outcome.diagnostics.append(
          .error(
            .semanticDuplicateID, "activity id '\(activity.id)' is already used", at: activity.location,
            pointer: activity.pointer,
            notes: [Diagnostic.Note("first used here", at: first.location)],
            help: "activity ids are unique across the corpus"))
        if first.index != outcome.index { notedDocuments.insert(first.index) }
      } else {
        firstUse[activity.id] = (activity.location, outcome.index)
      }
    }
    if outcome.diagnostics.contains(where: { $0.severity == .error }) {
      outcome.failed = true
      invalid.insert(outcome.id)
    }
    diagnostics += outcome.diagnostics
  }

  /// The checks that need every id: a warning when the quoted labels' source document is missing.
  mutating func finish(documentIDs: [String]) {
    guard let vocabularies = validator.vocabularies, let source = vocabularies.areaSource,
      let areaLocator = validator.areaLocator, !documentIDs.contains(source)
    else { return }
    diagnostics.append(
      .warning(
        .semanticVocabularyRule,
        "the source document \(source) of the quoted area labels is not in the corpus; its labels are not checked",
        at: areaLocator.location(of: JSONPointer(tokens: ["source", "document"]))))
  }
}

/// The text of the files reporters need to show source lines: of every document with a diagnostic
/// (or of every document, for the value API), not of the whole corpus.
struct SourceTexts {
  let keepAll: Bool
  private(set) var texts: [String: String] = [:]

  init(keepAll: Bool) { self.keepAll = keepAll }

  mutating func add(_ outcome: CorpusValidator.DocumentOutcome) {
    guard keepAll || !outcome.diagnostics.isEmpty else { return }
    texts.merge(outcome.sources) { first, _ in first }
  }

  /// Re-reads the documents at `indexes` whose text is not kept (a note points into them).
  mutating func reload(_ indexes: Set<Int>, from source: some CorpusSource) {
    for index in indexes.sorted() {
      guard let input = try? source.load(index) else { continue }
      for file in [input.text, input.annotation].compactMap({ $0 }) where texts[file.path] == nil {
        texts[file.path] = file.text
      }
    }
  }
}
