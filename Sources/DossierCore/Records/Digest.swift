import Crypto

/// SHA-256 as lowercase hex, for the `documents` table (input fixity) and the bag manifests: one home
/// that the transform and the export both use.
public enum Digest {
  /// Lowercase hex SHA-256 of bytes.
  public static func sha256Hex(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

  /// Lowercase hex of a finished digest.
  public static func hex(_ digest: SHA256.Digest) -> String {
    let digits: [UInt8] = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(SHA256.byteCount * 2)
    for byte in digest {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
