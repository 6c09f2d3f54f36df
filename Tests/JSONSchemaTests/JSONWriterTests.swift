import JSONSchema
import Testing

@Suite struct JSONWriterTests {
  static let sample: JSONValue = .object(
    JSONObject([
      ("b", .array([.integer(1), .object(JSONObject()), .array([]), .string("x\"\\\n\u{1}/é😀")])),
      ("a", .object(JSONObject([("z", .null), ("y", .bool(true))]))),
      ("c", .number(JSONNumber(jsonText: "-1.5e-300")!)),
    ]))

  @Test func compactByDefault() {
    let expected = #"{"b":[1,{},[],"x\"\\\n\u0001/é😀"],"a":{"z":null,"y":true},"c":-1.5e-300}"#
    #expect(JSONWriter.text(of: Self.sample) == expected)
    #expect(JSONWriter.text(of: Self.sample, options: .compact) == expected)
    #expect(Self.sample.description == expected)
    var out = "prefix "
    JSONWriter.write(Self.sample, to: &out)
    #expect(out == "prefix " + expected)
  }

  @Test func prettyWithSortedKeys() {
    let expected = """
      {
        "a": {
          "y": true,
          "z": null
        },
        "b": [
          1,
          {},
          [],
          "x\\"\\\\\\n\\u0001/é😀"
        ],
        "c": -1.5e-300
      }
      """
    let text = JSONWriter.text(of: Self.sample, options: .prettySorted)
    #expect(text == expected)
    #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
  }

  @Test func indentWithoutSortingKeepsStoredOrder() {
    let value: JSONValue = .array([.object(JSONObject([("b", .integer(1)), ("a", .array([.null]))]))])
    let expected = "[\n    {\n        \"b\": 1,\n        \"a\": [\n            null\n        ]\n    }\n]"
    #expect(JSONWriter.text(of: value, options: JSONWriter.Options(indent: 4)) == expected)
  }

  @Test func sortingWithoutIndentIsCompact() {
    let value: JSONValue = .object(
      JSONObject([("b", .integer(1)), ("a", .object(JSONObject([("d", .null), ("c", .null)])))]))
    #expect(
      JSONWriter.text(of: value, options: JSONWriter.Options(sortedKeys: true))
        == #"{"a":{"c":null,"d":null},"b":1}"#)
  }

  /// RFC 8785 §3.2.3 orders keys by UTF-16 code units: U+1F600 (D83D DE00) sorts before U+FB33,
  /// unlike in Unicode scalar or UTF-8 order.
  @Test func sortsKeysByUTF16CodeUnits() throws {
    let keys = ["\u{20AC}", "\r", "\u{FB33}", "1", "\u{1F600}", "\u{80}", "\u{F6}"]
    let value: JSONValue = .object(JSONObject(keys.enumerated().map { ($1, .integer($0)) }))
    let text = JSONWriter.text(of: value, options: JSONWriter.Options(sortedKeys: true))
    let written = try #require(try JSONReader().read(text).objectValue).keys
    #expect(written == ["\r", "1", "\u{80}", "\u{F6}", "\u{20AC}", "\u{1F600}", "\u{FB33}"])
    #expect(JSONWriter.text(of: value).hasPrefix(#"{"€":0,"#))
  }

  @Test(arguments: [JSONWriter.Options.compact, .prettySorted, JSONWriter.Options(indent: 1)])
  func readsBackEqual(_ options: JSONWriter.Options) throws {
    let text = JSONWriter.text(of: Self.sample, options: options)
    let again = try JSONReader().read(text)
    #expect(
      JSONWriter.text(of: again, options: .prettySorted)
        == JSONWriter.text(of: Self.sample, options: .prettySorted))
    if !options.sortedKeys { #expect(again == Self.sample) }
  }

  @Test func negativeIndentIsCompact() {
    #expect(JSONWriter.Options(indent: -3) == .compact)
  }
}
