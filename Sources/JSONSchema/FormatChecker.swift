import Foundation

/// Checks one `format` (used when format assertion is on). Non-strings always pass;
/// unknown formats are not checked.
final class FormatChecker: Sendable {
  let name: String
  let test: @Sendable (String) -> Bool

  init(name: String, test: @escaping @Sendable (String) -> Bool) {
    self.name = name
    self.test = test
  }

  func check(_ value: JSONValue) -> Bool {
    guard case .string(let s) = value else { return true }
    return test(s)
  }

  static func named(_ name: String) -> FormatChecker? {
    guard let test = Formats.checks[name] else { return nil }
    return FormatChecker(name: name, test: test)
  }
}

/// The format checks of draft 2020-12 (§7.3), following the RFCs they cite.
enum Formats {
  static let checks: [String: @Sendable (String) -> Bool] = [
    "date": { isDate(Array($0.utf8)[...]) },
    "time": { isTime(Array($0.utf8)[...]) },
    "date-time": isDateTime,
    "duration": isDuration,
    "email": { isEmail($0, international: false) },
    "idn-email": { isEmail($0, international: true) },
    "hostname": { Hostnames.isHostname($0, international: false) },
    "idn-hostname": { Hostnames.isHostname($0, international: true) },
    "ipv4": isIPv4,
    "ipv6": isIPv6,
    "uri": { URIGrammar.check($0, international: false, allowRelative: false) },
    "uri-reference": { URIGrammar.check($0, international: false, allowRelative: true) },
    "iri": { URIGrammar.check($0, international: true, allowRelative: false) },
    "iri-reference": { URIGrammar.check($0, international: true, allowRelative: true) },
    "uuid": isUUID,
    "uri-template": isURITemplate,
    "json-pointer": isJSONPointer,
    "relative-json-pointer": isRelativeJSONPointer,
    "regex": { (try? ECMARegex.translate($0)).flatMap { try? NSRegularExpression(pattern: $0) } != nil },
  ]

  static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  static func number(_ s: ArraySlice<UInt8>) -> Int? {
    guard !s.isEmpty, s.allSatisfy(isDigit) else { return nil }
    return s.reduce(0) { $0 * 10 + Int($1 - 0x30) }
  }

  /// RFC 3339 full-date.
  static func isDate(_ s: ArraySlice<UInt8>) -> Bool {
    guard s.count == 10 else { return false }
    let b = s.startIndex
    guard s[b + 4] == 0x2D, s[b + 7] == 0x2D, let year = number(s[b..<(b + 4)]),
      let month = number(s[(b + 5)..<(b + 7)]), let day = number(s[(b + 8)..<(b + 10)])
    else { return false }
    guard month >= 1 && month <= 12, day >= 1 else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= days[month - 1]
  }

  /// RFC 3339 full-time, with leap seconds only at 23:59:60 UTC.
  static func isTime(_ s: ArraySlice<UInt8>) -> Bool {
    let b = s.startIndex
    guard s.count >= 9, s[b + 2] == 0x3A, s[b + 5] == 0x3A, let hour = number(s[b..<(b + 2)]),
      let minute = number(s[(b + 3)..<(b + 5)]), let second = number(s[(b + 6)..<(b + 8)])
    else { return false }
    var i = b + 8
    if i < s.endIndex && s[i] == 0x2E {
      i += 1
      let start = i
      while i < s.endIndex && isDigit(s[i]) { i += 1 }
      if i == start { return false }
    }
    guard i < s.endIndex else { return false }
    var offsetMinutes = 0
    if s[i] == 0x5A || s[i] == 0x7A {
      i += 1
    } else if s[i] == 0x2B || s[i] == 0x2D {
      let sign = s[i] == 0x2D ? -1 : 1
      guard s.endIndex - i == 6, s[i + 3] == 0x3A, let oh = number(s[(i + 1)..<(i + 3)]),
        let om = number(s[(i + 4)..<(i + 6)]), oh <= 23, om <= 59
      else { return false }
      offsetMinutes = sign * (oh * 60 + om)
      i += 6
    } else {
      return false
    }
    guard i == s.endIndex, hour <= 23, minute <= 59, second <= 60 else { return false }
    if second == 60 {
      let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
      return utc == 23 * 60 + 59
    }
    return true
  }

