import Foundation
import JSONSchema

/// Validates a corpus given as values (docs/validate.md): for each document, ingest the text, load the YAML
/// sidecar, check it against `annotation.schema.json`, merge it with the text and run the semantic
/// checks; then the corpus-wide checks (unique activity ids, quoted vocabulary labels).
///
/// Schemas are compiled and vocabularies built once, in `init`; one validator can validate many
/// corpora. Documents are independent and validated concurrently (at most `maximumConcurrency` at a
/// time); results come back in a deterministic order (documents sorted by id, diagnostics by
/// location). No disk I/O.
public struct CorpusValidator: Sendable {
  let annotationSchema: SchemaValidator
  let annotationDiagnostics: SchemaDiagnostics
  /// The vocabularies, or `nil` when a vocabulary file is unusable (its diagnostics say why).
  public let vocabularies: Vocabularies?
  /// Problems found in the vocabulary files.
  public let vocabularyDiagnostics: [Diagnostic]
  let areaLocator: InstanceLocator?
  let schemaSources: [String: String]

  /// Compiles the schemas and builds the vocabularies.
  ///
  /// - Throws: `DiagnosticError` (`S007`, `S008`) when a schema cannot be read or compiled — a
  ///   configuration problem, not a problem of the corpus.
  public init(schemas: SchemaFiles) throws(DiagnosticError) {
    var sources: [String: String] = [:]
    let (schema, schemaValue) = try CorpusValidator.compile(schemas.annotationSchema)
    annotationSchema = schema
    annotationDiagnostics = SchemaDiagnostics(
      schema: schemaValue, documentURIs: [CorpusValidator.baseURI(for: schemas.annotationSchema)])
    var diagnostics: [Diagnostic] = []
    var files: [VocabularyKind: InstanceFile] = [:]
    var usable = true
    for kind in VocabularyKind.allCases {
      guard let pair = schemas.vocabularies[kind] else {
        usable = false
        continue
      }
      sources[pair.data.path] = pair.data.text
      let (validator, value) = try CorpusValidator.compile(pair.schema)
      let loaded = InstanceFile.parse(pair.data.bytes, path: pair.data.path, json: kind.isJSON)
      diagnostics += loaded.diagnostics
      guard let instance = loaded.file else {
        usable = false
        continue
      }
      let result = validator.validate(instance.value)
      if !result.isValid {
        usable = false
        diagnostics += SchemaDiagnostics(
          schema: value, documentURIs: [CorpusValidator.baseURI(for: pair.schema)]
        )
        .diagnostics(for: result, instance: instance.value, locator: instance.locator)
      }
      files[kind] = instance
    }
    if usable {
      let built = VocabularyBuilder().build(files)
      diagnostics += built.diagnostics
      vocabularies = built.diagnostics.isEmpty ? built.vocabularies : nil
    } else {
      vocabularies = nil
    }
    areaLocator = files[.cooperationAreas]?.locator
    vocabularyDiagnostics = diagnostics
    schemaSources = sources
  }

  /// The retrieval URI a schema given as bytes is compiled under (relative `$ref`s resolve against it;
  /// nothing outside the given bytes is read).
  static func baseURI(for file: CorpusFile) -> String {
    let name = file.path.split(separator: "/").last.map(String.init) ?? "schema.json"
    let encoded = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "schema.json"
    return "file:///dossier-schemas/" + encoded
  }

  static func compile(_ file: CorpusFile) throws(DiagnosticError) -> (SchemaValidator, JSONValue) {
    let value: JSONValue
    do {
      value = try JSONReader().read(file.bytes)
    } catch {
      throw DiagnosticError(
        .error(
          .schemaInvalidJSON, "the schema is not valid JSON: \(error.message)",
          at: SourceLocation(file: file.path, line: error.line, column: error.column)))
    }
    var registry = SchemaRegistry()
    registry.allowsFileReferences = false
    do {
      let validator = try SchemaValidator(
        schema: value, baseURI: baseURI(for: file), registry: registry,
        options: ValidationOptions(formatAssertion: true))
      return (validator, value)
    } catch {
      let location =
        error.position.map { SourceLocation(file: file.path, line: $0.line, column: $0.column) }
        ?? SourceLocation(file: file.path, line: 0, column: 0)
      throw DiagnosticError(
        .error(.schemaUnusable, "the schema cannot be used: \(error.message)", at: location))
    }
  }

  /// Validates every document; see the type's documentation. Keeps every validated document and the
  /// text of every file (for callers that transform them next or show any line). With a `cache`,
  /// documents whose input is unchanged since the cache last saw them are not validated again (the
  /// corpus-wide checks always run).
  public func validate(
    _ documents: [CorpusDocumentInput], maximumConcurrency: Int = CorpusValidator.defaultConcurrency,
    cache: OutcomeCache? = nil
  ) async -> CorpusValidation {
    await validate(
      InMemoryCorpusSource(documents), jobs: maximumConcurrency, keepDocuments: true, keepAllSources: true,
      cache: cache)
  }

