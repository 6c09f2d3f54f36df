extension DiagnosticCode {
  /// Codes of the Ingest family (`I…`).
  static var ingestCodes: [DiagnosticCode] { [] }
}
