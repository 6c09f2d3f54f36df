import Foundation

/// Decides which files of the input folder are documents (`NAME.txt`) and annotations (`NAME.yaml`),
/// and reports every file it does not take and why (docs/reliability.md, "Input discovery"):
///
/// - a name that is not UTF-8 is reported (`L006`) and the rest goes on;
/// - names starting with `.` (hidden files, editor swap files) are ignored, as are sub-folders;
/// - any other name without exactly `.txt` or `.yaml` is skipped with a warning (`L007`): `.yml`,
///   `.TXT`, `.YAML` are never guessed at;
/// - an id the bag cannot hold as a file name is refused here (`X007`), before anything is built;
/// - ids that differ only in Unicode normalization or letter case collide (`L005`): both are
///   refused, since they would be one file on macOS, on Windows and in most archives.
///
/// Works on names only; `InputFolder` and `FolderCorpusSource` (Folders/) list the folder.
public enum InputDiscovery {
  /// One entry of the input folder: its raw name bytes, and whether it is a folder.
  public struct Entry: Sendable, Hashable {
    public var name: [UInt8]
    public var isDirectory: Bool

    public init(name: [UInt8], isDirectory: Bool = false) {
      self.name = name
      self.isDirectory = isDirectory
    }

    public init(_ name: String, isDirectory: Bool = false) {
      self.init(name: Array(name.utf8), isDirectory: isDirectory)
    }
  }

  /// One document found: its id and the file names (within the folder) of its two parts.
  public struct Document: Sendable, Hashable {
    public var id: String
    public var textName: String?
    public var annotationName: String?
  }

  /// The documents to read (sorted by id bytes) and what was reported about the folder.
  public struct Result: Sendable {
    public var documents: [Document]
    public var diagnostics: [Diagnostic]
  }

  /// The document of a file named on its own (`dossier validate Input/a.yaml`): its id, whether it is
  /// the text (`NAME.txt`) or the annotation (`NAME.yaml`), and the file name of its partner; `nil`
  /// for any other name.
  public static func named(_ fileName: String) -> (id: String, isText: Bool, partner: String)? {
    let isText = fileName.hasSuffix(".txt")
    guard isText || fileName.hasSuffix(".yaml") else { return nil }
    let id = String(fileName.dropLast(isText ? 4 : 5))
    return (id, isText, id + (isText ? ".yaml" : ".txt"))
  }

  /// Sorts the folder's entries into documents and diagnostics; `folder` prefixes the paths shown.
  public static func discover(_ entries: [Entry], folder: String) -> Result {
    var diagnostics: [Diagnostic] = []
    func path(_ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }
    func at(_ name: String) -> SourceLocation { SourceLocation(file: path(name), line: 0, column: 0) }
    // Keyed by the id's bytes: Swift's String equality would merge canonically equivalent names.
    var found: [[UInt8]: Document] = [:]
    for entry in entries.sorted(by: { $0.name.lexicographicallyPrecedes($1.name) }) {
      let name = String(decoding: entry.name, as: UTF8.self)
      guard name.utf8.elementsEqual(entry.name) else {
        diagnostics.append(
          .error(
            .undecodableFileName,
            "the file name '\(escaped(entry.name))' is not valid UTF-8; the file is skipped",
            at: SourceLocation(file: path(escaped(entry.name)), line: 0, column: 0),
            help: "rename the file (for example with `convmv -f latin1 -t utf8`)"))
        continue
      }
      if name.hasPrefix(".") { continue }
      let lower = name.lowercased()
      let isText = name.hasSuffix(".txt")
      let isAnnotation = name.hasSuffix(".yaml")
      let looksLikeInput = [".txt", ".yaml", ".yml"].contains { lower.hasSuffix($0) }
      if entry.isDirectory {
        if looksLikeInput {
          diagnostics.append(
            .warning(.skippedFile, "'\(name)' is a folder, not a file; it is skipped", at: at(name)))
        }
        continue
      }
      guard isText || isAnnotation else {
        let stem = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(
          separator: ".")
        let help: String
        if lower.hasSuffix(".txt") {
          help = "rename it to '\(stem).txt' (extensions are lower case)"
        } else if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
          help = "rename it to '\(stem).yaml' (annotations end in .yaml)"
        } else {
          help = "only NAME.txt documents and NAME.yaml annotations are read; move other files elsewhere"
        }
        diagnostics.append(
          .warning(
            .skippedFile, "'\(name)' is not a document or an annotation; it is skipped",
            at: at(name), help: help))
        continue
      }
      let id = String(name.dropLast(isText ? 4 : 5))
      if let reason = RecordSetChecker.unsafeFileNameReason(id) {
        diagnostics.append(
          .error(
            .unsafeExportPath, "document id '\(id)' cannot be used as a file name in the exports: \(reason)",
            at: at(name), help: "rename the file"))
        continue
      }
      let key = Array(id.utf8)
      var document = found[key] ?? Document(id: id)
      if isText { document.textName = name } else { document.annotationName = name }
      found[key] = document
    }
    // Ids that fold to the same key collide.
    var groups: [String: [[UInt8]]] = [:]
    for key in found.keys { groups[foldKey(found[key]!.id), default: []].append(key) }
    var colliding = Set<[UInt8]>()
    for (_, keys) in groups where keys.count > 1 {
      let sorted = keys.sorted { $0.lexicographicallyPrecedes($1) }
      for key in sorted {
        colliding.insert(key)
        let document = found[key]!
        let others = sorted.filter { $0 != key }.compactMap { found[$0] }
        let how =
          others.contains {
            $0.id.precomposedStringWithCanonicalMapping == document.id.precomposedStringWithCanonicalMapping
          }
          ? "Unicode normalization" : "letter case"
        for name in [document.textName, document.annotationName].compactMap({ $0 }) {
          diagnostics.append(
            .error(
              .collidingIDs,
              "document id '\(escapedID(document.id))' collides with "
                + others.map { "'\(escapedID($0.id))'" }.joined(separator: ", ")
                + " (the names differ only in \(how)); neither is processed",
              at: at(name),
              notes: others.flatMap { other in
                [other.textName, other.annotationName].compactMap { $0 }.map {
                  Diagnostic.Note("the other file is here", at: at($0))
                }
              },
              help: "rename one of the files so the names differ in more than case or normalization"))
        }
      }
    }
    let documents = found.filter { !colliding.contains($0.key) }
      .sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.value)
    return Result(documents: documents, diagnostics: diagnostics.sorted())
  }

  /// The key under which two ids are the same file on case-insensitive, normalizing file systems:
  /// NFC, then Unicode case folding.
  public static func foldKey(_ id: String) -> String {
    id.precomposedStringWithCanonicalMapping.folding(options: [.caseInsensitive], locale: nil)
      .precomposedStringWithCanonicalMapping
  }

  /// An id with its combining marks shown, so precomposed and decomposed forms look different.
  static func escapedID(_ id: String) -> String {
    id.unicodeScalars.map {
      $0.isASCII || $0.properties.canonicalCombiningClass == .notReordered
        ? String($0) : "\\u{" + String($0.value, radix: 16, uppercase: true) + "}"
    }.joined()
  }

  /// Raw name bytes with every byte that is not printable ASCII written as `\xHH`.
  static func escaped(_ bytes: [UInt8]) -> String {
    bytes.map { b in
      b >= 0x20 && b < 0x7F && b != 0x5C
        ? String(UnicodeScalar(b)) : "\\x" + String(b, radix: 16, uppercase: true)
    }.joined()
  }
}
