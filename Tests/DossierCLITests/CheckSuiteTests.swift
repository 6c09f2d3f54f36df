import DossierTestSupport
import Foundation
import JSONSchema
import Testing

/// The JSON-Schema-Test-Suite's remote-reference files through the built `dossier check` binary,
/// for every draft: each case's schema as `--schemafile`, each test's data as a file, the folder's
/// draft as `--default-draft`, `--ref-map http://localhost:1234/=remotes/`, `--disable-formats '*'`.
/// (The whole suite runs through the same library path in `ConformanceTests`.)
@Suite struct CheckSuiteTests {
  @Test(arguments: [
    ("draft4", "4"), ("draft6", "6"), ("draft7", "7"), ("draft2019-09", "2019-09"),
    ("draft2020-12", "2020-12"),
  ])
  func refRemoteThroughTheBinary(folder: String, draft: String) throws {
    guard let suite = RepositoryPaths.conformanceSuite("JSON-Schema-Test-Suite") else { return }
    let file = suite.appendingPathComponent("tests/\(folder)/refRemote.json")
    let cases = try JSONReader().read(Data(contentsOf: file)).arrayValue ?? []
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("suite-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    var passed = 0
    var total = 0
    var failures: [String] = []
    for (c, testCase) in cases.enumerated() {
      let schema = work.appendingPathComponent("schema-\(c).json")
      try Data(JSONWriter.text(of: testCase["schema"] ?? .null).utf8).write(to: schema)
      let tests = testCase["tests"]?.arrayValue ?? []
      var paths: [String] = []
      for (t, test) in tests.enumerated() {
        let instance = work.appendingPathComponent("case-\(c)-\(t).json")
        try Data(JSONWriter.text(of: test["data"] ?? .null).utf8).write(to: instance)
        paths.append(instance.path)
      }
      let result = try CommandRunner.dossier(
        [
          "check", "--schemafile", schema.path, "--default-draft", draft, "--disable-formats", "*",
          "--ref-map", "http://localhost:1234/=\(suite.appendingPathComponent("remotes").path)", "-o", "json",
        ] + paths)
      let report = try? JSONReader().read(result.stdout)
      let failing = Set(
        (report?["diagnostics"]?.arrayValue ?? []).compactMap { $0["file"]?.stringValue })
      for (t, test) in tests.enumerated() {
        total += 1
        let expected = test["valid"]?.boolValue ?? false
        let valid = result.exitCode != 2 && !failing.contains(paths[t])
        if valid == expected && result.exitCode != 2 {
          passed += 1
        } else {
          failures.append(
            "\(testCase["description"]?.stringValue ?? "?") / \(test["description"]?.stringValue ?? "?"): exit \(result.exitCode) \(result.stderr.prefix(200))"
          )
        }
      }
    }
    print("dossier check on \(folder)/refRemote.json: \(passed)/\(total)")
    for failure in failures { print("  FAIL \(failure)") }
    #expect(total > 0 && passed == total, "\(failures)")
  }
}
