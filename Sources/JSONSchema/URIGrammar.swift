/// RFC 3986 URI / URI-reference and RFC 3987 IRI / IRI-reference syntax checks.
enum URIGrammar {
  static let subDelims = Set("!$&'()*+,;=".unicodeScalars)

  static func isUnreserved(_ c: Unicode.Scalar, _ international: Bool) -> Bool {
    if c.isASCII {
      return c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "." || c == "_"
        || c == "~"
    }
    guard international else { return false }
    let v = c.value
    // ucschar ranges (RFC 3987 §2.2), which exclude surrogates, specials and non-characters.
    return (0xA0...0xD7FF).contains(v) || (0xF900...0xFDCF).contains(v) || (0xFDF0...0xFFEF).contains(v)
      || ((0x10000...0xEFFFD).contains(v) && v & 0xFFFE != 0xFFFE)
  }

  /// Checks characters: each must be unreserved, a sub-delimiter, one of `extra`, or `%XX`.
  static func valid(_ part: Substring, extra: String, international: Bool, privateUse: Bool = false) -> Bool {
    let scalars = Array(part.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      if c == "%" {
        guard i + 2 < scalars.count, scalars[i + 1].properties.isASCIIHexDigit,
          scalars[i + 2].properties.isASCIIHexDigit
        else { return false }
        i += 3
        continue
      }
      let ok =
        isUnreserved(c, international) || subDelims.contains(c) || extra.unicodeScalars.contains(c)
        || (privateUse && international
          && ((0xE000...0xF8FF).contains(c.value) || (0xF0000...0xFFFFD).contains(c.value)
            || (0x100000...0x10FFFD).contains(c.value)))
      guard ok else { return false }
      i += 1
    }
    return true
  }

  static func check(_ text: String, international: Bool, allowRelative: Bool) -> Bool {
    var rest = Substring(text)
    var hasScheme = false
    if let colon = rest.firstIndex(of: ":") {
      let scheme = rest[..<colon]
      if let first = scheme.first, first.isASCII, first.isLetter,
        scheme.allSatisfy({
          $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".")
        })
      {
        hasScheme = true
        rest = rest[rest.index(after: colon)...]
      }
    }
    if !hasScheme && !allowRelative { return false }
    if let hash = rest.firstIndex(of: "#") {
      guard valid(rest[rest.index(after: hash)...], extra: ":@/?", international: international) else {
        return false
      }
      rest = rest[..<hash]
    }
    if let question = rest.firstIndex(of: "?") {
      guard
        valid(
          rest[rest.index(after: question)...], extra: ":@/?", international: international, privateUse: true)
      else { return false }
      rest = rest[..<question]
    }
    var path = rest
    if rest.hasPrefix("//") {
      let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
      let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
      guard isAuthority(rest[afterSlashes..<end], international: international) else { return false }
      path = rest[end...]
    } else if !hasScheme {
      // path-noscheme: the first segment has no colon.
      let firstSegment = path.prefix { $0 != "/" }
      if firstSegment.contains(":") { return false }
    }
    return valid(path, extra: ":@/", international: international)
  }

  static func isAuthority(_ authority: Substring, international: Bool) -> Bool {
    var host = authority
    if let at = authority.lastIndex(of: "@") {
      guard valid(authority[..<at], extra: ":", international: international) else { return false }
      host = authority[authority.index(after: at)...]
    }
    if host.hasPrefix("[") {
      guard let close = host.firstIndex(of: "]") else { return false }
      let literal = host[host.index(after: host.startIndex)..<close]
      let afterClose = host[host.index(after: close)...]
      if !afterClose.isEmpty {
        guard afterClose.first == ":", afterClose.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else {
          return false
        }
      }
      if literal.hasPrefix("v") || literal.hasPrefix("V") {
        guard let dot = literal.firstIndex(of: "."), literal.index(after: literal.startIndex) < dot,
          literal[literal.index(after: literal.startIndex)..<dot].allSatisfy({ $0.isHexDigit }),
          valid(literal[literal.index(after: dot)...], extra: ":", international: false)
        else { return false }
        return true
      }
      return Formats.isIPv6(String(literal))
    }
    if let colon = host.lastIndex(of: ":") {
      guard host[host.index(after: colon)...].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
      host = host[..<colon]
    }
    return valid(host, extra: "", international: international)
  }
}
