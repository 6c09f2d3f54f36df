import DossierTestSupport
import Foundation
import JSONSchema
import Testing

/// Runs the official JSON-Schema-Test-Suite (draft 2020-12) from `../shared/conformance`.
@Suite struct ConformanceTests {
  struct Tally {
    var passed = 0
    var total = 0
    var failures: [String] = []
  }

  static func run(files: [URL], formatAssertion: Bool, registry: SchemaRegistry) throws -> Tally {
    var tally = Tally()
    for file in files.sorted(by: { $0.path < $1.path }) {
      let cases = try JSONReader().read(Data(contentsOf: file))
      for testCase in cases.arrayValue ?? [] {
        let description = testCase["description"]?.stringValue ?? "?"
        let tests = testCase["tests"]?.arrayValue ?? []
        var validator: SchemaValidator?
        var compileError: String?
        do {
          validator = try SchemaValidator(
            schema: testCase["schema"] ?? .null, registry: registry,
            options: ValidationOptions(formatAssertion: formatAssertion))
        } catch {
          compileError = error.description
        }
        for test in tests {
          tally.total += 1
          let expected = test["valid"]?.boolValue ?? false
          let name = "\(file.lastPathComponent) / \(description) / \(test["description"]?.stringValue ?? "?")"
          guard let validator else {
            tally.failures.append("\(name): schema did not compile: \(compileError ?? "")")
            continue
          }
          let data = test["data"] ?? .null
          let result = validator.validate(data)
          let quick = validator.isValid(data)
          if result.isValid == expected && quick == expected && result.errors.isEmpty == expected {
            tally.passed += 1
          } else {
            tally.failures.append(
              "\(name): expected \(expected ? "valid" : "invalid"), got \(result.isValid ? "valid" : "invalid") \(result.errors.prefix(2))"
            )
          }
        }
      }
    }
    return tally
  }

  static func jsonFiles(in directory: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.map { directory.appendingPathComponent($0) }
  }

  @Test func draft202012Suite() throws {
    guard let suite = RepositoryPaths.conformanceSuite("JSON-Schema-Test-Suite") else { return }
    var registry = SchemaRegistry()
    registry.mapPrefix("http://localhost:1234/", to: suite.appendingPathComponent("remotes"))
    let tests = suite.appendingPathComponent("tests/draft2020-12")
    let required = try Self.run(files: Self.jsonFiles(in: tests), formatAssertion: false, registry: registry)
    let optional = try Self.run(
      files: Self.jsonFiles(in: tests.appendingPathComponent("optional")), formatAssertion: false,
      registry: registry)
    let format = try Self.run(
      files: Self.jsonFiles(in: tests.appendingPathComponent("optional/format")), formatAssertion: true,
      registry: registry)
    let verbose = ProcessInfo.processInfo.environment["SUITE_VERBOSE"] != nil
    for (name, tally) in [("required", required), ("optional", optional), ("optional/format", format)] {
      print("JSON-Schema-Test-Suite draft2020-12 \(name): \(tally.passed)/\(tally.total) passed")
      for failure in tally.failures.prefix(verbose ? 1000 : 15) { print("  FAIL \(failure)") }
    }
    #expect(
      required.total == 1299 && required.passed == 1299, "required: \(required.passed)/\(required.total)")
    #expect(optional.passed >= 150, "optional: \(optional.passed)/\(optional.total)")
    #expect(format.passed >= 700, "optional/format: \(format.passed)/\(format.total)")
  }
}
