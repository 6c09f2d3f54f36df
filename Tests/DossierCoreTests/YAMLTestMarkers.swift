import DossierCore

/// YAML test text with position markers: each `‸` marks the position (line, column in Unicode
/// scalars, 1-based) of the character that follows it, and is removed from the text.
struct YAMLMarkedText {
  static let marker: Unicode.Scalar = "‸"

  let text: String
  let marks: [(line: Int, column: Int)]

  init(_ marked: String) {
    var text = String.UnicodeScalarView()
    var marks: [(line: Int, column: Int)] = []
    var line = 1
    var column = 1
    var previousWasCR = false
    for scalar in marked.unicodeScalars {
      if scalar == Self.marker {
        marks.append((line, column))
        continue
      }
      text.append(scalar)
      switch scalar {
      case "\n":
        if !previousWasCR { line += 1 }
        column = 1
      case "\r":
        line += 1
        column = 1
      case "\u{FEFF}" where line == 1 && column == 1 && text.count == 1:
        break  // a leading byte order mark takes no column
      default:
        column += 1
      }
      previousWasCR = scalar == "\r"
    }
    self.text = String(text)
    self.marks = marks
  }

  /// The `n`th marker as `line:column`.
  func mark(_ n: Int) -> String { "\(marks[n].line):\(marks[n].column)" }
}

extension SourceLocation {
  /// `line:column`, for comparing with `YAMLMarkedText.mark(_:)`.
  var lineColumn: String { "\(line):\(column)" }
}

/// Loads `text` and returns the diagnostics it throws (empty when it loads).
func yamlDiagnostics(_ text: String, options: YAMLLoader.Options = .init()) -> [Diagnostic] {
  do {
    _ = try YAMLLoader(options: options).load(text, file: "test.yaml")
    return []
  } catch {
    return error.diagnostics
  }
}
