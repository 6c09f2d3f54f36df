import JSONSchema

/// Reads a stream of zero or more JSON texts (the yaml-test-suite's `in.json` files hold one JSON value
/// per document, one after another). Test-only: strict enough for the suite's files.
struct YAMLTestJSONReader {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private let bytes: [UInt8]
  private var i = 0

  init(_ text: String) { bytes = Array(text.utf8) }

  /// All values in the stream.
  static func readAll(_ text: String) throws -> [JSONValue] {
    var reader = YAMLTestJSONReader(text)
    var values: [JSONValue] = []
    reader.skipSpace()
    while reader.i < reader.bytes.count {
      values.append(try reader.value())
      reader.skipSpace()
    }
    return values
  }

  private mutating func skipSpace() {
    while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
  }

  private mutating func value() throws -> JSONValue {
    skipSpace()
    guard i < bytes.count else { throw Failure(description: "unexpected end") }
    switch bytes[i] {
    case UInt8(ascii: "{"):
      i += 1
      var object = JSONObject()
      skipSpace()
      if bytes[i] == UInt8(ascii: "}") {
        i += 1
        return .object(object)
      }
      while true {
        skipSpace()
        guard case .string(let key) = try value() else { throw Failure(description: "key at \(i)") }
        skipSpace()
        try expect(":")
        object[key] = try value()
        skipSpace()
        if bytes[i] == UInt8(ascii: "}") {
          i += 1
          return .object(object)
        }
        try expect(",")
      }
    case UInt8(ascii: "["):
      i += 1
      var items: [JSONValue] = []
      skipSpace()
      if bytes[i] == UInt8(ascii: "]") {
        i += 1
        return .array(items)
      }
      while true {
        items.append(try value())
        skipSpace()
        if bytes[i] == UInt8(ascii: "]") {
          i += 1
          return .array(items)
        }
        try expect(",")
      }
    case UInt8(ascii: "\""):
      return .string(try string())
    case UInt8(ascii: "t"):
      i += 4
      return .bool(true)
    case UInt8(ascii: "f"):
      i += 5
      return .bool(false)
    case UInt8(ascii: "n"):
      i += 4
      return .null
    default:
      let start = i
      while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
      let text = String(decoding: bytes[start..<i], as: UTF8.self)
      guard let number = JSONNumber(jsonText: text) else { throw Failure(description: "number \(text)") }
      return .number(number)
    }
  }

  private mutating func expect(_ c: Unicode.Scalar) throws {
    guard i < bytes.count, bytes[i] == UInt8(ascii: c) else {
      throw Failure(description: "expected \(c) at \(i)")
    }
    i += 1
  }

  private mutating func string() throws -> String {
    i += 1
    var scalars = String.UnicodeScalarView()
    var raw: [UInt8] = []
    func flush() {
      if !raw.isEmpty {
        scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
        raw.removeAll()
      }
    }
    while i < bytes.count {
      let c = bytes[i]
      i += 1
      if c == UInt8(ascii: "\"") {
        flush()
        return String(scalars)
      }
      guard c == UInt8(ascii: "\\") else {
        raw.append(c)
        continue
      }
      flush()
      let e = bytes[i]
      i += 1
      switch e {
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "u"):
        var unit = try hex4()
        if (0xD800..<0xDC00).contains(unit), bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u")
        {
          i += 2
          let low = try hex4()
          unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(unit) else { throw Failure(description: "bad escape at \(i)") }
        scalars.append(scalar)
      default: scalars.append(Unicode.Scalar(e))
      }
    }
    throw Failure(description: "unterminated string")
  }

  private mutating func hex4() throws -> UInt32 {
    guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16)
    else {
      throw Failure(description: "bad \\u escape at \(i)")
    }
    i += 4
    return v
  }
}
