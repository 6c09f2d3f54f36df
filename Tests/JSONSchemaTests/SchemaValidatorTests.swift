import Foundation
import JSONSchema
import Testing

@Suite struct SchemaValidatorTests {
  func schema(_ text: String, formatAssertion: Bool = false) throws(SchemaError) -> SchemaValidator {
    let value: JSONValue
    do {
      value = try JSONReader().read(text)
    } catch {
      throw SchemaError(message: "test schema is not JSON: \(error)")
    }
    return try SchemaValidator(schema: value, options: ValidationOptions(formatAssertion: formatAssertion))
  }

  func json(_ text: String) throws -> JSONValue { try JSONReader().read(text) }

  static let document = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "required": ["id", "title", "language"],
      "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
        "title": {"type": "string", "minLength": 1},
        "language": {"enum": ["en", "zh", "en+zh"]},
        "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "published": {"type": "string", "format": "date"},
        "word_count": {"type": "integer", "minimum": 0}
      },
      "additionalProperties": false
    }
    """

  @Test func reportsEveryErrorWithLocations() throws {
    let validator = try schema(Self.document, formatAssertion: true)
    let instance = try json(
      """
      {"id": "a-1", "titel": "x", "language": "fr", "country": "USA", "published": "2024-13-45",
       "word_count": "many"}
      """)
    let result = validator.validate(instance)
    #expect(!result.isValid)
    let byPointer = Dictionary(grouping: result.errors, by: { $0.instanceLocation.description })
    #expect(
      byPointer["/language"]?.first?.message
        == "\"fr\" is not one of the allowed values: \"en\", \"zh\", \"en+zh\"")
    #expect(byPointer["/language"]?.first?.keywordLocation == "/properties/language/enum")
    #expect(byPointer["/country"]?.first?.message == "\"USA\" does not match the pattern /^[A-Z]{2}$/")
    #expect(byPointer["/published"]?.first?.message == "\"2024-13-45\" is not a valid date")
    #expect(byPointer["/word_count"]?.first?.message == "expected integer, found string \"many\"")
    #expect(
      byPointer["/titel"]?.first?.message == "property \"titel\" is not allowed; did you mean \"title\"?")
    #expect(byPointer["/titel"]?.first?.absoluteKeywordLocation == "urn:dossier:schema#/additionalProperties")
    #expect(byPointer[""]?.first?.message == "missing required property \"title\"")
    #expect(result.errors.count == 6)
    #expect(!validator.isValid(instance))
  }

  @Test func errorsMapToLineAndColumn() throws {
    let validator = try schema(Self.document, formatAssertion: true)
    let text = "{\n  \"id\": \"x\",\n  \"title\": \"t\",\n  \"language\": \"fr\",\n  \"titel\": 1\n}"
    let (instance, map) = try JSONReader().readWithLocations(text)
    let located = validator.validate(instance).errors.map {
      "\(map.position(for: $0)?.description ?? "?") \($0.keyword)"
    }
    #expect(located.sorted() == ["4:15 enum", "5:3 additionalProperties"])
  }

  @Test func formatIsAnAnnotationUnlessSwitchedOn() throws {
    let instance = try json(##"{"id": "a", "title": "t", "language": "en", "published": "2024-13-45"}"##)
    #expect(try schema(Self.document).validate(instance).isValid)
    #expect(try !schema(Self.document, formatAssertion: true).validate(instance).isValid)
  }

  @Test func anyOfReportsTheClosestAlternative() throws {
    let validator = try schema(
      """
      {"anyOf": [
        {"type": "string"},
        {"type": "object", "properties": {"kind": {"const": "person"}, "age": {"type": "integer"}},
         "required": ["kind", "age"]},
        {"type": "object", "properties": {"kind": {"const": "place"}, "name": {"type": "string"}},
         "required": ["kind", "name"]}
      ]}
      """)
    let result = validator.validate(try json(##"{"kind": "person", "age": "old"}"##))
    #expect(result.errors.count == 1)
    #expect(result.errors.first?.instanceLocation.description == "/age")
    #expect(result.errors.first?.keywordLocation == "/anyOf/1/properties/age/type")
  }

  @Test func oneOfWithSeveralMatchesSaysWhich() throws {
    let validator = try schema(##"{"oneOf": [{"type": "integer"}, {"minimum": 0}]}"##)
    let result = validator.validate(.integer(3))
    #expect(
      result.errors.map(\.message) == [
        "value matches more than one alternative in oneOf (alternatives 0 and 1); exactly one is required"
      ])
  }

  @Test func falseSchemaAndItemsMessages() throws {
    let validator = try schema(
      ##"{"prefixItems": [{"type": "integer"}], "items": false, "properties": {"x": false}}"##)
    let tooMany = validator.validate(try json("[1, 2, 3]"))
    #expect(tooMany.errors.map(\.message) == ["array has 3 items, only 1 allowed"])
    #expect(tooMany.errors.first?.instanceLocation.description == "/1")
    let forbidden = validator.validate(try json(##"{"x": 1}"##))
    #expect(forbidden.errors.first?.message == "no value is allowed here (the schema is false)")
    #expect(forbidden.errors.first?.keywordLocation == "/properties/x")
    #expect(forbidden.errors.first?.absoluteKeywordLocation == "urn:dossier:schema#/properties/x")
  }

  @Test func compositeKeywordMessages() throws {
    let validator = try schema(
      ##"{"propertyNames": {"pattern": "^[a-z]+$"}, "not": {"type": "object", "required": ["forbidden"]},"##
        + ##" "if": {"required": ["a"]}, "then": {"required": ["b"]},"##
        + ##" "dependentRequired": {"c": ["d"]}, "contains": {"type": "integer"}, "maxContains": 1}"##)
    let object = validator.validate(try json(##"{"Bad": 1, "forbidden": 1, "a": 1, "c": 1}"##))
    #expect(
      object.errors.map(\.message).sorted() == [
        "missing required property \"b\"",
        "property \"d\" is required when \"c\" is present",
        "property name \"Bad\" is not allowed by propertyNames: \"Bad\" does not match the pattern /^[a-z]+$/",
        "value must not match the schema in 'not'",
      ])
    #expect(object.errors.first { $0.keyword == "required" }?.keywordLocation == "/then/required")
    #expect(
      validator.validate(try json("[1, 2, \"x\"]")).errors.map(\.message) == [
        "array has 2 items matching 'contains', at most 1 allowed"
      ])
    #expect(
      validator.validate(try json(##"["x"]"##)).errors.map(\.message) == [
        "array has no item matching 'contains'"
      ])
  }

  @Test func outputForms() throws {
    let validator = try schema(##"{"properties": {"a": {"type": "string"}}}"##)
    let result = validator.validate(try json(##"{"a": 1}"##))
    #expect(JSONWriter.text(of: result.output(.flag)) == ##"{"valid":false}"##)
    #expect(
      JSONWriter.text(of: result.output(.basic))
        == ##"{"valid":false,"errors":[{"keywordLocation":"/properties/a/type","absoluteKeywordLocation":"urn:dossier:schema#/properties/a/type","instanceLocation":"/a","error":"expected string, found integer 1"}]}"##
    )
    #expect(
      JSONWriter.text(of: validator.validate(try json(##"{"a": "x"}"##)).output(.basic))
        == ##"{"valid":true}"##)
  }

  // MARK: Schema problems

  @Test func invalidRegexIsALocatedSchemaError() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schema-tests-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("s.json")
    try Data("{\n  \"properties\": {\n    \"a\": {\"pattern\": \"(unclosed\"}\n  }\n}\n".utf8).write(to: file)
    do {
      _ = try SchemaValidator(contentsOf: file)
      Issue.record("invalid regex accepted")
    } catch {
      #expect(error.message == "invalid regular expression /(unclosed/: missing ')'", "\(error)")
      #expect(error.position?.line == 3 && error.position?.column == 22, "\(error)")
      #expect(error.schemaLocation?.hasSuffix("#/properties/a/pattern") == true)
    }
  }

  @Test(arguments: ["(?i)abc", "a{,3}", "[", "\\", "a**", "*a", "a{3,1}", "(a))", "x{2}{3}", "(?<n>a)\\k<m>"])
  func invalidPatternsAreSchemaErrors(_ pattern: String) {
    let text = JSONWriter.text(of: .object(JSONObject([("pattern", .string(pattern))])))
    do {
      let validator = try schema(text)
      Issue.record("accepted /\(pattern)/")
      _ = validator.validate(.string("abc"))
    } catch {
      #expect(error.message.contains("invalid regular expression"), "\(error)")
    }
  }

  @Test func refCycleIsASchemaError() throws {
    do {
      _ = try schema(
        ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##
      )
      Issue.record("cycle accepted")
    } catch {
      #expect(error.message.contains("$ref cycle"), "\(error)")
      #expect(error.message.contains("#/$defs/a"))
    }
    // A self-reference that moves into the instance is fine.
    let tree = try schema(##"{"type": "array", "items": {"$ref": "#"}}"##)
    #expect(tree.isValid(try json("[[[]], []]")))
  }

  @Test(arguments: [
    ##"{"$ref": "#/$defs/missing"}"##, ##"{"$ref": "other.json"}"##, ##"{"$ref": "#nowhere"}"##,
    ##"{"$ref": "https://example.com/schema.json"}"##,
  ])
  func unresolvableRefIsASchemaError(_ text: String) {
    do {
      _ = try schema(text)
      Issue.record("accepted \(text)")
    } catch {
      #expect(error.message.contains("unresolvable reference"), "\(error)")
      #expect(error.schemaLocation?.hasSuffix("#/$ref") == true)
    }
  }

  @Test func schemaIsCheckedAgainstTheMetaSchema() {
    do {
      _ = try schema(##"{"type": "strnig"}"##)
      Issue.record("accepted")
    } catch {
      #expect(error.message.contains("meta-schema"), "\(error)")
      #expect(error.details.contains { $0.instanceLocation.description == "/type" })
    }
    do {
      _ = try schema(##"{"properties": {"a": {"minLength": -1}}}"##)
      Issue.record("accepted")
    } catch {
      #expect(error.message.contains("/properties/a/minLength"), "\(error)")
    }
  }

  /// The URIs of the built-in meta-schemas: the files under `Sources/JSONSchema/MetaSchemas/`, embedded
  /// at build time, each registered under its own id.
  static let builtInMetaSchemas: [String] = {
    let draft202012 = [
      "schema", "meta/core", "meta/applicator", "meta/unevaluated", "meta/validation", "meta/meta-data",
      "meta/format-annotation", "meta/format-assertion", "meta/content",
    ]
    let draft201909 = [
      "schema", "meta/core", "meta/applicator", "meta/validation", "meta/meta-data", "meta/format",
      "meta/content",
    ]
    return draft202012.map { "https://json-schema.org/draft/2020-12/\($0)" }
      + draft201909.map { "https://json-schema.org/draft/2019-09/\($0)" }
      + ["07", "06", "04"].map { "http://json-schema.org/draft-\($0)/schema" }
  }()

  /// Every built-in meta-schema resolves by its URI without network access, and validates itself; a
  /// dialect's meta-schema rejects a misspelt type.
  @Test(arguments: builtInMetaSchemas) func builtInMetaSchemaResolves(_ uri: String) throws {
    let validator = try schema(#"{"$ref": "\#(uri)"}"#)
    if !uri.contains("/meta/") {
      #expect(validator.validate(try json(#"{"type": "string"}"#)).isValid)
      #expect(!validator.validate(try json(#"{"type": "strnig"}"#)).isValid)
    }
    let file = uri.replacingOccurrences(of: "https://json-schema.org/", with: "")
      .replacingOccurrences(of: "http://json-schema.org/", with: "")
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/JSONSchema/MetaSchemas/\(file).json").standardized
    #expect(validator.validate(try json(try String(contentsOf: url, encoding: .utf8))).isValid)
  }

  @Test func unknownRequiredVocabularyIsRejected() throws {
    var registry = SchemaRegistry()
    registry.add(
      try json(
        ##"{"$id": "https://example.com/meta", "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true, "https://example.com/vocab/x": true}}"##
      ), uri: "https://example.com/meta")
    #expect(throws: SchemaError.self) {
      _ = try SchemaValidator(
        schema: try json(##"{"$schema": "https://example.com/meta"}"##), registry: registry)
    }
  }

  // MARK: Depth

  /// A 10 000-deep instance against a recursive schema stops with an error, no crash.
  @Test func tenThousandDeepInstance() async throws {
    let validator = try schema(##"{"type": "array", "items": {"$ref": "#"}}"##)
    let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<[String], Never>) in
      let thread = Thread {
        var value = JSONValue.array([])
        for _ in 0..<10_000 { value = .array([value]) }
        let result = validator.validate(value)
        let quick = validator.isValid(value)
        continuation.resume(returning: result.errors.map(\.message) + [quick ? "valid" : "invalid"])
        withExtendedLifetime(value) {}
      }
      thread.stackSize = 256 << 20  // room to build and release the value itself
      thread.start()
    }
    #expect(outcome.last == "invalid")
    #expect(outcome.first?.contains("nest too deeply") == true, "\(outcome)")
    // Read from text, the same input is rejected by the reader with a location.
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONReadError.self) { _ = try JSONReader().read(text) }
  }

  /// A 1000-long chain of `$ref`s compiles on a 512 KiB thread stack (the compiler uses a work
  /// list, not recursion) and validation stops cleanly if the chain is too deep to evaluate.
  @Test func longReferenceChainOnSmallStack() async throws {
    var defs: [(String, JSONValue)] = []
    for i in 0..<1000 {
      defs.append(("d\(i)", .object(JSONObject([("$ref", .string("#/$defs/d\(i + 1)"))]))))
    }
    defs.append(("d1000", .object(JSONObject([("type", .string("string"))]))))
    let schema = JSONValue.object(
      JSONObject([("$defs", .object(JSONObject(defs))), ("$ref", .string("#/$defs/d0"))]))
    let message = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
      let thread = Thread {
        do {
          let validator = try SchemaValidator(schema: schema)
          let results = [validator.validate(.string("x")), validator.validate(.integer(1))]
          continuation.resume(
            returning: "compiled: "
              + results.map { $0.isValid ? "valid" : $0.errors[0].message }.joined(separator: " | "))
        } catch {
          continuation.resume(returning: (error as? SchemaError)?.message ?? "\(error)")
        }
      }
      thread.stackSize = 512 * 1024
      thread.start()
    }
    #expect(message.hasPrefix("compiled: "), "\(message)")
    #expect(!message.contains("compiled: valid | valid"), "\(message)")
    // A short chain is fine.
    let short = try SchemaValidator(
      schema: try json(
        ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"type": "string"}}, "$ref": "#/$defs/a"}"##))
    #expect(short.isValid(.string("x")) && !short.isValid(.integer(1)))
  }

  // MARK: References across files

  @Test func resolvesRelativeFileReferences() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schema-tests-\(UUID())")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("common"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(##"{"properties": {"country": {"$ref": "common/defs.json#/$defs/country"}}}"##.utf8)
      .write(to: directory.appendingPathComponent("main.json"))
    try Data(##"{"$defs": {"country": {"type": "string", "pattern": "^[A-Z]{3}$"}}}"##.utf8)
      .write(to: directory.appendingPathComponent("common/defs.json"))
    let validator = try SchemaValidator(contentsOf: directory.appendingPathComponent("main.json"))
    #expect(validator.isValid(try json(##"{"country": "CHN"}"##)))
    let result = validator.validate(try json(##"{"country": "China"}"##))
    #expect(result.errors.first?.keywordLocation == "/properties/country/$ref/pattern")
    #expect(
      result.errors.first?.absoluteKeywordLocation.hasSuffix("common/defs.json#/$defs/country/pattern")
        == true)
  }

  @Test func registryMapsIdsToLocalFiles() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schema-tests-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(##"{"$id": "https://dossier.example/defs.json", "$defs": {"n": {"type": "integer"}}}"##.utf8)
      .write(to: directory.appendingPathComponent("defs.json"))
    var registry = SchemaRegistry()
    registry.mapPrefix("https://dossier.example/", to: directory)
    let validator = try SchemaValidator(
      schema: try json(
        ##"{"$id": "https://dossier.example/main.json", "items": {"$ref": "defs.json#/$defs/n"}}"##),
      registry: registry)
    #expect(validator.isValid(try json("[1, 2]")))
    #expect(!validator.isValid(try json("[1, 2.5]")))
  }

  @Test func registryFolderRegistersFilesByID() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schema-tests-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(##"{"$id": "https://dossier.example/vocab.json", "enum": ["a", "b"]}"##.utf8)
      .write(to: directory.appendingPathComponent("vocab.json"))
    var registry = SchemaRegistry()
    try registry.addDirectory(directory)
    let validator = try SchemaValidator(
      schema: try json(##"{"items": {"$ref": "https://dossier.example/vocab.json"}}"##), registry: registry)
    #expect(validator.isValid(try json(##"["a", "b"]"##)))
    #expect(
      validator.validate(try json(##"["a", "c"]"##)).errors.map(\.instanceLocation.description) == ["/1"])
  }

  // MARK: ECMA-262 patterns

  @Test(arguments: [
    ("^\\d+$", "123", true), ("^\\d+$", "١٢٣", false), ("^\\w+$", "héllo", false), ("^a$", "a\n", false),
    ("(?<=a)b", "ab", true), ("(?<!a)b", "ab", false), ("^\\s$", "\u{FEFF}", true), ("^.$", "😀", true),
    ("^[^]$", "\n", true), ("[[a]", "[", true), ("\\bfoo\\b", "é foo", true),
    ("^\\u0041\\u{1F600}$", "A😀", true),
    ("^\\p{L}+$", "日本", true), ("a.c", "a\nc", false),
  ])
  func patternsFollowECMA262(_ pattern: String, _ input: String, _ expected: Bool) throws {
    #expect(try ECMARegex(pattern).matches(input) == expected)
  }

  /// Catastrophic-backtracking patterns run in linear time on the automaton.
  @Test func noCatastrophicBacktracking() throws {
    let input = String(repeating: "a", count: 50_000) + "!"
    for pattern in ["^(a+)+$", "^(a|a)*$", "^(a|aa)+$", "(x+x+)+y"] {
      #expect(try !ECMARegex(pattern).matches(input))
      #expect(try !ECMARegex(pattern).matches(input + "é"))
    }
  }

  // MARK: Concurrency

  /// Many threads share one validator, including the `NSRegularExpression` path (non-ASCII input).
  @Test func validatesConcurrently() async throws {
    let validator = try schema(
      Self.document.replacingOccurrences(
        of: ##""title": {"type": "string", "minLength": 1}"##,
        with: ##""title": {"type": "string", "minLength": 1, "pattern": "^\\p{L}"}"##),
      formatAssertion: true)
    let good = try json(##"{"id": "a", "title": "日本", "language": "en", "published": "2024-02-29"}"##)
    let bad = try json(##"{"id": "A", "title": "", "language": "en"}"##)
    let counts = await withTaskGroup(of: (Int, Int).self) { group in
      for _ in 0..<8 {
        group.addTask {
          var ok = 0
          var errors = 0
          for _ in 0..<200 {
            if validator.isValid(good) { ok += 1 }
            errors += validator.validate(bad).errors.count
          }
          return (ok, errors)
        }
      }
      var total = (0, 0)
      for await (ok, errors) in group { total = (total.0 + ok, total.1 + errors) }
      return total
    }
    #expect(counts.0 == 1600)
    #expect(counts.1 == 1600 * 3)
  }
}

/// The ASCII automaton must agree with the NSRegularExpression translation.
@Suite struct RegexEngineAgreementTests {
  static let patterns = [
    "^[A-Z]{3}$", "^e[0-9]+$", "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", "^[a-z0-9]+(-[a-z0-9]+)*$",
    "^[a-z][a-z0-9_-]*$", "a|b|cd", "(ab|a)c", "x*y+z?", "\\bword\\b", "\\Bor\\B", "^$", "a{2,}b",
    "[^a-c]+", "\\d\\s\\w", "^(a|ab)(c|bcd)(d*)$", "[\\d-]+", "[.]", "a.c", "(?:ab){1,2}$", "[]", "[^]",
    "a$|^b", "(a$)?b", "^a*$", "c$", "^(?:a|b)*c?$", "$", "^", "x|", "(a|$)", "d{2}$", "^\\S+$", "a\\sb",
    "[^a]",
    "^.+$", "\\W", "[\\s\\S]{2}", "^[^\\d]*$", "^\\D",
  ]
  static let inputs = [
    "", "a", "ABC", "ABCD", "e12", "e", "2024-01-02", "2024-1", "abc-def", "abc--def", "a_b-c", "cd", "ac",
    "abc", "xyzz", "yy", "a word here", "swords", "aab", "aaab", "ddd", "1 a", "1-2", ".", "a\nc", "abcd",
    "abab", "ababab", "zzz", "w", "é", "aé", "日本", "a\u{2028}c", "a\u{A0}b", "\u{FEFF}", "ab\u{3000}",
    "ЕCD", "e１２",
  ]

  @Test(arguments: patterns)
  func automatonAgreesWithICU(_ pattern: String) throws {
    #expect(ECMARegex.usesAutomatonForTesting(pattern), "/\(pattern)/ should use the automaton")
    let regex = try ECMARegex(pattern)
    let translated = try ECMARegex.translateForTesting(pattern)
    for input in Self.inputs {
      let icu =
        translated.firstMatch(in: input, range: NSRange(location: 0, length: (input as NSString).length))
        != nil
      #expect(regex.matches(input) == icu, "/\(pattern)/ on \(input.debugDescription)")
    }
  }
}
