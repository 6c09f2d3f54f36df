/// Conversion between `file:` URIs and absolute paths (RFC 8089; percent-encoding per RFC 3986).
public enum DocumentURI {
  /// The absolute path of a `file:` URI, or `nil` for other schemes and malformed URIs.
  public static func path(of uri: String) -> String? {
    guard uri.lowercased().hasPrefix("file:") else { return nil }
    var rest = Substring(uri.dropFirst(5))
    if rest.hasPrefix("//") {
      rest = rest.dropFirst(2)
      // Authority: empty or localhost.
      let slash = rest.firstIndex(of: "/") ?? rest.endIndex
      let host = rest[rest.startIndex..<slash].lowercased()
      guard host.isEmpty || host == "localhost" else { return nil }
      rest = rest[slash...]
    }
    if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
    guard rest.hasPrefix("/"), let decoded = percentDecode(rest) else { return nil }
    return decoded
  }

  /// The `file:` URI of an absolute path.
  public static func uri(ofPath path: String) -> String {
    var out = "file://"
    for byte in path.utf8 {
      let c = Character(Unicode.Scalar(byte))
      if byte < 0x80, c.isLetter || c.isNumber || "-._~/!$&'()*+,;=:@".contains(c) {
        out.append(c)
      } else {
        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return out
  }

  private static func percentDecode(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.first {
      utf8 = utf8.dropFirst()
      if byte == UInt8(ascii: "%") {
        guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
        else { return nil }
        bytes.append(value)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
