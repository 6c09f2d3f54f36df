import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lists the input folder by raw name bytes (a name that is not UTF-8 is reported, not mangled into
/// a "no such file" error) and reads the documents `InputDiscovery` picks.
public enum InputFolder {
  /// Every entry of `folder` except `.` and `..`, with its raw name bytes.
  public static func entries(_ folder: String) throws(FolderError) -> [InputDiscovery.Entry] {
    guard let directory = opendir(folder) else {
      throw FolderError(
        description: "cannot list input folder '\(folder)': \(String(cString: strerror(errno)))")
    }
    defer { closedir(directory) }
    var entries: [InputDiscovery.Entry] = []
    while let entry = readdir(directory) {
      let name: [UInt8] = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
        Array(raw.prefix { $0 != 0 })
      }
      if name == [0x2E] || name == [0x2E, 0x2E] { continue }
      var isDirectory = false
      var info = stat()
      let full = Array(folder.utf8) + [0x2F] + name + [0]
      if full.withUnsafeBufferPointer({
        $0.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &info) }
      }) == 0 {
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
      }
      entries.append(InputDiscovery.Entry(name: name, isDirectory: isDirectory))
    }
    return entries
  }

  /// The corpus of `folder` (documents by id, each file named `name/FILE`, default: its path) and
  /// the diagnostics about the folder's files.
  public static func read(_ folder: String, named name: String? = nil) throws(FolderError) -> (
    corpus: [String: CorpusDocumentInput], diagnostics: [Diagnostic]
  ) {
    try FolderError.requireFolder(folder, "input")
    let found = InputDiscovery.discover(try entries(folder), folder: name ?? folder)
    var corpus: [String: CorpusDocumentInput] = [:]
    for document in found.documents {
      func read(_ file: String?) throws(FolderError) -> CorpusFile? {
        guard let file else { return nil }
        return try DiskFile.read(
          (folder as NSString).appendingPathComponent(file),
          named: name.map { ($0 as NSString).appendingPathComponent(file) })
      }
      corpus[document.id] = CorpusDocumentInput(
        id: document.id, text: try read(document.textName), annotation: try read(document.annotationName))
    }
    return (corpus, found.diagnostics)
  }
}

extension InputFolder {
  /// The corpus name a build records for the input folder `folder`: its last path component (of the
  /// working directory for `.`), or `Input` when there is none.
  public static func corpusName(_ folder: String) -> String {
    var trimmed = folder
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    if trimmed == "." || trimmed.isEmpty { trimmed = FileManager.default.currentDirectoryPath }
    let name = trimmed.split(separator: "/").last.map(String.init) ?? ""
    return name.isEmpty || name == "." ? "Input" : name
  }
}
