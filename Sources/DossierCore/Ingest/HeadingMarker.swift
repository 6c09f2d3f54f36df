/// The number marker at the start of a section heading: `3. Heading`, `III. Heading`, `3．标题`, `3、标题`
/// or `三、标题`.
struct HeadingMarker: Equatable {
  /// The number as printed, as a value.
  let number: Int
  /// Length of the marker in scalars (`3.` → 2).
  let markerLength: Int
  /// Scalars from the line start to the first scalar of the heading text (marker plus spaces).
  let titleOffset: Int

  /// How many scalars of a line `parse` needs at most.
  static let lookahead = 24

  /// Parses the marker at the start of a line; `nil` when the line does not start with one followed
  /// by heading text. An ASCII `.` must be followed by whitespace or a letter, so `1.5 million` is no
  /// heading.
  static func parse(_ head: [Unicode.Scalar]) -> HeadingMarker? {
    var index = 0
    var number = 0
    var digits = 0
    while index < head.count, let digit = digitValue(head[index]), digits < 4 {
      number = number * 10 + digit
      digits += 1
      index += 1
    }
    if digits > 0 {
      guard index < head.count, digitValue(head[index]) == nil else { return nil }
      let separator = head[index]
      guard separator == "." || separator == "\u{FF0E}" || separator == "\u{3001}" else { return nil }
      index += 1
      if separator == "." {
        // `1. Heading` or `1.Heading`, but not `1.5 million` or `1...`.
        guard index < head.count, TextLine.isBlank(head[index]) || head[index].properties.isAlphabetic else {
          return nil
        }
      }
    } else if let roman = romanNumber(head) {
      // `II. Heading`: an uppercase Roman numeral (I to XXXIX), a full stop and whitespace.
      number = roman.value
      index = roman.length + 1
      guard index < head.count, TextLine.isBlank(head[index]) else { return nil }
    } else {
      let start = index
      while index < head.count, chineseDigits.contains(head[index]) { index += 1 }
      guard index > start, index < head.count, head[index] == "\u{3001}",
        let value = chineseNumber(head[start..<index])
      else { return nil }
      number = value
      index += 1
    }
    let markerLength = index
    while index < head.count, TextLine.isBlank(head[index]) { index += 1 }
    guard index < head.count, number >= 1 else { return nil }
    return HeadingMarker(number: number, markerLength: markerLength, titleOffset: index)
  }

  /// Canonical Roman numerals 1…39, longest first so `III` is tried before `II`.
  private static let romanNumerals: [(text: [Unicode.Scalar], value: Int)] = {
    let ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    let tens = ["", "X", "XX", "XXX"]
    var numerals: [(text: [Unicode.Scalar], value: Int)] = []
    for value in 1...39 {
      numerals.append((Array((tens[value / 10] + ones[value % 10]).unicodeScalars), value))
    }
    return numerals.sorted { $0.text.count > $1.text.count }
  }()

  /// A Roman numeral followed by a full stop at the start of `head`.
  private static func romanNumber(_ head: [Unicode.Scalar]) -> (value: Int, length: Int)? {
    for numeral in romanNumerals {
      let length = numeral.text.count
      guard head.count > length, head[length] == ".", Array(head[0..<length]) == numeral.text else {
        continue
      }
      return (numeral.value, length)
    }
    return nil
  }

  private static let chineseDigits: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

  private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar.value {
    case 0x30...0x39: return Int(scalar.value - 0x30)
    case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
    default: return nil
    }
  }

  /// 一 … 九十九 (`十` = 10, `十二` = 12, `二十` = 20, `二十三` = 23).
  private static func chineseNumber(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
    let values: [Unicode.Scalar: Int] = [
      "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    let text = Array(scalars)
    switch text.count {
    case 1:
      return text[0] == "十" ? 10 : values[text[0]]
    case 2:
      if text[0] == "十" { return values[text[1]].map { 10 + $0 } }
      if text[1] == "十" { return values[text[0]].map { $0 * 10 } }
      return nil
    case 3:
      guard text[1] == "十", let tens = values[text[0]], let ones = values[text[2]] else { return nil }
      return tens * 10 + ones
    default:
      return nil
    }
  }
}
