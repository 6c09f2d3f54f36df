extension Diagnostic {
  /// The order reporters print in: `Diagnostic`'s own order (file, line, column, code, message), then
  /// every remaining field, so that no two different diagnostics tie and the output never depends on
  /// the order the stages produced them in.
  static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    if lhs < rhs { return true }
    if rhs < lhs { return false }
    if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
    let l = lhs.location
    let r = rhs.location
    if l?.resolvedEndLine != r?.resolvedEndLine {
      return (l?.resolvedEndLine ?? 0) < (r?.resolvedEndLine ?? 0)
    }
    if l?.endColumn != r?.endColumn { return (l?.endColumn ?? 0) < (r?.endColumn ?? 0) }
    if lhs.pointer != rhs.pointer { return (lhs.pointer ?? "") < (rhs.pointer ?? "") }
    if lhs.help != rhs.help { return (lhs.help ?? "") < (rhs.help ?? "") }
    return lhs.notes.map(\.sortKey).lexicographicallyPrecedes(rhs.notes.map(\.sortKey))
  }
}

extension [Diagnostic] {
  /// The diagnostics in report order (see `Diagnostic.reportOrder`).
  func sortedForReport() -> [Diagnostic] {
    sorted(by: Diagnostic.reportOrder)
  }
}

extension Diagnostic.Note {
  /// A text that orders notes: location, then message.
  fileprivate var sortKey: String {
    guard let location else { return "\u{0}" + message }
    return "\(location.file)\u{0}\(location.line)\u{0}\(location.column)\u{0}\(message)"
  }
}
