import Foundation

/// Reads files and checks folders for the commands, the language server and the tests: the one place
/// the library reads a single file from disk (the stages themselves take bytes and a path).
public enum DiskFile {
  /// Why a file could not be read (for the commands, an I/O error: exit status 2).
  public struct ReadError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public var description: String { "cannot read '\(path)': \(reason)" }
  }

  /// The largest file read (1 GiB): beyond it the whole file would not fit the pipeline's budget.
  public static let maximumFileSize: Int64 = 1 << 30

  /// The bytes of a regular file.
  public static func bytes(atPath path: String) throws(ReadError) -> [UInt8] {
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

  /// The bytes of a regular file, or `nil` when nothing but a folder or nothing at all is there.
  public static func bytesIfPresent(atPath path: String) throws(ReadError) -> [UInt8]? {
    guard exists(path) else { return nil }
    return try bytes(atPath: path)
  }

  /// The file at `path` as a `CorpusFile` named `name` (default: the path).
  public static func read(_ path: String, named name: String? = nil) throws(FolderError) -> CorpusFile {
    do {
      return CorpusFile(path: name ?? path, bytes: try bytes(atPath: path))
    } catch {
      throw FolderError(description: error.description)
    }
  }

  /// True when `path` names something that is not a folder.
  public static func exists(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }

  /// True when `path` names a folder.
  public static func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// `folder/relative`, without doubling a trailing slash.
  public static func join(_ folder: String, _ relative: String) -> String {
    folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
  }
}

/// Why a folder of the project (input, schemas) or one of its files could not be read: for the
/// commands, exit status 2.
public struct FolderError: Error, CustomStringConvertible, Sendable {
  public var description: String
  /// True when a folder does not exist (so the project root may not have been found).
  public var isMissingFolder = false

  public init(description: String, isMissingFolder: Bool = false) {
    self.description = description
    self.isMissingFolder = isMissingFolder
  }

  /// Throws a missing-folder error unless `path` is a folder; `what` names it (`input`, `schemas`).
  public static func requireFolder(_ path: String, _ what: String) throws(FolderError) {
    guard DiskFile.isFolder(path) else {
      throw FolderError(description: "\(what) folder '\(path)' does not exist", isMissingFolder: true)
    }
  }
}

extension DiskFile {
  /// The text of every readable `.yaml`, `.yml` or `.txt` file a diagnostic or note points at, by
  /// path, so the text reporter can show source lines of diagnostics that come without their texts
  /// (`merge` reports what the parts recorded).
  public static func sourceTexts(of diagnostics: [Diagnostic]) -> [String: String] {
    var sources: [String: String] = [:]
    let files = Set(
      diagnostics.flatMap { [$0.location?.file] + $0.notes.map { $0.location?.file } }.compactMap { $0 })
    for file in files where (file.hasSuffix(".yaml") || file.hasSuffix(".txt") || file.hasSuffix(".yml")) {
      if let bytes = try? bytes(atPath: file) { sources[file] = String(decoding: bytes, as: UTF8.self) }
    }
    return sources
  }
}

extension DiskFile {
  /// Why a file could not be written.
  public struct WriteError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    /// True when the file exists and was not to be replaced.
    public let alreadyExists: Bool
    public var description: String {
      alreadyExists ? "'\(path)' exists" : "cannot write '\(path)': \(reason)"
    }
  }

  /// Writes `text` to a new file at `path`, or, with `replacing`, replaces the file there atomically.
  public static func create(_ text: String, at path: String, replacing: Bool) throws(WriteError) {
    do {
      try Data(text.utf8).write(
        to: URL(fileURLWithPath: path), options: replacing ? [.atomic] : [.withoutOverwriting])
    } catch {
      throw WriteError(
        path: path, reason: error.localizedDescription,
        alreadyExists: !replacing && FileManager.default.fileExists(atPath: path))
    }
  }
}

extension DocumentIngester {
  /// Reads, decodes and ingests the document at `path`. Throws `DiskFile.ReadError` when it cannot be
  /// read, `DiagnosticError` when it cannot be ingested.
  public func ingest(path: String) throws -> IngestedDocument {
    try ingest(SourceDocument(path: path, bytes: DiskFile.bytes(atPath: path)))
  }
}
