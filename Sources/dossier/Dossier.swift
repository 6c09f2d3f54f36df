import ArgumentParser
import DossierCore
import Foundation

/// The `dossier` command; the exit status convention of every subcommand is in its `discussion`.
@main
struct Dossier: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dossier",
    abstract: "Ingest, annotate, validate, transform and export military-cooperation documents.",
    discussion: """
      Exit status of every command: 0 success; 1 errors in the inputs (nothing is written), or stale \
      files with --check; 2 a usage error, a missing folder, or a file that cannot be read or written.
      """,
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
