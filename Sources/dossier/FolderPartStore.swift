import Crypto
import DossierCore
import Foundation

/// A part folder written by `build --shard`, read for `merge`.
struct FolderPartStore: PartStore {
  let name: String

  func read(_ path: String) throws -> [UInt8]? {
    let full = BagFolderWriter.join(name, path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue
    else { return nil }
    do {
      return try DocumentReader.bytes(atPath: full)
    } catch {
      throw PartStoreError("\(error)")
    }
  }

  func read(_ path: String, offset: Int, length: Int) throws -> [UInt8] {
    let full = BagFolderWriter.join(name, path)
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

  func sha256(_ path: String) throws -> String? {
    guard let handle = FileHandle(forReadingAtPath: BagFolderWriter.join(name, path)) else { return nil }
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
    return Digest.hex(hasher.finalize())
  }
}
