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
}
