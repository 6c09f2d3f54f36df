/// One line of the normalized text with its surrounding whitespace trimmed, measured in one pass.
struct TextLine {
  /// 1-based line number.
  let number: Int
  /// Scalar offset of the first non-blank scalar (equal to `end` for a blank line).
  let start: Int
  /// Scalar offset after the last non-blank scalar.
  let end: Int
  /// UTF-8 offset of `start`.
  let byteStart: Int
  /// UTF-8 offset of `end`.
  let byteEnd: Int
  /// Letters by script and display width of the trimmed line.
  let counts: ScriptCounts

  /// Whether the line holds only whitespace.
  var isBlank: Bool { start == end }
  /// Length of the trimmed line in scalars.
  var length: Int { end - start }

  /// Whether a scalar counts as blank: Unicode White_Space plus ZERO WIDTH SPACE and a stray
  /// ZERO WIDTH NO-BREAK SPACE (a byte-order mark in the middle of a file).
  @inline(__always)
  static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
    switch value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
    default: return false
    }
  }
}
