import Foundation
import JSONSchema
import Testing

@Suite struct JSONReaderTests {
  struct Rejection: Sendable, CustomStringConvertible {
    let text: String
    let line: Int
    let column: Int
    let fragment: String
    var description: String { fragment }
  }

  static let rejections: [Rejection] = [
    Rejection(text: "[1, 2,]", line: 1, column: 6, fragment: "trailing comma"),
    Rejection(text: "{\n  \"a\": 1,\n}", line: 2, column: 9, fragment: "trailing comma"),
    Rejection(text: "{\"a\": 1 // note\n}", line: 1, column: 9, fragment: "comments"),
    Rejection(text: "/* c */ 1", line: 1, column: 1, fragment: "comments"),
    Rejection(text: "[NaN]", line: 1, column: 2, fragment: "NaN and Infinity"),
    Rejection(text: "[1,\n -Infinity]", line: 2, column: 2, fragment: "NaN and Infinity"),
    Rejection(text: "[01]", line: 1, column: 2, fragment: "leading zeros"),
    Rejection(
      text: "{\"a\": 1,\n \"a\": 2}", line: 2, column: 2,
      fragment: "duplicate key \"a\" (first defined at line 1, column 2)"),
    Rejection(text: "[\"\\ud800\"]", line: 1, column: 3, fragment: "lone surrogate"),
    Rejection(text: "[\"x\\udc00\"]", line: 1, column: 4, fragment: "lone surrogate"),
    Rejection(text: "[\"a\tb\"]", line: 1, column: 4, fragment: "control character"),
    Rejection(text: "\"é\u{1}\"", line: 1, column: 3, fragment: "control character"),
    Rejection(text: "{'a': 1}", line: 1, column: 2, fragment: "double quotes"),
    Rejection(text: "[1 2]", line: 1, column: 4, fragment: "expected ',' or ']'"),
    Rejection(text: "", line: 1, column: 1, fragment: "empty input"),
    Rejection(text: "[1] x", line: 1, column: 5, fragment: "after the JSON value"),
    Rejection(text: "[\"\\x\"]", line: 1, column: 3, fragment: "invalid escape"),
    Rejection(text: "[1.]", line: 1, column: 4, fragment: "digit after '.'"),
    Rejection(text: "[tru]", line: 1, column: 2, fragment: "expected 'true'"),
    Rejection(text: "[\"日本\", \"abc", line: 1, column: 8, fragment: "unterminated string"),
    // Issue 17 (fuzz finding): exponents beyond ±999999999 are refused, not saturated.
    Rejection(text: "[1.234567890121e+10000000011]", line: 1, column: 2, fragment: "number out of range"),
    Rejection(text: "[1e1000000000]", line: 1, column: 2, fragment: "number out of range"),
    Rejection(text: "[10e999999999]", line: 1, column: 2, fragment: "number out of range"),
    Rejection(text: "[0,\n -0.01e-999999998]", line: 2, column: 2, fragment: "number out of range"),
    Rejection(
      text: "{\"a\": 1e99999999999999999999999}", line: 1, column: 7, fragment: "number out of range"),
  ]

  @Test(arguments: rejections)
  func rejectsWithLocation(_ r: Rejection) {
    do {
      let value = try JSONReader().read(r.text)
      Issue.record("accepted \(r.text) as \(value)")
    } catch {
      #expect(error.message.contains(r.fragment), "\(error)")
      #expect(error.line == r.line && error.column == r.column, "\(error) for \(r.text)")
    }
  }

  @Test func duplicateKeyPointsAtBothOccurrences() {
    do {
      _ = try JSONReader().read("{\n  \"id\": 1,\n  \"x\": {},\n  \"id\": 2\n}")
      Issue.record("duplicate accepted")
    } catch {
      #expect(error.position.line == 4 && error.position.column == 3)
      #expect(error.relatedPosition?.line == 2 && error.relatedPosition?.column == 3)
    }
  }

  @Test(arguments: [3, 16, 17, 40])
  func duplicateKeysInObjectsOfAnySize(_ size: Int) throws {
    let members = (0..<size).map { "\"k\($0)\": \($0)" }
    let valid = try JSONReader().read("{" + members.joined(separator: ", ") + "}")
    #expect(valid.objectValue?.count == size)
    #expect(valid["k\(size - 1)"] == .integer(size - 1))
    do {
      _ = try JSONReader().read("{" + (members + ["\"k\(size / 2)\": 0"]).joined(separator: ", ") + "}")
      Issue.record("duplicate accepted in an object of \(size) members")
    } catch {
      #expect(error.message.hasPrefix("duplicate key \"k\(size / 2)\""), "\(error)")
    }
  }

