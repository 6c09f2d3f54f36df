import DossierCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lists the input folder by raw name bytes (a name that is not UTF-8 is reported, not mangled into
/// a "no such file" error) and reads the documents `InputDiscovery` picks.
enum InputFolder {
  /// Every entry of `folder` except `.` and `..`, with its raw name bytes.
  static func entries(_ folder: String) throws -> [InputDiscovery.Entry] {
    guard let directory = opendir(folder) else {
      throw ValidateCommand.CorpusReadError(
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

  /// The corpus of `folder` (documents by id) and the diagnostics about the folder's files.
  static func read(_ folder: String) throws -> (
    corpus: [String: CorpusDocumentInput], diagnostics: [Diagnostic]
  ) {
    let found = InputDiscovery.discover(try entries(folder), folder: folder)
    var corpus: [String: CorpusDocumentInput] = [:]
    for document in found.documents {
      func read(_ name: String?) throws -> CorpusFile? {
        guard let name else { return nil }
        return try ValidateCommand.read((folder as NSString).appendingPathComponent(name))
      }
      corpus[document.id] = CorpusDocumentInput(
        id: document.id, text: try read(document.textName), annotation: try read(document.annotationName))
    }
    return (corpus, found.diagnostics)
  }
}
