import ArgumentParser
import Foundation
import LanguageServer

/// `dossier lsp`: the language server of the `LanguageServer` library over standard input and output.
struct LSPCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsp",
    abstract: "Run the language server for annotation sidecars (LSP 3.17 over stdio).",
    discussion: """
      Editors start it and talk JSON-RPC over standard input and output; see docs/editors.md. \
      The workspace root the editor names holds Input/ and Schemas/ (override with the options \
      or with initializationOptions).
      """)

  @Option(help: "Input folder, relative to the workspace root unless absolute.")
  var input = "Input"

  @Option(help: "Schemas folder, relative to the workspace root unless absolute.")
  var schemas = "Schemas"

  @Option(
    help:
      "Quiet period after a change before validating, in milliseconds (0: at once, coalescing changes that arrive during a run)."
  )
  var debounce = 0

  @Option(help: "Largest message accepted, in bytes; longer ones are skipped with an error.")
  var maxMessageBytes = 64 << 20

  @Flag(help: "Accepted for editors that pass it; the server always uses standard input and output.")
  var stdio = false

  func run() async throws {
    signal(SIGPIPE, SIG_IGN)
    let options = ServerOptions(
      debounceMilliseconds: max(0, debounce), input: input, schemas: schemas,
      defaultRoot: FileManager.default.currentDirectoryPath, maximumMessageLength: max(1024, maxMessageBytes))
    let status = await LanguageServer.serve(
      input: StandardInput(), output: StandardOutput(), files: DiskFileSystem(), options: options)
    if status != 0 { throw ExitCode(status) }
  }
}
