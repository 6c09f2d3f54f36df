import DossierCore
import JSONSchema

/// The corpus as the language server sees it: the files of the input folder as last read from disk,
/// overlaid with the text of the annotations open in the editor, plus the schemas and vocabularies.
///
/// Validation is the library's `CorpusValidator`, the same call `dossier validate` makes, over the
/// whole corpus (activity ids are unique across it), so the editor shows exactly what the command
/// line reports for the same text.
public struct Workspace: Sendable {
  /// Where things are (absolute paths).
  public struct Layout: Sendable, Hashable {
    /// The workspace root: paths under it are named relative to it in diagnostics, as `dossier
    /// validate` run from the root names them.
    public var root: String
    /// The folder holding the documents (`.txt`) and annotations (`.yaml`).
    public var input: String
    /// The folder holding `annotation.schema.json` and `vocabularies/`.
    public var schemas: String
    /// `docs/diagnostics.md`, linked from each diagnostic's code, when it exists.
    public var diagnosticsDocument: String?

    public init(root: String = "/", input: String, schemas: String, diagnosticsDocument: String? = nil) {
      self.root = root
      self.input = input
      self.schemas = schemas
      self.diagnosticsDocument = diagnosticsDocument
    }

    /// The name of a file in diagnostics: relative to the root when under it (`Input/x.yaml`).
    public func displayPath(_ path: String) -> String {
      let prefix = root.hasSuffix("/") ? root : root + "/"
      return path.hasPrefix(prefix) && path.count > prefix.count ? String(path.dropFirst(prefix.count)) : path
    }

    /// The layout of a repository root: `ROOT/Input`, `ROOT/Schemas`, `ROOT/docs/diagnostics.md`
    /// (relative `input` and `schemas` are taken from the root).
    public static func repository(
      root: String, input: String = "Input", schemas: String = "Schemas", files: any WorkspaceFileSystem
    ) -> Layout {
      let docs = Path.join(root, "docs/diagnostics.md")
      return Layout(
        root: Path.normalize(root), input: Path.resolve(input, against: root),
        schemas: Path.resolve(schemas, against: root),
        diagnosticsDocument: files.fileExists(atPath: docs) ? docs : nil)
    }
  }

