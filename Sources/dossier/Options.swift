import ArgumentParser
import DossierCore
import Foundation

extension ReporterKind: ExpressibleByArgument {}

/// The options of every command that reports diagnostics: `--reporter` and `--strict`.
///
/// Use it with `@OptionGroup var reporting: ReportingOptions`, then end the command with
/// `throw ExitCode(reporting.report(diagnostics, sources: texts))`.
struct ReportingOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "How to print diagnostics: "
        + ReporterKind.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: ", ")
        + ". Default: github when GITHUB_ACTIONS=true, else text.",
      valueName: "reporter"))
  var reporter: ReporterKind?

  @Flag(name: .long, help: "Treat warnings as errors.")
  var strict = false

  /// The reporter to use: the one given, else `github` when `GITHUB_ACTIONS=true` (inside a GitHub
  /// Actions job), else `text`.
  var chosenReporter: ReporterKind {
    ReporterKind.chosen(reporter, environment: ProcessInfo.processInfo.environment)
  }

  /// The policy these options ask for.
  var policy: DiagnosticPolicy { DiagnosticPolicy(strict: strict) }

  /// Applies `--strict`, prints the report with `kind` (default: the chosen reporter) to stdout (or
  /// stderr, when stdout carries something else) and returns the exit status: 1 when an error remains,
  /// otherwise 0. Colour is forced on or off by `color`, else used only on a terminal without
  /// `NO_COLOR`; with `quiet`, nothing is printed when nothing remains to report.
  func report(
    _ diagnostics: [Diagnostic], sources: [String: String], reporter kind: ReporterKind? = nil,
    color: Bool? = nil, quiet: Bool = false, toStandardError: Bool = false
  ) -> Int32 {
    let reported = policy.apply(diagnostics)
    let environment = ProcessInfo.processInfo.environment
    let terminal = isatty(toStandardError ? STDERR_FILENO : STDOUT_FILENO) == 1
    let context = ReportContext(
      sources: sources,
      useColor: color ?? ColorChoice.useColor(outputIsTerminal: terminal, environment: environment))
    let text = (kind ?? chosenReporter).render(reported, context: context)
    if !(quiet && reported.isEmpty) && !text.isEmpty {
      (toStandardError ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
    }
    return policy.exitStatus(for: reported)
  }

  /// The engine `make` builds from the schemas; when they cannot be used, reports why on stderr and
  /// exits 2.
  func engine<Engine>(_ make: () throws(DiagnosticError) -> Engine) throws -> Engine {
    do {
      return try make()
    } catch {
      _ = report(error.diagnostics, sources: [:], toStandardError: true)
      throw ExitCode(2)
    }
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

  /// True when status messages and the progress line go to stderr: on a terminal, or with
  /// `--progress`; never with `--quiet`.
  var showsProgress: Bool { !quiet && (progress || isatty(STDERR_FILENO) == 1) }

  /// A progress line for `total` documents (inactive when `showsProgress` is false).
  func line(_ verb: String, total: Int) -> ProgressLine {
    ProgressLine(verb: verb, total: total, enabled: showsProgress)
  }

  /// Prints the stage table when `--timings` was given.
  func printTimings(_ timings: StageTimings, since start: Double) {
    guard self.timings else { return }
    let wall = StageTimings.Clock.wallNow() - start
    FileHandle.standardError.write(
      Data(timings.report(totalWall: wall, totalCPU: StageTimings.Clock.processCPU()).utf8))
  }
}

/// `--input` and `--schemas` of the commands that find the project root (`build`, `validate`).
struct ProjectOptions: ParsableArguments {
  @Option(
    help:
      "Folder holding the documents (.txt) and their annotations (.yaml) (default: Input/ of the project root)."
  )
  var input: String?

  @Option(
    help:
      "Folder holding the schemas, vocabularies, XSDs and XML catalog (default: Schemas/ of the project root)."
  )
  var schemas: String?

  /// The input folder: `--input`, else `Input/` of the project root (`ProjectRoot`).
  var inputFolder: String { ProjectRoot.folder(input, default: "Input") }
  /// The schemas folder: `--schemas`, else `Schemas/` of the project root.
  var schemasFolder: String { ProjectRoot.folder(schemas, default: "Schemas") }

  /// What `read` gives from the two folders; when it throws, prints the error (with
  /// `ProjectRoot.hint` when a default folder is missing) and exits 2.
  func read<Value>(_ read: (_ input: String, _ schemas: String) throws(FolderError) -> Value) throws -> Value
  {
    try DocumentReader.folders(hintsRoot: input == nil || schemas == nil) { () throws(FolderError) in
      try read(inputFolder, schemasFolder)
    }
  }
}
