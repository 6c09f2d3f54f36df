import JSONSchema

/// Scalar resolution by the YAML 1.2 core schema, working on UTF-8 bytes.
///
/// - null: `null`, `Null`, `NULL`, `~`, empty
/// - bool: `true`, `True`, `TRUE`, `false`, `False`, `FALSE` (not `yes`, `on`, `y`)
/// - int: `[-+]?[0-9]+` (so `017` is the integer 17), `0o[0-7]+`, `0x[0-9a-fA-F]+`
/// - float: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf` (3 spellings), `.nan`
/// - everything else is a string: `2021-12-23`, `12:30:00`, `1_000`, `0b101`, `yes`.
public enum YAMLScalarResolver {
  /// The numeric value of an int or float scalar.
  public enum Number: Hashable, Sendable {
    case finite(JSONNumber)
    case infinity(negative: Bool)
    case nan
    /// A literal too large to keep exactly: a hexadecimal or octal integer of more than
    /// `maxIntegerDigits` digits, or a float whose exponent is beyond `JSONNumber.exponentLimit`.
    case tooLarge
  }

  /// Longest hexadecimal or octal literal converted exactly (decimal literals have no limit).
  public static let maxIntegerDigits = 256

  /// Resolves an untagged plain scalar.
  public static func resolvePlain(_ text: String) -> YAMLScalarKind {
    var copy = text
    return copy.withUTF8 { resolvePlain($0) }
  }

  /// Resolves an untagged plain scalar given as UTF-8 bytes.
  public static func resolvePlain(_ b: UnsafeBufferPointer<UInt8>) -> YAMLScalarKind {
    guard let first = b.first else { return .null }
    switch first {
    case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
      return isNull(b) ? .null : .string
    case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
      return isBool(b) ? .bool : .string
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
      if isInt(b) { return .int }
      if isFloat(b) { return .float }
      return .string
    default:
      return .string
    }
  }

  /// True when the bytes are a valid scalar of `kind` (used for explicit tags).
  static func matches(_ b: UnsafeBufferPointer<UInt8>, kind: YAMLScalarKind) -> Bool {
    switch kind {
    case .string: return true
    case .null: return isNull(b)
    case .bool: return isBool(b)
    case .int: return isInt(b)
    case .float: return isFloat(b)
    }
  }

  static func isNull(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    switch b.count {
    case 0: return true
    case 1: return b[0] == UInt8(ascii: "~")
    case 4: return equals(b, "null") || equals(b, "Null") || equals(b, "NULL")
    default: return false
    }
  }

  static func isBool(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    switch b.count {
    case 4: return equals(b, "true") || equals(b, "True") || equals(b, "TRUE")
    case 5: return equals(b, "false") || equals(b, "False") || equals(b, "FALSE")
    default: return false
    }
  }

  /// The value of a scalar already known to be a valid bool.
  static func boolValue(_ text: String) -> Bool {
    text.utf8.first == UInt8(ascii: "t") || text.utf8.first == UInt8(ascii: "T")
  }

  static func isInt(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !b.isEmpty else { return false }
    if b.count > 2 && b[0] == UInt8(ascii: "0") && (b[1] == UInt8(ascii: "o") || b[1] == UInt8(ascii: "x")) {
      let octal = b[1] == UInt8(ascii: "o")
      for c in b[2...] where !(octal ? isOctal(c) : isHex(c)) { return false }
      return true
    }
    var i = 0
    if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { i = 1 }
    guard i < b.count else { return false }
    while i < b.count {
      guard isDigit(b[i]) else { return false }
      i += 1
    }
    return true
  }

