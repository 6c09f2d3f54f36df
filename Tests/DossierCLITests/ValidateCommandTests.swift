import DossierTestSupport
import Foundation
import Testing

/// `dossier validate` and `dossier check` end to end, through the built binary.
@Suite(.serialized) struct ValidateCommandTests {
  /// A copy of `Input/` with the annotation of document 003 broken in two places, in a temporary folder.
  static func brokenCorpus() throws -> URL {
    let folder = try RepositoryPaths.temporaryCopy(of: ["Input"], label: "validate")
    let input = folder.appendingPathComponent("Input")
    let yaml = input.appendingPathComponent("003_9ffac5d15d52c637.yaml")
    var text = try String(contentsOf: yaml, encoding: .utf8)
    text = text.replacingOccurrences(of: "editor: Li Jiayao", with: "editor: Li Jiayo")
    text = text.replacingOccurrences(of: "      - made video calls\n", with: "      - made phone calls\n")
    try text.write(to: yaml, atomically: true, encoding: .utf8)
    return folder
  }

  static func validate(_ folder: URL, _ extra: [String]) throws -> CommandResult {
    try CommandRunner.dossier(
      [
        "validate", "--input", folder.appendingPathComponent("Input").path, "--schemas",
        RepositoryPaths.schemas.path,
      ]
        + extra, in: folder)
  }

  @Test func repositoryValidatesSilently() throws {
    let result = try CommandRunner.dossier(["validate"])
    #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.isEmpty)
  }

