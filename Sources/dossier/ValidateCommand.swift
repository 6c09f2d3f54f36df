import ArgumentParser
import DossierCore

struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate", abstract: "validate (being built).")

  func run() async throws {
    throw ValidationError("'dossier validate' is not implemented yet")
  }
}
