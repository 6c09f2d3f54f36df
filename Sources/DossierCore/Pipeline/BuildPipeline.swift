import Foundation
import JSONSchema

/// `dossier build` as a value API (docs/performance.md): corpus values in → validate (`CorpusValidator`) →
/// transform (`RecordTransformer`) → check every record against `records.schema.json` → export
/// (`ExportPipeline`) → the complete BagIt bag as files out, or every diagnostic.
///
/// Schemas are compiled once in `init`. Documents are validated and transformed concurrently (at most
/// `jobs` at a time); the output does not depend on `jobs` or on scheduling (records are sorted by
/// document id and key before export). If any document has an error, no file is produced. No disk I/O.
public struct BuildPipeline: Sendable {
  /// Settings of one build.
  public struct Options: Sendable {
    /// Export formats (default: all).
    public var formats: [ExportFormat]
    /// Documents processed at once (at least 1).
    public var jobs: Int
    /// Treat warnings as errors: a warning then stops the export too.
    public var strict: Bool
    /// Name of the corpus folder as recorded in `documents.source_file` (`Input` → `Input/NAME.txt`).
    public var corpusName: String
    /// `Bag-Software-Agent` of the bag.
    public var softwareAgent: String
    /// False when building one shard (`build --shard`): the checks across documents (activity ids
    /// unique, the area labels' source document present) are left to `merge`, and the result records
    /// what they need (`BuildResult.activities`, `areaSource`).
    public var corpusWideChecks = true
    /// Measure the time of each stage (`BuildResult.timings`, for `--timings`); off, no clock is read.
    public var measuresStages = false
    /// Validate every document's records against `records.schema.json` (`X009`) and every record XML
    /// file against the record XSD (`X002`) even when those schemas are the ones this version
    /// generates, whose constraints the record checks (`X006`–`X008`) already enforce
    /// (`dossier build --verify-exports`; docs/exports.md, "Validity by construction").
    public var verifiesExports = false

    public init(
      formats: [ExportFormat] = ExportFormat.allCases, jobs: Int = CorpusValidator.defaultConcurrency,
      strict: Bool = false, corpusName: String = "Input", softwareAgent: String = "dossier"
    ) {
      self.formats = formats
      self.jobs = max(1, jobs)
      self.strict = strict
      self.corpusName = corpusName
      self.softwareAgent = softwareAgent
    }
  }

  let validator: CorpusValidator
  let recordsSchema: SchemaValidator
  /// True when `records.schema.json` is byte for byte the one this version generates
  /// (`RecordSchemas.jsonSchemaBytes`): its constraints are then those `RecordSetChecker` enforces.
  let recordsSchemaIsGenerated: Bool
  let xmlSchemas: XMLSchemaBundle

  /// Compiles the annotation schema, the vocabularies and `records.schema.json`.
  ///
  /// - Parameters:
  ///   - schemas: the annotation schema and the vocabularies;
  ///   - recordsSchema: `Schemas/records.schema.json`;
  ///   - xmlSchemas: the XSDs and catalog the XML exports are validated against.
  /// - Throws: `DiagnosticError` when a schema cannot be read or compiled (a configuration problem).
  public init(schemas: SchemaFiles, recordsSchema: CorpusFile, xmlSchemas: XMLSchemaBundle)
    throws(DiagnosticError)
  {
    validator = try CorpusValidator(schemas: schemas)
    self.recordsSchema = try CorpusValidator.compile(recordsSchema).0
    recordsSchemaIsGenerated = recordsSchema.bytes == RecordSchemas.jsonSchemaBytes
    self.xmlSchemas = xmlSchemas
  }

  /// Builds a corpus given as values into an in-memory bag; see the type's documentation. Keeps the
  /// text of every input (`sources`).
  public func build(_ documents: [CorpusDocumentInput], options: Options = Options()) async -> BuildResult {
    let sink = InMemoryBagSink()
    var result = await build(
      InMemoryCorpusSource(documents), into: sink, options: options, keepAllSources: true)
    if result.exported { result.files = sink.files }
    return result
  }