  @Test(arguments: [
    [UInt8]([0x22, 0xFF, 0x22]),  // invalid byte
    [0x22, 0xC0, 0xAF, 0x22],  // overlong "/"
    [0x22, 0xED, 0xA0, 0x80, 0x22],  // encoded surrogate
    [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // beyond U+10FFFF
    [0x22, 0xE6, 0x97, 0x22],  // truncated
  ])
  func rejectsInvalidUTF8(_ bytes: [UInt8]) {
    do {
      _ = try JSONReader().read(bytes)
      Issue.record("accepted invalid UTF-8 \(bytes)")
    } catch {
      #expect(error.message.contains("UTF-8"), "\(error)")
      #expect(error.line == 1 && error.column == 2)
    }
  }

  @Test func readsValuesExactly() throws {
    let text =
      "{\"big\": 123456789012345678901234567890, \"neg\": -18446744073709551617, \"f\": 1.0,"
      + " \"d\": 0.1, \"e\": 1E400, \"s\": \"\\u00e9\\ud83d\\ude00\\n\", \"b\": [true, false, null]}"
    let value = try JSONReader().read(text)
    #expect(value["big"].map(JSONWriter.text) == "123456789012345678901234567890")
    #expect(value["neg"].map(JSONWriter.text) == "-18446744073709551617")
    #expect(value["f"]?.typeName == "integer")
    #expect(value["d"]?.numberValue == JSONNumber(jsonText: "0.1"))
    #expect(value["e"]?.numberValue?.description == "1e+400")
    #expect(value["s"] == .string("é😀\n"))
    #expect(value["b"] == .array([.bool(true), .bool(false), .null]))
    #expect(value.objectValue?.keys == ["big", "neg", "f", "d", "e", "s", "b"])
  }

  @Test(arguments: [
    "18446744073709551616", "-9223372036854775809", "123456789012345678901234567890123456789",
    "1e+400", "-1.5e-300", "0.1",
  ])
  func roundTripsBigNumbers(_ text: String) throws {
    try expectRoundTrip(text)
  }

  /// Issue 17 (fuzz finding, json 09:24): the reader saturated exponents at 10^9, so numbers near
  /// and beyond it were changed. Up to ±`JSONNumber.exponentLimit` (in scientific notation) they
  /// are exact, whatever the written exponent; the writer's text reads back to the same number.
  @Test(arguments: [
    ("1e999999999", "1e+999999999"), ("-9.87654321e-999999999", "-9.87654321e-999999999"),
    ("0.0001e+1000000002", "1e+999999998"), ("123456789e999999991", "1.23456789e+999999999"),
    ("1000e-1000000002", "1e-999999999"), ("1.234567890121e+1000000", "1.234567890121e+1000000"),
  ])
  func keepsExponentsUpToTheLimitExactly(_ text: String, _ canonical: String) throws {
    let value = try JSONReader().read("[\(text)]")
    #expect(value.arrayValue?.first?.numberValue?.description == canonical)
    #expect(value.arrayValue?.first?.numberValue == JSONNumber(jsonText: canonical))
    try expectRoundTrip(text)
  }

  func expectRoundTrip(_ text: String) throws {
    let value = try JSONReader().read("[\(text)]")
    let written = JSONWriter.text(of: value)
    let again = try JSONReader().read(written)
    #expect(again == value)
    if value.arrayValue?.first?.numberValue?.isInteger == true && !text.contains("e") {
      #expect(written == "[\(text)]")
    }
  }

  @Test func skipsByteOrderMark() throws {
    #expect(try JSONReader().read([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.integer(1)]))
  }

  @Test func mapsPointersToLocations() throws {
    let text = "{\n  \"a\": [1, {\"b\": \"日本\"}],\n  \"c\": \"x\", \"d\":\n    null\n}"
    let (_, map) = try JSONReader().readWithLocations(text)
    #expect(map.valueStarts[JSONPointer("")!]?.description == "1:1")
    #expect(map.valueStarts[JSONPointer("/a")!]?.description == "2:8")
    #expect(map.valueStarts[JSONPointer("/a/0")!]?.description == "2:9")
    #expect(map.valueStarts[JSONPointer("/a/1")!]?.description == "2:12")
    #expect(map.valueStarts[JSONPointer("/a/1/b")!]?.description == "2:18")
    #expect(map.keyStarts[JSONPointer("/a/1/b")!]?.description == "2:13")
    #expect(map.valueStarts[JSONPointer("/c")!]?.description == "3:8")
    #expect(map.valueStarts[JSONPointer("/d")!]?.description == "4:5")
    #expect(map.keyStarts[JSONPointer("/d")!]?.description == "3:13")
    #expect(map.position(of: JSONPointer("/a/1/missing")!)?.description == "2:12")
  }

  @Test func columnsCountUnicodeScalars() throws {
    let (_, map) = try JSONReader().readWithLocations("[\"日本語\", \"😀\", 3]")
    #expect(map.valueStarts[JSONPointer("/1")!]?.column == 9)
    #expect(map.valueStarts[JSONPointer("/2")!]?.column == 14)
  }

  static func nested(_ depth: Int) -> String {
    String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
  }

  @Test func readsTextsOneAfterAnother() throws {
    let text = "\u{FEFF}{\"a\": [1, 2]}\n[]\n\"s\"\"t\" {}{} 3\t-4.5e1\r\ntrue null\n"
    let values = try JSONReader().readAll(text)
    #expect(
      values == [
        .object(JSONObject([("a", .array([.integer(1), .integer(2)]))])), .array([]), .string("s"),
        .string("t"), .object(JSONObject()), .object(JSONObject()), .integer(3),
        .number(try #require(JSONNumber(jsonText: "-45"))), .bool(true), .null,
      ])
    #expect(try JSONReader().readAll("") == [])
    #expect(try JSONReader().readAll(" \n\t") == [])
    #expect(try JSONReader().readAll("[1]") == [try JSONReader().read("[1]")])
  }

  @Test(arguments: [
    Rejection(text: "1[2]", line: 1, column: 2, fragment: "expected whitespace"),
    Rejection(text: "{} true\"x\"", line: 1, column: 8, fragment: "expected whitespace"),
    Rejection(text: "[1]\n[2,]", line: 2, column: 3, fragment: "trailing comma"),
    Rejection(text: "{\"a\": 1}\n{\"b\": 1, \"b\": 2}", line: 2, column: 10, fragment: "duplicate key"),
    Rejection(text: "[1] ]", line: 1, column: 5, fragment: "expected a value"),
    Rejection(text: "\"x\"\n[", line: 2, column: 2, fragment: "unexpected end of input"),
  ])
  func rejectsBadTextInSequenceWithLocation(_ r: Rejection) {
    do {
      let values = try JSONReader().readAll(r.text)
      Issue.record("accepted \(r.text) as \(values)")
    } catch {
      #expect(error.message.contains(r.fragment), "\(error)")
      #expect(error.line == r.line && error.column == r.column, "\(error) for \(r.text)")
    }
  }

  @Test func rejectsTooDeepNestingWithLocation() {
    do {
      _ = try JSONReader().read(Self.nested(10_000))
      Issue.record("accepted 10 000-deep input")
    } catch {
      #expect(error.message.contains("nesting"))
      #expect(error.line == 1 && error.column == 257)
    }
    #expect((try? JSONReader().read(Self.nested(256))) != nil)
  }

  /// On a small (512 KiB) thread stack, 10 000-deep input is rejected cleanly and the deepest
  /// accepted value (the default limit) can be read, compared, hashed and released.
  @Test func deepInputOnSmallThreadStack() async {
    let ok = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
      let thread = Thread {
        let rejected = (try? JSONReader().read(Self.nested(10_000))) == nil
        let depth = JSONReader().maxDepth
        let deepest = try? JSONReader().read(Self.nested(depth))
        let again = try? JSONReader().read(Self.nested(depth))
        let usable = deepest != nil && deepest == again && deepest?.hashValue == again?.hashValue
        continuation.resume(returning: rejected && usable)
      }
      thread.stackSize = 512 * 1024
      thread.start()
    }
    #expect(ok)
  }

  @Test func aDuplicateKeyErrorNamesTheKeyAndItsFirstPosition() throws {
    let error = #expect(throws: JSONReadError.self) { _ = try JSONReader().read("[{\"é\": 1,\n\"é\": 2}]") }
    #expect(error?.duplicateKey == "é")
    #expect(error?.relatedPosition.map { [$0.line, $0.column] } == [1, 3])
    #expect([error?.line, error?.column] == [2, 1])
    let other = #expect(throws: JSONReadError.self) { _ = try JSONReader().read("[1,]") }
    #expect(other != nil && other?.duplicateKey == nil)
  }
}
