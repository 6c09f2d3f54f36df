/// An exact decimal number: `significand × 10^exponent`, with no limit on the number of digits.
///
/// JSON numbers keep their exact value (integers beyond 64 bits, decimals such as `0.1`).
/// The representation is normalized (no leading or trailing zeros in the significand), so
/// `1`, `1.0` and `10e-1` are equal and hash alike.
public struct JSONNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// True for numbers below zero. Zero is never negative.
  public let isNegative: Bool
  /// Decimal digits of the significand, most significant first, without leading or trailing zeros;
  /// empty for zero.
  public let digits: [UInt8]
  /// Power of ten the significand is multiplied by.
  public let exponent: Int

  /// Creates a number from sign, digits and exponent, normalizing them.
  public init(isNegative: Bool, digits: [UInt8], exponent: Int) {
    var start = 0
    while start < digits.count && digits[start] == 0 { start += 1 }
    var end = digits.count
    var exp = exponent
    while end > start && digits[end - 1] == 0 {
      end -= 1
      exp += 1
    }
    if start == end {
      self.isNegative = false
      self.digits = []
      self.exponent = 0
    } else {
      self.isNegative = isNegative
      self.digits = Array(digits[start..<end])
      self.exponent = exp
    }
  }

  /// Creates an integer number.
  public init(_ value: Int) {
    let magnitude = value.magnitude
    self.init(isNegative: value < 0, digits: Array(String(magnitude).utf8.map { $0 - 48 }), exponent: 0)
  }

  /// Creates a number with the exact decimal value of the shortest representation of a finite double.
  /// Returns `nil` for infinities and NaN, which JSON cannot represent.
  public init?(_ value: Double) {
    guard value.isFinite else { return nil }
    self.init(jsonText: JSONNumber.plainText(of: value))
  }

  /// Parses text in the JSON number grammar (`-?int frac? exp?`); `nil` when it does not match or
  /// its exponent is beyond `exponentLimit`.
  public init?(jsonText text: String) {
    var bytes = Array(text.utf8)[...]
    var negative = false
    if bytes.first == UInt8(ascii: "-") {
      negative = true
      bytes = bytes.dropFirst()
    }
    var digits: [UInt8] = []
    var exponent = 0
    guard let first = bytes.first, first >= 48 && first <= 57 else { return nil }
    if first == 48 {
      bytes = bytes.dropFirst()
      if let next = bytes.first, next >= 48 && next <= 57 { return nil }
    } else {
      while let b = bytes.first, b >= 48 && b <= 57 {
        digits.append(b - 48)
        bytes = bytes.dropFirst()
      }
    }
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      var count = 0
      while let b = bytes.first, b >= 48 && b <= 57 {
        digits.append(b - 48)
        exponent -= 1
        count += 1
        bytes = bytes.dropFirst()
      }
      if count == 0 { return nil }
    }
    if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      var expNegative = false
      if let s = bytes.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
        expNegative = s == UInt8(ascii: "-")
        bytes = bytes.dropFirst()
      }
      var value = 0
      var count = 0
      var overflowed = false
      while let b = bytes.first, b >= 48 && b <= 57 {
        JSONNumber.accumulateExponent(&value, digit: b - 48, overflowed: &overflowed)
        count += 1
        bytes = bytes.dropFirst()
      }
      if count == 0 || overflowed { return nil }
      exponent += expNegative ? -value : value
    }
    guard bytes.isEmpty else { return nil }
    self.init(isNegative: negative, digits: digits, exponent: exponent)
    guard isWithinExponentLimit else { return nil }
  }

  public static let zero = JSONNumber(0)

  /// The largest exponent, in scientific notation (`d.ddd…e±N`), of a number the readers accept.
  ///
  /// Numbers are kept exactly, so a number is read only when its exponent can be written back:
  /// `JSONReader`, `init(jsonText:)` and the YAML loader refuse a number whose `scientificExponent`
  /// lies outside `-exponentLimit…exponentLimit` (`1e1000000000`, `1e-1000000000`) instead of
  /// rounding it. Every number they return is written by `JSONWriter` as text they read back to an
  /// equal number. (Doubles reach 10^±308; Decimal128 10^±6144.)
  public static let exponentLimit = 999_999_999

  /// The exponent of the number in scientific notation: 3 for `1234`, -2 for `0.05`, 0 for zero.
  /// Saturates at `Int.min` / `Int.max` for numbers built with an extreme `exponent`.
  public var scientificExponent: Int {
    if digits.isEmpty { return 0 }
    let (sum, overflow) = exponent.addingReportingOverflow(digits.count - 1)
    return overflow ? (exponent < 0 ? Int.min : Int.max) : sum
  }

  /// True when the readers accept the number: its `scientificExponent` lies within ±`exponentLimit`.
  public var isWithinExponentLimit: Bool {
    scientificExponent >= -JSONNumber.exponentLimit && scientificExponent <= JSONNumber.exponentLimit
  }

  /// Folds one more digit into an exponent being read. Stops growing (and sets `overflowed`) past
  /// 10^15, far beyond `exponentLimit` plus any number of fraction digits that fits in memory, so the
  /// digit loop never traps and an overlong exponent is refused, never saturated.
  @inlinable
  public static func accumulateExponent(_ value: inout Int, digit: UInt8, overflowed: inout Bool) {
    if value < 1_000_000_000_000_000 {
      value = value * 10 + Int(digit)
    } else {
      overflowed = true
    }
  }

  /// True when the value has no fractional part.
  public var isInteger: Bool { exponent >= 0 }

  /// True when the value is zero.
  public var isZero: Bool { digits.isEmpty }

  /// The value as `Int`, when it is an integer that fits.
  public var intValue: Int? {
    guard isInteger, digits.count + exponent <= 19 else { return nil }
    var result = 0
    for d in digits {
      let (m, o1) = result.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(isNegative ? -Int(d) : Int(d))
      if o1 || o2 { return nil }
      result = a
    }
    for _ in 0..<exponent {
      let (m, o) = result.multipliedReportingOverflow(by: 10)
      if o { return nil }
      result = m
    }
    return result
  }

  /// The nearest double (may lose precision; may be infinite for huge exponents).
  public var doubleValue: Double { Double(description) ?? (isNegative ? -.infinity : .infinity) }

  /// Canonical text: plain integers for integers of up to 21 digits, otherwise the shortest
  /// form with an exponent. Reads back with `init(jsonText:)` to an equal number.
  public var description: String {
    if digits.isEmpty { return "0" }
    let sign = isNegative ? "-" : ""
    let digitText = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
    let magnitudeDigits = digits.count + exponent  // position of the decimal point
    if exponent >= 0 && magnitudeDigits <= 21 {
      return sign + digitText + String(repeating: "0", count: exponent)
    }
    if exponent < 0 && magnitudeDigits > 0 {
      let intPart = digitText.prefix(magnitudeDigits)
      let fracPart = digitText.dropFirst(magnitudeDigits)
      return sign + intPart + "." + fracPart
    }
    if exponent < 0 && magnitudeDigits > -6 {
      return sign + "0." + String(repeating: "0", count: -magnitudeDigits) + digitText
    }
    let head = digitText.prefix(1)
    let tail = digitText.dropFirst()
    let e = magnitudeDigits - 1
    return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + (e < 0 ? "-" : "+") + String(e.magnitude)
  }

  public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
    if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
    let magnitudeLess = compareMagnitude(lhs, rhs) < 0
    let magnitudeGreater = compareMagnitude(lhs, rhs) > 0
    return lhs.isNegative ? magnitudeGreater : magnitudeLess
  }

  /// Compares absolute values: negative, zero or positive.
  static func compareMagnitude(_ a: JSONNumber, _ b: JSONNumber) -> Int {
    if a.digits.isEmpty || b.digits.isEmpty { return (a.digits.isEmpty ? 0 : 1) - (b.digits.isEmpty ? 0 : 1) }
    let aTop = a.digits.count + a.exponent
    let bTop = b.digits.count + b.exponent
    if aTop != bTop { return aTop < bTop ? -1 : 1 }
    let n = max(a.digits.count, b.digits.count)
    for i in 0..<n {
      let x = i < a.digits.count ? a.digits[i] : 0
      let y = i < b.digits.count ? b.digits[i] : 0
      if x != y { return x < y ? -1 : 1 }
    }
    return 0
  }

  /// Shortest round-trip text of a finite double, in JSON number grammar.
  private static func plainText(of value: Double) -> String {
    var text = "\(value)"  // Swift prints the shortest round-trip form, e.g. "1e-07", "1.0", "5e-324"
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }
}
