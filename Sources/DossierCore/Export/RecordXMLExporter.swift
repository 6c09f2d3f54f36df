/// Writes one record XML file per document (`xml/<document>.xml`) and validates each against
/// `Schemas/xml/dossier-record.xsd` with libxml2 before accepting it.
///
/// Every string is checked against the XML 1.0 `Char` production first: a bad character is an `X001`
/// error naming the record, column and input file; a file failing its schema is an `X002` error.
public struct RecordXMLExporter: RecordExporter {
  public let options: ExportOptions
  public var format: ExportFormat { .xml }

  public init(options: ExportOptions = ExportOptions()) { self.options = options }

  public func export(_ records: RecordSet) throws -> [ExportFile] {
    try RecordSetChecker.check(records, options: options)
    let problems = RecordXML.characterProblems(records, options: options)
    if !problems.isEmpty { throw DiagnosticError(problems) }
    let validator = try XMLSchemaExport.validator(options, schemaPath: XMLSchemaBundle.recordSchemaPath)
    let sorted = records.sorted()
    let parts = sorted.partitionedByDocument()
    var files: [ExportFile] = []
    for document in sorted.documents {
      let path = "\(format.directory)/\(document.id).xml"
      let bytes: [UInt8]
      do throws(XMLWriter.InvalidCharacter) {
        bytes = try RecordXML.document(parts[document.id] ?? RecordSet())
      } catch {
        throw DiagnosticError(
          .error(
            .xmlCharacterNotAllowed,
            "document '\(document.id)': U+\(RecordSetChecker.hex(error.scalar.value)) is not allowed in XML"))
      }
      try XMLSchemaExport.check(bytes, path: path, validator: validator)
      files.append(ExportFile(path: path, bytes: bytes))
    }
    return files
  }
}
