import JSONSchema

/// Writes `JSONValue`s as bytes in two deterministic forms, both with `JSONWriter`:
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
    try checkNumbers(value)
    return Array(JSONWriter.text(of: value, options: JSONWriter.Options(sortedKeys: true)).utf8)
  }

  /// Pretty-printed bytes of a value, ending with a line feed.
  public static func pretty(_ value: JSONValue) throws(UnrepresentableNumber) -> [UInt8] {
    try checkNumbers(value)
    var text = JSONWriter.text(of: value, options: .prettySorted)
    text += "\n"
    return Array(text.utf8)
  }

  /// Throws for the first number that is not an integer within ±2^53; `JSONWriter` writes those
  /// in plain digits, as RFC 8785 does.
  private static func checkNumbers(_ value: JSONValue) throws(UnrepresentableNumber) {
    switch value {
    case .null, .bool, .string: return
    case .number(let n):
      guard n.isInteger, let i = n.intValue, i.magnitude <= UInt(maxExactInteger) else {
        throw UnrepresentableNumber(number: n.description)
      }
    case .array(let items):
      for item in items { try checkNumbers(item) }
    case .object(let object):
      // In written order, so the first bad number reported is the first one in the text.
      let keys = object.keys
      let values = object.values
      let order = keys.indices.sorted { keys[$0].utf16.lexicographicallyPrecedes(keys[$1].utf16) }
      for i in order { try checkNumbers(values[i]) }
    }
  }
}
