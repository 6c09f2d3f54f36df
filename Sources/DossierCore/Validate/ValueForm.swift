import Foundation
import JSONSchema

/// The forms of value the annotation format defines, with the plain message a person gets when a
/// value does not have its form: what is wrong, the expected form and an example — never the
/// schema's regular expression.
///
/// A schema names the form of a value with the annotation keyword `x-dossier-form` (see
/// docs/diagnostics.md, "Messages for the schema's own forms"); `SchemaDiagnostics` looks it up on the
/// schema object holding the failing keyword (`pattern`, `format`, `minLength`, …) and asks the form
/// for the message. Where a dedicated parser exists (EDTF dates, date-times) it gives the message, so
/// one mistake is one error. The language server and other tools call `problem(with:)` directly.
public enum ValueForm: String, CaseIterable, Sendable {
  /// An EDTF level 0–1 date (`2021`, `2021-11-04`, `2021-08-23/2021-09-04`).
  case edtf
  /// An RFC 3339 date-time with an offset (`2021-12-23T18:03:31+08:00`).
  case dateTime = "date-time"
  /// An activity or named-event id: lower-case letters, digits and hyphens.
  case id
  /// A vocabulary term id: lower snake case, a dot before a narrower term.
  case termId = "term-id"
  /// A single-line text without leading or trailing white space.
  case text
  /// A verbatim quote: may span lines, no leading or trailing white space.
  case quote
  /// A BCP 47 language tag, language[-Script][-REGION].
  case languageTag = "language-tag"
  /// A lower snake case name (units, dimension keys).
  case snakeCase = "snake-case"

  /// The schema annotation keyword that names a value's form: `"x-dossier-form": "edtf"` on the
  /// schema object whose `pattern`, `format` or length keywords check the value. Validators ignore
  /// it (an unknown keyword is an annotation in JSON Schema 2020-12).
  public static let keyword = "x-dossier-form"

  /// What a value of this form looks like, with examples (for help texts and documentation).
  public var expected: String {
    switch self {
    case .edtf:
      return "an EDTF date: write `2023-05` for May 2023, `2023-10-29` for a day, "
        + "`2023-10-29/2023-10-31` for a range, `2023~` for about 2023 (see docs/annotations.md §7)"
    case .dateTime:
      return "a date-time with its offset, such as `2023-12-29T16:20:11+08:00`: the date, `T`, the time "
        + "and `Z` or `+HH:MM`"
    case .id: return "lower-case letters, digits and hyphens, such as `003-h2-zapad`"
    case .termId:
      return "a term id in lower snake case, with a dot before a narrower term, such as "
        + "`joint_exercises_training` or `public_security_goods.naval_escort`"
    case .text: return "one line of text without leading or trailing white space"
    case .quote: return "the words as printed, without leading or trailing white space"
    case .languageTag:
      return "a language tag such as `en`, `zh`, `zh-Hans` or `en-GB` (language in lower case, script "
        + "in title case, region in upper case)"
    case .snakeCase: return "lower snake case, such as `countries` or `team_size`"
    }
  }

  /// A problem with a value of this form.
  public struct Problem: Hashable, Sendable {
    /// What is wrong, in plain words (quotes the value).
    public var message: String
    /// How to fix it: the expected form with an example, or a corrected value.
    public var help: String
    /// True when a dedicated parser (EDTF) rejected the value, as opposed to the profile the
    /// annotation format allows.
    public var fromParser: Bool = false
  }

