import JSONSchema

/// Writes `JSONValue`s as bytes in two deterministic forms:
///
/// - `canonical`: RFC 8785 (JCS) compatible for the values Dossier exports: no insignificant
///   whitespace, object keys sorted by UTF-16 code units, strings escaping only `"`, `\` and
///   U+0000–U+001F (`\b \t \n \f \r`, otherwise lowercase `\u00xx`), everything else raw UTF-8
///   (so `/` is never escaped), and integers only, within ±2^53.
/// - `pretty`: the same escaping and key order, indented by two spaces, `"key": value`, LF line ends.
public enum CanonicalJSON {
  /// A value canonical JSON cannot carry exactly.
  public struct UnrepresentableNumber: Error, Hashable, Sendable {
    /// The number's text.
    public var number: String
  }

  /// The largest integer magnitude an IEEE-754 double holds exactly (2^53).
  public static let maxExactInteger = 9_007_199_254_740_992

  /// Canonical bytes of a value.
  public static func canonical(_ value: JSONValue) throws(UnrepresentableNumber) -> [UInt8] {
    var out: [UInt8] = []
    try write(value, into: &out, indent: nil)
    return out
  }

  /// Pretty-printed bytes of a value, ending with a line feed.
  public static func pretty(_ value: JSONValue) throws(UnrepresentableNumber) -> [UInt8] {
    var out: [UInt8] = []
    try write(value, into: &out, indent: 0)
    out.append(0x0A)
    return out
  }

  /// Orders keys by UTF-16 code units, as RFC 8785 requires.
  static func keyPrecedes(_ a: String, _ b: String) -> Bool {
    a.utf16.lexicographicallyPrecedes(b.utf16)
  }

  private static func write(_ value: JSONValue, into out: inout [UInt8], indent: Int?)
    throws(UnrepresentableNumber)
  {
    switch value {
    case .null: out += Array("null".utf8)
    case .bool(let b): out += Array((b ? "true" : "false").utf8)
    case .number(let n):
      guard n.isInteger, let i = n.intValue, i.magnitude <= UInt(maxExactInteger) else {
        throw UnrepresentableNumber(number: n.description)
      }
      out += Array(String(i).utf8)
    case .string(let s): writeString(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += [0x5B, 0x5D]
        return
      }
      out.append(0x5B)
      for (index, item) in items.enumerated() {
        if index > 0 { out.append(0x2C) }
        newline(&out, indent.map { $0 + 1 })
        try write(item, into: &out, indent: indent.map { $0 + 1 })
      }
      newline(&out, indent)
      out.append(0x5D)
    case .object(let object):
      if object.isEmpty {
        out += [0x7B, 0x7D]
        return
      }
      out.append(0x7B)
      let keys = object.keys.sorted(by: keyPrecedes)
      for (index, key) in keys.enumerated() {
        if index > 0 { out.append(0x2C) }
        newline(&out, indent.map { $0 + 1 })
        writeString(key, into: &out)
        out.append(0x3A)
        if indent != nil { out.append(0x20) }
        try write(object[key] ?? .null, into: &out, indent: indent.map { $0 + 1 })
      }
      newline(&out, indent)
      out.append(0x7D)
    }
  }

  private static func newline(_ out: inout [UInt8], _ indent: Int?) {
    guard let indent else { return }
    out.append(0x0A)
    out += [UInt8](repeating: 0x20, count: indent * 2)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Writes a JSON string literal with minimal escaping.
  static func writeString(_ s: String, into out: inout [UInt8]) {
    out.append(0x22)
    for byte in s.utf8 {
      switch byte {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x08: out += [0x5C, UInt8(ascii: "b")]
      case 0x09: out += [0x5C, UInt8(ascii: "t")]
      case 0x0A: out += [0x5C, UInt8(ascii: "n")]
      case 0x0C: out += [0x5C, UInt8(ascii: "f")]
      case 0x0D: out += [0x5C, UInt8(ascii: "r")]
      case 0x00..<0x20:
        out += Array("\\u00".utf8)
        out.append(hexDigits[Int(byte >> 4)])
        out.append(hexDigits[Int(byte & 0x0F)])
      default: out.append(byte)
      }
    }
    out.append(0x22)
  }
}
