import Foundation
import JSONSchema

/// `dossier build` as a value API (DESIGN §2): corpus values in → validate (`CorpusValidator`) →
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
    self.xmlSchemas = xmlSchemas
  }

  /// Builds the corpus; see the type's documentation.
  public func build(_ documents: [CorpusDocumentInput], options: Options = Options()) async -> BuildResult {
    let validation = await validator.validate(documents, maximumConcurrency: options.jobs)
    let policy = DiagnosticPolicy(strict: options.strict)
    guard !policy.fails(validation.diagnostics), let vocabularies = validator.vocabularies else {
      return BuildResult(diagnostics: validation.diagnostics, files: nil, sources: validation.sources)
    }
    let inputs = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let transformer = RecordTransformer(vocabularies: vocabularies)
    let validated = validation.documents
    var outcomes = [Result<Transformed, DiagnosticError>?](repeating: nil, count: validated.count)
    await withTaskGroup(of: (Int, Result<Transformed, DiagnosticError>).self) { group in
      var next = 0
      func add(_ index: Int) {
        let document = validated[index]
        let input = inputs[document.id]
        group.addTask {
          (index, self.transform(document, input: input, transformer: transformer, options: options))
        }
      }
      while next < validated.count && next < options.jobs {
        add(next)
        next += 1
      }
      while let (index, outcome) = await group.next() {
        outcomes[index] = outcome
        if next < validated.count {
          add(next)
          next += 1
        }
      }
    }
    var diagnostics = validation.diagnostics
    var sets: [RecordSet] = []
    var locations: [RecordFieldReference: SourceLocation] = [:]
    for outcome in outcomes {
      switch outcome {
      case .success(let transformed):
        sets.append(transformed.records)
        locations.merge(transformed.locations) { first, _ in first }
      case .failure(let error): diagnostics += error.diagnostics
      case nil:
        diagnostics.append(.error(.inconsistentRecords, "internal error: a document was not transformed"))
      }
    }
    if policy.fails(diagnostics) {
      return BuildResult(diagnostics: diagnostics.sorted(), files: nil, sources: validation.sources)
    }
    let records = RecordSet.merging(sets)
    do {
      let files = try ExportPipeline.export(
        records, formats: options.formats,
        options: {
          var export = ExportOptions(
            schemas: xmlSchemas, locator: ExportOptions.locator(from: locations),
            softwareAgent: options.softwareAgent)
          export.subjectLabels = vocabularies.areas.mapValues(\.labels)
          return export
        }())
      return BuildResult(
        diagnostics: diagnostics, files: files, sources: validation.sources,
        documentIDs: records.documents.map(\.id))
    } catch {
      return BuildResult(
        diagnostics: (diagnostics + error.diagnostics).sorted(), files: nil, sources: validation.sources)
    }
  }

  /// Transforms one document and checks its records against `records.schema.json`.
  func transform(
    _ document: ValidatedDocument, input: CorpusDocumentInput?, transformer: RecordTransformer,
    options: Options
  ) -> Result<Transformed, DiagnosticError> {
    let sourceName = input?.text.map { Self.fileName($0.path) } ?? "\(document.id).txt"
    let files = RecordTransformer.Files(
      sourceFile: options.corpusName + "/" + sourceName,
      annotationFile: input?.annotation.map { options.corpusName + "/" + Self.fileName($0.path) },
      annotationBytes: input?.annotation?.bytes)
    let transformed: Transformed
    do {
      let (records, locations) = try transformer.transformWithLocations(document, files: files)
      transformed = Transformed(records: records, locations: locations)
    } catch {
      return .failure(error)
    }
    let problems = checkSchema(transformed.records)
    return problems.isEmpty ? .success(transformed) : .failure(DiagnosticError(problems))
  }

  /// One document's records and where their values came from.
  struct Transformed: Sendable {
    var records: RecordSet
    var locations: [RecordFieldReference: SourceLocation]
  }

  /// `X009` for every record of a document's set that breaks `records.schema.json` (the per-document
  /// JSON value holds every record of every table).
  func checkSchema(_ records: RecordSet) -> [Diagnostic] {
    let value = JSONExporter.documentValue(records)
    let result = recordsSchema.validate(value)
    guard !result.isValid else { return [] }
    let documentID = records.documents.first?.id ?? "?"
    return result.errors.prefix(50).map { error in
      .error(
        .recordSchemaViolation,
        "internal error: the records of \(documentID) break records.schema.json at "
          + "\(error.instanceLocation) (\(error.keywordLocation)): \(error.message)",
        help: "this is a bug in Dossier, not in the input; please report it")
    }
  }

  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