  /// The problem with `value`, or `nil` when the value has this form.
  public func problem(with value: String) -> Problem? {
    switch self {
    case .edtf: return ValueForm.edtfProblem(value)
    case .dateTime: return ValueForm.dateTimeProblem(value)
    case .id:
      guard !ValueForm.isSlug(value, separator: "-") else { return nil }
      let fixed = ValueForm.slug(value, separator: "-")
      return Problem(
        message:
          "'\(ValueForm.shown(value))' is not a valid id: ids use lower-case letters, digits and hyphens",
        help: fixed.isEmpty || fixed == value ? "write it like `003-h2-zapad`" : "write '\(fixed)'")
    case .termId:
      let parts = value.split(separator: ".", omittingEmptySubsequences: false)
      guard !parts.allSatisfy({ ValueForm.isSnake($0) }) else { return nil }
      let fixed = parts.map { ValueForm.slug(String($0), separator: "_") }.joined(separator: ".")
      return Problem(
        message: "'\(ValueForm.shown(value))' is not a term id: term ids are lower snake case (a dot before "
          + "a narrower term)",
        help: fixed.isEmpty || fixed == value
          ? "write it like `joint_exercises_training`" : "write '\(fixed)' if that term exists")
    case .text, .quote: return ValueForm.whiteSpaceProblem(value, singleLine: self == .text)
    case .languageTag:
      return Problem(
        message: "'\(ValueForm.shown(value))' is not a language tag",
        help: "write \(expected)"
          + (value.lowercased() != value ? "; did you mean '\(value.lowercased())'?" : ""))
    case .snakeCase:
      guard !ValueForm.isSnake(Substring(value)) else { return nil }
      let fixed = ValueForm.slug(value, separator: "_")
      return Problem(
        message: "'\(ValueForm.shown(value))' is not lower snake case",
        help: fixed.isEmpty || fixed == value ? "write it like `countries`" : "write '\(fixed)'")
    }
  }

  // MARK: - EDTF

  static func edtfProblem(_ value: String) -> Problem? {
    let guess = EDTFGuess.guess(value)
    let help =
      guess.map {
        "write '\($0)'; an EDTF date is `2023-05` for May 2023, `2023-10-29/2023-10-31` for a range (docs/annotations.md §7)"
      }
      ?? "write \(ValueForm.edtf.expected)"
    do {
      let parsed = try EDTFDate(parsing: value)
      // The parser knows more than annotations may use (long and negative years, Y-prefixed years).
      if value.hasPrefix("Y") || value.hasPrefix("-")
        || parsed.earliest.map({ $0.year < 0 || $0.year > 9999 }) == true
      {
        return Problem(
          message: "'\(shown(value))' is a valid EDTF date, but annotations take years 0000 to 9999 only",
          help: "write a four-digit year, such as `2021` or `2021-11-04`")
      }
      return nil
    } catch {
      // With a likely intended date, the correction says more than the parser's first complaint.
      let reason = guess == nil ? ": \(error.message)" : ""
      return Problem(message: "'\(shown(value))' is not an EDTF date\(reason)", help: help, fromParser: true)
    }
  }

  // MARK: - Date-time

