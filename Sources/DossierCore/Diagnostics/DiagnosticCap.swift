/// The per-file cap on reported problems (docs/reliability.md): a hostile file with a million problems
/// still gives a readable report in linear time, ending with one `L001` entry that counts the rest.
public enum DiagnosticCap {
  /// Problems reported per file and stage: `InputLimits.current.maxErrorsPerFile` (1,000 unless
  /// `--max-errors-per-file` says otherwise).
  public static var defaultLimit: Int { InputLimits.current.maxErrorsPerFile }

  /// The `L001` entry saying `omitted` problems of `file` are not shown; placed after the last shown
  /// problem (`after`) so it sorts last, or at the start of the file.
  public static func omitted(_ omitted: Int, limit: Int, file: String, after: SourceLocation?) -> Diagnostic {
    .warning(
      .tooManyProblems,
      "\(omitted) more error\(omitted == 1 ? "" : "s") not shown (at most \(limit) are reported per file)",
      at: after ?? SourceLocation(file: file, line: 1, column: 1),
      help: "fix the problems shown and run again, or raise the limit with --max-errors-per-file")
  }

  /// The first `limit` of `diagnostics`, plus an `L001` entry counting the rest when there are more.
  public static func cap(_ diagnostics: [Diagnostic], limit: Int, file: String) -> [Diagnostic] {
    guard diagnostics.count > limit else { return diagnostics }
    let kept = Array(diagnostics.prefix(max(0, limit)))
    let last = kept.compactMap(\.location).max()
    return kept + [omitted(diagnostics.count - kept.count, limit: limit, file: file, after: last)]
  }
}
