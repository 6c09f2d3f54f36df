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

  @Flag(help: "Do not print the summary (documents, activities, changes since the last bag, files written).")
  var quiet = false

  @OptionGroup var reporting: ReportingOptions

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    do {
      _ = try ExportFormat.list(format)
    } catch {
      throw ValidationError(error.diagnostics.map(\.message).joined(separator: "; "))
    }
  }

  func run() async throws {
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
    let documents: [CorpusDocumentInput]
    var discovery: [Diagnostic] = []
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
      let corpus = try ValidateCommand.discoverCorpus(input)
      documents = corpus.corpus.values.sorted { $0.id < $1.id }
      discovery = corpus.diagnostics
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
    progress("dossier build: \(documents.count) document\(documents.count == 1 ? "" : "s") in \(input)")
    let result = await pipeline.build(documents, options: options)

    let writer = BagFolderWriter(output: output)
    // With --check, stale files are findings like any other: reported once, through the chosen reporter.
    var diagnostics = (discovery + result.diagnostics).sorted()
    var stale = false
    if check, let files = result.files,
      reporting.policy.exitStatus(for: reporting.policy.apply(diagnostics)) == 0
    {
      do {
        try writer.recover()
        let differences = try writer.compare(files)
        diagnostics += ExportDifference.diagnostics(for: differences, in: output)
        stale = !differences.isEmpty
        if stale {
          for note in Self.changedInputs(old: writer.output, new: files) { DocumentReader.printError(note) }
        } else {
          progress("\(output) is up to date (\(files.count) files)")
        }
      } catch let error as BagFolderWriter.Failure {
        DocumentReader.printError("error: \(error.description)")
        throw ExitCode(2)
      }
    }
    let status = reporting.report(diagnostics, sources: result.sources)
    guard let files = result.files, status == 0, !stale else { throw ExitCode(max(status, 1)) }
    guard !check else { return }
    do {
      try writer.recover()
      let previous = FileManager.default.contents(
        atPath: BagFolderWriter.join(writer.output, "data/jsonl/documents.jsonl"))
      try writer.write(files)
      if !quiet {
        let summary = BuildSummary(
          files: files, output: output, previousDocuments: previous.map { [UInt8]($0) })
        DocumentReader.printError(summary.text)
      }
    } catch let error as BagFolderWriter.Failure {
      DocumentReader.printError("error: \(error.description)")
      throw ExitCode(2)
    }
  }

  /// Notes naming the inputs whose SHA-256 differs from the one recorded in the existing bag's
  /// `documents` table (so a stale bag points back at the edited file).
  static func changedInputs(old folder: String, new files: [ExportFile]) -> [String] {
    let path = "data/jsonl/documents.jsonl"
    guard let fresh = files.first(where: { $0.path == path }),
      let data = FileManager.default.contents(atPath: BagFolderWriter.join(folder, path)),
      let before = try? JSONRecordReader.readLines([
        ExportFile(path: "jsonl/documents.jsonl", bytes: [UInt8](data))
      ]),
      let after = try? JSONRecordReader.readLines([
        ExportFile(path: "jsonl/documents.jsonl", bytes: fresh.bytes)
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

  /// Progress goes to stderr, and only when stderr is a terminal.
  private func progress(_ message: String) {
    guard isatty(STDERR_FILENO) == 1 else { return }
    FileHandle.standardError.write(Data((message + "\n").utf8))
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
