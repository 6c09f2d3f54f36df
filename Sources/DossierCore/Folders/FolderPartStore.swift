import Crypto
import Foundation

/// A part folder written by `build --shard`, read for `merge`.
public struct FolderPartStore: PartStore {
  /// The part folder.
  public let name: String

  /// The part folder `name` (a trailing `/` is dropped).
  public init(name: String) {
    var path = name
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    self.name = path
  }

  public func read(_ path: String) throws -> [UInt8]? {
    do {
      return try DiskFile.bytesIfPresent(atPath: DiskFile.join(name, path))
    } catch {
      throw PartStoreError(error.description)
    }
  }

  public func read(_ path: String, offset: Int, length: Int) throws -> [UInt8] {
    let full = DiskFile.join(name, path)
    guard let handle = FileHandle(forReadingAtPath: full) else {
      throw PartStoreError("cannot read '\(full)'")
    }
    defer { try? handle.close() }
    try handle.seek(toOffset: UInt64(max(0, offset)))
    let data = try handle.read(upToCount: length) ?? Data()
    guard data.count == length else {
      throw PartStoreError("'\(full)' is shorter than its index says")
    }
    return [UInt8](data)
  }

  public func sha256(_ path: String) throws -> String? {
    guard let handle = FileHandle(forReadingAtPath: DiskFile.join(name, path)) else { return nil }
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
    return Digest.hex(hasher.finalize())
  }
}