  /// Validates a corpus read lazily from `source`, at most `jobs` documents at once, in flat memory:
  /// the validated documents are not kept (`documents` is empty), and `sources` holds only the files
  /// a diagnostic points at. `progress` is called after each document with (done, total).
  ///
  /// - Parameter measuresStages: time each stage (`CorpusValidation.timings`, for `--timings`).
  public func validate(
    _ source: some CorpusSource, jobs: Int = CorpusValidator.defaultConcurrency,
    measuresStages: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async -> CorpusValidation {
    await validate(
      source, jobs: jobs, keepDocuments: false, keepAllSources: false, measuresStages: measuresStages,
      progress: progress)
  }

  /// The work of one document, for the validator and the build engine alike: reads document `index`
  /// of `source` and validates it (or takes its outcome from `cache`, keyed by the input's bytes),
  /// adding the read and each stage to `timings`.
  func readAndValidate(
    _ index: Int, of source: some CorpusSource, cache: OutcomeCache? = nil, timings: inout StageTimings
  ) throws(CorpusSourceError) -> (input: CorpusDocumentInput, outcome: DocumentOutcome) {
    let clock = timings.now()
    let input = try source.load(index)
    timings.add(.read, since: clock)
    var outcome: DocumentOutcome
    if let cached = cache?.outcome(for: input) {
      outcome = cached
    } else {
      outcome = validate(input, timings: &timings)
      cache?.store(outcome, for: input)
    }
    outcome.index = index
    return (input, outcome)
  }

  func validate(
    _ source: some CorpusSource, jobs: Int, keepDocuments: Bool, keepAllSources: Bool,
    cache: OutcomeCache? = nil, measuresStages: Bool = false,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async -> CorpusValidation {
    let ids = source.documentIDs
    cache?.retain(ids: Set(ids))
    var checks = CorpusChecks(validator: self)
    var validated: [ValidatedDocument] = []
    var kept = SourceTexts(keepAll: keepAllSources)
    var readError: CorpusSourceError?
    var timings = StageTimings(enabled: measuresStages)
    await OrderedStream.run(count: ids.count, jobs: jobs) {
      index -> Result<DocumentOutcome, CorpusSourceError> in
      var timings = StageTimings(enabled: measuresStages)
      var outcome: DocumentOutcome
      do throws(CorpusSourceError) {
        outcome = try self.readAndValidate(index, of: source, cache: cache, timings: &timings).outcome
      } catch {
        return .failure(error)
      }
      outcome.timings = timings
      if !keepDocuments { outcome.document = nil }
      return .success(outcome)
    } collect: { result in
      switch result {
      case .failure(let error):
        readError = error
        return false
      case .success(var outcome):
        checks.add(&outcome)
        timings.merge(outcome.timings)
        kept.add(outcome)
        if let document = outcome.document, !outcome.failed { validated.append(document) }
        progress?(outcome.index + 1, ids.count)
        return true
      }
    }
    checks.finish(documentIDs: ids)
    kept.reload(checks.notedDocuments, from: source)
    var result = CorpusValidation(
      diagnostics: checks.diagnostics.sorted(), documents: validated,
      sources: kept.texts.merging(schemaSources) { first, _ in first })
    result.readError = readError
    result.timings = timings
    return result
  }

  /// The editor hint annotation files start with (docs/annotations.md §1).
  public static let schemaComment = "# yaml-language-server: $schema=../Schemas/annotation.schema.json"

  /// The default number of documents validated at once: the number of active cores.
  public static var defaultConcurrency: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  struct DocumentOutcome: Sendable {
    var id: String
    var document: ValidatedDocument?
    var diagnostics: [Diagnostic] = []
    var sources: [String: String] = [:]
    /// Position in the source's ids.
    var index = 0
    /// Each activity id with its pointer and location, for the corpus-wide uniqueness check.
    var activityIDs: [(id: String, pointer: String, location: SourceLocation?)] = []
    /// Set by the corpus-wide checks: the document has an error.
    var failed = false
    var timings = StageTimings(enabled: false)
  }

  /// Validates one document, or takes its outcome from the cache.
  func validate(_ input: CorpusDocumentInput, cache: OutcomeCache?) -> DocumentOutcome {
    if let cached = cache?.outcome(for: input) { return cached }
    let outcome = validate(input)
    cache?.store(outcome, for: input)
    return outcome
  }

  /// Validates one document (synchronously; called from the task group).
  func validate(_ input: CorpusDocumentInput) -> DocumentOutcome {
    var timings = StageTimings(enabled: false)
    return validate(input, timings: &timings)
  }

  /// Validates one document, adding the time of each stage to `timings`.
  func validate(_ input: CorpusDocumentInput, timings: inout StageTimings) -> DocumentOutcome {
    var outcome = DocumentOutcome(id: input.id)
    if let text = input.text { outcome.sources[text.path] = text.text }
    if let annotation = input.annotation { outcome.sources[annotation.path] = annotation.text }
    guard let textFile = input.text else {
      if let annotation = input.annotation {
        outcome.diagnostics.append(
          .error(
            .annotationWithoutDocument, "no document \(input.id).txt beside this annotation",
            at: SourceLocation(file: annotation.path, line: 0, column: 0)))
      }
      return outcome
    }
    var clock = timings.now()
    defer { timings.add(.validate, since: clock) }
    let ingested: IngestedDocument
    do {
      ingested = try DocumentIngester().ingest(SourceDocument(path: textFile.path, bytes: textFile.bytes))
      timings.add(.ingest, since: clock)
      clock = timings.now()
    } catch let error as DiagnosticError {
      outcome.diagnostics += error.diagnostics
      return outcome
    } catch {
      outcome.diagnostics.append(
        .error(
          .unreadableFile, "cannot ingest: \(error)",
          at: SourceLocation(file: textFile.path, line: 0, column: 0)))
      return outcome
    }
    outcome.diagnostics += ingested.diagnostics
    if let unexportable = ExportableCharacters.check(text: ingested.source) {
      outcome.diagnostics.append(unexportable)
    }
    guard let annotationFile = input.annotation else {
      outcome.diagnostics.append(
        .warning(
          .annotationMissing, "document \(input.id) has no annotation \(input.id).yaml",
          at: SourceLocation(file: textFile.path, line: 0, column: 0)))
      return outcome
    }
    let located: LocatedJSON
    do {
      located = try YAMLLoader().load(annotationFile.bytes, file: annotationFile.path)
    } catch {
      outcome.diagnostics += error.diagnostics
      return outcome
    }
    timings.add(.merge, since: clock)
    clock = timings.now()
    outcome.diagnostics += AnnotationYAMLRules.check(located.sourceMap)
    outcome.diagnostics += ExportableCharacters.check(
      located.value, locator: InstanceLocator(yaml: located, file: annotationFile.path))
    // A byte order mark before the first line is not part of it.
    let firstBytes =
      annotationFile.bytes.starts(with: [0xEF, 0xBB, 0xBF])
      ? annotationFile.bytes.dropFirst(3) : annotationFile.bytes[...]
    if !firstBytes.starts(with: Array(CorpusValidator.schemaComment.utf8)) {
      outcome.diagnostics.append(
        .warning(
          .annotationSchemaComment, "the first line should name the schema for editors",
          at: SourceLocation(file: annotationFile.path, line: 1, column: 1),
          help: "add '\(CorpusValidator.schemaComment)' as the first line"))
    }
    // Validation goes on past schema errors: the schema-valid parts are decoded and checked
    // semantically, so one run reports every mistake (docs/validate.md, "All problems at once").
    // At most twice the reported cap is collected (the rest is counted): 200 000 unknown keys cost a
    // count each, not a message each (docs/reliability.md).
    let result = annotationSchema.validate(located.value, maxErrors: 2 * DiagnosticCap.defaultLimit)
    var schemaReport: SchemaDiagnostics.Report?
    if !result.isValid {
      schemaReport = annotationDiagnostics.report(
        for: result, instance: located.value,
        locator: InstanceLocator(yaml: located, file: annotationFile.path))
    }
    timings.add(.validate, since: clock)
    clock = timings.now()
    var semantic: [Diagnostic] = []
    var document: ValidatedDocument?
    if let annotation = AnnotationDecoder().decode(schemaReport?.usable ?? located.value) {
      let merged = AnnotationMerger().merge(
        ingested, annotation: annotation, located: located, annotationPath: annotationFile.path)
      semantic += merged.diagnostics
      timings.add(.merge, since: clock)
      clock = timings.now()
      if let vocabularies {
        let checked = SemanticValidator(vocabularies: vocabularies).validate(merged.document)
        semantic += checked.diagnostics
        document = checked.document
      }
    }
    guard let schemaReport else {
      outcome.diagnostics += semantic
      outcome.document = document
      if let document, let vocabularies {
        outcome.activityIDs = document.annotation.activities.map { activity in
          (
            activity.id.value, activity.id.pointer.description,
            document.annotated.location(of: activity.id.pointer)
          )
        }
        if let areaLocator, vocabularies.areaSource == document.id {
          outcome.diagnostics += VocabularyBuilder().checkQuotedLabels(
            vocabularies, source: document.annotated.ingested, locator: areaLocator)
        }
      }
      return outcome
    }
    outcome.diagnostics += CorpusValidator.combine(schema: schemaReport, semantic: semantic)
    return outcome
  }

  /// The schema's and the semantic checks' diagnostics of one file, one per mistake: where both
  /// report the same value (the same JSON Pointer), the schema's message stays, unless the value is
  /// one whose semantic message says more (a misspelled term id gets the closest terms).
  static func combine(schema report: SchemaDiagnostics.Report, semantic: [Diagnostic]) -> [Diagnostic] {
    let semanticPointers = Set(semantic.compactMap(\.pointer))
    let schemaPointers = Set(report.diagnostics.compactMap(\.pointer))
    let schema = report.diagnostics.filter { diagnostic in
      guard let pointer = diagnostic.pointer else { return true }
      return !(report.semanticPreferred.contains(pointer) && semanticPointers.contains(pointer))
    }
    let kept = semantic.filter { diagnostic in
      guard let pointer = diagnostic.pointer, schemaPointers.contains(pointer) else { return true }
      return report.semanticPreferred.contains(pointer)
    }
    return schema + kept
  }
}
