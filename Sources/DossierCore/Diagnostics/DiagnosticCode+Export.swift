extension DiagnosticCode {
  /// Codes of the Export family (`X…`).
  static var exportCodes: [DiagnosticCode] { [] }
}
