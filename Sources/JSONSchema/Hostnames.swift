import Foundation

/// Host name checks: RFC 1123 for `hostname`, IDNA2008 (RFC 5890–5893) for `idn-hostname`
/// and for `xn--` labels in either.
///
/// The IDNA2008 code point classes are approximated with Unicode properties (letters, marks
/// and digits that are stable under NFKC case folding are valid) plus the exception table
/// of RFC 5892 §2.6, the CONTEXTJ/CONTEXTO rules of RFC 5892 appendix A and the Bidi rule of
/// RFC 5893.
enum Hostnames {
  static func isHostname(_ text: String, international: Bool) -> Bool {
    guard !text.isEmpty else { return false }
    var name = text
    if international {
      for separator in ["\u{3002}", "\u{FF0E}", "\u{FF61}"] {
        name = name.replacingOccurrences(of: separator, with: ".")
      }
    } else if !text.unicodeScalars.allSatisfy({ $0.isASCII }) {
      return false
    }
    let labels = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var unicodeLabels: [[Unicode.Scalar]] = []
    var totalLength = 0
    for label in labels {
      guard !label.isEmpty else { return false }
      let ascii = label.unicodeScalars.allSatisfy { $0.isASCII }
      var scalars: [Unicode.Scalar]
      var aLabelLength = label.utf8.count
      if ascii {
        let lower = label.lowercased()
        guard
          lower.unicodeScalars.allSatisfy({
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-"
          })
        else { return false }
        if lower.hasPrefix("xn--") {
          guard let decoded = Punycode.decode(String(lower.dropFirst(4))), !decoded.isEmpty,
            !decoded.allSatisfy({ $0.isASCII }),
            Punycode.encode(decoded) == String(lower.dropFirst(4))
          else { return false }
          if decoded.count >= 4 && decoded[2] == "-" && decoded[3] == "-" { return false }
          scalars = decoded
        } else {
          let chars = Array(lower.unicodeScalars)
          if chars.count >= 4 && chars[2] == "-" && chars[3] == "-" { return false }
          scalars = chars
        }
      } else {
        guard international else { return false }
        scalars = Array(label.precomposedStringWithCanonicalMapping.unicodeScalars)
        guard let encoded = Punycode.encode(scalars) else { return false }
        aLabelLength = 4 + encoded.utf8.count
        if scalars.count >= 4 && scalars[2] == "-" && scalars[3] == "-" { return false }
      }
      guard aLabelLength <= 63, scalars.first != "-", scalars.last != "-" else { return false }
      totalLength += aLabelLength + 1
      if !scalars.allSatisfy({ $0.isASCII }) || ascii && label.lowercased().hasPrefix("xn--") {
        guard isValidULabel(scalars) else { return false }
      }
      unicodeLabels.append(scalars)
    }
    guard totalLength - 1 <= 253 else { return false }
    // Bidi rule applies when any label has right-to-left characters.
    if unicodeLabels.contains(where: { $0.contains(where: { [.r, .al, .an].contains(bidi($0)) }) }) {
      for label in unicodeLabels where !satisfiesBidiRule(label) { return false }
    }
    return true
  }

  static let exceptionsValid: Set<UInt32> = [0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007]
  static let exceptionsDisallowed: Set<UInt32> = [
    0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B,
  ]

