/// Counts of diagnostics by severity, e.g. for the last line of a `text` report.
public struct DiagnosticSummary: Hashable, Sendable, CustomStringConvertible {
  public var errors: Int
  public var warnings: Int
  public var notes: Int

  public init(_ diagnostics: [Diagnostic]) {
    var errors = 0
    var warnings = 0
    var notes = 0
    for diagnostic in diagnostics {
      switch diagnostic.severity {
      case .error: errors += 1
      case .warning: warnings += 1
      case .note: notes += 1
      }
    }
    self.errors = errors
    self.warnings = warnings
    self.notes = notes
  }

  /// `2 errors, 1 warning`; only the non-zero counts; `no problems` when all are zero.
  public var description: String {
    let parts = [(errors, "error"), (warnings, "warning"), (notes, "note")]
      .filter { $0.0 > 0 }
      .map { count, noun in "\(count) \(noun)\(count == 1 ? "" : "s")" }
    return parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
  }
}
