import ArgumentParser
import DossierCore
import Foundation

/// The `dossier` command. Exit status: 0 success; 1 errors in the inputs (or stale exports with `--check`);
/// 2 usage or I/O error.
@main
struct Dossier: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dossier",
    abstract: "Ingest, annotate, validate, transform and export military-cooperation documents.",
    version: DossierVersion.current,
    subcommands: [
      BuildCommand.self, MergeCommand.self, ValidateCommand.self, CheckCommand.self, InspectCommand.self,
      ExplainCommand.self, LSPCommand.self, NewCommand.self, VocabCommand.self, ReportCommand.self,
    ]
  )

  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      exit(reporting: error)
    }
  }

  /// Prints the error the way ArgumentParser would, but maps usage errors to exit code 2.
  private static func exit(reporting error: any Error) -> Never {
    let code = exitCode(for: error)
    let message = fullMessage(for: error)
    if !message.isEmpty {
      (code == .success ? FileHandle.standardOutput : FileHandle.standardError).write(
        Data((message + "\n").utf8))
    }
    Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
  }
}
