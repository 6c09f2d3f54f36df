import Foundation

/// The input folder as a `CorpusSource`: the folder is listed once (`InputDiscovery` pairs `.txt`
/// and `.yaml` by name and reports what it skips), and each document's files are read only when the
/// engine asks for them, so memory never holds the corpus.
public struct FolderCorpusSource: CorpusSource {
  /// One document's files.
  public struct Entry: Sendable, Hashable {
    public var id: String
    public var text: String?
    public var annotation: String?

    public init(id: String, text: String?, annotation: String?) {
      self.id = id
      self.text = text
      self.annotation = annotation
    }

    /// A file named on the command line (`NAME.yaml` or `NAME.txt`) and its partner beside it, when
    /// there is one. The named file must be readable now (exit status 2 before any work).
    public static func named(_ path: String) throws(FolderError) -> Entry {
      guard let (id, isText, partnerName) = InputDiscovery.named((path as NSString).lastPathComponent) else {
        throw FolderError(description: "'\(path)' is neither an annotation (.yaml) nor a document (.txt)")
      }
      let folder = (path as NSString).deletingLastPathComponent
      let partner = folder.isEmpty ? partnerName : (folder as NSString).appendingPathComponent(partnerName)
      _ = try DiskFile.read(path)
      let other = FileManager.default.fileExists(atPath: partner) ? partner : nil
      return isText
        ? Entry(id: id, text: path, annotation: other) : Entry(id: id, text: other, annotation: path)
    }
  }

  public private(set) var entries: [Entry]
  public private(set) var documentIDs: [String]

  /// What input discovery reported about the folder's files (`InputDiscovery`).
  public private(set) var diagnostics: [Diagnostic] = []

  /// Lists `folder` and picks its documents with `InputDiscovery`, keeping what it reports.
  public init(folder: String) throws(FolderError) {
    try FolderError.requireFolder(folder, "input")
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

  /// A source of the given entries (sorted by id).
  public init(entries: [Entry]) {
    self.entries = entries.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    documentIDs = self.entries.map(\.id)
  }

  /// The entry of a document id, if the folder has it.
  public func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }

  /// The same source with `entry` in place of its namesake (or added).
  public func replacing(_ entry: Entry) -> FolderCorpusSource {
    var replaced = FolderCorpusSource(entries: entries.filter { $0.id != entry.id } + [entry])
    replaced.diagnostics = diagnostics
    return replaced
  }

  /// The same source with each named file (`Entry.named`) in place of its namesake; a file named
  /// alone is paired with its partner of this source. Returns the ids of the named documents.
  public func replacing(named paths: [String]) throws(FolderError) -> (FolderCorpusSource, Set<String>) {
    var source = self
    var ids = Set<String>()
    for path in paths {
      var named = try Entry.named(path)
      let partner = source.entry(named.id)
      named.text = named.text ?? partner?.text
      named.annotation = named.annotation ?? partner?.annotation
      ids.insert(named.id)
      source = source.replacing(named)
    }
    return (source, ids)
  }

  /// The diagnostics of `diagnostics` that concern the documents `ids`, or no document of the
  /// source at all (the schemas, the vocabularies, a file of the folder that is no document's).
  public func diagnostics(_ diagnostics: [Diagnostic], concerning ids: Set<String>) -> [Diagnostic] {
    let documentFiles = files(of: entries)
    let wanted = files(of: entries.filter { ids.contains($0.id) })
    return diagnostics.filter { diagnostic in
      guard let file = diagnostic.location?.file else { return true }
      return wanted.contains(file) || !documentFiles.contains(file)
    }
  }

  private func files(of entries: [Entry]) -> Set<String> {
    Set(entries.flatMap { [$0.text, $0.annotation].compactMap { $0 } })
  }

  public func load(_ index: Int) throws(CorpusSourceError) -> CorpusDocumentInput {
    let entry = entries[index]
    func read(_ path: String?) throws(CorpusSourceError) -> CorpusFile? {
      guard let path else { return nil }
      do {
        return try DiskFile.read(path)
      } catch {
        throw CorpusSourceError(error.description)
      }
    }
    return CorpusDocumentInput(
      id: entry.id, text: try read(entry.text), annotation: try read(entry.annotation))
  }
}
