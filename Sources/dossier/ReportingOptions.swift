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

  /// Applies `--strict`, prints the report to `stream` with the chosen reporter, and returns the exit
  /// status: 1 when an error remains, otherwise 0. Colour is used only when the stream is a terminal
  /// and `NO_COLOR` is unset.
  func report(
    _ diagnostics: [Diagnostic], sources: [String: String], to stream: ReportStream = .standardOutput
  ) -> Int32 {
    report(diagnostics, sources: sources, reporter: chosenReporter, to: stream)
  }

  /// `report(_:sources:to:)` with another reporter (`check -o`), colour forced on or off
  /// (`--color always|never`; `nil` decides from the terminal), and nothing printed when
  /// `quiet` and nothing remains to report.
  func report(
    _ diagnostics: [Diagnostic], sources: [String: String], reporter: ReporterKind, color: Bool? = nil,
    quiet: Bool = false, to stream: ReportStream = .standardOutput
  ) -> Int32 {
    let reported = policy.apply(diagnostics)
    let context = ReportContext(
      sources: sources,
      useColor: color
        ?? ColorChoice.useColor(
          outputIsTerminal: isatty(stream.fileDescriptor) == 1,
          environment: ProcessInfo.processInfo.environment
        ))
    if !(quiet && reported.isEmpty) { stream.write(reporter.render(reported, context: context)) }
    return policy.exitStatus(for: reported)
  }
}

/// Where a report goes: the requested output on stdout, or stderr when stdout carries something else.
enum ReportStream {
  case standardOutput
  case standardError

  var fileDescriptor: Int32 {
    switch self {
    case .standardOutput: return STDOUT_FILENO
    case .standardError: return STDERR_FILENO
    }
  }

  func write(_ text: String) {
    guard !text.isEmpty else { return }
    let handle = self == .standardOutput ? FileHandle.standardOutput : FileHandle.standardError
    handle.write(Data(text.utf8))
  }
}
