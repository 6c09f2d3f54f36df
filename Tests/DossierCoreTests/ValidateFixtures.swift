import DossierCore
import DossierTestSupport
import Foundation

/// The repository's schemas and seed corpus as values, for validation tests.
enum ValidateFixtures {
  /// Every file validation needs from `Schemas/`, named `Schemas/…`.
  static func schemaFiles() throws -> SchemaFiles {
    try SchemasFolder.schemaFiles(in: RepositoryPaths.schemas.path, named: "Schemas")
  }

  /// Everything a build needs from `Schemas/`, named `Schemas/…`.
  static func schemas() throws -> SchemasFolder {
    try SchemasFolder(RepositoryPaths.schemas.path, named: "Schemas")
  }

  /// One validator for the whole test process (schemas compiled once).
  static let validator: CorpusValidator? = try? CorpusValidator(schemas: schemaFiles())

  /// The seed corpus: the documents of `Input/`, their files named `Input/…`.
  static func seedCorpus() throws -> [String: CorpusDocumentInput] {
    try InputFolder.read(RepositoryPaths.input.path, named: "Input").corpus
  }

  /// `CODE line:column` per diagnostic (the file too when it is not `file`).
  static func summary(_ diagnostics: [Diagnostic], file: String) -> String {
    diagnostics.map { diagnostic in
      guard let location = diagnostic.location else { return diagnostic.code.id }
      let place = location.file == file ? "" : location.file + ":"
      return "\(diagnostic.code.id) \(place)\(location.line):\(location.column)"
    }.joined(separator: "\n")
  }
}