  /// Why the workspace cannot validate anything (the schemas are unusable).
  public struct SetupError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public var diagnostics: [Diagnostic]
  }

  public let layout: Layout
  public let files: any WorkspaceFileSystem
  public let validator: CorpusValidator
  public let codebook: Codebook
  /// Files read from disk, by absolute path.
  private(set) var disk: [String: [UInt8]] = [:]
  /// Text of documents open in the editor, by absolute path (annotations only).
  private(set) var overlays: [String: String] = [:]
  /// Documents outside the input folder that were opened, by id (they replace their namesakes).
  private(set) var outsiders: [String: String] = [:]

  /// Reads the schemas and the input folder.
  public init(layout: Layout, files: any WorkspaceFileSystem) throws(SetupError) {
    self.layout = layout
    self.files = files
    let assembled = try SchemaFiles.read { relative throws(SetupError) in
      let path = Path.join(layout.schemas, relative)
      guard let bytes = try? files.contents(atPath: path) else {
        throw SetupError(description: "cannot read schema file '\(path)'", diagnostics: [])
      }
      return CorpusFile(path: layout.displayPath(path), bytes: bytes)
    } missing: {
      SetupError(description: "missing schema file '\($0)'", diagnostics: [])
    }
    do {
      validator = try CorpusValidator(schemas: assembled)
    } catch {
      throw SetupError(
        description: "the schemas cannot be used: "
          + error.diagnostics.map { "\($0.location?.description ?? ""): \($0.message)" }.joined(
            separator: "; "),
        diagnostics: error.diagnostics)
    }
    codebook = Codebook(schemas: assembled)
    reloadInputFolder()
  }

  /// Re-reads every `.txt` and `.yaml` of the input folder from disk.
  public mutating func reloadInputFolder() {
    disk = [:]
    guard let names = try? files.contentsOfDirectory(atPath: layout.input) else { return }
    for name in names where Self.documentID(ofName: name) != nil {
      let path = Path.join(layout.input, name)
      if let bytes = try? files.contents(atPath: path) { disk[path] = bytes }
    }
  }

  /// Re-reads one file from disk (after a save or a change outside the editor); a file that no longer
  /// exists is dropped.
  public mutating func reload(path: String) {
    if let bytes = try? files.contents(atPath: path), files.fileExists(atPath: path) {
      if isInCorpus(path) { disk[path] = bytes }
    } else {
      disk[path] = nil
    }
  }

  /// Sets the saved content of a file without reading the disk (a save notification with the text).
  public mutating func setSaved(path: String, text: String) {
    if isInCorpus(path) { disk[path] = Array(text.utf8) }
  }

  /// Records the editor's text of an open annotation.
  public mutating func open(path: String, text: String) {
    overlays[path] = text
    if let id = Self.documentID(ofPath: path), Path.folder(of: path) != layout.input { outsiders[id] = path }
  }

  /// Forgets the editor's text of a closed document; the disk content counts again.
  public mutating func close(path: String) {
    overlays[path] = nil
    if let id = Self.documentID(ofPath: path), outsiders[id] == path { outsiders[id] = nil }
  }

  /// The name of a file in diagnostics: relative to the root when under it (`Input/x.yaml`).
  public func displayPath(_ path: String) -> String { layout.displayPath(path) }

  /// The absolute path of a file named in diagnostics.
  public func absolutePath(_ path: String) -> String { Path.resolve(path, against: layout.root) }

  /// The text of an annotation or document as validation sees it: the editor's, else the disk's.
  public func text(ofPath path: String) -> String? {
    if let text = overlays[path] { return text }
    if let bytes = disk[path] ?? (try? files.contents(atPath: path)) {
      return String(decoding: bytes, as: UTF8.self)
    }
    return nil
  }

  /// Whether a file belongs to the corpus validation reads.
  public func isInCorpus(_ path: String) -> Bool {
    guard let id = Self.documentID(ofPath: path) else { return false }
    if Path.folder(of: path) == layout.input { return true }
    return outsiders[id].map { Path.folder(of: $0) == Path.folder(of: path) } ?? false
  }

  /// The corpus as values, as `dossier validate` reads it: the input folder's pairs, with each open
  /// document outside the folder replacing its namesake (paired with its partner beside it, else the
  /// input folder's).
  public func corpus() -> [CorpusDocumentInput] {
    var documents: [String: CorpusDocumentInput] = [:]
    for (path, bytes) in disk where Path.folder(of: path) == layout.input {
      guard let id = Self.documentID(ofPath: path) else { continue }
      var entry = documents[id] ?? CorpusDocumentInput(id: id, text: nil, annotation: nil)
      let file = CorpusFile(path: displayPath(path), bytes: overlays[path].map { Array($0.utf8) } ?? bytes)
      if path.hasSuffix(".txt") { entry.text = file } else { entry.annotation = file }
      documents[id] = entry
    }
    for (path, text) in overlays where Path.folder(of: path) == layout.input && disk[path] == nil {
      guard let id = Self.documentID(ofPath: path), path.hasSuffix(".yaml") else { continue }
      var entry = documents[id] ?? CorpusDocumentInput(id: id, text: nil, annotation: nil)
      entry.annotation = CorpusFile(path: displayPath(path), bytes: Array(text.utf8))
      documents[id] = entry
    }
    for (id, path) in outsiders {
      let folder = Path.folder(of: path)
      let partner = Path.join(folder, id + ".txt")
      var entry = CorpusDocumentInput(id: id, text: nil, annotation: nil)
      if let text = overlays[path] {
        entry.annotation = CorpusFile(path: displayPath(path), bytes: Array(text.utf8))
      }
      if let bytes = overlays[partner].map({ Array($0.utf8) }) ?? (try? files.contents(atPath: partner)) {
        entry.text = CorpusFile(path: displayPath(partner), bytes: bytes)
      } else {
        entry.text = documents[id]?.text
      }
      documents[id] = entry
    }
    return documents.values.sorted { $0.id < $1.id }
  }

  /// The document id of a corpus file name (`NAME.txt` or `NAME.yaml`), or `nil`.
  public static func documentID(ofName name: String) -> String? {
    let isText = name.hasSuffix(".txt")
    guard isText || name.hasSuffix(".yaml") else { return nil }
    let id = String(name.dropLast(isText ? 4 : 5))
    return id.isEmpty || id.hasPrefix(".") ? nil : id
  }

  /// The document id of a corpus file path, or `nil`.
  public static func documentID(ofPath path: String) -> String? { documentID(ofName: Path.name(of: path)) }
}

/// Small path helpers (absolute POSIX paths; no file system access).
public enum Path {
  /// `folder/name`, without doubling slashes.
  public static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// `path` if absolute, else joined to `base`; `.` and `..` segments are resolved.
  public static func resolve(_ path: String, against base: String) -> String {
    normalize(path.hasPrefix("/") ? path : join(base, path))
  }

  /// The path with `.`, `..` and repeated slashes resolved.
  public static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      if part == "." { continue }
      if part == ".." {
        _ = parts.popLast()
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// The folder of a path (without a trailing slash).
  public static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The last component of a path.
  public static func name(of path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
  }
}
