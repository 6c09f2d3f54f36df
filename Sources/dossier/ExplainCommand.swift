import ArgumentParser
import DossierCore

struct ExplainCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "explain", abstract: "explain (being built).")

  func run() async throws {
    throw ValidationError("'dossier explain' is not implemented yet")
  }
}
