/// The reporters, chosen by name (`--reporter text|json|github|sarif`).
///
/// Each reporter is a pure function from diagnostics and a context to the text to print; none of them
/// reads the environment or the disk. Every reporter sorts the diagnostics first, so the output does not
/// depend on the order stages produced them in.
public enum ReporterKind: String, CaseIterable, Sendable {
  /// Compiler style for people: `file:line:col: error[CODE]: message`, the source line and a caret.
  case text
  /// One stable JSON document with every field of every diagnostic and a summary.
  case json
  /// GitHub Actions workflow commands (`::error file=…,line=…::message`), shown as annotations.
  case github
  /// SARIF 2.1.0, for code-scanning tools.
  case sarif

  /// Renders `diagnostics` in this format. The result ends with a line break unless it is empty.
  public func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
    switch self {
    case .text: return TextReporter.render(diagnostics, context: context)
    case .json: return JSONReporter.render(diagnostics, context: context)
    case .github: return GitHubReporter.render(diagnostics, context: context)
    case .sarif: return SARIFReporter.render(diagnostics, context: context)
    }
  }

  /// The reporter a command uses: `given` when there is one; otherwise `github` inside a GitHub
  /// Actions job (`GITHUB_ACTIONS=true`, as yamllint does), otherwise `text`.
  public static func chosen(_ given: ReporterKind?, environment: [String: String]) -> ReporterKind {
    if let given { return given }
    return environment["GITHUB_ACTIONS"] == "true" ? .github : .text
  }

  /// Every reporter with its summary, for `--help`: `text (…), json (…), …`.
  public static var choices: String {
    allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: ", ")
  }

  /// A one-line description, for `--help`.
  public var summary: String {
    switch self {
    case .text: return "compiler style with the source line and a caret (default)"
    case .json: return "one JSON document with every field and a summary"
    case .github: return "GitHub Actions workflow commands (annotations)"
    case .sarif: return "SARIF 2.1.0 for code-scanning tools"
    }
  }
}
