import ArgumentParser
import DossierCore

struct BuildCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "build", abstract: "build (being built).")

  func run() async throws {
    throw ValidationError("'dossier build' is not implemented yet")
  }
}
