import DossierCore
import JSONSchema
import Testing

/// YAML 1.2 core schema resolution, one value per row.
@Suite struct YAMLScalarTests {
  static func load(_ scalar: String) throws -> JSONValue {
    try #require(try YAMLLoader().load("v: \(scalar)", file: "t.yaml").value["v"])
  }

  static func number(_ text: String) -> JSONValue { .number(JSONNumber(jsonText: text)!) }

  @Test(arguments: [
    // Dates, times and YAML 1.1 booleans stay strings.
    ("2021-12-23", JSONValue.string("2021-12-23")),
    ("2021-12-23T18:03:31+08:00", .string("2021-12-23T18:03:31+08:00")),
    ("12:30:00", .string("12:30:00")),
    ("yes", .string("yes")),
    ("no", .string("no")),
    ("on", .string("on")),
    ("off", .string("off")),
    ("y", .string("y")),
    ("1_000", .string("1_000")),
    ("0b101", .string("0b101")),
    ("+.5e", .string("+.5e")),
    ("0x", .string("0x")),
    ("0o8", .string("0o8")),
    (".", .string(".")),
    ("tRue", .string("tRue")),
    ("nULL", .string("nULL")),
    // 017 is the decimal integer 17 under the 1.2 core schema (no octal without 0o).
    ("017", number("17")),
    ("0o17", number("15")),
    ("0x1F", number("31")),
    ("0xFFFFFFFFFFFFFFFFFF", number("4722366482869645213695")),
    ("-12", number("-12")),
    ("+12", number("12")),
    ("123456789012345678901234567890", number("123456789012345678901234567890")),
    ("1.5", number("1.5")),
    ("-1.5e3", number("-1500")),
    (".5", number("0.5")),
    ("1.", number("1")),
    ("1e2", number("100")),
    ("0.1", number("0.1")),
    ("null", .null),
    ("Null", .null),
    ("NULL", .null),
    ("~", .null),
    ("", .null),
    ("true", .bool(true)),
    ("True", .bool(true)),
    ("FALSE", .bool(false)),
    // Quoted and block scalars are strings.
    ("'true'", .string("true")),
    ("\"017\"", .string("017")),
    ("'.inf'", .string(".inf")),
    ("|\n  12\n", .string("12\n")),
  ])
  func resolvesByCoreSchema(_ scalar: String, _ expected: JSONValue) throws {
    #expect(try Self.load(scalar) == expected)
  }

  @Test func infinityResolvesAsFloatInfinity() throws {
    let node = try #require(
      YAMLLoader().compose("[.inf, -.Inf, +.INF, .nan]", file: "t.yaml").documents.first?.root)
    #expect(node.items.map(\.scalarKind) == [.float, .float, .float, .float])
    #expect(YAMLScalarResolver.number(".inf", kind: .float) == .infinity(negative: false))
    #expect(YAMLScalarResolver.number("-.Inf", kind: .float) == .infinity(negative: true))
    #expect(YAMLScalarResolver.number(".NaN", kind: .float) == .nan)
    // JSON has no infinity: loading as JSON is a located error (see YAMLLoaderTests).
  }

  @Test func resolverNamesTheType() {
    #expect(YAMLScalarResolver.resolvePlain("2021-12-23") == .string)
    #expect(YAMLScalarResolver.resolvePlain("yes") == .string)
    #expect(YAMLScalarResolver.resolvePlain("on") == .string)
    #expect(YAMLScalarResolver.resolvePlain("017") == .int)
    #expect(YAMLScalarResolver.resolvePlain("1_000") == .string)
    #expect(YAMLScalarResolver.resolvePlain("12:30:00") == .string)
    #expect(YAMLScalarResolver.resolvePlain("0o17") == .int)
    #expect(YAMLScalarResolver.resolvePlain(".inf") == .float)
    #expect(YAMLScalarResolver.resolvePlain("~") == .null)
  }

  @Test func overlongHexLiteralIsLocatedError() {
    let diagnostics = yamlDiagnostics("v: 0x" + String(repeating: "F", count: 300))
    #expect(diagnostics.map(\.code) == [.yamlUnrepresentable])
    #expect(diagnostics.first?.location?.lineColumn == "1:4")
  }

  /// Issue 17 (fuzz finding, json 09:24): exponents used to saturate at 10^9, so a float beyond it
  /// silently became another number. Now it is kept exactly up to `JSONNumber.exponentLimit` and
  /// refused, located, beyond it.
  @Test func floatExponentsAreExactOrRefused() throws {
    let exact = try #require(JSONNumber(jsonText: "1e999999998"))
    #expect(YAMLScalarResolver.number("0.0001e+1000000002", kind: .float) == .finite(exact))
    for text in ["1.234567890121e+10000000011", "1e1000000000", "-1e-1000000000", "1e99999999999999999999"] {
      #expect(YAMLScalarResolver.number(text, kind: .float) == .tooLarge, "\(text)")
    }
    let diagnostics = yamlDiagnostics("a: 1\nv: 1.5e+10000000011\n")
    #expect(diagnostics.map(\.code) == [.yamlUnrepresentable])
    #expect(diagnostics.first?.location?.lineColumn == "2:4")
    #expect(diagnostics.first?.message.contains("exponent is beyond ±999999999") == true)
  }
}