  @Test func namedFilesValidate() throws {
    let result = try CommandRunner.dossier([
      "validate", "Input/003_9ffac5d15d52c637.yaml", "Input/000_ec6a5abef4a65f2a.txt",
    ])
    #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func textReporterShowsEveryProblemWithSourceLines() throws {
    let folder = try Self.brokenCorpus()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.validate(folder, [])
    #expect(result.exitCode == 1)
    #expect(result.stdout.contains("003_9ffac5d15d52c637.yaml:18:11: error[A001]"))
    #expect(result.stdout.contains("error[V002]: quote “made phone calls” not found in section 2"))
    #expect(
      result.stdout.contains("   |   editor: Li Jiayo") || result.stdout.contains("|   editor: Li Jiayo"))
    #expect(result.stdout.contains("2 errors"))
  }

  @Test func jsonReporter() throws {
    let folder = try Self.brokenCorpus()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.validate(folder, ["--reporter", "json"])
    #expect(result.exitCode == 1)
    let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let text = String(describing: value)
    #expect(text.contains("A001"))
    #expect(text.contains("V002"))
  }

  @Test func sarifReporter() throws {
    let folder = try Self.brokenCorpus()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.validate(folder, ["--reporter", "sarif"])
    #expect(result.exitCode == 1)
    let sarif = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(sarif["version"] as? String == "2.1.0")
    let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let ruleIDs = ((driver["rules"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
    #expect(Set(ruleIDs).isSuperset(of: ["A001", "V002"]))
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 2)
    for item in results {
      #expect(ruleIDs.contains(item["ruleId"] as? String ?? ""))
      let location = try #require((item["locations"] as? [[String: Any]])?.first)
      let physical = try #require(location["physicalLocation"] as? [String: Any])
      let region = try #require(physical["region"] as? [String: Any])
      let line = try #require(region["startLine"] as? Int)
      let column = try #require(region["startColumn"] as? Int)
      #expect(line >= 1 && column >= 1)
    }
  }

  @Test func githubReporter() throws {
    let folder = try Self.brokenCorpus()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.validate(folder, ["--reporter", "github"])
    #expect(result.exitCode == 1)
    let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
    #expect(lines.count == 2)
    let pattern =
      /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=[^:]*::.+$/
    for line in lines {
      #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
    }
  }

  @Test func missingFolderAndUnreadableFileExitTwo() throws {
    let missing = try CommandRunner.dossier(["validate", "--input", "No/Such/Folder"])
    #expect(missing.exitCode == 2)
    #expect(missing.stderr.contains("does not exist"))
    let unreadable = try CommandRunner.dossier(["validate", "Input/nothing-here.yaml"])
    #expect(unreadable.exitCode == 2)
    #expect(unreadable.stderr.split(separator: "\n").count == 1)
  }

  @Test func strictTurnsAMissingAnnotationIntoAnError() throws {
    let folder = try Self.brokenCorpus()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("Input")
    try FileManager.default.removeItem(at: input.appendingPathComponent("003_9ffac5d15d52c637.yaml"))
    let lenient = try Self.validate(folder, [])
    #expect(lenient.exitCode == 0, "\(lenient.stdout)")
    #expect(lenient.stdout.contains("warning[A008]"))
    let strict = try Self.validate(folder, ["--strict"])
    #expect(strict.exitCode == 1)
  }

  // MARK: dossier check

  @Test func checkValidFilesExitZero() throws {
    let result = try CommandRunner.dossier([
      "check", "--schema", "Schemas/annotation.schema.json", "Input/003_9ffac5d15d52c637.yaml",
      "Input/000_ec6a5abef4a65f2a.yaml",
    ])
    #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func checkLocatesErrorsInYAMLAndJSON() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dossier-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "properties": { "when": { "type": "string", "format": "date" }, "item": { "$ref": "item.schema.json" } },
      "additionalProperties": false
    }
    """.write(to: folder.appendingPathComponent("main.schema.json"), atomically: true, encoding: .utf8)
    try """
    { "type": "object", "properties": { "count": { "type": "integer" } }, "required": ["count"] }
    """.write(to: folder.appendingPathComponent("item.schema.json"), atomically: true, encoding: .utf8)
    try "when: 2021-02-30\nitem:\n  count: many\nwhn: x\n".write(
      to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
    try "{\n  \"when\": \"2021-01-01\",\n  \"item\": {}\n}\n".write(
      to: folder.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
    try "when: 2021-01-01\n".write(
      to: folder.appendingPathComponent("ok.yaml"), atomically: true, encoding: .utf8)
    let result = try CommandRunner.dossier(
      ["check", "--schema", "main.schema.json", "a.yaml", "b.json", "ok.yaml"], in: folder)
    #expect(result.exitCode == 1, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("a.yaml:1:7: error[S006]"))
    #expect(result.stdout.contains("a.yaml:3:10: error[S004]"))
    #expect(result.stdout.contains("a.yaml:4:1: error[S002]: unknown key 'whn'"))
    #expect(result.stdout.contains("help: did you mean 'when'?"))
    #expect(result.stdout.contains("b.json:3:11: error[S003]"))
    #expect(!result.stdout.contains("ok.yaml"))
  }

  @Test func checkInvalidSchemaExitsTwo() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dossier-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "{\"type\": 12}".write(
      to: folder.appendingPathComponent("bad.schema.json"), atomically: true, encoding: .utf8)
    try "{\"type\": \"object\",".write(
      to: folder.appendingPathComponent("broken.schema.json"), atomically: true, encoding: .utf8)
    try "a: 1\n".write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
    for schema in ["bad.schema.json", "broken.schema.json"] {
      let result = try CommandRunner.dossier(["check", "--schema", schema, "a.yaml"], in: folder)
      #expect(result.exitCode == 2, "\(schema): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1)
      #expect(result.stdout.isEmpty)
    }
  }

  @Test func checkUnreadableSchemaExitsTwo() throws {
    let result = try CommandRunner.dossier([
      "check", "--schema", "No/such.schema.json", "Input/003_9ffac5d15d52c637.yaml",
    ])
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("No/such.schema.json"))
  }

  /// The project root is found by walking up: `cd Input && dossier validate some.yaml` works.
  @Test func validateFromInsideInputFindsTheProjectRoot() throws {
    let result = try CommandRunner.dossier(
      ["validate", "003_9ffac5d15d52c637.yaml"], in: RepositoryPaths.input)
    #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
  }

  @Test func withoutAProjectTheErrorHasAHint() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dossier-none-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandRunner.dossier(["validate"], in: folder)
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("does not exist"))
    #expect(result.stderr.contains("hint: dossier looks for the project"))
  }

  @Test func versionPrintsTheVersion() throws {
    let result = try CommandRunner.dossier(["--version"])
    #expect(result.exitCode == 0)
    // The one version constant (Sources/DossierCore/Diagnostics/DossierVersion.swift), also in reports.
    let source = try String(
      contentsOf: RepositoryPaths.root.appendingPathComponent(
        "Sources/DossierCore/Diagnostics/DossierVersion.swift"),
      encoding: .utf8)
    let version = result.stdout.trimmingCharacters(in: .newlines)
    #expect(!version.isEmpty && source.contains("current = \"\(version)\""), "\(result.stdout)")
  }
}
