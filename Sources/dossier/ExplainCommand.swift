import ArgumentParser
import DossierCore
import Foundation

/// `dossier explain CODE`: prints what a diagnostic code means and how to fix it.
struct ExplainCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Print the documentation of a diagnostic code or a vocabulary term.",
    discussion: """
      Codes are case-insensitive, and short numbers are padded (`y3` is Y003). \
      An unknown code is a usage error (exit status 2) that names the closest known codes.
      """
  )

  @Argument(help: "A diagnostic code, e.g. U001, or a vocabulary term, e.g. exercise.")
  var code: String?

  @Option(help: "Folder holding vocabularies/ (for vocabulary terms).")
  var schemas = "Schemas"

  @Flag(name: .long, help: "List every code with its title.")
  var list = false

  func validate() throws {
    if list && code != nil { throw ValidationError("give either a code or --list, not both") }
    if !list && code == nil { throw ValidationError("give a diagnostic code (e.g. U001), or --list") }
  }

  func run() async throws {
    guard let code else { return print(DiagnosticCode.listing(), terminator: "") }
    let vocabularies = { [schemas] in try? VocabularyCatalog(schemas: SchemasFolder.schemaFiles(in: schemas))
    }
    do {
      print(try DiagnosticCode.explain(code, vocabularies: vocabularies), terminator: "")
    } catch {
      Console.printError(error.description)
      throw ExitCode(2)
    }
  }
}
