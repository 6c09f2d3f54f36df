extension DiagnosticCode {
  /// Codes of the Semantic family (`V…`).
  static var semanticCodes: [DiagnosticCode] { [] }
}
