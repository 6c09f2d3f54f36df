/// The `github` reporter: GitHub Actions workflow commands, which the runner turns into annotations on
/// the pull request.
///
/// ```
/// ::error file=Input/a.yaml,line=12,col=14,endLine=12,endColumn=18,title=V004::unknown country "Chnia"%0Ahelp: did you mean "China"?
/// ```
/// Errors become `::error`, warnings `::warning`, notes `::notice`. Notes and help attached to a
/// diagnostic follow its message on lines of their own. Values are escaped as the runner requires
/// (`%`, CR and LF everywhere; also `:` and `,` in properties). `endColumn` is inclusive for GitHub,
/// so the exclusive end column of a `SourceLocation` is written minus one, and only for a span on one
/// line (GitHub ignores columns of multi-line spans).
public enum GitHubReporter {
  public static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
    var out = ""
    for diagnostic in diagnostics.sortedForReport() {
      out += command(for: diagnostic) + "\n"
    }
    return out
  }

  /// One workflow command line (without its line break).
  static func command(for diagnostic: Diagnostic) -> String {
    let name: String
    switch diagnostic.severity {
    case .error: name = "error"
    case .warning: name = "warning"
    case .note: name = "notice"
    }
    var properties: [(String, String)] = []
    if let location = diagnostic.location, location.isWholeFile {
      properties.append(("file", location.file))
    } else if let location = diagnostic.location {
      properties.append(("file", location.file))
      properties.append(("line", String(location.line)))
      properties.append(("col", String(max(1, location.column))))
      if let endLine = location.resolvedEndLine, endLine >= location.line {
        properties.append(("endLine", String(endLine)))
        if endLine == location.line, let endColumn = location.endColumn, endColumn > location.column {
          properties.append(("endColumn", String(endColumn - 1)))
        }
      }
    }
    properties.append(("title", diagnostic.code.id))
    var message = diagnostic.message
    for note in diagnostic.notes {
      message += "\nnote: " + note.message
      if let location = note.location { message += " at \(location.reportDescription)" }
    }
    if let help = diagnostic.help { message += "\nhelp: " + help }
    let propertyText = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
    return "::\(name) \(propertyText)::\(escapeData(message))"
  }

  /// Escapes a command's message: `%`, CR and LF.
  public static func escapeData(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Escapes a property value: as `escapeData`, plus `:` and `,`.
  public static func escapeProperty(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      case ":": out += "%3A"
      case ",": out += "%2C"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
