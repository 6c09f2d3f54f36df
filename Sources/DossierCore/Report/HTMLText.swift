/// Escaping for the HTML report: text content and attribute values (always double-quoted).
///
/// Control characters other than tab and line feed are not allowed in HTML text; they are shown as
/// U+FFFD so a hostile document cannot break the page. Nothing else is rewritten.
enum HTMLText {
  /// `text` escaped for element content.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars { append(scalar, to: &out) }
    return out
  }

  /// Appends one scalar, escaped, to `out`.
  static func append(_ scalar: Unicode.Scalar, to out: inout String) {
    switch scalar {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&#39;"
    case "\n", "\t": out.unicodeScalars.append(scalar)
    default:
      let value = scalar.value
      if value < 0x20 || (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value)
        || value & 0xFFFE == 0xFFFE
      {
        out += "\u{FFFD}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
  }

  /// `text` escaped for a double-quoted attribute value.
  static func attribute(_ text: String) -> String { escape(text) }

  /// A value usable inside an `id` and a fragment: ASCII letters, digits, `-`, `_`, `.` kept, every
  /// other scalar as `~HEX~` (ids stay unique because the mapping is injective).
  static func idToken(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        || scalar == "-" || scalar == "." || scalar == "_"
      {
        out.unicodeScalars.append(scalar)
      } else {
        out += "~" + String(scalar.value, radix: 16) + "~"
      }
    }
    return out
  }

  /// A path segment percent-encoded for an `href` (RFC 3986 unreserved characters kept).
  static func pathSegment(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      let scalar = Unicode.Scalar(byte)
      if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        || "-._~".unicodeScalars.contains(scalar)
      {
        out.unicodeScalars.append(scalar)
      } else {
        out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return out
  }
}
