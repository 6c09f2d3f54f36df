import ArgumentParser
import DossierCore
import Foundation

/// `dossier validate [PATH...]`: checks annotations against the schema, the text and the vocabularies.
///
/// Without paths the whole input folder is validated. With paths (`.yaml` or `.txt` files), the named
/// documents replace their namesakes of the input folder (a named file is paired with its partner
/// beside it, else with the input folder's), the whole corpus is still checked (activity
/// ids are unique across it), and only the named documents' problems (and those of the schemas and
/// vocabularies) are reported. Writes nothing. Exit status: 0 valid, 1 errors (or warnings with
/// `--strict`), 2 a missing folder or an unreadable file.
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Validate annotations (YAML) against the schema, their documents and the vocabularies.",
    discussion: """
      Reports every problem of every file in one run, each at file:line:column. A document (.txt) \
      without an annotation (.yaml) is a warning (A008); an annotation without its document is an error \
      (A007).
      """)

  @Argument(
    help: "Annotation (.yaml) or document (.txt) files to validate (default: the whole input folder).")
  var paths: [String] = []

  @Option(
    help:
      "Folder holding the documents (.txt) and their annotations (.yaml) (default: Input/ of the project root)."
  )
  var input: String?

  @Option(
    help: "Folder holding annotation.schema.json and vocabularies/ (default: Schemas/ of the project root).")
  var schemas: String?

  @OptionGroup var reporting: ReportingOptions

  @OptionGroup(title: "Limits per file") var limits: LimitOptions

  @OptionGroup var progressOptions: ProgressOptions

  func run() async throws {
    let started = StageTimings.Clock.wallNow()
    let schemaFiles: SchemaFiles
    var source: FolderCorpusSource
    var selected: Set<String>?
    let input = ProjectRoot.folder(self.input, default: "Input")
    let schemas = ProjectRoot.folder(self.schemas, default: "Schemas")
    do {
      schemaFiles = try Self.readSchemas(schemas)
      // The corpus is listed now and read document by document while validating (flat memory).
      source = try FolderCorpusSource(folder: input)
      if !paths.isEmpty {
        var ids = Set<String>()
        for path in paths {
          var named = try Self.namedEntry(path)
          // A file named alone is paired with its partner of the input folder.
          let partner = source.entry(named.id)
          named.text = named.text ?? partner?.text
          named.annotation = named.annotation ?? partner?.annotation
          ids.insert(named.id)
          source = source.replacing(named)
        }
        selected = ids
      }
    } catch let error as CorpusReadError {
      DocumentReader.printError("error: \(error.description)")
      if error.isMissingFolder && (self.input == nil || self.schemas == nil) {
        DocumentReader.printError(ProjectRoot.hint)
      }
      throw ExitCode(2)
    }
    let validator: CorpusValidator
    do {
      validator = try CorpusValidator(schemas: schemaFiles)
    } catch {
      _ = reporting.report(error.diagnostics, sources: [:], to: .standardError)
      throw ExitCode(2)
    }
    let line = progressOptions.line("validate", total: source.documentIDs.count)
    let result = await validator.validate(source, progress: line.update)
    line.finish()
    progressOptions.printTimings(result.timings, since: started)
    if let readError = result.readError {
      DocumentReader.printError("error: \(readError.description)")
      throw ExitCode(2)
    }
    var diagnostics = (source.diagnostics + result.diagnostics).sorted()
    if let selected {
      let documentFiles = Set(source.entries.flatMap { [$0.text, $0.annotation].compactMap { $0 } })
      let wanted = Set(
        source.entries.filter { selected.contains($0.id) }.flatMap {
          [$0.text, $0.annotation].compactMap { $0 }
        })
      diagnostics = diagnostics.filter { diagnostic in
        guard let file = diagnostic.location?.file else { return true }
        return wanted.contains(file) || !documentFiles.contains(file)
      }
    }
    let status = reporting.report(diagnostics, sources: result.sources)
    if status != 0 { throw ExitCode(status) }
  }

  /// Why the corpus could not be read (exit status 2).
  struct CorpusReadError: Error, CustomStringConvertible {
    var description: String
    /// True when a folder does not exist (the project root may not have been found).
    var isMissingFolder = false
  }

  static func read(_ path: String) throws -> CorpusFile {
    do {
      return CorpusFile(path: path, bytes: try DocumentReader.bytes(atPath: path))
    } catch {
      throw CorpusReadError(description: "\(error)")
    }
  }

  static func requireFolder(_ path: String, _ what: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw CorpusReadError(description: "\(what) folder '\(path)' does not exist", isMissingFolder: true)
    }
  }

  /// Reads the files of the schemas folder the pipeline needs.
  static func readSchemas(_ folder: String) throws -> SchemaFiles {
    try requireFolder(folder, "schemas")
    var files: [String: CorpusFile] = [:]
    for relative in SchemaFiles.requiredPaths {
      files[relative] = try read((folder as NSString).appendingPathComponent(relative))
    }
    switch SchemaFiles.assemble(files) {
    case .success(let assembled): return assembled
    case .failure(let missing): throw CorpusReadError(description: "missing schema file '\(missing.path)'")
    }
  }

  /// Reads every `NAME.txt` and `NAME.yaml` of the input folder, paired by name (`InputDiscovery`),
  /// with the diagnostics about files that are skipped or collide.
  static func discoverCorpus(_ folder: String) throws -> (
    corpus: [String: CorpusDocumentInput], diagnostics: [Diagnostic]
  ) {
    try requireFolder(folder, "input")
    return try InputFolder.read(folder)
  }

  /// The documents of `discoverCorpus` alone, for commands that report nothing about the folder.
  static func readCorpus(_ folder: String) throws -> [String: CorpusDocumentInput] {
    try discoverCorpus(folder).corpus
  }

  /// The files of a named `.yaml` or `.txt` and of its partner beside it (read later, by the source).
  static func namedEntry(_ path: String) throws -> FolderCorpusSource.Entry {
    let name = (path as NSString).lastPathComponent
    guard name.hasSuffix(".yaml") || name.hasSuffix(".txt") else {
      throw CorpusReadError(description: "'\(path)' is neither an annotation (.yaml) nor a document (.txt)")
    }
    let isText = name.hasSuffix(".txt")
    let id = String(name.dropLast(isText ? 4 : 5))
    let folder = (path as NSString).deletingLastPathComponent
    let partnerName = id + (isText ? ".yaml" : ".txt")
    let partner = folder.isEmpty ? partnerName : (folder as NSString).appendingPathComponent(partnerName)
    // The named file must be readable now (exit status 2 before any work).
    _ = try read(path)
    let other = FileManager.default.fileExists(atPath: partner) ? partner : nil
    return isText
      ? FolderCorpusSource.Entry(id: id, text: path, annotation: other)
      : FolderCorpusSource.Entry(id: id, text: other, annotation: path)
  }
}
