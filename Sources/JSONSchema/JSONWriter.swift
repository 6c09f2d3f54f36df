/// Writes JSON values as compact JSON text (members in insertion order).
public enum JSONWriter {
  /// Compact JSON text of a value, with members in their stored order and numbers in
  /// `JSONNumber`'s canonical form.
  public static func text(of value: JSONValue) -> String {
    var out = ""
    write(value, to: &out)
    return out
  }

  /// Appends the JSON text of a value.
  public static func write(_ value: JSONValue, to out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += exactText(n)
    case .string(let s): writeString(s, to: &out)
    case .array(let a):
      out += "["
      for (i, element) in a.enumerated() {
        if i > 0 { out += "," }
        write(element, to: &out)
      }
      out += "]"
    case .object(let o):
      out += "{"
      var first = true
      for (key, member) in o {
        if !first { out += "," }
        first = false
        writeString(key, to: &out)
        out += ":"
        write(member, to: &out)
      }
      out += "}"
    }
  }

  /// Number text that keeps integers of up to 400 digits in plain form, so big integers
  /// round-trip digit for digit; other numbers use `JSONNumber.description`.
  static func exactText(_ n: JSONNumber) -> String {
    if n.isInteger && !n.isZero && n.digits.count + n.exponent <= 400 {
      return (n.isNegative ? "-" : "") + String(decoding: n.digits.map { $0 + 48 }, as: UTF8.self)
        + String(repeating: "0", count: n.exponent)
    }
    return n.description
  }

  /// Appends a string as a JSON string literal.
  public static func writeString(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}

extension JSONValue: CustomStringConvertible {
  /// Compact JSON text of the value.
  public var description: String { JSONWriter.text(of: self) }
}
