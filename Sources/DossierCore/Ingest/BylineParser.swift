/// Recognizes a byline line: labelled fields (`Source:`, `Editor:`, `Author:`, `来源`, `编辑`,
/// `责任编辑`, `作者`, with `:` or `：` and optional spaces) and a timestamp (`YYYY-MM-DD HH:MM:SS`,
/// also `/` or `.` as date separators, time optional or without seconds, or `YYYY年M月D日`).
///
/// Works on the scalars of one trimmed line; ranges are scalar indices into that array.
enum BylineParser {
  /// Which byline field a label fills.
  enum Key: String, CaseIterable {
    case source, editor, author
  }

  /// One labelled field.
  struct Field: Equatable {
    let key: Key
    /// The label and its colon, e.g. `Source:`.
    let label: Range<Int>
    /// The value, trimmed of whitespace and separators; empty when nothing follows the label.
    let value: Range<Int>
  }

  /// A timestamp and whether its digits make a real date and time.
  struct Timestamp: Equatable {
    let range: Range<Int>
    let isValid: Bool
  }

  /// A parsed byline.
  struct Match: Equatable {
    var fields: [Field] = []
    var timestamps: [Timestamp] = []
    /// Text between a timestamp and the next label that belongs to no field.
    var unlabelled: [Range<Int>] = []
  }

  /// Labels, longest first within each script so `责任编辑` wins over `编辑`.
  private static let labels: [(text: [Unicode.Scalar], key: Key, isLatin: Bool)] = [
    ("Source", Key.source, true), ("Editor", .editor, true), ("Author", .author, true),
    ("责任编辑", .editor, false), ("来源", .source, false), ("编辑", .editor, false), ("作者", .author, false),
  ].map { (Array($0.0.unicodeScalars), $0.1, $0.2) }

  /// Characters that may separate byline fields (besides whitespace).
  private static let separators: Set<Unicode.Scalar> = [
    "|", "\u{FF5C}", "\u{4E28}", "/", ",", "\u{FF0C}", ";", "\u{FF1B}", "\u{00B7}", "\u{3001}",
  ]

  /// Brackets that may enclose a byline (`（责任编辑：张三）`): trimmed from a value only when unmatched in it.
  private static let brackets: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [
    ("(", ")"), ("\u{FF08}", "\u{FF09}"), ("[", "]"), ("\u{3010}", "\u{3011}"),
  ]

  /// The longest line that is still considered as a byline.
  static let maximumLength = 400

  /// Parses a line; `nil` unless it starts (after separators) with a label or a timestamp and holds at
  /// least one labelled field.
  static func parse(_ line: [Unicode.Scalar]) -> Match? {
    guard line.count <= maximumLength else { return nil }
    // Markers in text order: labels and timestamps.
    enum Marker {
      case label(Key, Range<Int>, valueStart: Int)
      case timestamp(Timestamp)
      var start: Int {
        switch self {
        case .label(_, let range, _): return range.lowerBound
        case .timestamp(let stamp): return stamp.range.lowerBound
        }
      }
      var end: Int {
        switch self {
        case .label(_, _, let valueStart): return valueStart
        case .timestamp(let stamp): return stamp.range.upperBound
        }
      }
    }
    var markers: [Marker] = []
    var index = 0
    while index < line.count {
      if let (key, labelRange, valueStart) = label(in: line, at: index) {
        markers.append(.label(key, labelRange, valueStart: valueStart))
        index = valueStart
      } else if let stamp = timestamp(in: line, at: index) {
        markers.append(.timestamp(stamp))
        index = stamp.range.upperBound
      } else {
        index += 1
      }
    }
    guard let first = markers.first, isFiller(line[0..<first.start]) else { return nil }
    var match = Match()
    for (position, marker) in markers.enumerated() {
      let nextStart = position + 1 < markers.count ? markers[position + 1].start : line.count
      let rest = trimmed(line, marker.end..<nextStart)
      switch marker {
      case .label(let key, let range, _):
        match.fields.append(Field(key: key, label: range, value: rest))
      case .timestamp(let stamp):
        match.timestamps.append(stamp)
        if !rest.isEmpty { match.unlabelled.append(rest) }
      }
    }
    return match.fields.isEmpty ? nil : match
  }

  /// A label at `index` followed by optional spaces, a colon and optional spaces; returns the key, the
  /// label range (through the colon) and where the value starts.
  private static func label(in line: [Unicode.Scalar], at index: Int) -> (Key, Range<Int>, Int)? {
    for candidate in labels {
      let end = index + candidate.text.count
      guard end <= line.count else { continue }
      if candidate.isLatin {
        // A whole word, matched case-insensitively.
        if index > 0 && isWordScalar(line[index - 1]) { continue }
        guard zip(line[index..<end], candidate.text).allSatisfy({ lowercased($0) == lowercased($1) }) else {
          continue
        }
      } else {
        guard Array(line[index..<end]) == candidate.text else { continue }
      }
      var colon = end
      while colon < line.count, line[colon] == " " || line[colon] == "\t" { colon += 1 }
      guard colon < line.count, line[colon] == ":" || line[colon] == "\u{FF1A}" else { continue }
      var valueStart = colon + 1
      while valueStart < line.count, TextLine.isBlank(line[valueStart]) { valueStart += 1 }
      return (candidate.key, index..<(colon + 1), valueStart)
    }
    return nil
  }

