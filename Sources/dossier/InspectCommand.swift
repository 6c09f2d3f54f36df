import ArgumentParser
import DossierCore
import Foundation

/// `dossier inspect FILE [--json]`: prints the structure ingest finds in one document.
///
/// Exit codes: 0 ingested (warnings go to stderr), 1 the file cannot be ingested (located diagnostic
/// on stderr), 2 the file cannot be read.
struct InspectCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract: "Show the structure of a document: title, byline, sections, and every block with its span.",
    discussion: """
      Offsets are Unicode-scalar offsets into the text after newline normalization, half-open [start,end).
      Slicing the text at a block's span gives exactly the block's text. See docs/ingest.md.
      """)

  @Argument(help: "The document to inspect (UTF-8 text).")
  var file: String

  @Flag(help: "Print JSON (sorted keys) instead of the outline.")
  var json = false

  func run() async throws {
    let document: IngestedDocument
    do {
      document = try DocumentReader.ingest(path: file)
    } catch let error as DocumentReader.ReadError {
      DocumentReader.printError("error: \(error)")
      throw ExitCode(2)
    } catch let error as DiagnosticError {
      DocumentReader.printDiagnostics(error.diagnostics.sorted())
      throw ExitCode(1)
    }
    if json {
      InspectJSON.write(document) { FileHandle.standardOutput.write(Data($0)) }
    } else {
      FileHandle.standardOutput.write(Data(DocumentOutline.render(document).utf8))
    }
    DocumentReader.printDiagnostics(document.diagnostics)
  }
}

/// The human-readable outline `dossier inspect` prints.
enum DocumentOutline {
  /// How many scalars of a block's text the outline shows.
  static let previewLength = 72

  static func render(_ document: IngestedDocument) -> String {
    var out = ""
    let source = document.source
    out += "\(visible(source.path)): \(source.lineIndex.lineCount) lines, \(source.scalarCount) scalars, "
    out += "languages \(document.languages.joined(separator: ", "))\n"
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
        out += "  \(name.padding(9)) \(quoted(field.text)) [\(field.start),\(field.end))\n"
      }
    } else {
      out += "byline: none\n"
    }
    out += "sections: \(document.sections.count)\n"
    for section in document.sections {
      let count = section.blockIDs.count
      out += "  \(section.id.padding(6)) \(quoted(section.heading.text, limit: previewLength)) "
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
      out += "  \(block.id.padding(idWidth)) \(block.kind.rawValue.padding(9)) \(block.language.padding(3)) "
      out += "\("[\(block.start),\(block.end))".padding(13)) \(lines.padding(7)) "
      out += preview(block.text, limit: previewLength)
      if let terminator = block.terminator { out += "  ⟨\(visible(terminator))⟩" }
      out += "\n"
    }
    return out
  }

  /// The text in double quotes, shortened and with control characters made visible.
  private static func quoted(_ text: String, limit: Int = .max) -> String {
    "\"" + preview(text, limit: limit) + "\""
  }

  /// At most `limit` scalars of a text on one line, with `…` when shortened.
  private static func preview(_ text: String, limit: Int) -> String {
    var result = String.UnicodeScalarView()
    var count = 0
    for scalar in text.unicodeScalars {
      if count == limit {
        result.append("…")
        break
      }
      if let escaped = escape(scalar) {
        result.append(contentsOf: escaped.unicodeScalars)
      } else {
        result.append(scalar)
      }
      count += 1
    }
    return String(result)
  }

  private static func visible(_ text: String) -> String {
    text.unicodeScalars.map { escape($0) ?? String($0) }.joined()
  }

  /// Line breaks as `⏎`, other control characters (and bidi controls) as `\u{…}`, so the outline never
  /// drives the terminal; `nil` for a scalar printed as is.
  private static func escape(_ scalar: Unicode.Scalar) -> String? {
    if scalar == "\n" { return "⏎" }
    if scalar == "\t" { return "\\t" }
    switch scalar.value {
    case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
      return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    default:
      return nil
    }
  }
}

extension String {
  /// The string padded with spaces to at least `width` characters.
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
