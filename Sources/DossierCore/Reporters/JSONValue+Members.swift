import JSONSchema

extension JSONValue {
  /// A string, or `null` when absent.
  static func optional(_ string: String?) -> JSONValue {
    string.map { .string($0) } ?? .null
  }

  /// An integer, or `null` when absent.
  static func optional(_ int: Int?) -> JSONValue {
    int.map { .integer($0) } ?? .null
  }

  /// An object from key–value pairs, in the order given (the report writer sorts them anyway).
  static func members(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
    .object(JSONObject(pairs.map { ($0.key, $0.value) }))
  }

  /// The value as a report document (`json`, `sarif`): pretty, keys sorted by UTF-16 code units
  /// (RFC 8785 order), two spaces indent, followed by a line break.
  var reportDocument: String {
    JSONWriter.text(of: self, options: .prettySorted) + "\n"
  }
}
