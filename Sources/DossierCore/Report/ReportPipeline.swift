/// `dossier report` as a value API: validate the corpus (`CorpusValidator`), transform each document
/// (`RecordTransformer`), and render `CorpusReport`'s pages, one document at a time. If any document
/// has an error, no file is produced (like `dossier build`). No disk I/O.
public struct ReportPipeline: Sendable {
  /// What a report run gave: every diagnostic, and whether pages were produced (`false` when an
  /// error stopped the run before or while producing them).
  public struct Outcome: Sendable {
    public var produced: Bool
    public var pages: Int
    public var diagnostics: [Diagnostic]
    public var sources: [String: String]
  }

  let validator: CorpusValidator
  let labels: [String: String]

  /// Compiles the annotation schema and builds the vocabularies.
  public init(schemas: SchemaFiles) throws(DiagnosticError) {
    validator = try CorpusValidator(schemas: schemas)
    labels = (try? VocabularyCatalog(schemas: schemas)).map(CorpusReport.labels(from:)) ?? [:]
  }

  /// Builds the report of a corpus and hands each file to `write` (the document pages in document
  /// order, then `index.html`); `strict` makes warnings errors. Nothing is written when validation
  /// fails; when a later document fails to transform, the pages already written must be discarded
  /// (`produced` is `false`).
  public func run(
    _ documents: [CorpusDocumentInput], strict: Bool = false, write: (ExportFile) throws -> Void
  ) async rethrows -> Outcome {
    let validation = await validator.validate(documents)
    let policy = DiagnosticPolicy(strict: strict)
    guard !policy.fails(validation.diagnostics), let vocabularies = validator.vocabularies else {
      return Outcome(
        produced: false, pages: 0, diagnostics: validation.diagnostics, sources: validation.sources)
    }
    let transformer = RecordTransformer(vocabularies: vocabularies)
    var report = CorpusReport(labels: labels)
    var diagnostics = validation.diagnostics
    var pages = 0
    for document in validation.documents {
      let ingested = document.annotated.ingested
      let paths = RecordTransformer.Files(
        sourceFile: ingested.source.path, annotationFile: nil, annotationBytes: nil)
      let records: RecordSet
      do {
        records = try transformer.transform(document, files: paths).sorted()
      } catch {
        diagnostics += error.diagnostics
        continue
      }
      try write(report.page(for: .init(ingested: ingested, records: records)))
      pages += 1
    }
    // Documents without an annotation (a warning) are listed in the index without a page.
    let annotated = Set(validation.documents.map(\.id))
    for input in documents.sorted(by: { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) })
    where !annotated.contains(input.id) && input.annotation == nil {
      guard let text = input.text else { continue }
      let ingested = (try? SourceDocument(path: text.path, bytes: text.bytes)).flatMap {
        try? DocumentIngester().ingest($0)
      }
      report.listWithoutPage(id: input.id, title: ingested?.title?.text, languages: ingested?.languages ?? [])
    }
    if policy.fails(diagnostics) {
      return Outcome(
        produced: false, pages: pages, diagnostics: diagnostics.sorted(), sources: validation.sources)
    }
    try write(report.index(warnings: diagnostics.filter { $0.severity != .error }))
    return Outcome(produced: true, pages: pages, diagnostics: diagnostics, sources: validation.sources)
  }
}
