import ArgumentParser
import DossierCore
import Foundation

/// `dossier merge PART... --output Exports`: the bag of a sharded build, byte for byte the one `build`
/// writes (`--help`).
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
    let bag = try await Console.orExit { try BagOutput(output: output, check: check) }
    let result = PartMerger().merge(
      parts.map { FolderPartStore(name: $0) }, into: bag.sink, strict: reporting.strict)
    if let ioError = result.ioError { try Console.fail(ioError, discarding: bag) }
    let summary = try await reporting.finish(
      bag, exported: result.exported, fileCount: result.fileCount, diagnostics: result.diagnostics,
      sources: DiskFile.sourceTexts(of: result.diagnostics))
    if summary != nil { Console.printError(result.summary(parts: parts.count, output: output)) }
  }
}
