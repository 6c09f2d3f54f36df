import ArgumentParser
import DossierCore
import Foundation

/// `dossier report [--output Report]`: writes the static HTML report of the corpus beside the bag.
///
/// Exit status: 0 written; 1 errors in the inputs (nothing written); 2 usage or I/O error.
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
    let schemaFiles: SchemaFiles
    let documents: [CorpusDocumentInput]
    do {
      schemaFiles = try ValidateCommand.readSchemas(schemas)
      documents = try ValidateCommand.readCorpus(input).values.sorted { $0.id < $1.id }
    } catch let error as ValidateCommand.CorpusReadError {
      DocumentReader.printError("error: \(error.description)")
      throw ExitCode(2)
    }
    let pipeline: ReportPipeline
    do {
      pipeline = try ReportPipeline(schemas: schemaFiles)
    } catch {
      _ = reporting.report(error.diagnostics, sources: [:], to: .standardError)
      throw ExitCode(2)
    }
    let folder = ReportFolder(output: output)
    let outcome: ReportPipeline.Outcome
    do {
      try folder.prepare()
      outcome = try await pipeline.run(documents, strict: reporting.strict) { try folder.add($0) }
      if outcome.produced { try folder.commit() } else { folder.discard() }
    } catch let error as ReportFolder.Failure {
      folder.discard()
      DocumentReader.printError("error: \(error.description)")
      throw ExitCode(2)
    }
    let status = reporting.report(outcome.diagnostics, sources: outcome.sources, to: .standardError)
    if !outcome.produced { throw ExitCode(status == 0 ? 1 : status) }
    DocumentReader.printError("wrote \(output)/index.html and \(outcome.pages) document page(s)")
  }
}

/// Writes the report into `.NAME.tmp-PID` beside the output folder, then swaps it in.
struct ReportFolder {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  let output: String
  let temporary: String
  let manager = FileManager.default

  init(output: String) {
    var path = output
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    self.output = path
    let slash = path.lastIndex(of: "/")
    let parent = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    temporary = (parent.isEmpty ? "/" : parent) + "/.\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)"
  }

  /// Refuses an output that is a file or a non-empty folder without a report, then creates the
  /// temporary folder.
  func prepare() throws {
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: output, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw Failure(description: "output '\(output)' exists and is not a folder")
      }
      let entries = (try? manager.contentsOfDirectory(atPath: output)) ?? []
      let index = manager.contents(atPath: output + "/index.html").map { String(decoding: $0, as: UTF8.self) }
      if !entries.isEmpty
        && !(index?.contains("<meta name=\"generator\" content=\"dossier report\">") ?? false)
      {
        throw Failure(
          description:
            "output folder '\(output)' is not empty and is not a report written by dossier report; "
            + "remove it or choose another --output")
      }
    }
    try? manager.removeItem(atPath: temporary)
    do {
      try manager.createDirectory(atPath: temporary + "/documents", withIntermediateDirectories: true)
    } catch {
      throw Failure(description: "cannot create '\(temporary)': \(error.localizedDescription)")
    }
  }

  func add(_ file: ExportFile) throws {
    let path = temporary + "/" + file.path
    guard manager.createFile(atPath: path, contents: Data(file.bytes)) else {
      throw Failure(description: "cannot write '\(path)'")
    }
  }

  func commit() throws {
    let old = temporary + ".old"
    do {
      if manager.fileExists(atPath: output) { try manager.moveItem(atPath: output, toPath: old) }
      try manager.moveItem(atPath: temporary, toPath: output)
      try? manager.removeItem(atPath: old)
    } catch {
      if manager.fileExists(atPath: old) && !manager.fileExists(atPath: output) {
        try? manager.moveItem(atPath: old, toPath: output)
      }
      throw Failure(description: "cannot replace '\(output)': \(error.localizedDescription)")
    }
  }

  func discard() { try? manager.removeItem(atPath: temporary) }
}
