/// Shared steps of the XML exporters.
enum XMLSchemaExport {
  /// Compiles the validator of a schema of the bundle in `options` (`X003` when there is none).
  static func validator(_ options: ExportOptions, schemaPath: String) throws(DiagnosticError)
    -> XMLSchemaValidator
  {
    guard let bundle = options.schemas else {
      throw DiagnosticError(
        .error(
          .xmlSchemaUnavailable, "XML export needs the schemas to validate against, and none were given",
          help: "pass the Schemas folder (XSDs and catalog.xml)"))
    }
    return try XMLSchemaValidator(bundle: bundle, schemaPath: schemaPath)
  }

  /// Re-parses and validates written bytes; any problem is an `X002` error at the generated line.
  static func check(_ bytes: [UInt8], path: String, validator: XMLSchemaValidator) throws(DiagnosticError) {
    let issues = validator.validate(bytes, fileName: path)
    guard let first = issues.first else { return }
    throw DiagnosticError(
      .error(
        .xmlSchemaInvalid, "\(path) does not validate against \(validator.schemaPath): \(first.message)",
        at: SourceLocation(file: path, line: max(1, first.line), column: max(1, first.column)),
        notes: issues.dropFirst().map {
          Diagnostic.Note(
            $0.message, at: SourceLocation(file: path, line: max(1, $0.line), column: max(1, $0.column)))
        }))
  }

  /// Writes one XML file per document into `directory`, after checking the records and every string
  /// against the XML `Char` production, and validates each file against the schema at `schemaPath`.
  static func exportPerDocument(
    _ records: RecordSet, options: ExportOptions, schemaPath: String, directory: String,
    render: (RecordSet, DocumentRecord) throws(XMLWriter.InvalidCharacter) -> [UInt8]
  ) throws -> [ExportFile] {
    try RecordSetChecker.check(records, options: options)
    let problems = RecordXML.characterProblems(records, options: options)
    if !problems.isEmpty { throw DiagnosticError(problems) }
    let validator = try validator(options, schemaPath: schemaPath)
    let sorted = records.sorted()
    let parts = sorted.partitionedByDocument()
    var files: [ExportFile] = []
    for document in sorted.documents {
      files.append(
        try file(
          parts[document.id] ?? RecordSet(), document: document, directory: directory, validator: validator,
          render: render))
    }
    return files
  }

  /// Renders one document's XML file and validates it when a `validator` is given (records already
  /// checked).
  static func file(
    _ records: RecordSet, document: DocumentRecord, directory: String, validator: XMLSchemaValidator?,
    render: (RecordSet, DocumentRecord) throws(XMLWriter.InvalidCharacter) -> [UInt8]
  ) throws(DiagnosticError) -> ExportFile {
    let path = "\(directory)/\(document.id).xml"
    let bytes: [UInt8]
    do throws(XMLWriter.InvalidCharacter) {
      bytes = try render(records, document)
    } catch {
      throw DiagnosticError(
        .error(
          .xmlCharacterNotAllowed,
          "document '\(document.id)': U+\(RecordSetChecker.hex(error.scalar.value)) is not allowed in XML"))
    }
    if let validator { try check(bytes, path: path, validator: validator) }
    return ExportFile(path: path, bytes: bytes)
  }
}
