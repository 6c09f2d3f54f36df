import JSONSchema

/// The corpus-wide checks of validation, fed one document at a time in id order: activity
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
  /// Each activity id with the index of where it was first used in `uses`, packed (a corpus of 100 000
  /// activities costs a few megabytes: the dictionary holds 4-byte values, `uses` is dense, and the file
  /// of a use is an index into `files`).
  private var firstUse: [String: Int32] = [:]
  private var uses: [FirstUse] = []
  private var files: [String] = []
  private var fileIndex: [String: Int32] = [:]

  private struct FirstUse {
    var document: Int32
    var file: Int32
    var line: Int32
    var column: Int32
    var endLine: Int32
    var endColumn: Int32
  }

  private mutating func pack(_ location: SourceLocation?, document: Int) -> FirstUse {
    guard let location else {
      return FirstUse(
        document: Int32(clamping: document), file: -1, line: 0, column: 0, endLine: -1, endColumn: -1)
    }
    let file: Int32
    if let known = fileIndex[location.file] {
      file = known
    } else {
      file = Int32(clamping: files.count)
      files.append(location.file)
      fileIndex[location.file] = file
    }
    return FirstUse(
      document: Int32(clamping: document), file: file, line: Int32(clamping: location.line),
      column: Int32(clamping: location.column), endLine: location.endLine.map { Int32(clamping: $0) } ?? -1,
      endColumn: location.endColumn.map { Int32(clamping: $0) } ?? -1)
  }

  private func unpack(_ use: FirstUse) -> SourceLocation? {
    guard use.file >= 0 else { return nil }
    return SourceLocation(
      file: files[Int(use.file)], line: Int(use.line), column: Int(use.column),
      endLine: use.endLine < 0 ? nil : Int(use.endLine),
      endColumn: use.endColumn < 0 ? nil : Int(use.endColumn))
  }
  /// False for one shard of a corpus (`build --shard`): the checks that need every document are left
  /// to `merge`, and what they need is recorded instead (`activities`, `areaSource`).
  let corpusWide: Bool
  /// Each document's activity ids (only when not `corpusWide`).
  private(set) var activities: [String: [PartIndex.Activity]] = [:]

  init(validator: CorpusValidator, corpusWide: Bool = true) {
    self.validator = validator
    self.corpusWide = corpusWide
    diagnostics = validator.vocabularyDiagnostics
  }

  /// The document the quoted area labels come from, and where the vocabulary names it.
  var areaSource: PartIndex.AreaSource? {
    guard let source = validator.vocabularies?.areaSource, let locator = validator.areaLocator else {
      return nil
    }
    return PartIndex.AreaSource(
      document: source, location: locator.location(of: JSONPointer(tokens: ["source", "document"])))
  }

  /// The error for a repeated activity id, noting its first use.
  static func duplicateID(
    _ id: String, pointer: String, at location: SourceLocation?, firstUse: SourceLocation?
  ) -> Diagnostic {
    .error(
      .semanticDuplicateID, "activity id '\(id)' is already used", at: location, pointer: pointer,
      notes: [Diagnostic.Note("first used here", at: firstUse)],
      help: "activity ids are unique across the corpus")
  }

  /// The warning when the quoted labels' source document is not in the corpus.
  static func missingAreaSource(_ source: PartIndex.AreaSource) -> Diagnostic {
    .warning(
      .semanticVocabularyRule,
      "the source document \(source.document) of the quoted area labels is not in the corpus; its labels are not checked",
      at: source.location)
  }

  /// Adds a document's diagnostics and the corpus-wide ones it causes (also appended to the outcome's
  /// own); sets `outcome.failed` when the document has an error.
  mutating func add(_ outcome: inout CorpusValidator.DocumentOutcome) {
    if !corpusWide {
      activities[outcome.id] = outcome.activityIDs.map {
        PartIndex.Activity(id: $0.id, pointer: $0.pointer, location: $0.location)
      }
    }
    for activity in outcome.activityIDs where corpusWide {
      if let index = firstUse[activity.id] {
        let first = uses[Int(index)]
        outcome.diagnostics.append(
          Self.duplicateID(
            activity.id, pointer: activity.pointer, at: activity.location, firstUse: unpack(first)))
        if Int(first.document) != outcome.index { notedDocuments.insert(Int(first.document)) }
      } else {
        firstUse[activity.id] = Int32(clamping: uses.count)
        uses.append(pack(activity.location, document: outcome.index))
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
    guard corpusWide, let source = areaSource, !documentIDs.contains(source.document)
    else { return }
    diagnostics.append(Self.missingAreaSource(source))
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
