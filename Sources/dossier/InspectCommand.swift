import ArgumentParser
import DossierCore

struct InspectCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "inspect", abstract: "inspect (being built).")

  func run() async throws {
    throw ValidationError("'dossier inspect' is not implemented yet")
  }
}
