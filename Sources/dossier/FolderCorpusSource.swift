import DossierCore
import Foundation

/// The input folder as a `CorpusSource`: the folder is listed once (`InputDiscovery` pairs `.txt`
/// and `.yaml` by name and reports what it skips), and each document's files are read only when the engine asks for them, so memory never
/// holds the corpus.
struct FolderCorpusSource: CorpusSource {
  /// One document's files.
  struct Entry: Sendable, Hashable {
    var id: String
    var text: String?
    var annotation: String?
  }

  private(set) var entries: [Entry]
  private(set) var documentIDs: [String]

  /// What input discovery reported about the folder's files (`InputDiscovery`).
  private(set) var diagnostics: [Diagnostic] = []

  /// Lists `folder` (exit status 2 through `ValidateCommand.CorpusReadError` when it cannot be listed)
  /// and picks its documents with `InputDiscovery`, keeping what it reports.
  init(folder: String) throws {
    try ValidateCommand.requireFolder(folder, "input")
    let found = InputDiscovery.discover(try InputFolder.entries(folder), folder: folder)
    self.init(
      entries: found.documents.map { document in
        Entry(
          id: document.id,
          text: document.textName.map { (folder as NSString).appendingPathComponent($0) },
          annotation: document.annotationName.map { (folder as NSString).appendingPathComponent($0) })
      })
    diagnostics = found.diagnostics
  }

  init(entries: [Entry]) {
    self.entries = entries.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    documentIDs = self.entries.map(\.id)
  }

  /// The entry of a document id, if the folder has it.
  func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }

  /// The same source with `entry` in place of its namesake (or added).
  func replacing(_ entry: Entry) -> FolderCorpusSource {
    var replaced = FolderCorpusSource(entries: entries.filter { $0.id != entry.id } + [entry])
    replaced.diagnostics = diagnostics
    return replaced
  }

  func load(_ index: Int) throws(CorpusSourceError) -> CorpusDocumentInput {
    let entry = entries[index]
    func read(_ path: String?) throws(CorpusSourceError) -> CorpusFile? {
      guard let path else { return nil }
      do {
        return CorpusFile(path: path, bytes: try DocumentReader.bytes(atPath: path))
      } catch {
        throw CorpusSourceError("\(error)")
      }
    }
    return CorpusDocumentInput(
      id: entry.id, text: try read(entry.text), annotation: try read(entry.annotation))
  }
}
