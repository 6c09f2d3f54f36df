/// A URI reference split into its RFC 3986 components, with reference resolution (§5.2).
struct URIReference: Hashable, Sendable, CustomStringConvertible {
  var scheme: String?
  var authority: String?
  var path: String
  var query: String?
  var fragment: String?

  init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
    self.scheme = scheme
    self.authority = authority
    self.path = path
    self.query = query
    self.fragment = fragment
  }

  /// Splits a reference (RFC 3986 appendix B); never fails.
  init(_ text: String) {
    var rest = Substring(text)
    scheme = nil
    if let colon = rest.firstIndex(of: ":") {
      let candidate = rest[rest.startIndex..<colon]
      if let first = candidate.first, first.isASCII && first.isLetter,
        candidate.allSatisfy({
          $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".")
        })
      {
        scheme = String(candidate)
        rest = rest[rest.index(after: colon)...]
      }
    }
    if let hash = rest.firstIndex(of: "#") {
      fragment = String(rest[rest.index(after: hash)...])
      rest = rest[..<hash]
    } else {
      fragment = nil
    }
    if let q = rest.firstIndex(of: "?") {
      query = String(rest[rest.index(after: q)...])
      rest = rest[..<q]
    } else {
      query = nil
    }
    if rest.hasPrefix("//") {
      let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
      let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
      authority = String(rest[afterSlashes..<end])
      rest = rest[end...]
    } else {
      authority = nil
    }
    path = String(rest)
  }

  var description: String {
    var out = ""
    if let scheme { out += scheme + ":" }
    if let authority { out += "//" + authority }
    out += path
    if let query { out += "?" + query }
    if let fragment { out += "#" + fragment }
    return out
  }

  /// The reference without its fragment.
  var withoutFragment: URIReference {
    var copy = self
    copy.fragment = nil
    return copy
  }

  var isAbsolute: Bool { scheme != nil }

  /// Resolves this reference against a base (RFC 3986 §5.2.2).
  func resolved(against base: URIReference) -> URIReference {
    var target = URIReference(scheme: nil, authority: nil, path: "", query: nil, fragment: fragment)
    if let scheme {
      target.scheme = scheme
      target.authority = authority
      target.path = URIReference.removeDotSegments(path)
      target.query = query
      return target
    }
    target.scheme = base.scheme
    if authority != nil {
      target.authority = authority
      target.path = URIReference.removeDotSegments(path)
      target.query = query
      return target
    }
    target.authority = base.authority
    if path.isEmpty {
      target.path = base.path
      target.query = query ?? base.query
    } else {
      if path.hasPrefix("/") {
        target.path = URIReference.removeDotSegments(path)
      } else {
        let merged: String
        if base.authority != nil && base.path.isEmpty {
          merged = "/" + path
        } else if let slash = base.path.lastIndex(of: "/") {
          merged = String(base.path[...slash]) + path
        } else {
          merged = path
        }
        target.path = URIReference.removeDotSegments(merged)
      }
      target.query = query
    }
    return target
  }

  /// RFC 3986 §5.2.4.
  static func removeDotSegments(_ path: String) -> String {
    guard path.contains(".") else { return path }
    var input = Substring(path)
    var output: [Substring] = []
    var result = ""
    while !input.isEmpty {
      if input.hasPrefix("../") {
        input = input.dropFirst(3)
      } else if input.hasPrefix("./") {
        input = input.dropFirst(2)
      } else if input.hasPrefix("/./") {
        input = input.dropFirst(2)
      } else if input == "/." {
        input = "/"
      } else if input.hasPrefix("/../") {
        input = input.dropFirst(3)
        if !output.isEmpty { output.removeLast() }
      } else if input == "/.." {
        input = "/"
        if !output.isEmpty { output.removeLast() }
      } else if input == "." || input == ".." {
        input = ""
      } else {
        var end = input.index(after: input.startIndex)
        if input.first == "/" {
          end = input[input.index(after: input.startIndex)...].firstIndex(of: "/") ?? input.endIndex
        } else {
          end = input.firstIndex(of: "/") ?? input.endIndex
        }
        output.append(input[..<end])
        input = input[end...]
      }
    }
    for segment in output { result += segment }
    return result
  }

  /// Decodes `%XX` escapes (invalid escapes are kept as they are).
  static func percentDecoded(_ text: String) -> String {
    guard text.contains("%") else { return text }
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var i = 0
    func hex(_ b: UInt8) -> UInt8? {
      switch b {
      case 0x30...0x39: return b - 0x30
      case 0x41...0x46: return b - 0x41 + 10
      case 0x61...0x66: return b - 0x61 + 10
      default: return nil
      }
    }
    while i < utf8.count {
      if utf8[i] == 0x25, i + 2 < utf8.count, let h = hex(utf8[i + 1]), let l = hex(utf8[i + 2]) {
        bytes.append(h << 4 | l)
        i += 3
      } else {
        bytes.append(utf8[i])
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
