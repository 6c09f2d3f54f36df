import DossierCore
import Foundation

/// Reads source documents from disk for the commands and prints located diagnostics.
///
/// The only place the ingest commands touch the file system: the library gets bytes and a path.
enum DocumentReader {
  /// Why a file could not be read (an I/O error: exit code 2).
  struct ReadError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot read '\(path)': \(reason)" }
  }

  /// The largest document read (1 GiB): beyond it the whole file would not fit the pipeline's budget.
  static let maximumFileSize: Int64 = 1 << 30

  /// The bytes of a regular file.
  static func bytes(atPath path: String) throws -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ReadError(path: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else { throw ReadError(path: path, reason: "it is a directory") }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    guard attributes?[.type] as? FileAttributeType == .typeRegular else {
      throw ReadError(path: path, reason: "not a regular file")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw ReadError(path: path, reason: "permission denied")
    }
    if let size = (attributes?[.size] as? NSNumber)?.int64Value, size > maximumFileSize {
      throw ReadError(
        path: path, reason: "the file is too large (\(size) bytes; the limit is \(maximumFileSize))")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ReadError(path: path, reason: "the file could not be read")
    }
    return [UInt8](data)
  }

  /// Reads, decodes and ingests one document. Throws `ReadError` or `DiagnosticError`.
  static func ingest(path: String) throws -> IngestedDocument {
    let source = try SourceDocument(path: path, bytes: bytes(atPath: path))
    return try DocumentIngester().ingest(source)
  }

  /// Writes a line to standard error.
  static func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// Prints diagnostics compiler-style to standard error: `file:line:column: severity: message [CODE]`,
  /// then notes and help on indented lines.
  static func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
      var lines: [String] = []
      let place = diagnostic.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
      lines.append("\(place)\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code.id)]")
      for note in diagnostic.notes {
        let notePlace = note.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
        lines.append("  \(notePlace)note: \(note.message)")
      }
      if let help = diagnostic.help { lines.append("  help: \(help)") }
      printError(lines.joined(separator: "\n"))
    }
  }
}
