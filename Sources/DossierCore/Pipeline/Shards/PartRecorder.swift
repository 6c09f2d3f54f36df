/// A `BagSink` that passes everything on to another sink and records, for the part index, which files
/// and which byte ranges of the table files each document produced (`dossier build --shard`).
public final class PartRecorder: BagSink, @unchecked Sendable {
  let inner: any BagSink
  private var lengths: [String: Int] = [:]
  private var tableOrder: [String] = []
  private var headerLengths: [String: Int] = [:]
  private var fixed: [String] = []
  private var pendingFiles: [String] = []
  private var rowStart: [String: Int] = [:]
  private var started = false
  /// The documents recorded so far, in the order they were written.
  public private(set) var documents: [PartIndex.Document] = []

  public init(_ inner: any BagSink) { self.inner = inner }

  public func write(_ path: String, _ bytes: [UInt8]) throws {
    try inner.write(path, bytes)
    guard path.hasPrefix("data/") else { return }
    if started { pendingFiles.append(path) } else { fixed.append(path) }
  }

  public func append(_ path: String, _ bytes: [UInt8]) throws {
    try inner.append(path, bytes)
    // Tag files (the manifest is streamed in pieces) are not tables of the payload.
    guard path.hasPrefix("data/") else { return }
    if lengths[path] == nil {
      tableOrder.append(path)
      lengths[path] = 0
    }
    if !started { headerLengths[path, default: 0] += bytes.count }
    if started && rowStart[path] == nil { rowStart[path] = lengths[path] }
    lengths[path, default: 0] += bytes.count
  }

  public func endDocument(_ id: String) throws {
    try inner.endDocument(id)
    var rows: [String: [Int]] = [:]
    for (path, start) in rowStart { rows[path] = [start, (lengths[path] ?? start) - start] }
    documents.append(PartIndex.Document(id: id, files: pendingFiles, rows: rows, activities: []))
    pendingFiles = []
    rowStart = [:]
  }

  public func beginDocuments() throws {
    try inner.beginDocuments()
    started = true
  }

  /// The table files in bag order with their header lengths.
  public var tables: [PartIndex.Table] {
    tableOrder.map { PartIndex.Table(path: $0, headerLength: headerLengths[$0] ?? 0) }
  }

  /// Payload files written before the first document.
  public var fixedFiles: [String] { fixed }
}