  static func isValidULabel(_ label: [Unicode.Scalar]) -> Bool {
    guard let first = label.first else { return false }
    if [.spacingMark, .nonspacingMark, .enclosingMark].contains(first.properties.generalCategory) {
      return false
    }
    var hasArabicIndic = false
    var hasExtendedArabicIndic = false
    for (i, c) in label.enumerated() {
      let v = c.value
      if exceptionsDisallowed.contains(v) { return false }
      if exceptionsValid.contains(v) { continue }
      switch v {
      case 0x00B7:  // MIDDLE DOT: between two 'l'
        guard i > 0, i + 1 < label.count, label[i - 1] == "l", label[i + 1] == "l" else { return false }
        continue
      case 0x0375:  // GREEK KERAIA: followed by Greek
        guard i + 1 < label.count, isGreek(label[i + 1]) else { return false }
        continue
      case 0x05F3, 0x05F4:  // GERESH, GERSHAYIM: preceded by Hebrew
        guard i > 0, (0x0590...0x05FF).contains(label[i - 1].value) else { return false }
        continue
      case 0x30FB:  // KATAKANA MIDDLE DOT: label has Hiragana, Katakana or Han
        guard label.contains(where: { isJapanese($0) && $0.value != 0x30FB }) else { return false }
        continue
      case 0x0660...0x0669:
        hasArabicIndic = true
        continue
      case 0x06F0...0x06F9:
        hasExtendedArabicIndic = true
        continue
      case 0x200D:  // ZWJ: after a virama
        guard i > 0, label[i - 1].properties.canonicalCombiningClass.rawValue == 9 else { return false }
        continue
      case 0x200C:  // ZWNJ: after a virama, or between joining letters
        if i > 0, label[i - 1].properties.canonicalCombiningClass.rawValue == 9 { continue }
        guard i > 0, i + 1 < label.count, isJoining(label[i - 1]), isJoining(label[i + 1]) else {
          return false
        }
        continue
      case 0x2D, 0x30...0x39, 0x61...0x7A:
        continue
      default:
        break
      }
      guard isProtocolValid(c) else { return false }
    }
    return !(hasArabicIndic && hasExtendedArabicIndic)
  }

  static func isProtocolValid(_ c: Unicode.Scalar) -> Bool {
    let p = c.properties
    switch p.generalCategory {
    case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .decimalNumber:
      break
    default:
      return false
    }
    // Unstable under NFKC case folding → DISALLOWED.
    let s = String(c)
    if s.lowercased() != s { return false }
    if s.precomposedStringWithCompatibilityMapping != s { return false }
    if p.isDefaultIgnorableCodePoint || p.isNoncharacterCodePoint { return false }
    return true
  }

  static func isGreek(_ c: Unicode.Scalar) -> Bool {
    (0x0370...0x03FF).contains(c.value) || (0x1F00...0x1FFF).contains(c.value)
  }

  static func isJapanese(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    return (0x3040...0x309F).contains(v) || (0x30A0...0x30FF).contains(v) || (0x31F0...0x31FF).contains(v)
      || (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FA1F).contains(v)
      || (0xF900...0xFAFF).contains(v)
  }

  static func isJoining(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    return (0x0620...0x064A).contains(v) || (0x066E...0x06D3).contains(v) || (0x06FA...0x06FF).contains(v)
      || (0x0710...0x074F).contains(v) || (0x0750...0x077F).contains(v) || (0x08A0...0x08FF).contains(v)
  }

  enum BidiClass { case l, r, al, an, en, es, cs, et, on, bn, nsm, other }

  static func bidi(_ c: Unicode.Scalar) -> BidiClass {
    let v = c.value
    let category = c.properties.generalCategory
    if category == .nonspacingMark || category == .enclosingMark { return .nsm }
    switch v {
    case 0x30...0x39, 0x06F0...0x06F9: return .en
    case 0x0660...0x0669, 0x066B, 0x066C: return .an
    case 0x2B, 0x2D: return .es
    case 0x2C, 0x2E, 0x3A, 0x2F, 0xA0: return .cs
    case 0x23, 0x24, 0x25, 0xA2...0xA5, 0xB0, 0xB1: return .et
    case 0x0590...0x05FF, 0x07C0...0x085F, 0xFB1D...0xFB4F, 0x10800...0x10FFF: return .r
    case 0x0600...0x07BF, 0x0860...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .al
    case 0x200B...0x200D: return .bn
    default:
      if c.properties.isAlphabetic || category == .spacingMark { return .l }
      return .on
    }
  }

