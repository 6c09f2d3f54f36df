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
  ///
  /// One `open`, `fstat` and `read` loop (no user or group lookups, which Foundation's attribute calls
  /// make for every file). The file is opened non-blocking, so a FIFO or device in its place is
  /// refused instead of waiting for a writer.
  public static func bytes(atPath path: String) throws(ReadError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
    guard fd >= 0 else { throw ReadError(path: path, reason: reason(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw ReadError(path: path, reason: reason(errno)) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw ReadError(path: path, reason: "it is a directory")
    default: throw ReadError(path: path, reason: "not a regular file")
    }
    let size = Int64(info.st_size)
    guard size <= maximumFileSize else {
      throw ReadError(
        path: path, reason: "the file is too large (\(size) bytes; the limit is \(maximumFileSize))")
    }
    // Read until end of file: the size is only a hint (the file may change while it is read).
    var bytes = [UInt8](repeating: 0, count: Int(size) + 1)
    var count = 0
    while true {
      if count == bytes.count {
        guard Int64(count) < maximumFileSize else {
          throw ReadError(
            path: path, reason: "the file grew beyond the limit (\(maximumFileSize) bytes) while read")
        }
        bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096)))
      }
      let got = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw ReadError(path: path, reason: reason(errno))
      }
      if got == 0 { break }
      count += got
    }
    bytes.removeSubrange(count...)
    return bytes
  }

  /// The reason a file could not be opened or read, in the words `ReadError` uses.
  private static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT, ENOTDIR: "no such file"
    case EACCES, EPERM: "permission denied"
    case EISDIR: "it is a directory"
    default: String(cString: strerror(code))
    }
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
