import ArgumentParser
import DossierCore
import Foundation

/// `dossier inspect FILE [--json]`: the structure ingest finds in one document (`--help`).
struct InspectCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract: "Show the structure of a document: title, byline, sections, and every block with its span.",
    discussion: """
      Offsets are Unicode-scalar offsets into the text after newline normalization, half-open \
      [start,end). Slicing the text at a block's span gives exactly the block's text. See \
      docs/ingest.md.
      """)

  @Argument(help: "The document to inspect (UTF-8 text).")
  var file: String

  @Flag(help: "Print JSON (sorted keys) instead of the outline.")
  var json = false

  func run() async throws {
    let document = try await Console.orExit(diagnosticsStatus: 1) {
      try DocumentIngester().ingest(path: file)
    }
    if json {
      DocumentJSON.write(document) { FileHandle.standardOutput.write(Data($0)) }
    } else {
      FileHandle.standardOutput.write(Data(DocumentOutline.render(document).utf8))
    }
    Console.printDiagnostics(document.diagnostics)
  }
}
