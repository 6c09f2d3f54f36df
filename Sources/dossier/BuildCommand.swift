import ArgumentParser
import DossierCore
import Foundation

/// `dossier build`: ingest → annotate → validate → transform → export for the whole corpus, written
/// atomically as the BagIt bag `Exports/` (or compared with it, `--check`).
///
/// Exit status: 0 built (or `--check`: the folder is up to date); 1 errors in the inputs (nothing is
/// written), or `--check` found stale, missing or extra files; 2 usage or I/O error.
struct BuildCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build the exports: validate the corpus, transform it to records and write the BagIt bag.",
    discussion: """
      The bag is built in a temporary folder beside the output (.NAME.tmp-PID), synced to disk and then \
      swapped in, so the output folder is always either the previous bag or the new one. If any \
      document has an error, nothing is written. --check writes nothing and lists each file that \
      differs (stale, missing or extra), exiting 1 when there is one.
      """)

  @Option(
    help: "Folder holding the documents (.txt) and their annotations (.yaml) (default: in the project root).")
  var input: String?

  @Option(
    help:
      "Folder holding the JSON Schemas, vocabularies, XSDs and the XML catalog (default: in the project root)."
  )
  var schemas: String?

  @Option(help: "Folder the bag is written to, replaced as a whole (default: Exports/ in the project root).")
  var output: String?

  @Flag(help: "Write nothing; exit 1 and list every stale, missing or extra file of the output folder.")
  var check = false

  @Option(help: "How many documents to process at once (default: the number of cores).")
  var jobs: Int?

  @Option(help: "Export formats, comma-separated: json, jsonl, xml, oai_dc, tsv (default: all).")
  var format = ExportFormat.allCases.map(\.rawValue).joined(separator: ",")

  @Option(
    help: ArgumentHelp(
      "Build only shard K of N into a part (`--output PART`), for `dossier merge`.", valueName: "K/N"))
  var shard: String?

  @OptionGroup var reporting: ReportingOptions

  @OptionGroup var progressOptions: ProgressOptions

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if let shard {
      guard Shard(shard) != nil else {
        throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N (for example 2/7), not '\(shard)'")
      }
      if check {
        throw ValidationError("--check compares a bag: use `dossier merge --check` for sharded builds")
      }
    }
    do {
      _ = try ExportFormat.list(format)
    } catch {
      throw ValidationError(error.diagnostics.map(\.message).joined(separator: "; "))
    }
  }

  func run() async throws {
    let started = StageTimings.Clock.wallNow()
    let input = ProjectRoot.folder(self.input, default: "Input")
    let schemas = ProjectRoot.folder(self.schemas, default: "Schemas")
    let output = ProjectRoot.folder(self.output, default: "Exports")
    let formats: [ExportFormat]
    do {
      formats = try ExportFormat.list(format)
    } catch {
      throw ValidationError(error.diagnostics.map(\.message).joined(separator: "; "))
    }
    let schemaFiles: SchemaFiles
    let recordsSchema: CorpusFile
    let xmlSchemas: XMLSchemaBundle
    let source: FolderCorpusSource
    do {
      schemaFiles = try ValidateCommand.readSchemas(schemas)
      recordsSchema = try ValidateCommand.read(
        BagFolderWriter.join(schemas, "records.schema.json"))
      var xmlFiles: [String: [UInt8]] = [:]
      for relative in XMLSchemaBundle.requiredPaths {
        xmlFiles[relative] = try ValidateCommand.read(BagFolderWriter.join(schemas, relative))
          .bytes
      }
      xmlSchemas = XMLSchemaBundle(files: xmlFiles)
      // The corpus is listed now and read document by document while building (flat memory).
      source = try FolderCorpusSource(folder: input)
    } catch let error as ValidateCommand.CorpusReadError {
      DocumentReader.printError("error: \(error.description)")
      if error.isMissingFolder && (self.input == nil || self.schemas == nil) {
        DocumentReader.printError(ProjectRoot.hint)
      }
      throw ExitCode(2)
    }
    let pipeline: BuildPipeline
    do {
      pipeline = try BuildPipeline(schemas: schemaFiles, recordsSchema: recordsSchema, xmlSchemas: xmlSchemas)
    } catch {
      _ = reporting.report(error.diagnostics, sources: [:], to: .standardError)
      throw ExitCode(2)
    }
    let corpusName = Self.standardized(input).split(separator: "/").last.map(String.init) ?? ""
    let options = BuildPipeline.Options(
      formats: formats, jobs: jobs ?? CorpusValidator.defaultConcurrency, strict: reporting.strict,
      corpusName: corpusName.isEmpty || corpusName == "." ? "Input" : corpusName,
      softwareAgent: "dossier")
    let line = progressOptions.line("build", total: source.documentIDs.count)

    if let shard = shard.flatMap(Shard.init) {
      try await buildPart(
        shard, pipeline: pipeline, source: source, options: options, output: output,
        configurationDigest: PartIndex.configurationDigest(
          schemas: schemaFiles, recordsSchema: recordsSchema, xmlSchemas: xmlSchemas), line: line)
      return
    }

    // The bag streams into a temporary folder beside the output (or, with --check, into a comparer
    // that writes nothing).
    let writer = BagFolderWriter(output: output)
    let comparer = BagFolderComparer(output: writer.output)
    let folderSink: BagFolderSink?
    do {
      try writer.recover()
      folderSink = check ? nil : try BagFolderSink(writer: writer)
    } catch let error as BagFolderWriter.Failure {
      DocumentReader.printError("error: \(error.description)")
      throw ExitCode(2)
    }
    let sink: any BagSink = folderSink ?? comparer
    let result = await pipeline.build(source, into: sink, options: options, progress: line.update)
    line.finish()
    progressOptions.printTimings(result.timings, since: started)
    if let readError = result.readError {
      folderSink?.discard()
      DocumentReader.printError("error: \(readError.description)")
      throw ExitCode(2)
    }
    if let writeError = result.writeError {
      folderSink?.discard()
      DocumentReader.printError("error: \(writeError)")
      throw ExitCode(2)
    }

    // With --check, stale files are findings like any other: reported once, through the chosen reporter.
    var diagnostics = (source.diagnostics + result.diagnostics).sorted()
    var stale = false
    if check, result.exported, reporting.policy.exitStatus(for: reporting.policy.apply(diagnostics)) == 0 {
      do {
        let differences = try comparer.differences()
        diagnostics += ExportDifference.diagnostics(for: differences, in: output)
        stale = !differences.isEmpty
        if stale {
          for note in Self.changedInputs(old: writer.output, new: comparer.documentsTable) {
            DocumentReader.printError(note)
          }
        } else {
          line.message("\(output) is up to date (\(result.fileCount) files)")
        }
      } catch let error as BagFolderWriter.Failure {
        DocumentReader.printError("error: \(error.description)")
        throw ExitCode(2)
      }
    }
    let status = reporting.report(diagnostics, sources: result.sources)
    guard result.exported, status == 0, !stale else {
      folderSink?.discard()
      throw ExitCode(max(status, 1))
    }
    guard let folderSink else { return }
    do {
      let previous = FileManager.default.contents(
        atPath: BagFolderWriter.join(writer.output, BagFolderComparer.documentsTable))
      try folderSink.commit()
      if !progressOptions.quiet {
        let summary = BuildSummary(
          documents: folderSink.documents, activities: folderSink.activityRows,
          files: result.fileCount, output: output,
          previous: previous.map { BuildSummary.Fingerprints(table: [UInt8]($0)) })
        DocumentReader.printError(summary.text)
      }
    } catch let error as BagFolderWriter.Failure {
      DocumentReader.printError("error: \(error.description)")
      throw ExitCode(2)
    }
  }

  /// Notes naming the inputs whose SHA-256 differs from the one recorded in the existing bag's
  /// `documents` table (so a stale bag points back at the edited file).
  static func changedInputs(old folder: String, new fresh: [UInt8]) -> [String] {
    let path = BagFolderComparer.documentsTable
    guard let data = FileManager.default.contents(atPath: BagFolderWriter.join(folder, path)),
      let before = try? JSONRecordReader.readLines([
        ExportFile(path: "jsonl/documents.jsonl", bytes: [UInt8](data))
      ]),
      let after = try? JSONRecordReader.readLines([
        ExportFile(path: "jsonl/documents.jsonl", bytes: fresh)
      ])
    else { return [] }
    let old = Dictionary(before.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let new = Dictionary(after.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var notes: [String] = []
    for id in Set(old.keys).union(new.keys).sorted() {
      switch (old[id], new[id]) {
      case (let o?, let n?):
        if o.sourceSHA256 != n.sourceSHA256 {
          notes.append("note: \(n.sourceFile) changed since the bag was built")
        }
        if o.annotationSHA256 != n.annotationSHA256 {
          notes.append("note: \(n.annotationFile ?? o.annotationFile ?? id) changed since the bag was built")
        }
      case (nil, let n?): notes.append("note: \(n.sourceFile) is new since the bag was built")
      case (let o?, nil): notes.append("note: \(o.sourceFile) is no longer exported")
      default: break
      }
    }
    return notes
  }

  static func standardized(_ path: String) -> String {
    var trimmed = path
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    if trimmed == "." || trimmed.isEmpty {
      return FileManager.default.currentDirectoryPath
    }
    return trimmed
  }
}