  /// A timestamp starting at `index`: a date, optionally followed by a time.
  static func timestamp(in line: [Unicode.Scalar], at index: Int) -> Timestamp? {
    if index > 0 && (isASCIIDigit(line[index - 1]) || isASCIILetter(line[index - 1])) { return nil }
    var cursor = index
    guard let year = digits(line, &cursor, min: 4, max: 4) else { return nil }
    let month: Int
    let day: Int
    if cursor < line.count, line[cursor] == "年" {
      cursor += 1
      guard let parsedMonth = digits(line, &cursor, min: 1, max: 2), cursor < line.count, line[cursor] == "月"
      else { return nil }
      cursor += 1
      guard let parsedDay = digits(line, &cursor, min: 1, max: 2), cursor < line.count, line[cursor] == "日"
      else { return nil }
      cursor += 1
      (month, day) = (parsedMonth, parsedDay)
    } else {
      guard cursor < line.count, ["-", "/", "."].contains(line[cursor]) else { return nil }
      let separator = line[cursor]
      cursor += 1
      guard let parsedMonth = digits(line, &cursor, min: 1, max: 2), cursor < line.count,
        line[cursor] == separator
      else { return nil }
      cursor += 1
      guard let parsedDay = digits(line, &cursor, min: 1, max: 2) else { return nil }
      (month, day) = (parsedMonth, parsedDay)
    }
    var valid = month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month: month, year: year)
    var end = cursor
    // Optional time after spaces or `T`.
    var timeCursor = cursor
    if timeCursor < line.count, line[timeCursor] == "T" {
      timeCursor += 1
    } else {
      while timeCursor < line.count, line[timeCursor] == " " || line[timeCursor] == "\u{3000}" {
        timeCursor += 1
      }
    }
    if timeCursor > cursor, let hour = digits(line, &timeCursor, min: 1, max: 2), timeCursor < line.count,
      line[timeCursor] == ":"
    {
      timeCursor += 1
      if let minute = digits(line, &timeCursor, min: 2, max: 2) {
        var second = 0
        var afterSeconds = timeCursor
        if afterSeconds < line.count, line[afterSeconds] == ":" {
          afterSeconds += 1
          if let parsed = digits(line, &afterSeconds, min: 2, max: 2) {
            second = parsed
            timeCursor = afterSeconds
          }
        }
        valid = valid && hour <= 23 && minute <= 59 && second <= 59
        end = zoneEnd(in: line, after: timeCursor) ?? timeCursor
      }
    }
    if end < line.count && isASCIIDigit(line[end]) { return nil }
    return Timestamp(range: index..<end, isValid: valid)
  }

  /// The end of a zone after a time, if one follows: `Z`, `+08:00`, `+0800`, ` +08:00`, ` UTC`, ` UTC+8`,
  /// ` GMT+08:00`. The timestamp keeps it as raw text.
  private static func zoneEnd(in line: [Unicode.Scalar], after time: Int) -> Int? {
    if time < line.count, line[time] == "Z" {
      return time + 1 < line.count && isASCIILetter(line[time + 1]) ? nil : time + 1
    }
    var cursor = time
    while cursor < line.count, line[cursor] == " " { cursor += 1 }
    func offset(_ cursor: inout Int, hoursMin: Int) -> Bool {
      guard cursor < line.count, line[cursor] == "+" || line[cursor] == "-" || line[cursor] == "\u{2212}"
      else {
        return false
      }
      var probe = cursor + 1
      guard digits(line, &probe, min: hoursMin, max: 2) != nil || digits(line, &probe, min: 4, max: 4) != nil
      else { return false }
      if probe < line.count, line[probe] == ":" {
        var minutes = probe + 1
        if digits(line, &minutes, min: 2, max: 2) != nil { probe = minutes }
      }
      cursor = probe
      return true
    }
    if offset(&cursor, hoursMin: 2) { return cursor }
    for name in ["UTC", "GMT"] {
      let scalars = Array(name.unicodeScalars)
      guard cursor + scalars.count <= line.count, Array(line[cursor..<(cursor + scalars.count)]) == scalars
      else {
        continue
      }
      var after = cursor + scalars.count
      _ = offset(&after, hoursMin: 1)
      return after < line.count && isASCIILetter(line[after]) ? nil : after
    }
    return nil
  }

  private static func digits(_ line: [Unicode.Scalar], _ cursor: inout Int, min: Int, max: Int) -> Int? {
    var value = 0
    var count = 0
    while cursor + count < line.count, count < max, isASCIIDigit(line[cursor + count]) {
      value = value * 10 + Int(line[cursor + count].value - 0x30)
      count += 1
    }
    guard count >= min, cursor + count >= line.count || !isASCIIDigit(line[cursor + count]) else {
      return nil
    }
    cursor += count
    return value
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func isFiller(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
    scalars.allSatisfy { scalar in
      TextLine.isBlank(scalar) || separators.contains(scalar) || brackets.contains { $0.open == scalar }
    }
  }

  /// The range without whitespace and separators at either end.
  private static func trimmed(_ line: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    var changed = true
    while changed {
      changed = false
      while lower < upper, TextLine.isBlank(line[lower]) || separators.contains(line[lower]) { lower += 1 }
      while upper > lower, TextLine.isBlank(line[upper - 1]) || separators.contains(line[upper - 1]) {
        upper -= 1
      }
      for pair in brackets {
        if lower < upper, line[lower] == pair.open, !line[(lower + 1)..<upper].contains(pair.close) {
          lower += 1
          changed = true
        }
        if upper > lower, line[upper - 1] == pair.close, !line[lower..<(upper - 1)].contains(pair.open) {
          upper -= 1
          changed = true
        }
      }
    }
    return lower..<upper
  }

  private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x30 && scalar.value <= 0x39
  }

  private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    isASCIILetter(scalar) || isASCIIDigit(scalar) || scalar.properties.isAlphabetic
  }

  private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    isASCIILetter(scalar) && scalar.value < 0x61 ? Unicode.Scalar(scalar.value + 0x20)! : scalar
  }
}
