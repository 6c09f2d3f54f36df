/// Writes strings as YAML 1.2 scalars that every reader takes back as the same string.
///
/// A string is written plain only when it is made of letters, digits and a few harmless punctuation
/// marks and cannot be read as anything but a string (no `null`, `true`, number or date look-alike);
/// everything else is double-quoted with escapes for `\`, `"`, control characters and the Unicode
/// line separators, so the scaffold never needs a YAML library to be read back correctly.
public enum YAMLScalarText {
  /// The scalar for `text`, plain when safe, else double-quoted.
  public static func scalar(_ text: String) -> String {
    isPlainSafe(text) ? text : quoted(text)
  }

  /// `text` as a YAML double-quoted scalar.
  public static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case "\u{85}": out += "\\N"
      case "\u{2028}": out += "\\L"
      case "\u{2029}": out += "\\P"
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF {
          out +=
            "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
            + String(scalar.value, radix: 16, uppercase: true)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// True when `text` reads back as the same string when written plain.
  static func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
    guard first.properties.isAlphabetic, last != " " else { return false }
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { continue }
      if [" ", "-", "_", ".", "(", ")", "/"].contains(scalar) { continue }
      return false
    }
    let lowered = text.lowercased()
    let reserved = ["null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf"]
    return !reserved.contains(lowered) && !lowered.hasPrefix(".")
  }
}
