extension DiagnosticPolicy {
  /// What a command prints for `diagnostics`: this policy applied, rendered by `reporter` (nothing
  /// when `quiet` and nothing remains to report), and the exit status (1 when an error remains, else 0).
  public func report(
    _ diagnostics: [Diagnostic], with reporter: ReporterKind, context: ReportContext, quiet: Bool = false
  ) -> (text: String, status: Int32) {
    let reported = apply(diagnostics)
    let text = quiet && reported.isEmpty ? "" : reporter.render(reported, context: context)
    return (text, exitStatus(for: reported))
  }
}
