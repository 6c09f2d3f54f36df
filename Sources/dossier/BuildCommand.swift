import ArgumentParser
import DossierCore
import Foundation

/// `dossier build`: the whole corpus through every stage into the BagIt bag `Exports/` (`--help`).
struct BuildCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build the exports: validate the corpus, transform it to records and write the BagIt bag.",
    discussion: """
      The bag is built in a temporary folder beside the output (.NAME.tmp-PID), synced to disk and \
      then swapped in, so the output folder is always either the previous bag or the new one. If any \
      document has an error, nothing is written. --check writes nothing and lists each file that \
      differs (stale, missing or extra), exiting 1 when there is one.
      """)

  @OptionGroup var project: ProjectOptions

  @Option(help: "Folder the bag is written to, replaced as a whole (default: Exports/ in the project root).")
  var output: String?

  @Flag(help: "Write nothing; exit 1 and list every stale, missing or extra file of the output folder.")
  var check = false

  @Flag(
    help: """
      Validate every record against records.schema.json and every record XML file against its XSD, \
      even when those schemas are the generated ones that the record checks already enforce.
      """)
  var verifyExports = false

  @Option(help: "How many documents to process at once (default: the number of cores).")
  var jobs: Int?

  @Option(help: "Export formats, comma-separated: json, jsonl, xml, oai_dc, tsv (default: all).")
  var format = ExportFormat.allCases.map(\.rawValue).joined(separator: ",")

  @Option(
    help: ArgumentHelp(
      "Build only shard K of N into a part (`--output PART`), for `dossier merge`.", valueName: "K/N"))
  var shard: String?

  @OptionGroup var reporting: ReportingOptions

  @OptionGroup(title: "Limits per file") var limits: LimitOptions

  @OptionGroup var progressOptions: ProgressOptions

  func validate() throws {
    let problem = BuildPipeline.Options.usageProblem(jobs: jobs, shard: shard, check: check, formats: format)
    if let problem { throw ValidationError(problem) }
  }

  func run() async throws {
    let started = StageTimings.Clock.wallNow()
    let output = ProjectRoot.folder(self.output, default: "Exports")
    // The corpus is listed now and read document by document while building (flat memory).
    let (schemas, source) = try await project.read { input, schemas in
      (try SchemasFolder(schemas), try FolderCorpusSource(folder: input))
    }
    let pipeline = try await Console.orExit { try schemas.buildPipeline() }
    var options = BuildPipeline.Options(
      formats: try ExportFormat.list(format), jobs: jobs ?? CorpusValidator.defaultConcurrency,
      strict: reporting.strict,
      corpusName: InputFolder.corpusName(project.inputFolder), softwareAgent: "dossier")
    options.measuresStages = progressOptions.timings
    options.verifiesExports = verifyExports
    let line = progressOptions.line("build", total: source.documentIDs.count)
    if let shard = shard.flatMap(Shard.init) {
      // A part: its documents' bag plus dossier-part.json; with errors, just them (for `merge`).
      let (result, index) = try await Console.orExit {
        defer { line.finish() }
        return try await PartFolder.build(
          shard, of: source, with: pipeline, options: options, into: output,
          configurationDigest: schemas.configurationDigest, progress: line.update)
      }
      let status = reporting.report(result.diagnostics, sources: result.sources)
      line.message(
        "wrote shard \(shard) (\(index.documents.count) of \(source.documentIDs.count) documents) to \(output)"
      )
      if !result.exported { throw ExitCode(max(status, 1)) }
      return
    }

    // The bag streams into a temporary folder beside the output (or, with --check, into a comparer
    // that writes nothing).
    let bag = try await Console.orExit { try BagOutput(output: output, check: check) }
    let result = await pipeline.build(source, into: bag.sink, options: options, progress: line.update)
    line.finish()
    progressOptions.printTimings(result.timings, since: started)
    if let problem = result.readError?.description ?? result.writeError {
      try Console.fail(problem, discarding: bag)
    }

    // With --check, stale files are findings like any other: reported once, through the chosen reporter.
    let summary = try await reporting.finish(
      bag, exported: result.exported, fileCount: result.fileCount,
      diagnostics: (source.diagnostics + result.diagnostics).sorted(), sources: result.sources)
    if check { line.message("\(output) is up to date (\(result.fileCount) files)") }
    if let summary, !progressOptions.quiet { Console.printError(summary.text) }
  }
}
