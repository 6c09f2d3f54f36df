import Crypto
import Foundation

/// The CLI's `BagSink`: streams the bag into the temporary folder beside the output (`.NAME.tmp-PID`),
/// then `commit()` syncs it and swaps it in; `discard()` removes it. A killed build leaves the previous
/// bag (or, after the swap, the new one), never a mix: `BagFolderWriter.recover()` cleans up.
///
/// Every `writebackBytes` written, a background thread starts syncing what was written so far
/// (`BackgroundWriteback`), so the disk works while the build goes on and `commit()` waits only for
/// the last part.
public final class BagFolderSink: BagSink, @unchecked Sendable {
  /// Where the bag goes.
  public let writer: BagFolderWriter
  private var folders: Set<String> = []
  private var appended: [String: TableFile] = [:]
  private var count = 0
  private let writeback: BackgroundWriteback?
  /// The fingerprints of the new `documents.jsonl` and the number of `activities.jsonl` rows, for the
  /// build summary (the table itself is not kept: memory stays flat).
  public private(set) var documents = BuildSummary.Fingerprints()
  public private(set) var activityRows: Int?

  /// Creates the empty temporary folder (refusing an output folder that is not a bag).
  ///
  /// - Parameter writebackBytes: how many bytes are written between two background syncs.
  public init(writer: BagFolderWriter, writebackBytes: Int = 32 << 20) throws {
    self.writer = writer
    try writer.prepareTemporary()
    folders.insert(writer.temporary)
    writeback = BackgroundWriteback(folder: writer.temporary, interval: writebackBytes)
  }

  /// Ends the write-back thread of a sink that was neither committed nor discarded.
  deinit { writeback?.stop() }

  public func write(_ path: String, _ bytes: [UInt8]) throws {
    let full = try prepare(path)
    try writer.writeFile(full, bytes)
    writeback?.wrote(bytes.count)
  }

