import JSONSchema
import Testing

/// Regression tests for defects found by the hostile-input audit (issue 17) in the schema engine:
/// integer arithmetic on numbers taken from a schema, and patterns that cannot be decided in time.
@Suite struct HostileSchemaTests {
  func validator(_ schema: String) throws -> SchemaValidator {
    try SchemaValidator(schema: JSONReader().read(Array(schema.utf8)))
  }

  /// `minLength` ≥ 2^61 used to trap on `limit * 4` (exit 132).
  @Test(arguments: ["2305843009213693952", "9223372036854775807", "1e30", "4611686018427387904"])
  func hugeMinLengthDoesNotTrap(_ limit: String) throws {
    let v = try validator(#"{"minLength": \#(limit)}"#)
    let result = v.validate(.string("short"))
    #expect(!result.isValid)
    #expect(result.errors.first?.keyword == "minLength")
    #expect(!v.isValid(.string(String(repeating: "x", count: 1000))))
  }

  /// Every other count keyword with the largest integers and beyond: errors, never traps.
  @Test(arguments: [
    "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains",
  ])
  func hugeCountKeywordsDoNotTrap(_ keyword: String) throws {
    for limit in ["9223372036854775807", "9223372036854775808", "1e400", "0"] {
      let v = try validator(#"{"contains": {}, "\#(keyword)": \#(limit)}"#)
      for text in [#""abc""#, "[null, null]", #"{"a": null}"#] {
        let instance = try JSONReader().read(Array(text.utf8))
        _ = v.validate(instance)
        _ = v.isValid(instance)
      }
    }
  }

  /// `multipleOf` with extreme exponents on both sides.
  @Test func extremeMultipleOfDoesNotTrap() throws {
    for divisor in ["1e-400", "1e400", "0.0000000000000000000000001", "123456789012345678901234567890"] {
      let v = try validator(#"{"multipleOf": \#(divisor)}"#)
      // ±999999999 is the largest exponent the reader accepts (JSONNumber.exponentLimit).
      for text in ["1e400", "1e-400", "9223372036854775807", "-1e999999999", "1e-999999999", "0.5", "7"] {
        _ = v.validate(try JSONReader().read(Array(text.utf8)))
      }
    }
    #expect(throws: JSONReadError.self) { try JSONReader().read(Array("-1e1000000000".utf8)) }
  }

  /// A pattern the engine cannot decide within its time budget is an error that says so, never a
  /// verdict: `^(?:(?=a)(a+)+b|a*)$` does match 30 `a`s, but backtracking explodes first.
  @Test func undecidablePatternIsAnErrorNotAVerdict() throws {
    let v = try validator(#"{"pattern": "^(?:(?=a)(a+)+b|a*)$"}"#)
    let result = v.validate(.string(String(repeating: "a", count: 30)))
    #expect(!result.isValid)
    #expect(result.errors.first?.message.contains("could not be decided") == true)
    // A string decided quickly still gets its real verdict.
    #expect(v.validate(.string("aaab")).isValid)
  }
}