  static func isDateTime(_ text: String) -> Bool {
    let s = Array(text.utf8)
    guard s.count > 11, s[10] == 0x54 || s[10] == 0x74 else { return false }
    return isDate(s[0..<10]) && isTime(s[11...])
  }

  /// RFC 3339 appendix A duration (ASCII digits, components in order, weeks alone).
  static func isDuration(_ text: String) -> Bool {
    var s = Array(text.utf8)[...]
    guard s.first == 0x50 else { return false }  // P
    s = s.dropFirst()
    func component() -> (Int, UInt8)? {
      var n = 0
      while let c = s.first, isDigit(c) {
        n += 1
        s = s.dropFirst()
      }
      guard n > 0, let unit = s.first else { return nil }
      s = s.dropFirst()
      return (n, unit)
    }
    func sequence(_ units: [UInt8]) -> Bool {
      // Units must be contiguous runs in the order given: Y[M[D]], M[D], D (and H[M[S]], M[S], S).
      var seen: [UInt8] = []
      while let c = s.first, isDigit(c) {
        let saved = s
        guard let (_, unit) = component(), units.contains(unit) else {
          s = saved
          return false
        }
        seen.append(unit)
      }
      guard !seen.isEmpty else { return false }
      guard let start = units.firstIndex(of: seen[0]), start + seen.count <= units.count else { return false }
      return Array(units[start..<(start + seen.count)]) == seen
    }
    if s.isEmpty { return false }
    if s.first != 0x54 {  // date part or weeks
      let saved = s
      if let (_, unit) = component(), unit == 0x57 {  // W
        return s.isEmpty
      }
      s = saved
      guard sequence([0x59, 0x4D, 0x44]) else { return false }
    }
    if s.isEmpty { return true }
    guard s.first == 0x54 else { return false }
    s = s.dropFirst()
    guard sequence([0x48, 0x4D, 0x53]) else { return false }
    return s.isEmpty
  }

