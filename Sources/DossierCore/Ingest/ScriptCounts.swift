/// Letters of a run of text counted by script, to tell Chinese (Han) from English (Latin) blocks.
struct ScriptCounts: Equatable {
  var han = 0
  var latin = 0
  var otherLetters = 0
  /// Display width: Han and other East Asian wide characters count 2, everything else 1.
  var width = 0

  /// Counts one scalar.
  @inline(__always)
  mutating func add(_ scalar: Unicode.Scalar) {
    let value = scalar.value
    if value < 0x80 {
      width += 1
      if (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) { latin += 1 }
      return
    }
    if Self.isHan(value) {
      han += 1
      width += 2
      return
    }
    if Self.isWide(value) {
      width += 2
    } else {
      width += 1
    }
    if Self.isLatin(value) {
      latin += 1
    } else if scalar.properties.isAlphabetic {
      otherLetters += 1
    }
  }

  /// The BCP 47 language the letters point to: `zh` when Han dominates, `en` when Latin does, `und` for
  /// other scripts, and `nil` when there are no letters at all (digits and punctuation only).
  var language: String? {
    if han == 0 && latin == 0 && otherLetters == 0 { return nil }
    if han >= latin && han >= otherLetters { return Language.chinese }
    if latin >= otherLetters { return Language.english }
    return Language.undetermined
  }

  /// CJK Unified Ideographs (with extensions), compatibility ideographs, radicals and 々〆〇.
  static func isHan(_ value: UInt32) -> Bool {
    switch value {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x323AF, 0xF900...0xFAFF, 0x2F800...0x2FA1F,
      0x2E80...0x2FDF, 0x3005...0x3007:
      return true
    default:
      return false
    }
  }

  /// Latin letters beyond ASCII (Latin-1 letters, Latin Extended A/B, Latin Extended Additional).
  static func isLatin(_ value: UInt32) -> Bool {
    switch value {
    case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
      return true
    default:
      return false
    }
  }

  /// East Asian wide and full-width ranges (for display width only).
  static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
