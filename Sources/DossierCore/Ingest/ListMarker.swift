/// The bullet or number before a list item: `-`, `*`, `•`, `·`, `–`, `1.`, `1)`, `(1)`, `a)`, `(a)`,
/// always followed by whitespace.
enum ListMarker {
  /// Scalars of a line's start `length` needs at most.
  static let lookahead = 8

  private static let bullets: Set<Unicode.Scalar> = [
    "-", "*", "\u{2022}", "\u{00B7}", "\u{2013}", "\u{2014}", "\u{25CF}",
  ]

  /// The length of the marker at the start of `head` (without the whitespace after it), and the
  /// offset of the item text; `nil` when the line starts with no marker.
  static func parse(_ head: [Unicode.Scalar]) -> (markerLength: Int, textOffset: Int)? {
    guard let first = head.first else { return nil }
    var index: Int
    if bullets.contains(first) {
      index = 1
    } else {
      index = first == "(" ? 1 : 0
      let opened = index == 1
      let start = index
      while index < head.count, index - start < 3, isDigit(head[index]) { index += 1 }
      if index == start, index < head.count, isLowercaseLetter(head[index]) { index += 1 }
      guard index > start, index < head.count else { return nil }
      if opened {
        guard head[index] == ")" else { return nil }
      } else {
        guard head[index] == ")" || (head[index] == "." && isDigit(head[start])) else { return nil }
      }
      index += 1
    }
    let markerLength = index
    guard index < head.count, TextLine.isBlank(head[index]) else { return nil }
    while index < head.count, TextLine.isBlank(head[index]) { index += 1 }
    guard index < head.count else { return nil }
    return (markerLength, index)
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x30 && scalar.value <= 0x39
  }
  private static func isLowercaseLetter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x61 && scalar.value <= 0x7A
  }
}
