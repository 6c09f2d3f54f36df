import ArgumentParser
import DossierCore
import Foundation

/// `dossier merge PART... --output Exports`: the bag of a sharded build, byte for byte the one
/// `dossier build` writes for the whole corpus, written atomically (or compared, `--check`).
///
/// Exit status as `build`: 0 written (or up to date); 1 diagnostics with errors, parts that do not
/// belong together or changed after they were written (nothing is written), or stale files with
/// `--check`; 2 usage or I/O error.
struct MergeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge the parts of a sharded build (build --shard K/N) into the bag.",
    discussion: """
      Checks that the parts are the N shards of one build (each K once, same schemas, vocabularies, \
      formats and version, no document twice) and that every file matches its SHA-256, runs the checks \
      across documents (activity ids unique), reports every diagnostic of every part as build does, \
      and writes the bag atomically. See docs/scaling.md.
      """)

  @Argument(help: "The part folders written by `dossier build --shard K/N --output PART`.")
  var parts: [String]

  @Option(help: "Folder the bag is written to (replaced as a whole).")
  var output = "Exports"

  @Flag(help: "Write nothing; exit 1 and list every stale, missing or extra file of the output folder.")
  var check = false

  @OptionGroup var reporting: ReportingOptions

  func run() async throws {
    let bag = try await DocumentReader.writing { try BagOutput(output: output, check: check) }
    let result = PartMerger().merge(
      parts.map { FolderPartStore(name: $0) }, into: bag.sink, strict: reporting.strict)
    if let ioError = result.ioError {
      bag.discard()
      DocumentReader.printError("error: \(ioError)")
      throw ExitCode(2)
    }
    let status = reporting.report(result.diagnostics, sources: DiskFile.sourceTexts(of: result.diagnostics))
    guard result.exported, status == 0 else {
      bag.discard()
      throw ExitCode(max(status, 1))
    }
    if let folderSink = bag.folderSink {
      try await DocumentReader.writing { try folderSink.commit() }
      DocumentReader.printError(
        "merged \(parts.count) part\(parts.count == 1 ? "" : "s") (\(result.documentIDs.count) documents): "
          + "wrote \(result.fileCount) files to \(output)")
      return
    }
    let differences = try await DocumentReader.writing { try bag.comparer.differences() }
    for difference in differences { print(difference) }
    if !differences.isEmpty {
      DocumentReader.printError(
        "error: \(output) is stale: \(differences.count) file\(differences.count == 1 ? "" : "s") differ; "
          + "run `dossier merge` to update it")
      throw ExitCode(1)
    }
  }
}
