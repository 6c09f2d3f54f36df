import DossierCore
import DossierTestSupport
import Foundation

/// The repository's schemas and seed corpus as values, for validation tests.
enum ValidateFixtures {
  static func file(_ url: URL, path: String) throws -> CorpusFile {
    CorpusFile(path: path, bytes: [UInt8](try Data(contentsOf: url)))
  }

  /// Every file the pipeline needs from `Schemas/`, named `Schemas/…`.
  static func schemaFiles() throws -> SchemaFiles {
    var files: [String: CorpusFile] = [:]
    for relative in SchemaFiles.requiredPaths {
      files[relative] = try file(
        RepositoryPaths.schemas.appendingPathComponent(relative), path: "Schemas/" + relative)
    }
    return try SchemaFiles.assemble(files).get()
  }

  /// One validator for the whole test process (schemas compiled once).
  static let validator: CorpusValidator? = try? CorpusValidator(schemas: schemaFiles())

  /// The seed corpus: every `.txt`/`.yaml` of `Input/`, named `Input/…`.
  static func seedCorpus() throws -> [String: CorpusDocumentInput] {
    let names = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.input.path).sorted()
    var corpus: [String: CorpusDocumentInput] = [:]
    for name in names where name.hasSuffix(".txt") || name.hasSuffix(".yaml") {
      let isText = name.hasSuffix(".txt")
      let id = String(name.dropLast(isText ? 4 : 5))
      var entry = corpus[id] ?? CorpusDocumentInput(id: id, text: nil, annotation: nil)
      let loaded = try file(RepositoryPaths.input.appendingPathComponent(name), path: "Input/" + name)
      if isText { entry.text = loaded } else { entry.annotation = loaded }
      corpus[id] = entry
    }
    return corpus
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
