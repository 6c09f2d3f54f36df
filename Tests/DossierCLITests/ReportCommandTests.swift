import DossierTestSupport
import Foundation
import Testing

/// `dossier report` end to end: the folder it writes, its determinism, its refusals, and (when
/// Chromium is installed) the pages rendered by a headless browser without console messages.
@Suite(.serialized) struct ReportCommandTests {
  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dossier-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Every file of a folder, by relative path.
  static func contents(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let relative = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let path = folder.appendingPathComponent(relative).path
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
        files[relative] = FileManager.default.contents(atPath: path)
      }
    }
    return files
  }

  @Test func writesTheSameFolderTwice() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("Report")
    let first = try CommandRunner.dossier(["report", "--output", output.path])
    #expect(first.exitCode == 0, "\(first.stderr)")
    #expect(first.stdout.isEmpty)
    #expect(first.stderr.contains("2 document page(s)"))
    let files = try Self.contents(output)
    #expect(
      files.keys.sorted() == [
        "documents/000_ec6a5abef4a65f2a.html", "documents/003_9ffac5d15d52c637.html", "index.html",
      ])
    let second = try CommandRunner.dossier(["report", "--output", output.path])
    #expect(second.exitCode == 0)
    #expect(try Self.contents(output) == files)
    // No leftover temporary folder beside the output.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Report"])
  }

  @Test func refusesToReplaceAFolderThatIsNotAReport() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("Notes")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    try "keep me".write(to: output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let result = try CommandRunner.dossier(["report", "--output", output.path])
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("is not a report written by dossier report"))
    #expect(try String(contentsOf: output.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
  }

  @Test func errorsInTheCorpusWriteNothing() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("Input")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    try "Title\n\n1. One\n\nText.\n".write(
      to: input.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "kind: news_article\nmetadata: {languages: [en]}\nactivities: []\n".write(
      to: input.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("Report")
    let result = try CommandRunner.dossier(
      ["report", "--input", input.path, "--schemas", RepositoryPaths.schemas.path, "--output", output.path],
      in: folder)
    #expect(result.exitCode == 1)
    #expect(!FileManager.default.fileExists(atPath: output.path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Input"])
  }

  @Test func generatedCorpusHasOneHighlightPerEvidence() throws {
    let generator = RepositoryPaths.root.deletingLastPathComponent().appendingPathComponent(
      "shared/bench/gen_corpus.py")
    guard FileManager.default.fileExists(atPath: generator.path) else {
      print("NOTE: \(generator.path) is absent; the generated-corpus report test did not run.")
      return
    }
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let made = try CommandRunner.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", generator.path, folder.path, "5", "--seed", "3"],
      in: folder)
    #expect(made.exitCode == 0)
    let output = folder.appendingPathComponent("Report")
    let result = try CommandRunner.dossier(
      ["report", "--input", "Input", "--schemas", RepositoryPaths.schemas.path, "--output", output.path],
      in: folder)
    #expect(result.exitCode == 0, "\(result.stderr)")
    let input = folder.appendingPathComponent("Input")
    for name in try FileManager.default.contentsOfDirectory(atPath: input.path) where name.hasSuffix(".yaml")
    {
      let yaml = try String(contentsOf: input.appendingPathComponent(name), encoding: .utf8)
      let evidence = yaml.components(separatedBy: "    evidence:\n").count - 1
      let page = try String(
        contentsOf: output.appendingPathComponent("documents/\(name.dropLast(5)).html"), encoding: .utf8)
      #expect(page.components(separatedBy: "<mark id=\"ev-").count - 1 == evidence, "\(name)")
    }
  }

  /// The Chromium binary, if installed.
  static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { name in
    (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/\(name)" }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }.first

  @Test func pagesRenderInHeadlessChromiumWithoutConsoleMessages() throws {
    guard let chromium = Self.chromium else {
      print(
        "NOTE: Chromium is not installed; the headless browser test of the report did not run "
          + "(`make browser-test` installs it and runs this test).")
      return
    }
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("Report")
    #expect(try CommandRunner.dossier(["report", "--output", output.path]).exitCode == 0)
    for page in try Self.contents(output).keys.sorted() {
      let url = output.appendingPathComponent(page)
      let result = try CommandRunner.run(
        URL(fileURLWithPath: chromium),
        [
          "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
          "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--dump-dom",
          url.absoluteString,
        ], in: folder)
      #expect(result.exitCode == 0, "\(page): \(result.stderr)")
      let console = result.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") }
      #expect(console.isEmpty, "\(page): \(console)")
      #expect(result.stdout.contains("<main>"), "\(page): the DOM was not rendered")
      if page.hasPrefix("documents/003") { #expect(result.stdout.contains("<mark id=\"ev-")) }
    }
    print("headless Chromium rendered the report's pages without console messages")
  }
}