  public func append(_ path: String, _ bytes: [UInt8]) throws {
    let file: TableFile
    if let open = appended[path] {
      file = open
    } else {
      let full = try prepare(path)
      let fd = Glibc.open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard fd >= 0 else {
        throw BagFolderWriter.Failure(description: "cannot create '\(full)': \(writer.errnoText())")
      }
      file = TableFile(fd: fd, path: full)
      appended[path] = file
    }
    file.buffer += bytes
    if file.buffer.count >= TableFile.flushSize {
      writeback?.wrote(file.buffer.count)
      try file.flush(writer)
    }
    if path == BagFolderComparer.documentsTable { documents.add(bytes) }
    if path == "data/jsonl/activities.jsonl" {
      activityRows = (activityRows ?? 0) + bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
  }

  /// A table file being appended to: rows are gathered and written in blocks of `flushSize` bytes (a
  /// write call per document and table would cost more than the copy).
  private final class TableFile {
    static let flushSize = 1 << 16
    let fd: Int32
    let path: String
    var buffer: [UInt8] = []

    init(fd: Int32, path: String) {
      self.fd = fd
      self.path = path
      buffer.reserveCapacity(Self.flushSize * 2)
    }

    func flush(_ writer: BagFolderWriter) throws {
      try writer.writeAll(fd, buffer, path: path)
      buffer.removeAll(keepingCapacity: true)
    }
  }

  /// Closes the files, syncs the temporary folder to disk and swaps it in.
  public func commit() throws {
    do {
      try closeAll()
      guard let writeback else {
        throw BagFolderWriter.Failure(description: "cannot open '\(writer.temporary)' to sync it to disk")
      }
      if let code = writeback.finish() {
        throw BagFolderWriter.Failure(
          description: "cannot sync '\(writer.temporary)' to disk: \(String(cString: strerror(code)))")
      }
      for folder in folders.sorted(by: { $0.count > $1.count }) { writer.syncFolder(folder) }
    } catch {
      discard()
      throw error
    }
    try writer.swapIn()
  }

  /// Removes the temporary folder.
  public func discard() {
    writeback?.stop()
    try? closeAll(flushing: false)
    writer.discardTemporary()
  }

  /// Writes what the table files still hold (unless `flushing` is false) and closes them.
  private func closeAll(flushing: Bool = true) throws {
    var failure: Error?
    for (_, file) in appended.sorted(by: { $0.key < $1.key }) {
      do {
        if flushing && failure == nil { try file.flush(writer) }
      } catch {
        failure = error
      }
      if close(file.fd) != 0 && failure == nil {
        failure = BagFolderWriter.Failure(description: "cannot write '\(file.path)': \(writer.errnoText())")
      }
    }
    appended = [:]
    if let failure { throw failure }
  }

  /// The full path of a bag file, its folder created; applies the `write:N` test fault.
  private func prepare(_ path: String) throws -> String {
    let full = BagFolderWriter.join(writer.temporary, path)
    let folder = String(full[..<(full.lastIndex(of: "/") ?? full.endIndex)])
    if !folders.contains(folder) {
      try writer.makeFolder(folder)
      folders.insert(folder)
    }
    count += 1
    if writer.fault == "write:\(count)" {
      throw BagFolderWriter.Failure(
        description: "cannot write '\(full)': injected fault (DOSSIER_TEST_FAULT)")
    }
    return full
  }
}

/// The `BagSink` of `build --check`: writes nothing and compares every file with the output folder.
/// Complete files are compared byte for byte as they come; table files by SHA-256 at the end (so memory
/// stays flat), except `data/jsonl/documents.jsonl`, kept to name the inputs that changed.
public final class BagFolderComparer: BagSink, @unchecked Sendable {
  /// The table that names the inputs and their SHA-256.
  public static let documentsTable = "data/jsonl/documents.jsonl"
  /// The output folder compared with.
  public let root: String
  private var lines: [ExportDifference] = []
  private var produced: Set<String> = []
  private var appended: [String: SHA256] = [:]
  private var appendOrder: [String] = []
  /// The new `documents.jsonl`.
  public private(set) var documentsTable: [UInt8] = []

  /// A comparer with the folder `output`.
  public init(output: String) { root = output }

  public func write(_ path: String, _ bytes: [UInt8]) throws {
    produced.insert(path)
    guard let existing = FileManager.default.contents(atPath: BagFolderWriter.join(root, path)) else {
      lines.append(ExportDifference(path: path, kind: .missing))
      return
    }
    if !existing.elementsEqual(bytes) { lines.append(ExportDifference(path: path, kind: .stale)) }
  }

  public func append(_ path: String, _ bytes: [UInt8]) throws {
    if produced.insert(path).inserted {
      appended[path] = SHA256()
      appendOrder.append(path)
    }
    appended[path]?.update(data: bytes)
    if path == Self.documentsTable { documentsTable += bytes }
  }

  /// Every difference (stale, missing or extra file), sorted by path.
  public func differences() throws -> [ExportDifference] {
    for path in appendOrder {
      guard let hasher = appended[path] else { continue }
      let full = BagFolderWriter.join(root, path)
      guard let handle = FileHandle(forReadingAtPath: full) else {
        lines.append(ExportDifference(path: path, kind: .missing))
        continue
      }
      defer { try? handle.close() }
      var existing = SHA256()
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { existing.update(data: chunk) }
      if existing.finalize() != hasher.finalize() { lines.append(ExportDifference(path: path, kind: .stale)) }
    }
    if let enumerator = FileManager.default.enumerator(atPath: root) {
      while let relative = enumerator.nextObject() as? String {
        var folder: ObjCBool = false
        let full = BagFolderWriter.join(root, relative)
        if FileManager.default.fileExists(atPath: full, isDirectory: &folder), !folder.boolValue,
          !produced.contains(relative)
        {
          lines.append(ExportDifference(path: relative, kind: .extra))
        }
      }
    }
    return lines.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }
}
