import JSONSchema

/// Renders one document's share of the bag (docs/exports.md), for the streaming build: its per-document
/// files (JSON, record XML, oai_dc) and its rows of every table file (JSON Lines, TSV) as bytes.
///
/// The records are checked once (`RecordSetChecker`, and the XML `Char` production when an XML format
/// is chosen) before any format renders them; the XSDs are compiled once, in `init`. Each oai_dc file
/// is validated against its XSD; a record XML file only when the record XSD is not the generated one
/// (`XMLSchemaBundle.recordSchemaIsGenerated`) or `validatesEveryRecordXML` is set: otherwise the
/// record checks already enforce every constraint of the XSD. Concatenating the
/// rows of the documents in id order gives exactly the table files `ExportPipeline.export` writes for
/// the whole corpus (every table is sorted by document id first).
public struct DocumentExporter: Sendable {
  /// The formats rendered.
  public let formats: [ExportFormat]
  let recordValidator: XMLSchemaValidator?
  let dublinCoreValidator: XMLSchemaValidator?
  /// True when each record XML file is validated against the record XSD after it is rendered.
  public let validatesRecordXML: Bool

  /// One document's output: payload files and table rows, paths relative to the payload root.
  public struct Output: Sendable {
    /// Complete files (`json/a.json`, `xml/a.xml`, `oai_dc/a.xml`).
    public var files: [ExportFile] = []
    /// Rows to append to each table file (`jsonl/activities.jsonl`), in `tableFiles` order.
    public var rows: [ExportFile] = []
  }

  /// Compiles the XML schemas the chosen formats need (`X003` when they are missing or broken).
  ///
  /// - Parameter validatesEveryRecordXML: validate each record XML file against the record XSD even
  ///   when that XSD is the generated one (`dossier build --verify-exports`).
  public init(formats: [ExportFormat], schemas: XMLSchemaBundle?, validatesEveryRecordXML: Bool = false)
    throws(DiagnosticError)
  {
    self.formats = ExportFormat.allCases.filter(formats.contains)
    validatesRecordXML = validatesEveryRecordXML || !(schemas?.recordSchemaIsGenerated ?? false)
    let options = ExportOptions(schemas: schemas)
    recordValidator =
      formats.contains(.xml)
      ? try XMLSchemaExport.validator(options, schemaPath: XMLSchemaBundle.recordSchemaPath) : nil
    dublinCoreValidator =
      formats.contains(.oaiDC)
      ? try XMLSchemaExport.validator(options, schemaPath: XMLSchemaBundle.dublinCoreSchemaPath) : nil
  }

  /// The table files in order, each with the bytes it starts with (a TSV header, or nothing).
  public var tableFiles: [ExportFile] {
    var files: [ExportFile] = []
    if formats.contains(.jsonl) {
      files += RecordTable.all.map {
        ExportFile(path: "\(ExportFormat.jsonl.directory)/\($0.name).jsonl", bytes: [])
      }
    }
    if formats.contains(.tsv) {
      files += TSVLayout.tables.map {
        ExportFile(path: "\(ExportFormat.tsv.directory)/\($0.name).tsv", bytes: TSVExporter.header($0))
      }
    }
    return files
  }

  /// Files that do not depend on the corpus (`tsv/datapackage.json`).
  public func fixedFiles() throws -> [ExportFile] {
    guard formats.contains(.tsv) else { return [] }
    return [
      ExportFile(
        path: "\(ExportFormat.tsv.directory)/datapackage.json", bytes: try TSVExporter.dataPackageBytes())
    ]
  }

  /// Checks and renders one document's records (sorted, as the transform returns them).
  ///
  /// - Parameters:
  ///   - rows: the records' rows (`RecordRows(records)`), when the caller already built them.
  /// - Throws: `DiagnosticError` with the `X…` problems of the records.
  public func export(
    _ records: RecordSet, rows: RecordRows? = nil, options: ExportOptions, timings: inout StageTimings
  ) throws(DiagnosticError) -> Output {
    guard let document = records.documents.first else { return Output() }
    let rows = rows ?? RecordRows(records)
    try timings.measure(.check) { () throws(DiagnosticError) in
      try RecordSetChecker.check(records, rows: rows, options: options)
      if formats.contains(.xml) || formats.contains(.oaiDC) {
        let problems = RecordXML.characterProblems(rows, documents: records.documents, options: options)
        if !problems.isEmpty { throw DiagnosticError(problems) }
      }
    }
    var output = Output()
    for format in formats {
      try timings.measure(BuildStage(format)) { () throws(DiagnosticError) in
        switch format {
        case .json:
          output.files.append(
            ExportFile(
              path: "\(format.directory)/\(document.id).json",
              bytes: try JSONExporter.bytes(rows, documentID: document.id)))
        case .jsonl:
          for (table, tableRows) in zip(RecordTable.all, rows.tables) {
            output.rows.append(
              ExportFile(
                path: "\(format.directory)/\(table.name).jsonl", bytes: try JSONLinesExporter.lines(tableRows)
              ))
          }
        case .xml:
          guard let validator = recordValidator else { return }
          output.files.append(
            try XMLSchemaExport.file(
              records, document: document, directory: format.directory,
              validator: validatesRecordXML ? validator : nil
            ) { (_: RecordSet, _: DocumentRecord) throws(XMLWriter.InvalidCharacter) in
              try RecordXML.document(rows)
            })
        case .oaiDC:
          guard let validator = dublinCoreValidator else { return }
          output.files.append(
            try XMLSchemaExport.file(
              records, document: document, directory: format.directory, validator: validator
            ) { (part: RecordSet, document: DocumentRecord) throws(XMLWriter.InvalidCharacter) in
              try DublinCoreExporter.record(part, document: document, labels: options.subjectLabels)
            })
        case .tsv:
          for table in TSVLayout.tables {
            output.rows.append(
              ExportFile(
                path: "\(format.directory)/\(table.name).tsv",
                bytes: TSVExporter.rows(table, rows.rows(of: table.recordTable))))
          }
        }
      }
    }
    return output
  }
}

extension BuildStage {
  /// The stage of an export format.
  init(_ format: ExportFormat) {
    switch format {
    case .json: self = .json
    case .jsonl: self = .jsonl
    case .xml: self = .xml
    case .oaiDC: self = .oaiDC
    case .tsv: self = .tsv
    }
  }
}
