import DossierCore
import Foundation

/// The input folder as a `CorpusSource`: the folder is listed once (`.txt` and `.yaml` paired by
/// name), and each document's files are read only when the engine asks for them, so memory never
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

  /// Lists `folder` (exit status 2 through `ValidateCommand.CorpusReadError` when it cannot be listed).
  init(folder: String) throws {
    try ValidateCommand.requireFolder(folder, "input")
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw ValidateCommand.CorpusReadError(
        description: "cannot list input folder '\(folder)': \(error.localizedDescription)")
    }
    var byID: [String: Entry] = [:]
    for name in names where name.hasSuffix(".txt") || name.hasSuffix(".yaml") {
      let path = (folder as NSString).appendingPathComponent(name)
      let isText = name.hasSuffix(".txt")
      let id = String(name.dropLast(isText ? 4 : 5))
      guard !id.isEmpty, !id.hasPrefix(".") else { continue }
      var entry = byID[id] ?? Entry(id: id)
      if isText { entry.text = path } else { entry.annotation = path }
      byID[id] = entry
    }
    self.init(entries: Array(byID.values))
  }

  init(entries: [Entry]) {
    self.entries = entries.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    documentIDs = self.entries.map(\.id)
  }

  /// The entry of a document id, if the folder has it.
  func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }

  /// The same source with `entry` in place of its namesake (or added).
  func replacing(_ entry: Entry) -> FolderCorpusSource {
    FolderCorpusSource(entries: entries.filter { $0.id != entry.id } + [entry])
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
