import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `dossier build` end to end through the built binary, in temporary folders: deterministic bytes for
/// any `--jobs`, `--check`, atomic replacement of the output folder, XML that xmllint accepts.
@Suite(.serialized) struct BuildCommandTests {
  static let article = "003_9ffac5d15d52c637"

  /// A temporary folder holding a copy of `Input/` (as `Input`).
  static func workspace() throws -> URL { try RepositoryPaths.temporaryCopy(of: ["Input"], label: "build") }

  static func build(_ folder: URL, _ extra: [String], environment: [String: String] = [:]) throws
    -> CommandResult
  {
    try CommandRunner.dossier(
      ["build", "--input", "Input", "--schemas", RepositoryPaths.schemas.path] + extra, in: folder,
      environment: environment)
  }

  /// Relative path → bytes of every file under a folder.
  static func contents(_ folder: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let relative = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let url = folder.appendingPathComponent(relative)
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        out[relative] = try Data(contentsOf: url)
      }
    }
    return out
  }

  /// Changes one character of the annotation of document 003 inside a comment (still valid).
  static func touchAnnotation(_ folder: URL) throws {
    let yaml = folder.appendingPathComponent("Input/\(article).yaml")
    var text = try String(contentsOf: yaml, encoding: .utf8)
    let range = try #require(text.range(of: "# Highlights of China"))
    text.replaceSubrange(range, with: "# highlights of China")
    try text.write(to: yaml, atomically: false, encoding: .utf8)
  }

  @Test func jobsOneAndTwoWriteIdenticalBytes() throws {
    let folder = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let one = try Self.build(folder, ["--output", "A", "--jobs", "1"])
    #expect(one.exitCode == 0, "\(one.stdout)\(one.stderr)")
    let two = try Self.build(folder, ["--output", "B", "--jobs", "2"])
    #expect(two.exitCode == 0, "\(two.stdout)\(two.stderr)")
    #expect(one.stdout.isEmpty)
    #expect(
      one.stderr.hasPrefix("dossier build: 2 documents, 28 activities; no previous bag; wrote "),
      "\(one.stderr)")
    let quiet = try Self.build(folder, ["--output", "A", "--quiet"])
    #expect(quiet.exitCode == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.stderr)")
    let a = try Self.contents(folder.appendingPathComponent("A"))
    let b = try Self.contents(folder.appendingPathComponent("B"))
    #expect(a.count > 20)
    #expect(a == b)
    #expect(a["bagit.txt"] != nil && a["data/tsv/datapackage.json"] != nil)
    // No temporary folder is left beside the output.
    let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(Set(beside) == ["Input", "A", "B"])
  }

  @Test func committedExportsAreUpToDate() throws {
    let result = try CommandRunner.dossier(["build", "--check"])
    #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func committedExportsMatchTheBuildAndTheirManifestsVerify() throws {
    let exports = RepositoryPaths.root.appendingPathComponent("Exports")
    let files = try Self.contents(exports)
    let manifest = String(decoding: try #require(files["manifest-sha256.txt"]), as: UTF8.self)
    let tags = String(decoding: try #require(files["tagmanifest-sha256.txt"]), as: UTF8.self)
    var listed = 0
    for line in (manifest + tags).split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 1)
      let path = String(parts[1].dropFirst())
      let bytes = try #require(files[path], "manifest lists \(path), which is missing")
      #expect(BagItPackager.sha256Hex([UInt8](bytes)) == String(parts[0]), "\(path)")
      listed += 1
    }
    #expect(listed == files.count - 1)  // every file but the tag manifest itself
  }

  @Test func checkNamesTheStaleFilesAfterAOneCharacterChange() throws {
    let folder = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try Self.build(folder, ["--output", "Exports"]).exitCode == 0)
    let fresh = try Self.build(folder, ["--output", "Exports", "--check"])
    #expect(fresh.exitCode == 0, "\(fresh.stdout)\(fresh.stderr)")
    try Self.touchAnnotation(folder)
    let stale = try Self.build(folder, ["--output", "Exports", "--check"])
    #expect(stale.exitCode == 1)
    #expect(
      stale.stdout.contains("Exports/data/json/\(Self.article).json: error[X010]: stale: the content differs")
    )
    #expect(stale.stdout.contains("Exports/data/xml/\(Self.article).xml: error[X010]: stale"))
    #expect(stale.stdout.contains("Exports/manifest-sha256.txt: error[X010]: stale"))
    #expect(!stale.stdout.contains("000_ec6a5abef4a65f2a.json"))
    #expect(stale.stderr.contains("note: Input/\(Self.article).yaml changed since the bag was built"))
    // --check wrote nothing.
    let after = try Self.build(folder, ["--output", "Exports", "--check"])
    #expect(after.stdout == stale.stdout)

    // Extra and missing files are named too.
    try Data("x".utf8).write(to: folder.appendingPathComponent("Exports/data/extra.txt"))
    try FileManager.default.removeItem(at: folder.appendingPathComponent("Exports/bagit.txt"))
    let more = try Self.build(folder, ["--output", "Exports", "--check"])
    #expect(more.stdout.contains("Exports/data/extra.txt: error[X010]: extra"))
    #expect(more.stdout.contains("Exports/bagit.txt: error[X010]: missing"))
  }

  /// `--check` findings go through the chosen reporter: stdout is one JSON or SARIF document listing
  /// every stale file, or one `::error` per stale file; `GITHUB_ACTIONS=true` selects `github`.
  @Test func checkReportsStaleFilesThroughTheChosenReporter() throws {
    let folder = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try Self.build(folder, ["--output", "Exports"]).exitCode == 0)
    try Self.touchAnnotation(folder)
    let stalePaths: Set<String> = [
      "Exports/data/json/\(Self.article).json", "Exports/data/xml/\(Self.article).xml",
      "Exports/manifest-sha256.txt",
    ]

    let json = try Self.build(folder, ["--output", "Exports", "--check", "--reporter", "json"])
    #expect(json.exitCode == 1)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)")
    let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
    let files = Set(diagnostics.compactMap { $0["file"] as? String })
    #expect(files.isSuperset(of: stalePaths))
    #expect(diagnostics.allSatisfy { $0["code"] as? String == "X010" })
    let summary = try #require(document["summary"] as? [String: Any])
    #expect(summary["errors"] as? Int == diagnostics.count)

    let sarif = try Self.build(folder, ["--output", "Exports", "--check", "--reporter", "sarif"])
    #expect(sarif.exitCode == 1)
    let log = try #require(
      try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any], "\(sarif.stdout)")
    let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
    #expect(results.count == diagnostics.count)
    // The SARIF log is valid against the SARIF 2.1.0 schema, checked with `dossier check`.
    let schema = RepositoryPaths.root.deletingLastPathComponent()
      .appendingPathComponent("shared/conformance/schemastore/schemas/sarif-2.1.0-rtm.5.json")
    if FileManager.default.fileExists(atPath: schema.path) {
      let file = folder.appendingPathComponent("check.sarif")
      try Data(sarif.stdout.utf8).write(to: file)
      let checked = try CommandRunner.dossier(["check", "--schema", schema.path, file.path])
      #expect(checked.exitCode == 0, "\(checked.stdout)\(checked.stderr)")
    } else {
      print("NOTE: ../shared/conformance is absent; the SARIF log was not checked against its schema.")
    }

    for run in [
      try Self.build(folder, ["--output", "Exports", "--check", "--reporter", "github"]),
      try Self.build(folder, ["--output", "Exports", "--check"], environment: ["GITHUB_ACTIONS": "true"]),
    ] {
      #expect(run.exitCode == 1)
      let errors = run.stdout.split(separator: "\n").filter { $0.hasPrefix("::error file=") }
      #expect(errors.count == diagnostics.count, "\(run.stdout)")
      for path in stalePaths { #expect(errors.contains { $0.hasPrefix("::error file=\(path),") }, "\(path)") }
    }
  }

  @Test func aChangeThatBreaksTheAnnotationNamesIt() throws {
    let folder = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try Self.build(folder, ["--output", "Exports"]).exitCode == 0)
    let before = try Self.contents(folder.appendingPathComponent("Exports"))
    let yaml = folder.appendingPathComponent("Input/\(Self.article).yaml")
    var text = try String(contentsOf: yaml, encoding: .utf8)
    text = text.replacingOccurrences(of: "editor: Li Jiayao", with: "editor: Li Jiayeo")
    try text.write(to: yaml, atomically: false, encoding: .utf8)
    for extra in [[], ["--check"]] {
      let result = try Self.build(folder, ["--output", "Exports"] + extra)
      #expect(result.exitCode == 1)
      #expect(result.stdout.contains("Input/\(Self.article).yaml:"))
    }
    #expect(try Self.contents(folder.appendingPathComponent("Exports")) == before)
  }

  @Test func aFailingWriterLeavesThePreviousExportsIntact() throws {
    let folder = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try Self.build(folder, ["--output", "Exports"]).exitCode == 0)
    let before = try Self.contents(folder.appendingPathComponent("Exports"))
    try Self.touchAnnotation(folder)
    let failed = try Self.build(
      folder, ["--output", "Exports"], environment: ["DOSSIER_TEST_FAULT": "write:7"])
    #expect(failed.exitCode == 2)
    #expect(failed.stderr.contains("injected fault"))
    #expect(try Self.contents(folder.appendingPathComponent("Exports")) == before)
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["Input", "Exports"])
  }

  @Test(arguments: ["kill:before-swap", "kill:between-renames"])
  func aKilledBuildLeavesACompleteBag(fault: String) throws {
    let folder = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try Self.build(folder, ["--output", "Exports"]).exitCode == 0)
    let before = try Self.contents(folder.appendingPathComponent("Exports"))
    try Self.touchAnnotation(folder)
    let killed = try Self.build(folder, ["--output", "Exports"], environment: ["DOSSIER_TEST_FAULT": fault])
    #expect(killed.exitCode == 9)  // SIGKILL
    let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    if fault == "kill:before-swap" {
      // The old bag is in place; the complete new one waits in the temporary folder.
      #expect(try Self.contents(folder.appendingPathComponent("Exports")) == before)
      #expect(beside.contains { $0.hasPrefix(".Exports.tmp-") })
    } else {
      // Between the renames the complete old bag is parked beside the output.
      let parked = try #require(beside.first { $0.hasPrefix(".Exports.old-") })
      #expect(try Self.contents(folder.appendingPathComponent(parked)) == before)
    }
    // The next run recovers: the old bag is back (and stale against the changed input).
    let check = try Self.build(folder, ["--output", "Exports", "--check"])
    #expect(check.exitCode == 1)
    #expect(check.stdout.contains("Exports/data/json/\(Self.article).json: error[X010]: stale"))
    #expect(try Self.contents(folder.appendingPathComponent("Exports")) == before)
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["Input", "Exports"])
    // And a normal build then replaces it.
    #expect(try Self.build(folder, ["--output", "Exports"]).exitCode == 0)
    #expect(try Self.build(folder, ["--output", "Exports", "--check"]).exitCode == 0)
  }

  @Test func refusesToReplaceAFolderThatIsNotABag() throws {
    let folder = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.build(folder, ["--output", "Input"])
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("not a bag"))
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("Input/\(Self.article).txt").path))
  }

  @Test func missingFoldersAndBadOptionsExitTwo() throws {
    let folder = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try Self.build(folder, ["--input", "Nope"]).exitCode == 2)
    #expect(try CommandRunner.dossier(["build", "--schemas", "/nonexistent"]).exitCode == 2)
    #expect(try Self.build(folder, ["--format", "json,pdf"]).exitCode == 2)
    #expect(try Self.build(folder, ["--jobs", "0"]).exitCode == 2)
  }

  @Test func formatSelectsThePayload() throws {
    let folder = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try Self.build(folder, ["--output", "Out", "--format", "tsv,json"]).exitCode == 0)
    let files = try Self.contents(folder.appendingPathComponent("Out"))
    #expect(files.keys.contains("data/tsv/activities.tsv"))
    #expect(files.keys.contains("data/json/\(Self.article).json"))
    #expect(!files.keys.contains { $0.hasPrefix("data/xml/") || $0.hasPrefix("data/jsonl/") })
  }

  /// xmllint (libxml2-utils) accepts every XML file of the committed bag with the documented command.
  @Test func xmllintAcceptsTheCommittedXML() throws {
    let xmllint = URL(fileURLWithPath: "/usr/bin/xmllint")
    guard FileManager.default.isExecutableFile(atPath: xmllint.path) else {
      print("NOTE: xmllint is not installed; the xmllint check did not run (libxml2 validation still did).")
      return
    }
    let root = RepositoryPaths.root
    for (schema, folder) in [
      ("Schemas/xml/dossier-record.xsd", "Exports/data/xml"),
      ("Schemas/xml/vendor/oai_dc.xsd", "Exports/data/oai_dc"),
    ] {
      let files = try FileManager.default.contentsOfDirectory(
        atPath: root.appendingPathComponent(folder).path
      )
      .filter { $0.hasSuffix(".xml") }.sorted().map { "\(folder)/\($0)" }
      #expect(files.count == 2)
      let result = try CommandRunner.run(
        xmllint, ["--nonet", "--noout", "--schema", schema] + files, in: root,
        environment: ["XML_CATALOG_FILES": "Schemas/catalog.xml"])
      #expect(result.exitCode == 0, "\(result.stderr)")
      for file in files { #expect(result.stderr.contains("\(file) validates")) }
    }
  }
}
