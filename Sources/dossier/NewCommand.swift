import ArgumentParser
import DossierCore
import Foundation

/// `dossier new Input/NAME.txt [--force]`: writes the annotation scaffold `Input/NAME.yaml` (`--help`).
struct NewCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Write the annotation scaffold (NAME.yaml) of a document from what ingest finds in it.",
    discussion: """
      The scaffold has the schema line, kind, metadata from the title and byline, and one commented \
      activity skeleton per section whose evidence is the section's first sentence. `dossier validate` \
      on it reports only what is left to fill. See docs/tutorial.md.
      """)

  @Argument(help: "The document (Input/NAME.txt); the annotation is written beside it.")
  var file: String

  @Flag(help: "Overwrite an existing annotation.")
  var force = false

  @Option(help: "UTC offset of the byline's local time (Z or ±HH:MM).")
  var utcOffset = "+08:00"

  func validate() throws {
    guard SidecarScaffold.isValidOffset(utcOffset) else {
      throw ValidationError("--utc-offset must be Z or ±HH:MM, not '\(utcOffset)'")
    }
    guard file.hasSuffix(".txt") else { throw ValidationError("'\(file)' is not a document (.txt)") }
  }

  func run() async throws {
    let document = try await Console.orExit(diagnosticsStatus: 1) {
      try DocumentIngester().ingest(path: file)
    }
    let target = String(file.dropLast(4)) + ".yaml"
    let scaffold = SidecarScaffold(options: .init(utcOffset: utcOffset)).renderWithSummary(document)
    do {
      try DiskFile.create(scaffold.text, at: target, replacing: force)
    } catch {
      Console.printError("error: \(error)" + (error.alreadyExists ? "; --force overwrites it" : ""))
      throw ExitCode(2)
    }
    Console.printError("wrote \(target): \(scaffold.summary)")
  }
}
