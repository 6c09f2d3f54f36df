/// One file produced by an exporter: a relative path (with `/` separators) and its bytes.
///
/// The library never writes files; the CLI writes these under the export folder.
public struct ExportFile: Hashable, Sendable {
  /// Path relative to the export payload root, e.g. `jsonl/activities.jsonl`.
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// Creates a file holding UTF-8 text.
  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }
}
