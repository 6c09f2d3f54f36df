extension DiagnosticCode {
  /// Codes of the YAML family (`Y…`).
  static var yamlCodes: [DiagnosticCode] { [] }
}
