import JSONSchema
import Testing

@Suite struct JSONNumberTests {
  @Test(arguments: [
    ("1", "1.0"), ("10e-1", "1"), ("0.10", "1e-1"), ("-0", "0"),
    ("123456789012345678901234567890", "1.2345678901234567890123456789e29"),
  ])
  func equalValuesCompareEqual(_ a: String, _ b: String) throws {
    let x = try #require(JSONNumber(jsonText: a))
    let y = try #require(JSONNumber(jsonText: b))
    #expect(x == y)
    #expect(x.hashValue == y.hashValue)
  }

  @Test(arguments: ["01", "1.", ".5", "+1", "1e", "--1", "0x10", "", "1.5e+"])
  func rejectsNonJSONNumberText(_ text: String) {
    #expect(JSONNumber(jsonText: text) == nil)
  }

  /// Issue 17: `init(jsonText:)` keeps exponents exactly up to the limit and refuses beyond it, like
  /// the reader (it used to saturate at 10^9).
  @Test func exponentLimit() throws {
    #expect(JSONNumber(jsonText: "1e1000000000") == nil)
    #expect(JSONNumber(jsonText: "1.5e-1000000000") == nil)
    #expect(JSONNumber(jsonText: "1e99999999999999999999") == nil)
    let edge = try #require(JSONNumber(jsonText: "0.0001e+1000000002"))
    #expect(edge.scientificExponent == 999_999_998)
    #expect(edge.description == "1e+999999998")
    #expect(JSONNumber(jsonText: edge.description) == edge)
    #expect(JSONNumber(jsonText: "-12.5e-999999999")?.scientificExponent == -999_999_998)
    #expect(JSONNumber(isNegative: false, digits: [1], exponent: Int.max).isWithinExponentLimit == false)
    #expect(JSONNumber.zero.isWithinExponentLimit)
  }

  @Test func ordersByValue() throws {
    let values = ["-1e3", "-2", "-0.5", "0", "1e-7", "0.1", "1", "1.5", "99999999999999999999"]
    let numbers = try values.map { try #require(JSONNumber(jsonText: $0)) }
    #expect(numbers.sorted() == numbers)
    #expect(numbers.shuffled().sorted() == numbers)
  }

  @Test func keepsBigIntegersExact() throws {
    let n = try #require(JSONNumber(jsonText: "18446744073709551616"))
    #expect(n.description == "18446744073709551616")
    #expect(n.isInteger)
    #expect(n.intValue == nil)
    #expect(JSONNumber(jsonText: "9223372036854775807")?.intValue == Int.max)
    #expect(JSONNumber(jsonText: "-9223372036854775808")?.intValue == Int.min)
  }

  @Test func convertsDoubles() {
    #expect(JSONNumber(0.1)?.description == "0.1")
    #expect(JSONNumber(1.0)?.isInteger == true)
    #expect(JSONNumber(Double.infinity) == nil)
    #expect(JSONNumber(Double.nan) == nil)
  }
}

@Suite struct JSONPointerTests {
  @Test func roundTripsEscapes() throws {
    let p = try #require(JSONPointer("/a~1b/m~0n/0"))
    #expect(p.tokens == ["a/b", "m~n", "0"])
    #expect(p.description == "/a~1b/m~0n/0")
    #expect(JSONPointer("a") == nil)
    #expect(JSONPointer("/~2") == nil)
  }

  @Test func resolvesInValues() {
    let doc = JSONValue.object(JSONObject([("a", .array([.integer(1), .string("x")]))]))
    #expect(JSONPointer("/a/1")?.resolve(in: doc) == .string("x"))
    #expect(JSONPointer("/a/01")?.resolve(in: doc) == nil)
    #expect(JSONPointer("")?.resolve(in: doc) == doc)
  }
}
