/// Writes JSON values as JSON text: compact by default, or indented with sorted keys.
///
/// Strings escape only `"`, `\` and control characters (no `\/`); everything else is written
/// as UTF-8. Numbers use `JSONNumber`'s canonical form, except that integers of up to 400
/// digits are written in plain form so they round-trip digit for digit.
public enum JSONWriter {
  /// How `JSONWriter` lays out its text.
  public struct Options: Hashable, Sendable {
    /// Spaces per nesting level. `0` writes compact JSON on one line (`,` and `:` without
    /// spaces); more puts each element and member on its own line, with `": "` after keys and
    /// no trailing spaces. Empty arrays and objects are always `[]` and `{}`.
    public var indent: Int
    /// Whether object members are written in the order of their keys' UTF-16 code units (the
    /// RFC 8785 order) instead of their stored order.
    public var sortedKeys: Bool

    /// Creates options; the defaults are compact text with members in stored order.
    public init(indent: Int = 0, sortedKeys: Bool = false) {
      self.indent = max(0, indent)
      self.sortedKeys = sortedKeys
    }

    /// Compact text, members in stored order.
    public static let compact = Options()
    /// Two-space indentation, keys sorted by UTF-16 code units: stable text for people and diffs.
    public static let prettySorted = Options(indent: 2, sortedKeys: true)
  }

  /// Compact JSON text of a value, with members in their stored order.
  public static func text(of value: JSONValue) -> String {
    text(of: value, options: .compact)
  }

  /// JSON text of a value laid out as `options` say.
  public static func text(of value: JSONValue, options: Options) -> String {
    var out = ""
    write(value, options: options, to: &out)
    return out
  }

  /// Appends the compact JSON text of a value, with members in their stored order.
  public static func write(_ value: JSONValue, to out: inout String) {
    write(value, options: .compact, depth: 0, to: &out)
  }

  /// Appends the JSON text of a value laid out as `options` say.
  public static func write(_ value: JSONValue, options: Options, to out: inout String) {
    write(value, options: options, depth: 0, to: &out)
  }

  private static func write(_ value: JSONValue, options: Options, depth: Int, to out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += exactText(n)
    case .string(let s): writeString(s, to: &out)
    case .array(let a):
      if a.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (i, element) in a.enumerated() {
        if i > 0 { out += "," }
        newLine(options, depth: depth + 1, to: &out)
        write(element, options: options, depth: depth + 1, to: &out)
      }
      newLine(options, depth: depth, to: &out)
      out += "]"
    case .object(let o):
      if o.isEmpty {
        out += "{}"
        return
      }
      let keys = o.keys
      let values = o.values
      var order = Array(keys.indices)
      if options.sortedKeys {
        order.sort { keys[$0].utf16.lexicographicallyPrecedes(keys[$1].utf16) }
      }
      out += "{"
      for (n, i) in order.enumerated() {
        if n > 0 { out += "," }
        newLine(options, depth: depth + 1, to: &out)
        writeString(keys[i], to: &out)
        out += options.indent > 0 ? ": " : ":"
        write(values[i], options: options, depth: depth + 1, to: &out)
      }
      newLine(options, depth: depth, to: &out)
      out += "}"
    }
  }

  /// A line break and the indentation of `depth`, when indenting.
  private static func newLine(_ options: Options, depth: Int, to out: inout String) {
    guard options.indent > 0 else { return }
    out += "\n"
    out += String(repeating: " ", count: options.indent * depth)
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