  static func dateTimeProblem(_ value: String) -> Problem? {
    let scalars = Array(value.unicodeScalars)
    func digits(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= scalars.count else { return nil }
      var n = 0
      for scalar in scalars[range] {
        guard
          let d = scalar.properties.numericType == .decimal && scalar.isASCII
            ? Int(String(scalar)) : nil
        else { return nil }
        n = n * 10 + d
      }
      return n
    }
    let example = "2023-12-29T16:20:11+08:00"
    func problem(_ why: String, fix: String? = nil) -> Problem {
      Problem(
        message: "'\(shown(value))' is not a date-time with an offset: \(why)",
        help: fix.map { "write '\($0)'" }
          ?? "write it like `\(example)`: the date, `T`, the time and `Z` or `+HH:MM`")
    }
    guard scalars.count >= 10, let year = digits(0..<4), scalars[4] == "-", let month = digits(5..<7),
      scalars[7] == "-", let day = digits(8..<10)
    else {
      return problem("it must start with the date as YYYY-MM-DD")
    }
    guard (1...12).contains(month) else { return problem("month \(month) does not exist") }
    guard (1...EDTFDate.daysIn(month: month, year: year)).contains(day) else {
      return problem("day \(day) does not exist in \(String(value.prefix(7)))")
    }
    guard scalars.count > 10 else {
      return problem("the time and the offset are missing", fix: value + "T00:00:00+08:00")
    }
    let separator = scalars[10]
    var rest = String(String.UnicodeScalarView(scalars[11...]))
    var fixed = String(value.prefix(10)) + "T"
    if separator != "T" {
      if separator == " " || separator == "t" {
        fixed += rest
      }
      let trailing = rest.hasSuffix("Z") || rest.dropFirst(8).contains("+") || rest.dropFirst(8).contains("-")
      return problem(
        "put a `T` between the date and the time",
        fix: separator == " " || separator == "t"
          ? (trailing ? fixed : fixed + "+08:00") : nil)
    }
    let time = Array(rest.unicodeScalars.prefix(8))
    guard time.count == 8, time[2] == ":", time[5] == ":",
      let h = Int(String(String.UnicodeScalarView(time[0..<2]))),
      let m = Int(String(String.UnicodeScalarView(time[3..<5]))),
      let s = Int(String(String.UnicodeScalarView(time[6..<8]))), h < 24, m < 60, s < 61
    else { return problem("the time must be HH:MM:SS (24-hour clock)") }
    rest = String(rest.unicodeScalars.dropFirst(8))
    if rest.hasPrefix(".") {
      rest = String(rest.dropFirst().drop { $0.isASCII && $0.isNumber })
    }
    if rest.isEmpty {
      return problem(
        "the offset is missing (the byline prints local time; the annotation says which zone)",
        fix: value + "+08:00")
    }
    if rest == "Z" || rest == "z" { return nil }
    let zone = Array(rest.unicodeScalars)
    if zone.count == 6, zone[0] == "+" || zone[0] == "-", zone[3] == ":",
      let zh = Int(String(String.UnicodeScalarView(zone[1..<3]))),
      let zm = Int(String(String.UnicodeScalarView(zone[4..<6]))), zh < 24, zm < 60
    {
      return nil
    }
    if zone.count == 5, zone[0] == "+" || zone[0] == "-" {
      let fixedZone = String(rest.prefix(3)) + ":" + String(rest.suffix(2))
      return problem("the offset needs a colon", fix: String(value.dropLast(5)) + fixedZone)
    }
    if zone.count == 3, zone[0] == "+" || zone[0] == "-" {
      return problem("the offset must be +HH:MM", fix: value + ":00")
    }
    return problem("the offset must be `Z` or `+HH:MM`")
  }

  // MARK: - White space

  static func whiteSpaceProblem(_ value: String, singleLine: Bool) -> Problem? {
    let what = singleLine ? "the value" : "the quote"
    if value.isEmpty {
      return Problem(
        message: "\(what) is empty",
        help: "write the \(singleLine ? "value" : "words as printed") or remove the key")
    }
    if value.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
      return Problem(
        message: "\(what) is only white space",
        help: "write the \(singleLine ? "value" : "words as printed") or remove the key")
    }
    if let last = value.unicodeScalars.last, last == "\n" || last == "\r" {
      return Problem(
        message: "\(what) ends with a line break",
        help: "a `|` or `>` block keeps the final line break: write `|-` or `>-` to drop it")
    }
    if singleLine, value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
      return Problem(
        message: "\(what) spans several lines; one line is expected",
        help: "write it on one line, or use a folded block `>-`, which joins the lines with spaces")
    }
    if let first = value.unicodeScalars.first, first.properties.isWhitespace {
      return Problem(
        message: "\(what) starts with white space",
        help: "remove the white space before '\(shown(value.trimmed()))'")
    }
    if let last = value.unicodeScalars.last, last.properties.isWhitespace {
      return Problem(
        message: "\(what) ends with white space",
        help: "remove the white space after '\(shown(value.trimmed()))'")
    }
    return nil
  }

  // MARK: - Helpers

  /// A value as quoted in a message: at most 60 characters, line breaks shown as `\n`.
  static func shown(_ value: String) -> String {
    var text = value.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
      .replacingOccurrences(of: "\t", with: "\\t")
    if text.count > 60 { text = String(text.prefix(57)) + "…" }
    return text
  }

  static func isSlug(_ value: String, separator: Character) -> Bool {
    let parts = value.split(separator: separator, omittingEmptySubsequences: false)
    return !value.isEmpty
      && parts.allSatisfy {
        !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
      }
  }

  static func isSnake(_ value: Substring) -> Bool {
    guard let first = value.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return value.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
    }
  }

  /// Lower-case ASCII letters and digits, every other run of characters as one `separator`.
  static func slug(_ value: String, separator: Character) -> String {
    var out = ""
    var pending = false
    for scalar in value.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        if pending && !out.isEmpty { out.append(separator) }
        pending = false
        out.unicodeScalars.append(scalar)
      } else {
        pending = true
      }
    }
    return out
  }
}

