import ArgumentParser
import DossierCore

struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "check (being built).")

  func run() async throws {
    throw ValidationError("'dossier check' is not implemented yet")
  }
}
