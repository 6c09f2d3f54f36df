/// Where a build writes its bag, file by file (docs/exports.md).
///
/// The engine calls a sink from one task at a time, in a deterministic order: `append(_:_:)` once with
/// the first bytes of every table file (a header or nothing), then each document's files
/// (`write(_:_:)`) and table rows (`append`) in document order, then the tag files. Paths are relative
/// to the bag root (`data/json/a.json`, `manifest-sha256.txt`). The engine hashes what it hands over;
/// a sink only stores (or compares) bytes. When the build fails, the engine stops calling the sink and
/// the caller discards what it holds: nothing partial ever becomes the bag.
///
/// The CLI's sink writes a temporary folder beside the output and swaps it in; tests use
/// `InMemoryBagSink`.
public protocol BagSink: AnyObject, Sendable {
  /// Stores a complete file.
  func write(_ path: String, _ bytes: [UInt8]) throws
  /// Appends bytes to a file, creating it on the first call.
  func append(_ path: String, _ bytes: [UInt8]) throws
  /// Called once after the table headers and the fixed files, before the first document's files.
  func beginDocuments() throws
  /// Called after each document's files and table rows.
  func endDocument(_ id: String) throws
}

extension BagSink {
  /// Does nothing: most sinks need no document boundaries.
  public func beginDocuments() throws {}
  /// Does nothing: most sinks need no document boundaries.
  public func endDocument(_ id: String) throws {}
}

/// A sink that keeps the bag in memory (tests and the value API `BuildPipeline.build(_:options:)`).
public final class InMemoryBagSink: BagSink, @unchecked Sendable {
  private var contents: [String: [UInt8]] = [:]

  public init() {}

  public func write(_ path: String, _ bytes: [UInt8]) throws { contents[path] = bytes }

  public func append(_ path: String, _ bytes: [UInt8]) throws { contents[path, default: []] += bytes }

  /// Every file written, sorted by path (UTF-8 bytes).
  public var files: [ExportFile] {
    contents.map { ExportFile(path: $0.key, bytes: $0.value) }
      .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }
}
