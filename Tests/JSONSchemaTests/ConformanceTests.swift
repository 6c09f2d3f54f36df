import DossierTestSupport
import Foundation
import JSONSchema
import Testing

/// Runs the official JSON-Schema-Test-Suite (drafts 4, 6, 7, 2019-09 and 2020-12) from
/// `../shared/conformance`.
@Suite struct ConformanceTests {
  struct Tally {
    var passed = 0
    var total = 0
    var failures: [String] = []
    var ratio: Double { total == 0 ? 0 : Double(passed) / Double(total) }
    var summary: String {
      String(format: "%d/%d (%.1f%%)", passed, total, ratio * 100)
    }
  }

  static func run(files: [URL], formatAssertion: Bool, draft: Draft, registry: SchemaRegistry) throws -> Tally
  {
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
            options: ValidationOptions(formatAssertion: formatAssertion, defaultDraft: draft))
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

  /// Suite folder name and the draft its schemas are read in (as `--default-draft` does).
  static let drafts: [(folder: String, draft: Draft)] = [
    ("draft4", .draft4), ("draft6", .draft6), ("draft7", .draft7), ("draft2019-09", .draft2019_09),
    ("draft2020-12", .draft2020_12),
  ]

  /// Every draft of the suite, the way `dossier check` runs it: remotes served from a folder
  /// (`--ref-map http://localhost:1234/=remotes/`), the folder's draft as the default draft,
  /// formats off for the required tests and on for `optional/format`. Prints the table that
  /// docs/json-schema.md quotes.
  @Test func everyDraft() throws {
    guard let suite = RepositoryPaths.conformanceSuite("JSON-Schema-Test-Suite") else { return }
    var registry = SchemaRegistry()
    registry.mapPrefix("http://localhost:1234/", to: suite.appendingPathComponent("remotes"))
    let verbose = ProcessInfo.processInfo.environment["SUITE_VERBOSE"] != nil
    var table = ["| draft | required (formats off) | optional/format (formats on) | optional (other) |"]
    table.append("|---|---|---|---|")
    var results: [(String, Tally, Tally, Tally)] = []
    for (folder, draft) in Self.drafts {
      let tests = suite.appendingPathComponent("tests/\(folder)")
      let required = try Self.run(
        files: Self.jsonFiles(in: tests), formatAssertion: false, draft: draft, registry: registry)
      let format = try Self.run(
        files: Self.jsonFiles(in: tests.appendingPathComponent("optional/format")), formatAssertion: true,
        draft: draft, registry: registry)
      let optional = try Self.run(
        files: Self.jsonFiles(in: tests.appendingPathComponent("optional")), formatAssertion: false,
        draft: draft, registry: registry)
      results.append((folder, required, format, optional))
      table.append(
        "| \(folder) | \(required.summary) | \(format.summary) | \(optional.summary) |")
      for (name, tally) in [("required", required), ("optional/format", format), ("optional", optional)] {
        for failure in tally.failures.prefix(verbose ? 1000 : (name == "optional" ? 0 : 10)) {
          print("  FAIL \(folder) \(name): \(failure)")
        }
      }
    }
    print("JSON-Schema-Test-Suite through the `dossier check` library path:")
    print(table.joined(separator: "\n"))
    for (folder, required, format, _) in results {
      #expect(required.total > 0 && format.total > 0, "\(folder): no tests found")
      #expect(required.ratio >= 0.99, "\(folder) required: \(required.summary)")
      #expect(format.ratio >= 0.99, "\(folder) optional/format: \(format.summary)")
    }
    if let latest = results.last {
      #expect(latest.1.passed == latest.1.total, "draft2020-12 required: \(latest.1.summary)")
    }
  }
}
