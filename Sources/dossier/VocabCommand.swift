import ArgumentParser
import DossierCore
import Foundation

/// `dossier vocab [types|areas|organizations|countries] [--search TEXT] [--json]`: browses the
/// controlled vocabularies.
struct VocabCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vocab",
    abstract:
      "List the terms of the vocabularies: labels (en, zh), definitions, narrower terms, crosswalks, aliases.",
    discussion: """
      Without a vocabulary name, every vocabulary is listed. --search matches ids, labels, aliases and \
      definitions in English or Chinese, case-insensitively. --json prints the format of \
      Schemas/vocab.schema.json.
      """)

  @Argument(help: "types, areas, organizations or countries (default: all).")
  var vocabulary: VocabularyCatalog.Section?

  @Option(help: "Only terms whose id, label, alias or definition contains this text.")
  var search: String?

  @Flag(help: "Print JSON instead of the listing.")
  var json = false

  @Option(help: "Folder holding vocabularies/.")
  var schemas = "Schemas"

  func run() async throws {
    let catalog = try await Console.orExit {
      try VocabularyCatalog(schemas: SchemasFolder.schemaFiles(in: schemas))
    }
    let sections = vocabulary.map { [$0] } ?? []
    let terms = catalog.terms(in: sections, matching: search)
    if !json && terms.isEmpty {
      return Console.printError("no term matches" + (search.map { " '\($0)'" } ?? ""))
    }
    print(VocabularyListing.render(terms, sections: sections, search: search, json: json), terminator: "")
  }
}

extension VocabularyCatalog.Section: ExpressibleByArgument {}