  /// RFC 5893 §2.
  static func satisfiesBidiRule(_ label: [Unicode.Scalar]) -> Bool {
    let classes = label.map(bidi)
    guard let first = classes.first else { return false }
    guard first == .l || first == .r || first == .al else { return false }
    let trimmed = classes.reversed().drop { $0 == .nsm }
    guard let last = trimmed.first else { return false }
    if first == .r || first == .al {
      let allowed: Set<BidiClass> = [.r, .al, .an, .en, .es, .cs, .et, .on, .bn, .nsm]
      guard classes.allSatisfy({ allowed.contains($0) }) else { return false }
      guard [.r, .al, .en, .an].contains(last) else { return false }
      return !(classes.contains(.en) && classes.contains(.an))
    }
    let allowed: Set<BidiClass> = [.l, .en, .es, .cs, .et, .on, .bn, .nsm]
    guard classes.allSatisfy({ allowed.contains($0) }) else { return false }
    return last == .l || last == .en
  }
}

/// Punycode (RFC 3492).
enum Punycode {
  static let base = 36
  static let tMin = 1
  static let tMax = 26
  static let skew = 38
  static let damp = 700
  static let initialBias = 72
  static let initialN = 128

  static func adapt(_ delta: Int, _ numPoints: Int, _ first: Bool) -> Int {
    var delta = first ? delta / damp : delta / 2
    delta += delta / numPoints
    var k = 0
    while delta > ((base - tMin) * tMax) / 2 {
      delta /= base - tMin
      k += base
    }
    return k + (base - tMin + 1) * delta / (delta + skew)
  }

  static func digitValue(_ c: UInt8) -> Int? {
    switch c {
    case 0x30...0x39: return Int(c) - 22
    case 0x41...0x5A: return Int(c) - 0x41
    case 0x61...0x7A: return Int(c) - 0x61
    default: return nil
    }
  }

  static func digitChar(_ d: Int) -> Character {
    Character(Unicode.Scalar(UInt8(d < 26 ? d + 0x61 : d + 22)))
  }

  static func decode(_ input: String) -> [Unicode.Scalar]? {
    let bytes = Array(input.utf8)
    var output: [Unicode.Scalar] = []
    var position = 0
    if let lastDash = bytes.lastIndex(of: 0x2D) {
      for b in bytes[..<lastDash] {
        guard b < 0x80 else { return nil }
        output.append(Unicode.Scalar(b))
      }
      position = lastDash + 1
      if lastDash == bytes.count - 1 && lastDash > 0 { return nil }
    }
    var n = initialN
    var i = 0
    var bias = initialBias
    while position < bytes.count {
      let oldI = i
      var w = 1
      var k = base
      while true {
        guard position < bytes.count, let digit = digitValue(bytes[position]) else { return nil }
        position += 1
        let (m, o1) = digit.multipliedReportingOverflow(by: w)
        let (sum, o2) = i.addingReportingOverflow(m)
        guard !o1 && !o2, sum < 0x7FFF_FFFF else { return nil }
        i = sum
        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
        if digit < t { break }
        w *= base - t
        guard w < 0x7FFF_FFFF else { return nil }
        k += base
      }
      bias = adapt(i - oldI, output.count + 1, oldI == 0)
      n += i / (output.count + 1)
      i %= output.count + 1
      guard n <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(n)) else { return nil }
      output.insert(scalar, at: i)
      i += 1
    }
    return output
  }

  static func encode(_ input: [Unicode.Scalar]) -> String? {
    var output = ""
    let basic = input.filter { $0.isASCII }
    for c in basic { output.unicodeScalars.append(c) }
    var h = basic.count
    let b = basic.count
    if b > 0 { output += "-" }
    var n = initialN
    var delta = 0
    var bias = initialBias
    while h < input.count {
      guard let m = input.map({ Int($0.value) }).filter({ $0 >= n }).min() else { return nil }
      delta += (m - n) * (h + 1)
      n = m
      for c in input {
        let v = Int(c.value)
        if v < n { delta += 1 }
        if v == n {
          var q = delta
          var k = base
          while true {
            let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
            if q < t { break }
            output.append(digitChar(t + (q - t) % (base - t)))
            q = (q - t) / (base - t)
            k += base
          }
          output.append(digitChar(q))
          bias = adapt(delta, h + 1, h == b)
          delta = 0
          h += 1
        }
      }
      delta += 1
      n += 1
    }
    return output
  }
}
