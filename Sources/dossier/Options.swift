import ArgumentParser
import DossierCore
import Foundation

extension ReporterKind: ExpressibleByArgument {}

/// `--reporter` and `--strict`, of every command that reports diagnostics, and the printing of the report.
struct ReportingOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "How to print diagnostics: \(ReporterKind.choices). Default: github when GITHUB_ACTIONS=true, else text.",
      valueName: "reporter"))
  var reporter: ReporterKind?

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  /// The reporter to use: the one given, else `github` when `GITHUB_ACTIONS=true` (inside a GitHub
  /// Actions job), else `text`.
  var chosenReporter: ReporterKind { ReporterKind.chosen(reporter, environment: environment) }

  /// The process's environment variables.
  var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// The policy these options ask for.
  var policy: DiagnosticPolicy { DiagnosticPolicy(strict: strict) }

  /// Prints the report (`DiagnosticPolicy.report`) with `kind` (default: the chosen reporter) on stdout
  /// or stderr, coloured as `color` forces or else on a terminal without `NO_COLOR`; returns the exit
  /// status.
  func report(
    _ diagnostics: [Diagnostic], sources: [String: String], reporter kind: ReporterKind? = nil,
    color: Bool? = nil, quiet: Bool = false, toStandardError: Bool = false
  ) -> Int32 {
    let terminal = isatty(toStandardError ? STDERR_FILENO : STDOUT_FILENO) == 1
    let useColor = color ?? ColorChoice.useColor(outputIsTerminal: terminal, environment: environment)
    let (text, status) = policy.report(
      diagnostics, with: kind ?? chosenReporter, context: ReportContext(sources: sources, useColor: useColor),
      quiet: quiet)
    (toStandardError ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
    return status
  }

  /// Reports the `diagnostics` of a build or merge into `bag` (with `--check`, and each stale file
  /// too: `BagOutput.staleFiles`) and keeps the bag; exits 1, discarding it, on an error or a stale
  /// file. Returns what changed once the bag is swapped in, `nil` with `--check` (up to date).
  func finish(
    _ bag: BagOutput, exported: Bool, fileCount: Int, diagnostics: [Diagnostic], sources: [String: String]
  ) async throws -> BuildSummary? {
    let (stale, notes) = try await Console.orExit {
      try bag.staleFiles(after: diagnostics, exported: exported, policy: policy)
    }
    notes.forEach(Console.printError)
    let status = report(diagnostics + stale, sources: sources)
    guard exported, status == 0, stale.isEmpty else {
      bag.discard()
      throw ExitCode(max(status, 1))
    }
    return try await Console.orExit { try bag.commit(fileCount: fileCount) }
  }

}

/// `--quiet`, `--progress` and `--timings` of the commands that walk the whole corpus (`build`,
/// `validate`).
struct ProgressOptions: ParsableArguments {
  @Flag(
    name: .shortAndLong,
    help:
      "Print no progress line, status message or build summary (documents, activities, changes) on stderr.")
  var quiet = false

  @Flag(help: "Show the progress line even when stderr is not a terminal.")
  var progress = false

  @Flag(help: "After the run, print the wall and CPU time of each stage on stderr.")
  var timings = false

  /// The progress line for `total` documents, which also shows status messages: drawn on a terminal,
  /// or with `--progress`; never with `--quiet`.
  func line(_ verb: String, total: Int) -> ProgressLine {
    ProgressLine(verb: verb, total: total, enabled: !quiet && (progress || isatty(STDERR_FILENO) == 1))
  }

  /// Prints the stage table when `--timings` was given.
  func printTimings(_ timings: StageTimings, since start: Double) {
    if self.timings { FileHandle.standardError.write(Data(timings.report(since: start).utf8)) }
  }
}

/// `--input` and `--schemas` of the commands that find the project root (`build`, `validate`).
struct ProjectOptions: ParsableArguments {
  @Option(help: "Documents (.txt) and annotations (.yaml) (default: Input/ of the project root).")
  var input: String?

  @Option(help: "Schemas, vocabularies, XSDs and XML catalog (default: Schemas/ of the project root).")
  var schemas: String?

  /// The input folder: `--input`, else `Input/` of the project root (`ProjectRoot`).
  var inputFolder: String { ProjectRoot.folder(input, default: "Input") }
  /// The schemas folder: `--schemas`, else `Schemas/` of the project root.
  var schemasFolder: String { ProjectRoot.folder(schemas, default: "Schemas") }

  /// What `read` gives from the two folders; when it throws, prints the error (with
  /// `ProjectRoot.hint` when a default folder is missing) and exits 2.
  func read<Value>(_ read: (_ input: String, _ schemas: String) throws -> Value) async throws -> Value {
    try await Console.orExit(hintsRoot: input == nil || schemas == nil) {
      try read(inputFolder, schemasFolder)
    }
  }
}