  static func isIPv4(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return false }
    for part in parts {
      let bytes = Array(part.utf8)
      guard !bytes.isEmpty, bytes.count <= 3, let v = number(bytes[...]), v <= 255 else { return false }
      if bytes.count > 1 && bytes[0] == 0x30 { return false }
    }
    return true
  }

  static func isIPv6(_ text: String) -> Bool {
    guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
    var groups = text
    var extra = 0
    // A trailing dotted IPv4 counts as two groups.
    if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
      guard isIPv4(String(text[text.index(after: lastColon)...])) else { return false }
      groups = String(text[...lastColon]) + "0"
      extra = 1
    }
    let halves = groups.components(separatedBy: "::")
    guard halves.count <= 2 else { return false }
    func hexGroups(_ part: String) -> Int? {
      if part.isEmpty { return 0 }
      let items = part.split(separator: ":", omittingEmptySubsequences: false)
      for item in items {
        guard !item.isEmpty, item.count <= 4, item.allSatisfy({ $0.isHexDigit }) else { return nil }
      }
      return items.count
    }
    if halves.count == 2 {
      guard let a = hexGroups(halves[0]), let b = hexGroups(halves[1]) else { return false }
      return a + b + extra <= 7
    }
    guard let n = hexGroups(halves[0]) else { return false }
    return n + extra == 8
  }

  static func isUUID(_ text: String) -> Bool {
    let s = Array(text.utf8)
    guard s.count == 36 else { return false }
    for (i, c) in s.enumerated() {
      if i == 8 || i == 13 || i == 18 || i == 23 {
        if c != 0x2D { return false }
      } else if !(isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)) {
        return false
      }
    }
    return true
  }

  static func isJSONPointer(_ text: String) -> Bool {
    if text.isEmpty { return true }
    return text.hasPrefix("/") && JSONPointer(text) != nil
  }

  static func isRelativeJSONPointer(_ text: String) -> Bool {
    let s = Array(text.utf8)
    var i = 0
    while i < s.count && isDigit(s[i]) { i += 1 }
    guard i > 0, !(s[0] == 0x30 && i > 1) else { return false }
    let rest = String(decoding: s[i...], as: UTF8.self)
    return rest == "#" || isJSONPointer(rest)
  }

  /// RFC 6570 URI Template (levels 1–4 syntax).
  static func isURITemplate(_ text: String) -> Bool {
    var inExpression = false
    var expression = ""
    for scalar in text.unicodeScalars {
      if inExpression {
        if scalar == "}" {
          guard isTemplateExpression(expression) else { return false }
          inExpression = false
          expression = ""
        } else if scalar == "{" {
          return false
        } else {
          expression.unicodeScalars.append(scalar)
        }
      } else if scalar == "{" {
        inExpression = true
      } else if scalar == "}" {
        return false
      } else if scalar.value <= 0x20 || scalar.value == 0x7F || "\"<>\\^`|".unicodeScalars.contains(scalar) {
        return false
      }
    }
    return !inExpression
  }

  static func isTemplateExpression(_ text: String) -> Bool {
    var body = Substring(text)
    if let first = body.first, "+#./;?&=,!@|".contains(first) { body = body.dropFirst() }
    guard !body.isEmpty else { return false }
    for spec in body.split(separator: ",", omittingEmptySubsequences: false) {
      var name = spec
      if name.hasSuffix("*") {
        name = name.dropLast()
      } else if let colon = name.firstIndex(of: ":") {
        let length = name[name.index(after: colon)...]
        guard !length.isEmpty, length.count <= 4, length.first != "0",
          length.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return false }
        name = name[..<colon]
      }
      guard !name.isEmpty, !name.hasPrefix("."), !name.hasSuffix("."), !name.contains("..") else {
        return false
      }
      var chars = Array(name.unicodeScalars)[...]
      while let c = chars.first {
        if c == "%" {
          guard chars.count >= 3, chars.dropFirst().prefix(2).allSatisfy({ $0.properties.isASCIIHexDigit })
          else {
            return false
          }
          chars = chars.dropFirst(3)
        } else if c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == ".")
        {
          chars = chars.dropFirst()
        } else {
          return false
        }
      }
    }
    return true
  }

  // MARK: Email (RFC 5321 Mailbox; RFC 6531 for idn-email)

  static func isEmail(_ text: String, international: Bool) -> Bool {
    guard let at = text.lastIndex(of: "@") else { return false }
    let local = text[..<at]
    let domain = String(text[text.index(after: at)...])
    guard !local.isEmpty, !domain.isEmpty else { return false }
    let localScalars = Array(local.unicodeScalars)
    if localScalars.first == "\"" {
      guard localScalars.count >= 2, localScalars.last == "\"" else { return false }
      var i = 1
      while i < localScalars.count - 1 {
        let c = localScalars[i]
        if c == "\\" {
          guard i + 1 < localScalars.count - 1, (0x20...0x7E).contains(localScalars[i + 1].value) else {
            return false
          }
          i += 2
          continue
        }
        let v = c.value
        let ok =
          v == 32 || v == 33 || (35...91).contains(v) || (93...126).contains(v)
          || (international && v >= 0x80)
        guard ok else { return false }
        i += 1
      }
    } else {
      let atext = "!#$%&'*+-/=?^_`{|}~"
      for atom in local.split(separator: ".", omittingEmptySubsequences: false) {
        guard !atom.isEmpty else { return false }
        for c in atom.unicodeScalars {
          let ok =
            (c.isASCII
              && (c.properties.isAlphabetic || ("0"..."9").contains(c) || atext.unicodeScalars.contains(c)))
            || (international && c.value >= 0x80)
          guard ok else { return false }
        }
      }
    }
    if domain.hasPrefix("[") && domain.hasSuffix("]") {
      let literal = String(domain.dropFirst().dropLast())
      if literal.hasPrefix("IPv6:") { return isIPv6(String(literal.dropFirst(5))) }
      return isIPv4(literal)
    }
    return Hostnames.isHostname(domain, international: international)
  }
}
