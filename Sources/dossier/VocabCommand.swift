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
    let catalog = try Self.catalog(schemas)
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

  /// Reads the vocabularies of a schemas folder; exits with status 2 when they cannot be read.
  static func catalog(_ folder: String) throws -> VocabularyCatalog {
    do {
      return try VocabularyCatalog(schemas: ValidateCommand.readSchemas(folder))
    } catch let error as ValidateCommand.CorpusReadError {
      DocumentReader.printError("error: \(error.description)")
      throw ExitCode(2)
    } catch let error as DiagnosticError {
      DocumentReader.printDiagnostics(error.diagnostics)
      throw ExitCode(2)
    }
  }

  /// What `dossier explain TERM` prints for a vocabulary term, or `nil` when no term has that name
  /// (or the vocabularies cannot be read).
  static func explanation(of name: String, schemas: String) -> String? {
    guard let schemaFiles = try? ValidateCommand.readSchemas(schemas),
      let catalog = try? VocabularyCatalog(schemas: schemaFiles)
    else { return nil }
    let found = catalog.lookup(name)
    guard !found.isEmpty else { return nil }
    return found.map { "\($0.section.title): " + VocabularyListing.describe($0) }.joined(separator: "\n")
  }

  /// "note: …did you mean …?" naming vocabulary terms close to an unknown name, or `nil`.
  static func termHint(for name: String, schemas: String) -> String? {
    guard let schemaFiles = try? ValidateCommand.readSchemas(schemas),
      let catalog = try? VocabularyCatalog(schemas: schemaFiles)
    else { return nil }
    let close = catalog.suggestions(for: name)
    guard !close.isEmpty else { return nil }
    return "note: no vocabulary term has that name either; did you mean " + close.joined(separator: ", ")
      + "? ('dossier vocab' lists every term)"
  }
}

extension VocabularyCatalog.Section: ExpressibleByArgument {}
