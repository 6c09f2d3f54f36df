extension DiagnosticCode {
  /// Codes of the Schema family (`S…`).
  static var schemaCodes: [DiagnosticCode] { [] }
}