extension String {
  fileprivate func trimmed() -> String {
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}

/// Guesses the EDTF date a person meant from the usual ways of writing dates (`May 2023`,
/// `2023/05`, `05/2023`, `2023-10-29/31`, `29 October 2023`, `2023年5月`).
enum EDTFGuess {
  static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
  ]

  static func guess(_ value: String) -> String? {
    let text = value.trimmingCharacters(in: .whitespaces)
    // 2023-10-29/31 → 2023-10-29/2023-10-31; 2023-10/12 → 2023-10/2023-12
    let halves = text.split(separator: "/", omittingEmptySubsequences: false)
    if halves.count == 2, let start = try? EDTFDate(parsing: String(halves[0])) {
      let end = String(halves[1])
      let startText = String(halves[0])
      if end.count < startText.count, end.allSatisfy(\.isNumber) {
        let candidate = startText.prefix(startText.count - end.count) + end
        if let parsed = try? EDTFDate(parsing: startText + "/" + candidate), parsed.earliest == start.earliest
        {
          return startText + "/" + candidate
        }
      }
    }
    // 2023/05 or 2023.05 or 2023/05/29
    let numbers = text.split(whereSeparator: { "/.-年月日 ,".contains($0) }).map(String.init)
    let words = text.lowercased().split(whereSeparator: { " ,.-/".contains($0) }).map(String.init)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    func valid(_ candidate: String) -> String? {
      (try? EDTFDate(parsing: candidate)).map { _ in candidate }
    }
    if numbers.allSatisfy({ $0.allSatisfy(\.isNumber) }), (2...3).contains(numbers.count) {
      let values = numbers.compactMap { Int($0) }
      guard values.count == numbers.count else { return nil }
      if numbers[0].count == 4 {
        if values.count == 2 { return valid("\(numbers[0])-\(two(values[1]))") }
        return valid("\(numbers[0])-\(two(values[1]))-\(two(values[2]))")
      }
      if numbers.last?.count == 4 {
        if values.count == 2 { return valid("\(numbers[1])-\(two(values[0]))") }
        // dd/mm/yyyy is the common form outside the United States; say it only when unambiguous.
        if values[0] > 12 { return valid("\(numbers[2])-\(two(values[1]))-\(two(values[0]))") }
        if values[1] > 12 { return valid("\(numbers[2])-\(two(values[0]))-\(two(values[1]))") }
      }
      return nil
    }
    // May 2023, 29 May 2023, May 29, 2023
    var month: Int?
    var year: String?
    var day: Int?
    for word in words {
      if let index = months.firstIndex(where: { $0 == word || (word.count >= 3 && $0.hasPrefix(word)) }) {
        month = index + 1
      } else if word.count == 4, word.allSatisfy(\.isNumber) {
        year = word
      } else if let n = Int(word.filter(\.isNumber)), (1...31).contains(n), word.first?.isNumber == true {
        day = n
      } else {
        return nil
      }
    }
    guard let year, let month else { return nil }
    if let day { return valid("\(year)-\(two(month))-\(two(day))") }
    return valid("\(year)-\(two(month))")
  }
}
