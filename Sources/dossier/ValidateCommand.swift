import ArgumentParser
import DossierCore
import Foundation

/// `dossier validate [PATH...]`: annotations against the schema, their texts and the vocabularies
/// (`--help`).
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Validate annotations (YAML) against the schema, their documents and the vocabularies.",
    discussion: """
      Reports every problem of every file in one run, each at file:line:column. A document (.txt) \
      without an annotation (.yaml) is a warning (A008); an annotation without its document is an \
      error (A007). With PATHs, the named documents replace their namesakes of the input folder (a \
      named file is paired with its partner beside it, else with the input folder's), the whole corpus \
      is still checked (activity ids are unique across it), and only the named documents' problems \
      (and those of the schemas and vocabularies) are reported. Writes nothing.
      """)

  @Argument(
    help: "Annotation (.yaml) or document (.txt) files to validate (default: the whole input folder).")
  var paths: [String] = []

  @OptionGroup var project: ProjectOptions

  @OptionGroup var reporting: ReportingOptions

  @OptionGroup(title: "Limits per file") var limits: LimitOptions

  @OptionGroup var progressOptions: ProgressOptions

  func run() async throws {
    let started = StageTimings.Clock.wallNow()
    // The corpus is listed now and read document by document while validating (flat memory).
    let (schemaFiles, (source, named)) = try await project.read { input, schemas in
      (
        try SchemasFolder.schemaFiles(in: schemas),
        try FolderCorpusSource(folder: input).replacing(named: paths)
      )
    }
    let validator = try await Console.orExit { try CorpusValidator(schemas: schemaFiles) }
    let line = progressOptions.line("validate", total: source.documentIDs.count)
    let result = await validator.validate(
      source, measuresStages: progressOptions.timings, progress: line.update)
    line.finish()
    progressOptions.printTimings(result.timings, since: started)
    if let readError = result.readError { try Console.fail(readError.description) }
    var diagnostics = (source.diagnostics + result.diagnostics).sorted()
    if !paths.isEmpty { diagnostics = source.diagnostics(diagnostics, concerning: named) }
    let status = reporting.report(diagnostics, sources: result.sources)
    if status != 0 { throw ExitCode(status) }
  }
}
