/// How a line of source text occupies a terminal: each Unicode scalar becomes a visible piece of
/// text and a number of cells, so a caret can be put under an exact column.
///
/// - East-Asian wide and fullwidth characters (CJK ideographs, kana, Hangul syllables, fullwidth forms,
///   emoji shown as emoji) take two cells.
/// - Combining marks, zero-width joiners and variation selectors take none.
/// - A tab advances to the next multiple of `tabWidth`.
/// - Control characters (C0, DEL, C1) are shown as visible symbols (`␀`, `␛`, …) so a diagnostic never
///   sends a raw escape sequence to a terminal; bidirectional format characters are shown as `<U+202E>`
///   so text can't appear reordered.
struct TerminalCells {
  /// One scalar as shown: its text and its width in cells.
  struct Cell {
    var text: String
    var width: Int
  }

  static let tabWidth = 4

  /// The scalars of the line.
  let scalars: [Unicode.Scalar]
  /// `offsets[i]` is the cell where scalar `i` starts; `offsets[scalars.count]` is the line's width.
  let offsets: [Int]

  /// Lays out `line` (one line, without its line break) starting at cell 0.
  init(line: Substring.UnicodeScalarView) {
    let scalars = Array(line)
    var offsets: [Int] = []
    offsets.reserveCapacity(scalars.count + 1)
    var position = 0
    for scalar in scalars {
      offsets.append(position)
      position += scalar == "\t" ? Self.tabWidth - position % Self.tabWidth : Self.cell(for: scalar).width
    }
    offsets.append(position)
    self.scalars = scalars
    self.offsets = offsets
  }

  var count: Int { scalars.count }
  var totalWidth: Int { offsets[scalars.count] }

  /// Cells taken by the scalars in `range`.
  func width(_ range: Range<Int>) -> Int {
    offsets[range.upperBound] - offsets[range.lowerBound]
  }

  /// How the scalars in `range` are shown (tabs as spaces to their stops).
  func text(_ range: Range<Int>) -> String {
    var out = ""
    for index in range {
      let scalar = scalars[index]
      if scalar == "\t" {
        out += String(repeating: " ", count: offsets[index + 1] - offsets[index])
      } else {
        out += Self.cell(for: scalar).text
      }
    }
    return out
  }

  /// The first index `i` in `0...upTo` with `offsets[i] >= cell` (binary search; offsets never decrease).
  func firstIndex(startingAtOrAfter cell: Int, upTo limit: Int) -> Int {
    var low = 0
    var high = limit
    while low < high {
      let middle = (low + high) / 2
      if offsets[middle] >= cell { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// The last index `i` in `from...count` with `offsets[i] <= cell`.
  func lastIndex(endingAtOrBefore cell: Int, from start: Int) -> Int {
    var low = start
    var high = scalars.count
    while low < high {
      let middle = (low + high + 1) / 2
      if offsets[middle] <= cell { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// The visible form and width of a scalar outside a tab.
  static func cell(for scalar: Unicode.Scalar) -> Cell {
    let value = scalar.value
    if value < 0x20 {
      // Control Pictures block: U+2400 + value.
      return Cell(text: String(Character(Unicode.Scalar(0x2400 + value)!)), width: 1)
    }
    if value == 0x7F { return Cell(text: "\u{2421}", width: 1) }
    if (0x80...0x9F).contains(value) || isBidiControl(value) {
      return Cell(text: "<U+\(hex(value))>", width: 4 + hex(value).count)
    }
    return Cell(text: String(Character(scalar)), width: width(of: scalar))
  }

  /// Display width of a printable scalar: 0, 1 or 2 cells.
  static func width(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return 0
    case .format where value != 0x00AD: return 0
    default: break
    }
    if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return 0 }
    if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels and final consonants
    if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// East-Asian Width W or F (UAX #11), by block; emoji are handled separately.
  static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F,  // Hangul Jamo initial consonants
      0x2329...0x232A,  // angle brackets
      0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
      0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK compatibility
      0x3400...0x4DBF,  // CJK Unified Ideographs Extension A
      0x4E00...0x9FFF,  // CJK Unified Ideographs
      0xA000...0xA4CF,  // Yi
      0xA960...0xA97F,  // Hangul Jamo Extended-A
      0xAC00...0xD7A3,  // Hangul syllables
      0xF900...0xFAFF,  // CJK compatibility ideographs
      0xFE10...0xFE19,  // vertical forms
      0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
      0xFF00...0xFF60,  // fullwidth forms
      0xFFE0...0xFFE6,  // fullwidth signs
      0x16FE0...0x18D08,  // Tangut, Khitan
      0x1AFF0...0x1B2FF,  // Kana supplement and extensions, Nushu
      0x1F200...0x1F2FF,  // enclosed ideographic supplement
      0x20000...0x2FFFD,  // CJK Extensions B–F, compatibility supplement
      0x30000...0x3FFFD:  // CJK Extensions G–H
      return true
    default:
      return false
    }
  }

  static func isBidiControl(_ value: UInt32) -> Bool {
    (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x061C
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
