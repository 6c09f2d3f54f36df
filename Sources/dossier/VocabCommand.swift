import ArgumentParser
import DossierCore
import Foundation
import JSONSchema

/// `dossier vocab [types|areas|organizations|countries] [--search TEXT] [--json]`: browses the
/// controlled vocabularies. Exit status: 0 (also when nothing matches), 2 unreadable vocabularies.
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
    let files = try DocumentReader.folders { () throws(FolderError) in
      try SchemasFolder.schemaFiles(in: schemas)
    }
    let catalog: VocabularyCatalog
    do {
      catalog = try VocabularyCatalog(schemas: files)
    } catch {
      DocumentReader.printDiagnostics(error.diagnostics)
      throw ExitCode(2)
    }
    let sections = vocabulary.map { [$0] } ?? []
    let terms = catalog.terms(in: sections, matching: search)
    if json {
      let value = VocabularyListing.json(terms, sections: sections, search: search)
      print(JSONWriter.text(of: value, options: .init(indent: 2, sortedKeys: false)))
    } else if terms.isEmpty {
      DocumentReader.printError("no term matches" + (search.map { " '\($0)'" } ?? ""))
    } else {
      print(VocabularyListing.text(terms), terminator: "")
    }
  }
}

extension VocabularyCatalog.Section: ExpressibleByArgument {}
