import DossierCore
import Foundation
import JSONSchema
import Testing

/// JSON Schema errors become located diagnostics with the right code, place and help.
@Suite struct SchemaDiagnosticsTests {
  static let schema = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "properties": {
        "kind": { "enum": ["news_article", "definition"] },
        "label": { "not": { "type": "integer" } },
        "size": { "type": "integer" },
        "extra": { "type": "string" }
      },
      "if": { "properties": { "kind": { "const": "definition" } } },
      "then": { "not": { "required": ["extra"] } },
      "unevaluatedProperties": false
    }
    """

  static func diagnostics(_ yaml: String) throws -> [Diagnostic] {
    let value = try JSONReader().read(schema)
    let validator = try SchemaValidator(schema: value, options: ValidationOptions(formatAssertion: true))
    let located = try YAMLLoader().load(yaml, file: "a.yaml")
    let result = validator.validate(located.value)
    return SchemaDiagnostics(schema: value).diagnostics(
      for: result, instance: located.value, locator: InstanceLocator(yaml: located, file: "a.yaml"))
  }

  static func summary(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.code.id) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
  }

  @Test func unknownKeysPointAtTheKeyWithASuggestion() throws {
    let found = try Self.diagnostics("kind: definition\nsiez: 3\n")
    #expect(Self.summary(found) == ["S002 2:1"])
    #expect(found.first?.help == "did you mean 'size'?")
  }

  @Test func enumValuesAreSuggested() throws {
    let found = try Self.diagnostics("kind: definitoin\n")
    #expect(Self.summary(found) == ["S005 1:7"])
    #expect(found.first?.help == "did you mean 'definition'?")
  }

  @Test func aForbiddenKeyIsNamedAtTheKey() throws {
    let found = try Self.diagnostics("kind: definition\nextra: x\n")
    #expect(Self.summary(found) == ["S001 2:1"])
    #expect(found.first?.message == "'extra' is not allowed here")
  }

  @Test func otherNotFailuresAreGenericViolations() throws {
    let found = try Self.diagnostics("label: 3\n")
    #expect(Self.summary(found) == ["S001 1:8"])
  }

  @Test func aMistypedValueReportsItsTypeAlone() throws {
    #expect(Self.summary(try Self.diagnostics("- a\n")) == ["S004 1:1"])
    #expect(Self.summary(try Self.diagnostics("size: big\n")) == ["S004 1:7"])
  }
}
