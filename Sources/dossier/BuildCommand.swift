import ArgumentParser
import DossierCore
import Foundation

/// `dossier build`: runs the pipeline over the corpus.
///
/// At this stage it ingests every `.txt` document of the input folder (sorted by name) and prints one
/// summary line per document; the later stages (annotations, validation, exports) extend it.
struct BuildCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build the corpus: ingest every document of the input folder and summarize it.")

  @Option(help: "Folder holding the documents (.txt) and their annotations.")
  var input = "Input"

  @Option(help: "Folder holding the JSON Schemas and vocabularies (used once validation is part of build).")
  var schemas = "Schemas"

  @Option(help: "Folder the exports are written to (used once export is part of build).")
  var output = "Exports"

  @Flag(help: "Write nothing; fail when committed exports are stale (once export is part of build).")
  var check = false

  @Option(help: "How many documents to process at once (default: the number of cores).")
  var jobs: Int?

  @Option(help: "Diagnostics format: text (more formats come with the reporters).")
  var reporter = "text"

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    guard reporter == "text" else { throw ValidationError("unknown reporter '\(reporter)'; use: text") }
  }

  func run() async throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      DocumentReader.printError("error: input folder '\(input)' does not exist")
      throw ExitCode(2)
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: input).filter { $0.hasSuffix(".txt") }
        .sorted()
    } catch {
      DocumentReader.printError("error: cannot list input folder '\(input)': \(error.localizedDescription)")
      throw ExitCode(2)
    }
    if names.isEmpty { DocumentReader.printError("note: no .txt documents in '\(input)'") }
    let paths = names.map { (input as NSString).appendingPathComponent($0) }
    let outcomes = await ingestAll(paths)

    var status: Int32 = 0
    for outcome in outcomes {
      if let summary = outcome.summary { print(summary) }
      if let message = outcome.ioError { DocumentReader.printError("error: \(message)") }
      DocumentReader.printDiagnostics(outcome.diagnostics)
      status = max(status, outcome.status)
    }
    if status != 0 { throw ExitCode(status) }
  }

  /// What ingesting one document gave: only the summary and diagnostics are kept, so memory stays
  /// proportional to the largest document, not to the corpus.
  private struct Outcome: Sendable {
    var summary: String?
    var ioError: String?
    var diagnostics: [Diagnostic] = []
    var status: Int32 = 0
  }

  private func outcome(of path: String) -> Outcome {
    do {
      let document = try DocumentReader.ingest(path: path)
      let failsStrict = strict && document.diagnostics.contains { $0.severity != .note }
      return Outcome(
        summary: summary(of: document), diagnostics: document.diagnostics, status: failsStrict ? 1 : 0)
    } catch let error as DocumentReader.ReadError {
      return Outcome(ioError: error.description, status: 2)
    } catch let error as DiagnosticError {
      return Outcome(diagnostics: error.diagnostics.sorted(), status: 1)
    } catch {
      return Outcome(ioError: "\(path): \(error)", status: 2)
    }
  }

  /// `ID: N blocks, M sections, languages a, b`.
  private func summary(of document: IngestedDocument) -> String {
    let blocks = document.blocks.count
    let sections = document.sections.count
    return
      "\(document.id): \(blocks) block\(blocks == 1 ? "" : "s"), \(sections) section\(sections == 1 ? "" : "s"), "
      + "languages \(document.languages.joined(separator: ", "))"
  }

  /// Ingests documents concurrently (at most `jobs` at a time) and returns the outcomes in input order.
  private func ingestAll(_ paths: [String]) async -> [Outcome] {
    let limit = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    return await withTaskGroup(of: (Int, Outcome).self) { group in
      var results = [Outcome?](repeating: nil, count: paths.count)
      var next = 0
      func addTask() {
        let index = next
        let path = paths[index]
        next += 1
        group.addTask { (index, outcome(of: path)) }
      }
      while next < paths.count && next < limit { addTask() }
      for await (index, result) in group {
        results[index] = result
        if next < paths.count { addTask() }
      }
      return results.map { $0 ?? Outcome(ioError: "internal error: no result", status: 2) }
    }
  }
}
