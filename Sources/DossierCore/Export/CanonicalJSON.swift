import JSONSchema

/// Writes `JSONValue`s as UTF-8 bytes in two deterministic forms (the text `JSONWriter` gives with sorted
/// keys, written straight to bytes):
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
    var writer = Writer(indent: false)
    try writer.write(value, depth: 0)
    return writer.bytes
  }

  /// Pretty-printed bytes of a value, ending with a line feed.
  public static func pretty(_ value: JSONValue) throws(UnrepresentableNumber) -> [UInt8] {
    var writer = Writer(indent: true)
    try writer.write(value, depth: 0)
    writer.bytes.append(0x0A)
    return writer.bytes
  }

  /// Appends UTF-8 bytes directly (no intermediate `String`), checking numbers as it goes: the
  /// same text as `JSONWriter` with `sortedKeys` (compact, or `.prettySorted`), at a fraction of
  /// the cost. The first number that is not an integer within ±2^53 (in written order) throws.
  struct Writer {
    let indent: Bool
    var bytes: [UInt8] = []

    init(indent: Bool) {
      self.indent = indent
      bytes.reserveCapacity(1024)
    }

    mutating func write(_ value: JSONValue, depth: Int) throws(UnrepresentableNumber) {
      switch value {
      case .null: append("null")
      case .bool(let b): append(b ? "true" : "false")
      case .number(let n):
        guard n.isInteger, let i = n.intValue, i.magnitude <= UInt(maxExactInteger) else {
          throw UnrepresentableNumber(number: n.description)
        }
        appendInteger(i)
      case .string(let s): writeString(s)
      case .array(let items):
        if items.isEmpty {
          append("[]")
          return
        }
        bytes.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
          if i > 0 { bytes.append(UInt8(ascii: ",")) }
          newLine(depth + 1)
          try write(item, depth: depth + 1)
        }
        newLine(depth)
        bytes.append(UInt8(ascii: "]"))
      case .object(let object):
        if object.isEmpty {
          append("{}")
          return
        }
        let keys = object.keys
        let values = object.values
        // Objects built in key order (record rows) need no sort: one pass checks the order.
        let inOrder = keys.indices.dropFirst().allSatisfy { CanonicalJSON.precedes(keys[$0 - 1], keys[$0]) }
        let order = inOrder ? [] : keys.indices.sorted { CanonicalJSON.precedes(keys[$0], keys[$1]) }
        bytes.append(UInt8(ascii: "{"))
        for n in keys.indices {
          let i = inOrder ? n : order[n]
          if n > 0 { bytes.append(UInt8(ascii: ",")) }
          newLine(depth + 1)
          writeString(keys[i])
          if indent {
            bytes.append(UInt8(ascii: ":"))
            bytes.append(UInt8(ascii: " "))
          } else {
            bytes.append(UInt8(ascii: ":"))
          }
          try write(values[i], depth: depth + 1)
        }
        newLine(depth)
        bytes.append(UInt8(ascii: "}"))
      }
    }

    mutating func newLine(_ depth: Int) {
      guard indent else { return }
      bytes.append(0x0A)
      var count = 2 * depth
      while count > 0 {
        let chunk = min(count, Writer.spaces.count)
        bytes.append(contentsOf: Writer.spaces[..<chunk])
        count -= chunk
      }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// The decimal digits of an integer, without making a `String`.
    mutating func appendInteger(_ value: Int) {
      if value < 0 { bytes.append(UInt8(ascii: "-")) }
      var magnitude = value.magnitude
      var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of a UInt64
      withUnsafeMutableBytes(of: &digits) { buffer in
        var index = buffer.count
        repeat {
          index -= 1
          buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
          magnitude /= 10
        } while magnitude > 0
        bytes.append(contentsOf: buffer[index...])
      }
    }

    private mutating func append(_ text: String) {
      var text = text
      text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A JSON string literal: escapes `"`, `\` and U+0000–U+001F; every other byte of the UTF-8
    /// text is copied as it is.
    mutating func writeString(_ string: String) {
      var string = string
      bytes.append(UInt8(ascii: "\""))
      string.withUTF8 { utf8 in
        var start = 0
        for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
          start = index + 1
          bytes.append(UInt8(ascii: "\\"))
          switch byte {
          case 0x22: bytes.append(UInt8(ascii: "\""))
          case 0x5C: bytes.append(UInt8(ascii: "\\"))
          case 0x0A: bytes.append(UInt8(ascii: "n"))
          case 0x0D: bytes.append(UInt8(ascii: "r"))
          case 0x09: bytes.append(UInt8(ascii: "t"))
          case 0x08: bytes.append(UInt8(ascii: "b"))
          case 0x0C: bytes.append(UInt8(ascii: "f"))
          default:
            let digits: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [
              UInt8(ascii: "u"), 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)],
            ])
          }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
      }
      bytes.append(UInt8(ascii: "\""))
    }
  }

  /// RFC 8785 key order: by UTF-16 code units. UTF-8 byte order is code point order, which agrees
  /// with UTF-16 order except between U+E000–U+FFFF (lead bytes 0xEE, 0xEF) and supplementary
  /// characters (lead bytes 0xF0–0xF4): only when the first differing bytes are such lead bytes does
  /// the comparison fall back to UTF-16.
  static func precedes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    let result: Bool? = a.withUTF8 { x in
      b.withUTF8 { y -> Bool? in
        let count = min(x.count, y.count)
        var index = 0
        while index < count {
          let l = x[index]
          let r = y[index]
          if l != r { return l >= 0xEE || r >= 0xEE ? nil : l < r }
          index += 1
        }
        return x.count < y.count
      }
    }
    return result ?? a.utf16.lexicographicallyPrecedes(b.utf16)
  }
}
