import JSONSchema

/// Writes a `JSONValue` as pretty, byte-stable JSON for the `json` and `sarif` reporters.
///
/// Object keys are sorted by UTF-16 code units (the RFC 8785 order), two spaces indent, `": "` after
/// keys, no trailing spaces, no `\/` escaping; only `"`, `\` and control characters are escaped, and
/// everything else is written as UTF-8.
enum ReportJSONWriter {
  /// The document followed by a line break.
  static func document(_ value: JSONValue) -> String {
    var out = ""
    write(value, indent: 0, into: &out)
    out += "\n"
    return out
  }

  static func write(_ value: JSONValue, indent: Int, into out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += n.description
    case .string(let s): writeString(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[\n"
      for (index, item) in items.enumerated() {
        out += String(repeating: "  ", count: indent + 1)
        write(item, indent: indent + 1, into: &out)
        out += index == items.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: "  ", count: indent) + "]"
    case .object(let object):
      if object.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      let keys = object.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
      for (index, key) in keys.enumerated() {
        out += String(repeating: "  ", count: indent + 1)
        writeString(key, into: &out)
        out += ": "
        write(object[key] ?? .null, indent: indent + 1, into: &out)
        out += index == keys.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: "  ", count: indent) + "}"
    }
  }

  static func writeString(_ string: String, into out: inout String) {
    out += "\""
    for scalar in string.unicodeScalars {
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

extension JSONValue {
  /// A string, or `null` when absent.
  static func optional(_ string: String?) -> JSONValue {
    string.map { .string($0) } ?? .null
  }

  /// An integer, or `null` when absent.
  static func optional(_ int: Int?) -> JSONValue {
    int.map { .integer($0) } ?? .null
  }

  /// An object from key–value pairs, in the order given (the writer sorts them anyway).
  static func members(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
    .object(JSONObject(pairs.map { ($0.key, $0.value) }))
  }
}
