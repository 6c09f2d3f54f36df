extension DiagnosticCode {
  /// Codes of the Annotation family (`A…`).
  static var annotationCodes: [DiagnosticCode] { [] }
}
