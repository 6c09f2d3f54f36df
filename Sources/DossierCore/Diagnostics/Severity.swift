/// How serious a diagnostic is. `error` fails a run; `warning` fails it only with `--strict`.
public enum Severity: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
  case error
  case warning
  case note

  private var rank: Int {
    switch self {
    case .error: return 0
    case .warning: return 1
    case .note: return 2
    }
  }

  /// Errors sort first.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
