/// RFC 3986 URI / URI-reference and RFC 3987 IRI / IRI-reference syntax checks, on UTF-8 bytes.
enum URIGrammar {
  typealias Bytes = ArraySlice<UInt8>
  typealias ByteSet = ASCIIRegex.ByteSet

  static func set(_ characters: String, alphanumerics: Bool = true) -> ByteSet {
    var s = ByteSet()
    if alphanumerics {
      s.insert(range: 0x30...0x39)
      s.insert(range: 0x41...0x5A)
      s.insert(range: 0x61...0x7A)
    }
    for b in characters.utf8 { s.insert(b) }
    return s
  }

  // unreserved + sub-delims + extras
  static let base = "-._~!$&'()*+,;="
  static let pathSet = set(base + ":@/")
  static let queryFragmentSet = set(base + ":@/?")
  static let userinfoSet = set(base + ":")
  static let hostSet = set(base)
  static let schemeSet = set("+-.")

  static func isHex(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
  }

  /// Checks characters: each in `allowed`, a `%XX` escape, or (IRIs) a ucschar / iprivate.
  static func valid(_ part: Bytes, _ allowed: ByteSet, international: Bool, privateUse: Bool = false) -> Bool
  {
    var i = part.startIndex
    while i < part.endIndex {
      let b = part[i]
      if b < 0x80 {
        if b == 0x25 {
          guard i + 2 < part.endIndex, isHex(part[i + 1]), isHex(part[i + 2]) else { return false }
          i += 3
          continue
        }
        guard allowed.contains(b) else { return false }
        i += 1
        continue
      }
      guard international else { return false }
      // Decode one scalar (the input came from a Swift String, so it is valid UTF-8).
      let length = b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2)
      guard i + length <= part.endIndex else { return false }
      var v = UInt32(b) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
      for k in 1..<length { v = v << 6 | UInt32(part[i + k] & 0x3F) }
      let ucschar =
        (0xA0...0xD7FF).contains(v) || (0xF900...0xFDCF).contains(v) || (0xFDF0...0xFFEF).contains(v)
        || ((0x10000...0xEFFFD).contains(v) && v & 0xFFFE != 0xFFFE)
      let iprivate =
        privateUse
        && ((0xE000...0xF8FF).contains(v) || (0xF0000...0xFFFFD).contains(v)
          || (0x100000...0x10FFFD).contains(v))
      guard ucschar || iprivate else { return false }
      i += length
    }
    return true
  }

  static func check(_ text: String, international: Bool, allowRelative: Bool) -> Bool {
    let bytes = Array(text.utf8)
    var rest = bytes[...]
    var hasScheme = false
    if let colon = rest.firstIndex(of: 0x3A), colon > rest.startIndex {
      let scheme = rest[..<colon]
      let first = scheme[scheme.startIndex]
      let isLetter = (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A)
      if isLetter && scheme.allSatisfy({ schemeSet.contains($0) }) {
        hasScheme = true
        rest = rest[(colon + 1)...]
      }
    }
    if !hasScheme && !allowRelative { return false }
    if let hash = rest.firstIndex(of: 0x23) {
      guard valid(rest[(hash + 1)...], queryFragmentSet, international: international) else { return false }
      rest = rest[..<hash]
    }
    if let question = rest.firstIndex(of: 0x3F) {
      guard valid(rest[(question + 1)...], queryFragmentSet, international: international, privateUse: true)
      else { return false }
      rest = rest[..<question]
    }
    var path = rest
    if rest.count >= 2 && rest[rest.startIndex] == 0x2F && rest[rest.startIndex + 1] == 0x2F {
      let afterSlashes = rest.startIndex + 2
      let end = rest[afterSlashes...].firstIndex(of: 0x2F) ?? rest.endIndex
      guard isAuthority(rest[afterSlashes..<end], international: international) else { return false }
      path = rest[end...]
    } else if !hasScheme {
      // path-noscheme: the first segment has no colon.
      let firstSegment = path.prefix { $0 != 0x2F }
      if firstSegment.contains(0x3A) { return false }
    }
    return valid(path, pathSet, international: international)
  }

  static func isAuthority(_ authority: Bytes, international: Bool) -> Bool {
    var host = authority
    if let at = authority.lastIndex(of: 0x40) {
      guard valid(authority[..<at], userinfoSet, international: international) else { return false }
      host = authority[(at + 1)...]
    }
    func isDigits(_ s: Bytes) -> Bool { s.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    if host.first == 0x5B {
      guard let close = host.firstIndex(of: 0x5D) else { return false }
      let literal = host[(host.startIndex + 1)..<close]
      let afterClose = host[(close + 1)...]
      if !afterClose.isEmpty {
        guard afterClose.first == 0x3A, isDigits(afterClose.dropFirst()) else { return false }
      }
      if literal.first == 0x76 || literal.first == 0x56 {  // IPvFuture
        guard let dot = literal.firstIndex(of: 0x2E), literal.startIndex + 1 < dot,
          literal[(literal.startIndex + 1)..<dot].allSatisfy(isHex),
          valid(literal[(dot + 1)...], userinfoSet, international: false)
        else { return false }
        return true
      }
      return Formats.isIPv6(String(decoding: literal, as: UTF8.self))
    }
    if let colon = host.lastIndex(of: 0x3A) {
      guard isDigits(host[(colon + 1)...]) else { return false }
      host = host[..<colon]
    }
    return valid(host, hostSet, international: international)
  }
}
