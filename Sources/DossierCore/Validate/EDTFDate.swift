/// A date in the Extended Date/Time Format (EDTF, ISO 8601-2), levels 0 and 1.
///
/// Accepted forms:
/// - level 0: `2021`, `2021-11`, `2021-11-04`, `2021-12-23T18:03:31`, with `Z` or `±hh:mm`,
///   and intervals `2021-08-23/2021-09-04`;
/// - level 1: qualifiers `?` (uncertain), `~` (approximate), `%` (both) after a date; unspecified
///   digits `202X`, `20XX`, `2021-XX`, `2021-11-XX`, `2021-XX-XX`; seasons `2021-21` … `2021-24`;
///   long years `Y170000002`; negative years `-0044`; open (`..`) and unknown (empty) interval ends.
///
/// `earliest` and `latest` are the first and last calendar days the expression can denote
/// (`nil` for an open or unknown end). Years beyond ±9999 have no day bounds.
public struct EDTFDate: Hashable, Sendable, CustomStringConvertible {
  /// A calendar day used for bounds.
  public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
      self.year = year
      self.month = month
      self.day = day
    }

    /// `YYYY-MM-DD` (with a leading `-` for years before year 0).
    public var description: String {
      let y = year < 0 ? "-" + pad(-year, 4) : pad(year, 4)
      return "\(y)-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
  }

  /// The text as written.
  public let text: String
  /// The EDTF level the expression needs (0 or 1).
  public let level: Int
  /// True when the text is an interval (`a/b`).
  public let isInterval: Bool
  /// First possible day, `nil` when the start is open or unknown.
  public let earliest: Day?
  /// Last possible day, `nil` when the end is open or unknown.
  public let latest: Day?

  public var description: String { text }

  /// Parses an EDTF level 0–1 expression; the error message says what is wrong.
  public init(parsing text: String) throws(EDTFError) {
    self.text = text
    if text.isEmpty { throw EDTFError("an empty date") }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    switch parts.count {
    case 1:
      let point = try EDTFDate.parsePoint(Substring(text))
      isInterval = false
      level = point.level
      earliest = point.earliest
      latest = point.latest
    case 2:
      isInterval = true
      let start = try EDTFDate.parseEnd(parts[0])
      let end = try EDTFDate.parseEnd(parts[1])
      let startPoint = start ?? nil
      let endPoint = end ?? nil
      if startPoint == nil && endPoint == nil { throw EDTFError("an interval needs at least one known end") }
      if let first = startPoint?.earliest, let last = endPoint?.latest, first > last {
        throw EDTFError("the interval starts after it ends")
      }
      let openEnded = startPoint == nil || endPoint == nil
      level = max(startPoint?.level ?? 0, endPoint?.level ?? 0, openEnded ? 1 : 0)
      earliest = startPoint?.earliest
      latest = endPoint?.latest
    default:
      throw EDTFError("more than one '/'")
    }
  }

  /// One end of an interval: `nil` for an unknown (empty) or open (`..`) end.
  private static func parseEnd(_ part: Substring) throws(EDTFError) -> Point?? {
    if part.isEmpty || part == ".." { return .some(nil) }
    return .some(try parsePoint(part))
  }

  private struct Point: Equatable {
    var level: Int
    var earliest: Day?
    var latest: Day?
  }

  private static func parsePoint(_ input: Substring) throws(EDTFError) -> Point {
    var text = input
    var level = 0
    if let last = text.last, last == "?" || last == "~" || last == "%" {
      text = text.dropLast()
      level = 1
    }
    if let t = text.firstIndex(of: "T") {
      let datePart = text[..<t]
      let timePart = text[text.index(after: t)...]
      try checkTime(timePart)
      let point = try parseCalendar(datePart)
      if point.level > 0 || datePart.count != 10 { throw EDTFError("a time needs a complete date before it") }
      return Point(level: level, earliest: point.earliest, latest: point.latest)
    }
    var point = try parseCalendar(text)
    point.level = max(point.level, level)
    return point
  }

  private static func parseCalendar(_ text: Substring) throws(EDTFError) -> Point {
    if text.first == "Y" {
      let digits = text.dropFirst()
      let body = digits.first == "-" ? digits.dropFirst() : digits
      guard body.count > 4, body.allSatisfy(\.isASCIIDigit) else {
        throw EDTFError("'Y' must be followed by a year of more than four digits")
      }
      return Point(level: 1, earliest: nil, latest: nil)
    }
    var negative = false
    var body = text
    if body.first == "-" {
      negative = true
      body = body.dropFirst()
    }
    let fields = body.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(fields.count) else { throw EDTFError("expected YYYY, YYYY-MM or YYYY-MM-DD") }
    let yearText = fields[0]
    guard yearText.count == 4, yearText.allSatisfy({ $0.isASCIIDigit || $0 == "X" }) else {
      throw EDTFError("the year must have four digits")
    }
    var level = negative ? 1 : 0
    // Year bounds, with unspecified digits (X) widening them.
    let xCount = yearText.reversed().prefix { $0 == "X" }.count
    if yearText.dropLast(xCount).contains("X") {
      throw EDTFError("unspecified digits (X) must be the last digits of the year")
    }
    if xCount > 0 { level = 1 }
    let known = Int(String(yearText.dropLast(xCount))) ?? 0
    var scale = 1
    for _ in 0..<xCount { scale *= 10 }
    var yearLow = known * scale
    var yearHigh = known * scale + scale - 1
    if negative { (yearLow, yearHigh) = (-yearHigh, -yearLow) }
    if negative && yearLow == 0 && yearHigh == 0 { throw EDTFError("year -0000 is not allowed") }
    if fields.count == 1 {
      return Point(
        level: level, earliest: Day(year: yearLow, month: 1, day: 1),
        latest: Day(year: yearHigh, month: 12, day: 31))
    }
    let monthText = fields[1]
    guard monthText.count == 2 else { throw EDTFError("the month must have two digits") }
    if monthText == "XX" {
      if fields.count == 3 && fields[2] != "XX" {
        throw EDTFError("a day cannot be given when the month is unspecified")
      }
      return Point(
        level: 1, earliest: Day(year: yearLow, month: 1, day: 1),
        latest: Day(year: yearHigh, month: 12, day: 31))
    }
    guard monthText.allSatisfy(\.isASCIIDigit), let month = Int(monthText) else {
      throw EDTFError("the month must be two digits")
    }
    if (21...24).contains(month) {
      guard fields.count == 2 else { throw EDTFError("a season has no day") }
      // Northern-hemisphere seasons by meteorological convention: spring Mar–May, …, winter Dec–Feb.
      let (m1, m2, yearShift) = [(3, 5, 0), (6, 8, 0), (9, 11, 0), (12, 2, 1)][month - 21]
      return Point(
        level: 1, earliest: Day(year: yearLow, month: m1, day: 1),
        latest: Day(year: yearHigh + yearShift, month: m2, day: daysIn(month: m2, year: yearHigh + yearShift))
      )
    }
    guard (1...12).contains(month) else { throw EDTFError("month \(monthText) does not exist") }
    if fields.count == 2 {
      return Point(
        level: level, earliest: Day(year: yearLow, month: month, day: 1),
        latest: Day(year: yearHigh, month: month, day: daysIn(month: month, year: yearHigh)))
    }
    let dayText = fields[2]
    guard dayText.count == 2 else { throw EDTFError("the day must have two digits") }
    if dayText == "XX" {
      return Point(
        level: 1, earliest: Day(year: yearLow, month: month, day: 1),
        latest: Day(year: yearHigh, month: month, day: daysIn(month: month, year: yearHigh)))
    }
    guard dayText.allSatisfy(\.isASCIIDigit), let day = Int(dayText) else {
      throw EDTFError("the day must be two digits")
    }
    if xCount == 0 {
      guard (1...daysIn(month: month, year: yearLow)).contains(day) else {
        throw EDTFError("day \(dayText) does not exist in \(yearText)-\(monthText)")
      }
    } else {
      guard (1...31).contains(day) else { throw EDTFError("day \(dayText) does not exist") }
    }
    return Point(
      level: level, earliest: Day(year: yearLow, month: month, day: day),
      latest: Day(year: yearHigh, month: month, day: day))
  }

  private static func checkTime(_ text: Substring) throws(EDTFError) {
    var body = text
    if body.last == "Z" {
      body = body.dropLast()
    } else if body.count > 8 {
      let zone = body.suffix(6)
      let chars = Array(zone)
      guard chars[0] == "+" || chars[0] == "-", chars[3] == ":", let h = Int(String(chars[1...2])),
        let m = Int(String(chars[4...5])), chars[1...2].allSatisfy(\.isASCIIDigit),
        chars[4...5].allSatisfy(\.isASCIIDigit),
        h <= 14, m <= 59
      else { throw EDTFError("the time zone must be Z or ±hh:mm") }
      body = body.dropLast(6)
    }
    let parts = body.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 3, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
      let h = Int(parts[0]), let m = Int(parts[1]), let s = Int(parts[2]), h <= 23, m <= 59, s <= 59
    else { throw EDTFError("the time must be hh:mm:ss") }
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

/// Why a text is not a valid EDTF level 0–1 date.
public struct EDTFError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

private func pad(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
