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
    try XMLSchemaExport.exportPerDocument(
      records, options: options, schemaPath: XMLSchemaBundle.recordSchemaPath, directory: format.directory
    ) { (part: RecordSet, _: DocumentRecord) throws(XMLWriter.InvalidCharacter) in
      try RecordXML.document(part)
    }
  }
}