  /// Builds a corpus read lazily from `source`, streaming the bag into `sink`.
  ///
  /// Per document, on at most `options.jobs` tasks: read → ingest → merge → validate → transform →
  /// check → render every per-document file and the document's table rows. The results are collected
  /// in document-id order: the corpus-wide checks run, the files go to the sink and are hashed, rows
  /// are appended to the table files. Memory holds a bounded number of documents plus small indexes
  /// (activity ids, the manifest). After the last document the tag files are written.
  ///
  /// If any document has an error (or, with `strict`, a warning), the sink receives nothing more and
  /// `exported` is false: the caller discards what the sink holds. Every document is still validated,
  /// so every diagnostic is reported. A sink error stops the build (`writeError`).
  ///
  /// - Parameter progress: called after each document with (done, total).
  public func build(
    _ source: some CorpusSource, into sink: some BagSink, options: Options = Options(),
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async -> BuildResult {
    await build(source, into: sink, options: options, keepAllSources: false, progress: progress)
  }

  func build(
    _ source: some CorpusSource, into sink: some BagSink, options: Options, keepAllSources: Bool,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async -> BuildResult {
    let policy = DiagnosticPolicy(strict: options.strict)
    let ids = source.documentIDs
    var bag = BagStream(sink: sink)
    var extra: [Diagnostic] = []
    let exporter: DocumentExporter?
    do {
      exporter = try DocumentExporter(
        formats: options.formats, schemas: xmlSchemas, validatesEveryRecordXML: options.verifiesExports)
    } catch {
      exporter = nil
      extra += error.diagnostics
    }
    let transformer = validator.vocabularies.map { RecordTransformer(vocabularies: $0) }
    let stop = StopFlag()
    if exporter == nil || transformer == nil || policy.fails(validator.vocabularyDiagnostics) { stop.set() }
    if !stop.isSet, let exporter {
      bag.start(exporter)
      if bag.failed { stop.set() }
    }
    var checks = CorpusChecks(validator: validator, corpusWide: options.corpusWideChecks)
    var kept = SourceTexts(keepAll: keepAllSources)
    var readError: CorpusSourceError?
    var timings = StageTimings(enabled: options.measuresStages)
    var exportedIDs: [String] = []
    await OrderedStream.run(count: ids.count, jobs: options.jobs) {
      index -> Result<Product, CorpusSourceError> in
      var timings = StageTimings(enabled: options.measuresStages)
      let input: CorpusDocumentInput
      var product: Product
      do throws(CorpusSourceError) {
        let read = try self.validator.readAndValidate(index, of: source, timings: &timings)
        (input, product) = (read.input, Product(outcome: read.outcome))
      } catch {
        return .failure(error)
      }
      // An activity id used twice in the document is an error the corpus-wide checks report (V012)
      // when the collector sees the document; its records would only echo it (X006), so no export.
      let ids = product.outcome.activityIDs.map(\.id)
      if let document = product.outcome.document, let transformer, let exporter, !stop.isSet,
        !policy.fails(product.outcome.diagnostics), Set(ids).count == ids.count
      {
        switch self.export(
          document, input: input, transformer: transformer, exporter: exporter, options: options,
          timings: &timings)
        {
        case .success(let output):
          product.output = output
          product.digests = timings.measure(.hash) { output.files.map { Digest.sha256Hex($0.bytes) } }
        case .failure(let error): product.exportDiagnostics = error.diagnostics
        }
      }
      product.outcome.document = nil
      product.outcome.timings = timings
      return .success(product)
    } collect: { result in
      switch result {
      case .failure(let error):
        readError = error
        stop.set()
        return false
      case .success(var product):
        checks.add(&product.outcome)
        product.outcome.diagnostics += product.exportDiagnostics
        extra += product.exportDiagnostics
        if policy.fails(product.outcome.diagnostics) { stop.set() }
        kept.add(product.outcome)
        timings.merge(product.outcome.timings)
        if !stop.isSet, let output = product.output {
          bag.add(output, id: product.outcome.id, digests: product.digests, timings: &timings)
          exportedIDs.append(product.outcome.id)
          if bag.failed { stop.set() }
        }
        progress?(product.outcome.index + 1, ids.count)
        return bag.writeError == nil
      }
    }
    checks.finish(documentIDs: ids)
    kept.reload(checks.notedDocuments, from: source)
    let diagnostics = (checks.diagnostics + extra).sorted()
    var exported = !stop.isSet && readError == nil && !policy.fails(diagnostics)
    if exported {
      bag.finish(softwareAgent: options.softwareAgent, timings: &timings)
      exported = !bag.failed
    }
    var result = BuildResult(
      diagnostics: diagnostics, files: nil,
      sources: kept.texts.merging(validator.schemaSources) { first, _ in first },
      documentIDs: exported ? exportedIDs : [])
    result.exported = exported
    result.fileCount = exported ? bag.fileCount : 0
    result.readError = readError
    result.writeError = bag.writeError
    result.timings = timings
    result.activities = checks.activities
    result.areaSource = checks.areaSource
    return result
  }

  /// What a worker hands the collector for one document (its validated document already dropped).
  struct Product: Sendable {
    var outcome: CorpusValidator.DocumentOutcome
    var output: DocumentExporter.Output?
    var exportDiagnostics: [Diagnostic] = []
    /// SHA-256 of each of `output.files`.
    var digests: [String] = []
  }

  /// Transforms one document, checks its records against `records.schema.json` and renders its exports.
  func export(
    _ document: ValidatedDocument, input: CorpusDocumentInput, transformer: RecordTransformer,
    exporter: DocumentExporter, options: Options, timings: inout StageTimings
  ) -> Result<DocumentExporter.Output, DiagnosticError> {
    let transformed: Transformed
    switch timings.measure(
      .transform, { transform(document, input: input, transformer: transformer, options: options) })
    {
    case .success(let value): transformed = value
    case .failure(let error): return .failure(error)
    }
    var exportOptions = ExportOptions(
      schemas: xmlSchemas, locator: { [origins = transformed.origins] in origins.location(of: $0) },
      softwareAgent: options.softwareAgent)
    exportOptions.subjectLabels = transformer.vocabularies.areas.mapValues(\.labels)
    do {
      let output = try exporter.export(
        transformed.records, rows: transformed.rows, options: exportOptions, timings: &timings)
      return .success(output)
    } catch {
      return .failure(error)
    }
  }

  /// Transforms one document and checks its records against `records.schema.json` when that schema is
  /// not the generated one or `options.verifiesExports` is set (the generated schema's constraints are
  /// those the exporter's record checks enforce).
  func transform(
    _ document: ValidatedDocument, input: CorpusDocumentInput?, transformer: RecordTransformer,
    options: Options
  ) -> Result<Transformed, DiagnosticError> {
    let sourceName = input?.text.map { Self.fileName($0.path) } ?? "\(document.id).txt"
    let files = RecordTransformer.Files(
      sourceFile: options.corpusName + "/" + sourceName,
      annotationFile: input?.annotation.map { options.corpusName + "/" + Self.fileName($0.path) },
      annotationBytes: input?.annotation?.bytes)
    var transformed: Transformed
    do {
      let (records, origins) = try transformer.transformWithOrigins(document, files: files)
      transformed = Transformed(records: records, origins: origins)
    } catch {
      return .failure(error)
    }
    let rows = RecordRows(transformed.records)
    transformed.rows = rows
    guard !recordsSchemaIsGenerated || options.verifiesExports else { return .success(transformed) }
    let value = JSONExporter.documentValue(rows)
    let documentID = transformed.records.documents.first?.id ?? "?"
    let problems = checkSchema(value, documentID: documentID) { [origins = transformed.origins] pointer in
      Self.recordReference(pointer, rows: rows).flatMap { origins.location(of: $0) }
    }
    transformed.rows = rows
    return problems.isEmpty ? .success(transformed) : .failure(DiagnosticError(problems))
  }

  /// One document's records and where their values came from.
  struct Transformed: Sendable {
    var records: RecordSet
    var origins: RecordOrigins
    /// The records' rows, built once for the schema check and every format.
    var rows: RecordRows? = nil
  }

  /// `X009` for every record of a document's set that breaks `records.schema.json` (the per-document
  /// JSON value holds every record of every table).
  func checkSchema(_ records: RecordSet) -> [Diagnostic] {
    checkSchema(JSONExporter.documentValue(records), documentID: records.documents.first?.id ?? "?")
  }

  /// `locate` gives the source location of a place in the value (`/activities/3/name`): the
  /// annotation value or text the record field came from.
  func checkSchema(
    _ value: JSONValue, documentID: String, locate: (JSONPointer) -> SourceLocation? = { _ in nil }
  ) -> [Diagnostic] {
    let result = recordsSchema.validate(value)
    guard !result.isValid else { return [] }
    return result.errors.prefix(50).map { error in
      .error(
        .recordSchemaViolation,
        "internal error: the records of \(documentID) break records.schema.json at "
          + "\(error.instanceLocation) (\(error.keywordLocation)): \(error.message)",
        at: locate(error.instanceLocation),
        help: "this is a bug in Dossier, not in the input; please report it")
    }
  }

  /// The record field a place in a document's JSON value names: `/TABLE/ROW/COLUMN[/…]`, or
  /// `/document/COLUMN` for the document's own record.
  static func recordReference(_ pointer: JSONPointer, rows: RecordRows) -> RecordFieldReference? {
    let tokens = pointer.tokens
    guard let first = tokens.first else { return nil }
    let table: RecordTable
    let row: Int
    let column: Int
    if first == "document" {
      (table, row, column) = (.documents, 0, 1)
    } else {
      guard let named = RecordTable.all.first(where: { $0.name == first }), tokens.count > 1,
        let index = Int(tokens[1])
      else { return nil }
      (table, row, column) = (named, index, 2)
    }
    let tableRows = rows.rows(of: table)
    guard tableRows.indices.contains(row) else { return nil }
    return tableRows[row].reference(column: tokens.count > column ? tokens[column] : "")
  }

  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
