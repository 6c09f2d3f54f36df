import Crypto

/// The payload manifest of a streaming build, held compactly: every path's bytes and its SHA-256 (32
/// raw bytes) in two flat buffers, so a corpus of 100 000 files costs a few megabytes in a handful
/// of allocations, not one string pair per file. `write` streams `manifest-sha256.txt` in path order.
struct ManifestIndex {
  private var pathBytes: [UInt8] = []
  private var pathEnds: [Int] = []
  private var digests: [UInt8] = []

  /// Files recorded.
  var count: Int { pathEnds.count }

  /// Records one payload file (`path` with `data/`, `sha256` lowercase hex).
  mutating func add(path: String, sha256: String) {
    pathBytes.append(contentsOf: path.utf8)
    pathEnds.append(pathBytes.count)
    var high: UInt8?
    for byte in sha256.utf8 {
      let nibble: UInt8 =
        byte <= UInt8(ascii: "9") ? byte &- UInt8(ascii: "0") : byte &- UInt8(ascii: "a") &+ 10
      if let first = high {
        digests.append(first << 4 | nibble)
        high = nil
      } else {
        high = nibble
      }
    }
  }

  private func pathRange(_ index: Int) -> Range<Int> {
    (index == 0 ? 0 : pathEnds[index - 1])..<pathEnds[index]
  }

  /// The manifest (`<sha256>  <path>` lines, sorted by path bytes, paths encoded as
  /// `BagItPackager.manifestPath` does), handed out in chunks of about `chunkSize` bytes.
  func write(chunkSize: Int = 1 << 16, _ emit: ([UInt8]) throws -> Void) rethrows {
    let order = pathBytes.withUnsafeBufferPointer { bytes in
      (0..<count).sorted { a, b in
        let left = UnsafeBufferPointer(rebasing: bytes[pathRange(a)])
        let right = UnsafeBufferPointer(rebasing: bytes[pathRange(b)])
        return left.lexicographicallyPrecedes(right)
      }
    }
    let width = digests.count / max(1, count)
    let hex = Array("0123456789abcdef".utf8)
    var chunk: [UInt8] = []
    chunk.reserveCapacity(chunkSize + 256)
    for index in order {
      for byte in digests[(index * width)..<((index + 1) * width)] {
        chunk.append(hex[Int(byte >> 4)])
        chunk.append(hex[Int(byte & 0x0F)])
      }
      chunk.append(0x20)
      chunk.append(0x20)
      BagItPackager.appendManifestPath(pathBytes[pathRange(index)], to: &chunk)
      chunk.append(0x0A)
      if chunk.count >= chunkSize {
        try emit(chunk)
        chunk.removeAll(keepingCapacity: true)
      }
    }
    if !chunk.isEmpty { try emit(chunk) }
  }
}
