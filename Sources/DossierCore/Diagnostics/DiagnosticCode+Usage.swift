extension DiagnosticCode {
  /// Codes of the Usage family (`U…`).
  static var usageCodes: [DiagnosticCode] { [] }
}
