/// The human-readable outline of an ingested document that `dossier inspect` prints: counts, title,
/// byline, sections, parallel versions, and one line per block with its span and a preview. Text is
/// escaped with `TerminalEscape`, so the outline never drives the terminal.
public enum DocumentOutline {
  /// How many scalars of a block's text the outline shows.
  public static let previewLength = 72

  /// The outline of `document`, one item per line.
  public static func render(_ document: IngestedDocument) -> String {
    var out = ""
    let source = document.source
    out += "\(TerminalEscape.visible(source.path)): \(source.lineIndex.lineCount) lines, "
    out += "\(source.scalarCount) scalars, languages \(document.languages.joined(separator: ", "))\n"
    if let title = document.title {
      out += "title: \(quoted(title.text)) [\(title.start),\(title.end)) line \(title.line)\n"
    } else {
      out += "title: none\n"
    }
    if let byline = document.byline {
      out += "byline: line \(byline.line.line)\n"
      let fields: [(String, SpannedText?)] = [
        ("source", byline.source), ("editor", byline.editor), ("author", byline.author),
        ("timestamp", byline.timestamp),
      ]
      for (name, field) in fields {
        guard let field else { continue }
        out += "  \(padded(name, 9)) \(quoted(field.text)) [\(field.start),\(field.end))\n"
      }
    } else {
      out += "byline: none\n"
    }
    out += "sections: \(document.sections.count)\n"
    for section in document.sections {
      let count = section.blockIDs.count
      out += "  \(padded(section.id, 6)) \(quoted(section.heading.text, limit: previewLength)) "
      out += "(\(count) block\(count == 1 ? "" : "s"))\n"
    }
    for version in document.versions {
      out += "version \(version.id) (\(version.language)): from line \(version.title.line), "
      out += "\(version.blockIDs.count) blocks\n"
    }
    out += "blocks: \(document.blocks.count)\n"
    let idWidth = min(12, document.blocks.map(\.id.count).max() ?? 0)
    for block in document.blocks {
      let lines =
        block.startLine == block.endLine ? "L\(block.startLine)" : "L\(block.startLine)-\(block.endLine)"
      out += "  \(padded(block.id, idWidth)) \(padded(block.kind.rawValue, 9)) \(padded(block.language, 3)) "
      out += "\(padded("[\(block.start),\(block.end))", 13)) \(padded(lines, 7)) "
      out += TerminalEscape.preview(block.text, limit: previewLength)
      if let terminator = block.terminator { out += "  ⟨\(TerminalEscape.visible(terminator))⟩" }
      out += "\n"
    }
    return out
  }

  /// The text in double quotes, shortened and escaped.
  private static func quoted(_ text: String, limit: Int = .max) -> String {
    "\"" + TerminalEscape.preview(text, limit: limit) + "\""
  }

  /// `text` padded with spaces to at least `width` characters.
  private static func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
