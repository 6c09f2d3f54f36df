import ArgumentParser
import DossierCore
import Foundation

/// `dossier report [--output Report]`: the static HTML report of the corpus, beside the bag (`--help`).
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract:
      "Write a static HTML report: an index with charts, and each document with its evidence highlighted.",
    discussion: """
      The report is written beside the bag, not into it (docs/report.md): a folder with index.html and \
      documents/ID.html, no server, no network, no script, no external file. It is built in a \
      temporary folder and swapped in; a folder that is not a report is never replaced.
      """)

  @Option(help: "Folder holding the documents (.txt) and their annotations (.yaml).")
  var input = "Input"

  @Option(help: "Folder holding annotation.schema.json and vocabularies/.")
  var schemas = "Schemas"

  @Option(help: "Folder the report is written to (replaced as a whole).")
  var output = "Report"

  @OptionGroup var reporting: ReportingOptions

  func run() async throws {
    let (schemaFiles, documents) = try await Console.orExit {
      (
        try SchemasFolder.schemaFiles(in: schemas),
        try InputFolder.read(input).corpus.values.sorted { $0.id < $1.id }
      )
    }
    let pipeline = try await Console.orExit { try ReportPipeline(schemas: schemaFiles) }
    let outcome = try await Console.orExit {
      try await ReportFolder(output: output).write(documents, with: pipeline, strict: reporting.strict)
    }
    let status = reporting.report(outcome.diagnostics, sources: outcome.sources, toStandardError: true)
    if !outcome.produced { throw ExitCode(status == 0 ? 1 : status) }
    Console.printError("wrote \(output)/index.html and \(outcome.pages) document page(s)")
  }
}
