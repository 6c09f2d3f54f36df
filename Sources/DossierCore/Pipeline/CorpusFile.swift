/// A file's path (as the caller names it in diagnostics) and its bytes. The library never reads the
/// path; the CLI does.
public struct CorpusFile: Sendable, Hashable {
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// The bytes as text (invalid UTF-8 replaced), for reporters that show source lines.
  public var text: String { String(decoding: bytes, as: UTF8.self) }
}
