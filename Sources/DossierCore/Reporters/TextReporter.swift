/// The `text` reporter: compiler style, for people.
///
/// ```
/// Input/a.yaml:3:12: error[T001]: unknown country "Chnia"
///   |
/// 3 | - country: Chnia
///   |            ^~~~~
///   = note: the document's countries are listed at Input/a.yaml:1:1
///   |
/// 1 | countries:
///   | ^
///   = help: did you mean "China"?
///
/// 1 error
/// ```
/// - The caret sits under the exact column on screen: wide characters take two cells, tabs go to the
///   next multiple of four, and `~` runs to the end column when the location has one.
/// - A note with a location shows its own source line. A diagnostic without a location has only its
///   header (`error[CODE]: message`), its notes, its help, and its JSON pointer when it has one.
/// - Control and bidirectional-format characters from the input are shown as visible symbols, and
///   very long lines are cut to a window around the column, marked with `…`.
/// - Diagnostics are sorted and separated by a blank line; the last line counts them
///   (`2 errors, 1 warning`). No diagnostics, no output.
/// - ANSI colours only when `context.useColor` is set.
public enum TextReporter {
  /// Lines wider than this many cells are cut to a window around the caret.
  public static let maximumLineWidth = 160

  public static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
    if diagnostics.isEmpty { return "" }
    var renderer = Renderer(context: context)
    var blocks: [String] = []
    for diagnostic in diagnostics.sortedForReport() {
      blocks.append(renderer.block(for: diagnostic))
    }
    let style = Style(enabled: context.useColor)
    let summary = style.paint(DiagnosticSummary(diagnostics).description, style.bold)
    return blocks.joined(separator: "\n") + "\n" + summary + "\n"
  }

  /// ANSI styling that is a no-op when colours are off.
  struct Style {
    var enabled: Bool
    let bold = "\u{1B}[1m"
    let red = "\u{1B}[1;31m"
    let yellow = "\u{1B}[1;33m"
    let cyan = "\u{1B}[1;36m"
    let blue = "\u{1B}[1;34m"
    let reset = "\u{1B}[0m"

    func paint(_ text: String, _ code: String) -> String {
      enabled && !text.isEmpty ? code + text + reset : text
    }

    func severity(_ severity: Severity) -> String {
      switch severity {
      case .error: return red
      case .warning: return yellow
      case .note: return cyan
      }
    }
  }

  /// Renders diagnostics one by one, keeping the split lines of each source file.
  struct Renderer {
    let context: ReportContext
    let style: Style
    private var lineCache: [String: SourceLines] = [:]
    /// Long lines already laid out, by file and line number, so that many diagnostics on one long line
    /// (a minified JSON file) lay it out once.
    private var layoutCache: [LineKey: TerminalCells] = [:]

    struct LineKey: Hashable {
      var file: String
      var line: Int
    }

    init(context: ReportContext) {
      self.context = context
      self.style = Style(enabled: context.useColor)
    }

    /// The source line for a location, when the file's text is known and has that line.
    mutating func sourceLine(for location: SourceLocation) -> Substring.UnicodeScalarView? {
      if location.isWholeFile { return nil }
      if lineCache[location.file] == nil {
        guard let text = context.sources[location.file] else { return nil }
        lineCache[location.file] = SourceLines(text)
      }
      return lineCache[location.file]?.line(location.line)
    }

    mutating func block(for diagnostic: Diagnostic) -> String {
      // Gutter width: the widest line number this block shows.
      var shown: [(SourceLocation, Substring.UnicodeScalarView)] = []
      let primary = diagnostic.location.flatMap { location in sourceLine(for: location).map { (location, $0) }
      }
      if let primary { shown.append(primary) }
      var noteLines: [Substring.UnicodeScalarView?] = []
      for note in diagnostic.notes {
        let line = note.location.flatMap { sourceLine(for: $0) }
        noteLines.append(line)
        if let location = note.location, let line { shown.append((location, line)) }
      }
      let gutterWidth = shown.map { String($0.0.line).count }.max() ?? 1
      let blank = String(repeating: " ", count: gutterWidth)
      let bar = style.paint("|", style.blue)
      let severityColor = style.severity(diagnostic.severity)

      var out = ""
      // Header.
      var header = ""
      if let location = diagnostic.location {
        header += style.paint(TextReporter.visible(location.reportDescription) + ":", style.bold) + " "
      }
      header += style.paint("\(diagnostic.severity.rawValue)[\(diagnostic.code.id)]", severityColor)
      header += style.paint(": " + TextReporter.visible(diagnostic.message, indent: "  "), style.bold)
      out += header + "\n"

      if case let (location, line)? = primary {
        out += "\(blank) \(bar)\n"
        out += snippet(line, at: location, gutterWidth: gutterWidth, caretColor: severityColor)
      }
      for (note, line) in zip(diagnostic.notes, noteLines) {
        var text = note.message
        if let location = note.location { text += " at \(location.reportDescription)" }
        out += "\(blank) \(style.paint("=", style.blue)) \(style.paint("note:", style.bold)) "
        out += TextReporter.visible(text, indent: blank + "   ") + "\n"
        if let location = note.location, let line {
          out += "\(blank) \(bar)\n"
          out += snippet(line, at: location, gutterWidth: gutterWidth, caretColor: style.cyan)
        }
      }
      if diagnostic.location == nil, let pointer = diagnostic.pointer {
        out += "\(blank) \(style.paint("=", style.blue)) \(style.paint("pointer:", style.bold)) "
        out += TextReporter.visible(pointer) + "\n"
      }
      if let help = diagnostic.help {
        out += "\(blank) \(style.paint("=", style.blue)) \(style.paint("help:", style.cyan)) "
        out += TextReporter.visible(help, indent: blank + "   ") + "\n"
      }
      return out
    }

    /// The numbered source line and the caret line under it.
    mutating func snippet(
      _ line: Substring.UnicodeScalarView, at location: SourceLocation, gutterWidth: Int, caretColor: String
    ) -> String {
      let key = LineKey(file: location.file, line: location.line)
      let layout = layoutCache[key] ?? TerminalCells(line: line)
      if layout.count > 4 * TextReporter.maximumLineWidth, layoutCache[key] == nil {
        // Keep only a few long lines: diagnostics arrive sorted, so those on one line come together.
        if layoutCache.count >= 8 { layoutCache.removeAll(keepingCapacity: true) }
        layoutCache[key] = layout
      }
      let count = layout.count
      let start = min(max(location.column - 1, 0), count)
      var end = start + 1
      if let endColumn = location.endColumn, (location.resolvedEndLine ?? location.line) == location.line {
        end = max(end, min(endColumn - 1, count))
      } else if let endLine = location.resolvedEndLine, endLine > location.line {
        end = max(end, count)
      }

      // Window: the whole line, or a slice around the caret when the line is very wide (or holds very
      // many zero-width scalars).
      let maximum = TextReporter.maximumLineWidth
      var windowStart = 0
      var windowEnd = count
      if layout.totalWidth > maximum || count > 4 * maximum {
        windowStart = layout.firstIndex(startingAtOrAfter: layout.offsets[start] - maximum / 4, upTo: start)
        windowStart = max(windowStart, start - maximum)
        windowEnd = layout.lastIndex(
          endingAtOrBefore: layout.offsets[windowStart] + maximum - 2, from: windowStart)
        windowEnd = min(windowEnd, windowStart + 2 * maximum)
        windowEnd = max(windowEnd, min(start + 1, count))
      }
      let leading = windowStart > 0 ? "…" : ""
      let trailing = windowEnd < count ? "…" : ""
      let text = leading + layout.text(windowStart..<windowEnd) + trailing
      let offset = leading.count + layout.width(windowStart..<start)
      let spanEnd = min(end, windowEnd)
      let span = max(1, spanEnd > start ? layout.width(start..<spanEnd) : 1)

      let number = String(location.line)
      let paddedNumber = String(repeating: " ", count: gutterWidth - number.count) + number
      let blank = String(repeating: " ", count: gutterWidth)
      let bar = style.paint("|", style.blue)
      var out = style.paint(paddedNumber, style.blue) + " " + bar
      out += text.isEmpty ? "\n" : " " + text + "\n"
      let caret = "^" + String(repeating: "~", count: span - 1)
      out +=
        "\(blank) \(bar) " + String(repeating: " ", count: offset) + style.paint(caret, caretColor) + "\n"
      return out
    }
  }

  /// `text` with control and bidirectional-format characters made visible; line breaks are kept and
  /// followed by `indent`.
  static func visible(_ text: String, indent: String = "") -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        out += "\n" + indent
      } else if scalar == "\t" {
        out += " "
      } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        || TerminalCells.isBidiControl(scalar.value)
      {
        out += TerminalCells.cell(for: scalar).text
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
