/// Read access to one part written by `dossier build --shard` (the CLI reads a folder; tests read
/// an `InMemoryBagSink`'s files). Paths are relative to the part's root.
public protocol PartStore: Sendable {
  /// How the part is named in messages (its folder).
  var name: String { get }
  /// The whole file, or `nil` when it does not exist.
  func read(_ path: String) throws -> [UInt8]?
  /// `length` bytes from `offset` (the rows of one document in a table file).
  func read(_ path: String, offset: Int, length: Int) throws -> [UInt8]
  /// Lowercase hex SHA-256 of the file, or `nil` when it does not exist (read in pieces, so memory
  /// stays flat for large table files).
  func sha256(_ path: String) throws -> String?
}

/// A part held in memory, as files (`InMemoryBagSink.files`).
public struct InMemoryPartStore: PartStore {
  public let name: String
  let files: [String: [UInt8]]

  public init(name: String, files: [ExportFile]) {
    self.name = name
    self.files = Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { _, last in last })
  }

  public func read(_ path: String) throws -> [UInt8]? { files[path] }

  public func read(_ path: String, offset: Int, length: Int) throws -> [UInt8] {
    guard let bytes = files[path], offset >= 0, length >= 0, offset <= bytes.count - length else {
      throw PartStoreError("cannot read \(length) bytes at \(offset) of '\(path)'")
    }
    return Array(bytes[offset..<offset + length])
  }

  public func sha256(_ path: String) throws -> String? { files[path].map(Digest.sha256Hex) }
}

/// A part's file could not be read (an I/O problem).
public struct PartStoreError: Error, Sendable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
