/// How a run treats its diagnostics: `--strict` turns warnings into errors, and the exit status
/// follows from what is left.
///
/// ```swift
/// let policy = DiagnosticPolicy(strict: options.strict)
/// let reported = policy.apply(diagnostics)
/// print(reporter.render(reported, context: context), terminator: "")
/// exit(policy.exitStatus(for: reported))
/// ```
public struct DiagnosticPolicy: Hashable, Sendable {
  /// Treat warnings as errors.
  public var strict: Bool

  /// The note added to a warning that `--strict` made an error.
  public static let strictNote = "treated as an error because of --strict"

  public init(strict: Bool = false) {
    self.strict = strict
  }

  /// The diagnostics as this run reports them: with `strict`, every warning becomes an error and
  /// says why in a note. Errors and notes are unchanged; the order is kept.
  public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    guard strict else { return diagnostics }
    return diagnostics.map { diagnostic in
      guard diagnostic.severity == .warning else { return diagnostic }
      var promoted = diagnostic
      promoted.severity = .error
      promoted.notes.append(Diagnostic.Note(Self.strictNote))
      return promoted
    }
  }

  /// Whether the diagnostics fail the run: any error, or with `strict` any warning.
  public func fails(_ diagnostics: [Diagnostic]) -> Bool {
    diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
  }

  /// The process exit status for a run that produced `diagnostics`: 1 when it fails, otherwise 0.
  /// (Usage and I/O problems that stop a run before validation exit with 2; the CLI decides that.)
  public func exitStatus(for diagnostics: [Diagnostic]) -> Int32 {
    fails(diagnostics) ? 1 : 0
  }
}
