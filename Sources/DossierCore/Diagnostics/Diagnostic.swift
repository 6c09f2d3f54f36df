/// One problem found in the input: the single value every stage reports through.
///
/// Reporters (see `Reporters/`) render a list of these; the CLI picks the exit code from their
/// severities.
public struct Diagnostic: Hashable, Sendable, Codable {
  /// A secondary message, optionally at its own location (e.g. "first defined here").
  public struct Note: Hashable, Sendable, Codable {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
      self.message = message
      self.location = location
    }
  }

  public var severity: Severity
  /// Stable code, documented in `docs/diagnostics.md` and shown by `dossier explain CODE`.
  public var code: DiagnosticCode
  public var message: String
  public var location: SourceLocation?
  /// JSON Pointer into the merged annotation value, when the problem concerns one.
  public var pointer: String?
  public var notes: [Note]
  /// A suggestion for fixing the problem ("did you mean …?").
  public var help: String?

  public init(
    _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil,
    pointer: String? = nil, notes: [Note] = [], help: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.pointer = pointer
    self.notes = notes
    self.help = help
  }

  /// Creates an error.
  public static func error(
    _ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, pointer: String? = nil,
    notes: [Note] = [], help: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, code, message, at: location, pointer: pointer, notes: notes, help: help)
  }

  /// Creates a warning.
  public static func warning(
    _ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, pointer: String? = nil,
    notes: [Note] = [], help: String? = nil
  ) -> Diagnostic {
    Diagnostic(.warning, code, message, at: location, pointer: pointer, notes: notes, help: help)
  }
}

extension Diagnostic: Comparable {
  /// Orders by file, line, column, then code and message, so reports are deterministic.
  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    let l = lhs.location ?? SourceLocation(file: "", line: 0, column: 0)
    let r = rhs.location ?? SourceLocation(file: "", line: 0, column: 0)
    if l != r { return l < r }
    if lhs.code != rhs.code { return lhs.code.id < rhs.code.id }
    return lhs.message < rhs.message
  }
}

/// Thrown by stages that cannot continue; carries every problem found so far.
public struct DiagnosticError: Error, Sendable {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
}