  static func isFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !b.isEmpty else { return false }
    var i = 0
    if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { i = 1 }
    let rest = UnsafeBufferPointer(rebasing: b[i...])
    if rest.count == 4 && (equals(rest, ".inf") || equals(rest, ".Inf") || equals(rest, ".INF")) {
      return true
    }
    if i == 0 && b.count == 4 && (equals(b, ".nan") || equals(b, ".NaN") || equals(b, ".NAN")) { return true }
    var intDigits = 0
    while i < b.count && isDigit(b[i]) {
      i += 1
      intDigits += 1
    }
    var fracDigits = 0
    if i < b.count && b[i] == UInt8(ascii: ".") {
      i += 1
      while i < b.count && isDigit(b[i]) {
        i += 1
        fracDigits += 1
      }
    }
    // `.5` and `1.` and `1` are floats; a lone `.` is not.
    guard intDigits > 0 || fracDigits > 0 else { return false }
    if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
      i += 1
      if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
      var expDigits = 0
      while i < b.count && isDigit(b[i]) {
        i += 1
        expDigits += 1
      }
      guard expDigits > 0 else { return false }
    }
    return i == b.count
  }

  /// The numeric value of a scalar already known to be a valid int or float (by `kind`).
  public static func number(_ text: String, kind: YAMLScalarKind) -> Number {
    var copy = text
    return copy.withUTF8 { b in kind == .int ? intValue(b) : floatValue(b) }
  }

  static func intValue(_ b: UnsafeBufferPointer<UInt8>) -> Number {
    if b.count > 2 && b[0] == UInt8(ascii: "0") && (b[1] == UInt8(ascii: "o") || b[1] == UInt8(ascii: "x")) {
      let radix: UInt32 = b[1] == UInt8(ascii: "o") ? 8 : 16
      let body = b[2...]
      if body.count > maxIntegerDigits { return .tooLarge }
      // Little-endian base-10^9 limbs: exact for any length up to the limit.
      var limbs: [UInt32] = [0]
      for c in body {
        var carry = UInt64(hexValue(c))
        for k in limbs.indices {
          let v = UInt64(limbs[k]) * UInt64(radix) + carry
          limbs[k] = UInt32(v % 1_000_000_000)
          carry = v / 1_000_000_000
        }
        while carry > 0 {
          limbs.append(UInt32(carry % 1_000_000_000))
          carry /= 1_000_000_000
        }
      }
      var digits: [UInt8] = []
      for (k, limb) in limbs.enumerated().reversed() {
        var chunk = [UInt8](repeating: 0, count: 9)
        var v = limb
        for p in stride(from: 8, through: 0, by: -1) {
          chunk[p] = UInt8(v % 10)
          v /= 10
        }
        if k == limbs.count - 1 {
          digits.append(contentsOf: chunk.drop { $0 == 0 })
        } else {
          digits.append(contentsOf: chunk)
        }
      }
      return .finite(JSONNumber(isNegative: false, digits: digits, exponent: 0))
    }
    var i = 0
    var negative = false
    if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
      negative = b[0] == UInt8(ascii: "-")
      i = 1
    }
    var digits: [UInt8] = []
    digits.reserveCapacity(b.count - i)
    while i < b.count {
      digits.append(b[i] &- 48)
      i += 1
    }
    return .finite(JSONNumber(isNegative: negative, digits: digits, exponent: 0))
  }

  static func floatValue(_ b: UnsafeBufferPointer<UInt8>) -> Number {
    var i = 0
    var negative = false
    if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
      negative = b[0] == UInt8(ascii: "-")
      i = 1
    }
    if i < b.count && b[i] == UInt8(ascii: ".") && i + 1 < b.count && !isDigit(b[i + 1]) {
      let rest = UnsafeBufferPointer(rebasing: b[i...])
      if equals(rest, ".inf") || equals(rest, ".Inf") || equals(rest, ".INF") {
        return .infinity(negative: negative)
      }
      return .nan
    }
    var digits: [UInt8] = []
    digits.reserveCapacity(b.count)
    var exponent = 0
    while i < b.count && isDigit(b[i]) {
      digits.append(b[i] &- 48)
      i += 1
    }
    if i < b.count && b[i] == UInt8(ascii: ".") {
      i += 1
      while i < b.count && isDigit(b[i]) {
        digits.append(b[i] &- 48)
        exponent -= 1
        i += 1
      }
    }
    if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
      i += 1
      var expNegative = false
      if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) {
        expNegative = b[i] == UInt8(ascii: "-")
        i += 1
      }
      var value = 0
      var overflowed = false
      while i < b.count && isDigit(b[i]) {
        JSONNumber.accumulateExponent(&value, digit: b[i] &- 48, overflowed: &overflowed)
        i += 1
      }
      if overflowed { return .tooLarge }
      exponent += expNegative ? -value : value
    }
    let number = JSONNumber(isNegative: negative, digits: digits, exponent: exponent)
    return number.isWithinExponentLimit ? .finite(number) : .tooLarge
  }

  @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
  @inline(__always) static func isOctal(_ c: UInt8) -> Bool { c >= 48 && c <= 55 }
  @inline(__always) static func isHex(_ c: UInt8) -> Bool {
    isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
  }
  @inline(__always) static func hexValue(_ c: UInt8) -> UInt8 {
    if isDigit(c) { return c - 48 }
    if c >= 97 { return c - 87 }
    return c - 55
  }

  @inline(__always) static func equals(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
    guard b.count == s.utf8CodeUnitCount else { return false }
    let p = s.utf8Start
    for k in 0..<b.count where b[k] != p[k] { return false }
    return true
  }
}
