import DossierTestSupport
import Foundation
import Testing

/// `dossier inspect` and the ingest-only `dossier build`, end to end through the built binary.
@Suite struct InspectCommandTests {
  static func json(_ result: CommandResult) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try #require(object as? [String: Any])
  }

  static func lines(ofSeed name: String) throws -> [String] {
    let text = try String(contentsOf: RepositoryPaths.input.appendingPathComponent(name), encoding: .utf8)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// For every block, byline field and section heading: slicing the file's text at the span gives the text.
  static func expectSpansSlice(_ json: [String: Any], seed name: String) throws {
    let text = try String(contentsOf: RepositoryPaths.input.appendingPathComponent(name), encoding: .utf8)
    let scalars = Array(text.unicodeScalars)
    func expectSlice(_ object: Any?, _ what: String) {
      guard let object = object as? [String: Any], let start = object["start"] as? Int,
        let end = object["end"] as? Int, let value = object["text"] as? String
      else { return }
      #expect(start >= 0 && start <= end && end <= scalars.count, "\(what)")
      guard start >= 0 && start <= end && end <= scalars.count else { return }
      #expect(String(String.UnicodeScalarView(scalars[start..<end])) == value, "\(what)")
    }
    let blocks = try #require(json["blocks"] as? [[String: Any]])
    #expect(!blocks.isEmpty)
    for block in blocks {
      for key in ["id", "kind", "language", "start", "end", "lines", "columns", "text"] {
        #expect(block[key] != nil, "block key \(key)")
      }
      expectSlice(block, "block \(block["id"] ?? "?")")
    }
    for section in json["sections"] as? [[String: Any]] ?? [] {
      expectSlice(section["heading"], "section heading")
      expectSlice(section["title"], "section title")
    }
    if let byline = json["byline"] as? [String: Any] {
      for key in ["line", "source", "editor", "author", "timestamp"] {
        expectSlice(byline[key], "byline \(key)")
      }
    }
    expectSlice(json["title"], "title")
  }

  @Test func acceptance2Doc003() throws {
    let result = try CommandRunner.dossier(["inspect", "Input/003_9ffac5d15d52c637.txt", "--json"])
    #expect(result.exitCode == 0)
    #expect(result.stderr.isEmpty)
    let json = try Self.json(result)
    let lines = try Self.lines(ofSeed: "003_9ffac5d15d52c637.txt")
    #expect((json["title"] as? [String: Any])?["text"] as? String == lines[0])
    let byline = try #require(json["byline"] as? [String: Any])
    #expect((byline["source"] as? [String: Any])?["text"] as? String == "China Military Online")
    #expect((byline["editor"] as? [String: Any])?["text"] as? String == "Li Jiayao")
    #expect((byline["timestamp"] as? [String: Any])?["text"] as? String == "2021-12-23 18:03:31")
    let sections = try #require(json["sections"] as? [[String: Any]])
    #expect(sections.count == 7)
    let headingLines = lines.filter { $0.first?.isNumber == true && $0.dropFirst().hasPrefix(". ") }
    #expect(headingLines.count == 7)
    #expect(sections.map { ($0["heading"] as? [String: Any])?["text"] as? String } == headingLines)
    #expect(sections.map { $0["number"] as? Int } == Array(1...7))
    #expect(json["languages"] as? [String] == ["en"])
    try Self.expectSpansSlice(json, seed: "003_9ffac5d15d52c637.txt")
  }

  @Test func acceptance3Doc000() throws {
    let result = try CommandRunner.dossier(["inspect", "Input/000_ec6a5abef4a65f2a.txt", "--json"])
    #expect(result.exitCode == 0)
    let json = try Self.json(result)
    #expect((json["title"] as? [String: Any])?["text"] as? String == "International Military Cooperation")
    let blocks = try #require(json["blocks"] as? [[String: Any]])
    let items = blocks.filter { $0["kind"] as? String == "list_item" }
    #expect(
      items.map { $0["text"] as? String } == [
        "security dialog and consultation",
        "joint international military operations including counter-terrorism operations",
        "joint military exercises and training",
        "military equipment and technology cooperation",
        "personnel exchanges",
        "international arms control",
        "providing international public security goods, including UN peacekeeping operations, naval escort "
          + "missions, and humanitarian assistance and disaster relief (HADR) operations",
      ])
    #expect(items.map { $0["terminator"] as? String } == [";", ";", ";", ";", ";", "; and", "."])
    let chinese = blocks.filter { $0["language"] as? String == "zh" }
    #expect(chinese.first?["text"] as? String == "国际军事合作")
    #expect(chinese.first?["kind"] as? String == "title")
    #expect(chinese.first?["version"] as? String == "zh")
    #expect(chinese.count == 2)
    #expect((chinese.last?["text"] as? String)?.hasPrefix("开展军事交流与合作") == true)
    #expect(chinese.first?["lines"] as? [Int] == [12, 12])
    #expect(json["languages"] as? [String] == ["en", "zh"])
    let versions = try #require(json["versions"] as? [[String: Any]])
    #expect(versions.map { $0["id"] as? String } == ["zh"])
    try Self.expectSpansSlice(json, seed: "000_ec6a5abef4a65f2a.txt")
  }

  @Test func jsonIsStableWithSortedKeys() throws {
    let first = try CommandRunner.dossier(["inspect", "--json", "Input/000_ec6a5abef4a65f2a.txt"])
    let second = try CommandRunner.dossier(["inspect", "--json", "Input/000_ec6a5abef4a65f2a.txt"])
    #expect(first.stdout == second.stdout)
    // Keys of a block appear in sorted order, and absent values are null, not missing.
    let block = try #require(first.stdout.range(of: "\"id\": \"s0.l6\""))
    let objectStart = try #require(first.stdout[..<block.lowerBound].range(of: "{", options: .backwards))
    let objectEnd = try #require(first.stdout[block.upperBound...].range(of: "}"))
    let object = String(first.stdout[objectStart.lowerBound..<objectEnd.upperBound])
    let keys = [
      "columns", "end", "id", "kind", "language", "lines", "marker", "parent", "section", "start",
      "terminator",
      "text", "version",
    ]
    let positions = keys.compactMap { object.range(of: "\"\($0)\":")?.lowerBound }
    #expect(positions.count == keys.count, "\(object)")
    #expect(positions == positions.sorted())
    #expect(object.contains("\"section\": null"))
    #expect(first.stdout.hasSuffix("}\n"))
  }

  @Test func outlineByDefault() throws {
    let result = try CommandRunner.dossier(["inspect", "Input/003_9ffac5d15d52c637.txt"])
    #expect(result.exitCode == 0)
    let out = result.stdout
    #expect(
      out.contains(
        "title: \"Highlights of China's international military cooperation in 2021\" [0,64) line 1"))
    #expect(out.contains("source    \"China Military Online\""))
    #expect(out.contains("timestamp \"2021-12-23 18:03:31\""))
    #expect(out.contains("sections: 7"))
    #expect(out.contains("blocks: 16"))
    #expect(out.contains("s3.p1"))
    #expect(out.contains("[1514,1567)"))
    let zh = try CommandRunner.dossier(["inspect", "Input/000_ec6a5abef4a65f2a.txt"])
    #expect(zh.stdout.contains("version zh (zh): from line 12"))
    #expect(zh.stdout.contains("⟨; and⟩"))
  }

  @Test func missingFileIsExitTwoWithOneLine() throws {
    let result = try CommandRunner.dossier(["inspect", "missing.txt"])
    #expect(result.exitCode == 2)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.contains("missing.txt") == true)
    let directory = try CommandRunner.dossier(["inspect", "Input"])
    #expect(directory.exitCode == 2)
    #expect(directory.stderr.contains("'Input'") && directory.stderr.contains("directory"))
    let device = try CommandRunner.dossier(["inspect", "/dev/zero"])
    #expect(device.exitCode == 2)
    #expect(device.stderr.contains("not a regular file"))
    let usage = try CommandRunner.dossier(["inspect"])
    #expect(usage.exitCode == 2)
  }

  @Test func hostileFilesNeverCrash() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dossier-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // Deterministic junk.
    var random = SplitMix(seed: 0x2021_1223)
    func nextByte() -> UInt8 { UInt8(truncatingIfNeeded: random.next() >> 56) }
    var files: [(String, [UInt8], Int32)] = [
      ("junk.bin", (0..<65536).map { _ in nextByte() }, 1),
      ("invalid-utf8.txt", Array("Title\nBody \u{E9}".utf8) + [0xC3, 0x28, 0xA0, 0xFF], 1),
      ("nul.txt", Array("Title\n".utf8) + [0, 0, 0] + Array("body".utf8), 1),
      ("long-line.txt", Array(repeating: UInt8(ascii: "a"), count: 1_048_576), 0),
      ("long-line-zh.txt", Array(String(repeating: "国际", count: 200_000).utf8), 0),
      ("only-newlines.txt", Array(repeating: UInt8(ascii: "\n"), count: 1000), 1),
      ("only-cr.txt", Array(repeating: UInt8(ascii: "\r"), count: 1000), 1),
      ("empty.txt", [], 1),
      ("bom-only.txt", [0xEF, 0xBB, 0xBF], 1),
      ("utf16.txt", [0xFF, 0xFE, 0x41, 0x00, 0x0A, 0x00], 1),
      ("controls.txt", Array("Ti\u{1B}[2Jtle\n\u{7}\u{8}body\u{202E}".utf8), 0),
      ("truncated.txt", Array("Title\n国".utf8).dropLast(1), 1),
      ("colons.txt", Array(String(repeating: ":\n;\n", count: 2000).utf8), 0),
      ("markers.txt", Array((1...1000).map { "\($0). h\n" }.joined().utf8), 0),
      ("byline-like.txt", Array(("Source:" + String(repeating: "Editor:", count: 5000) + "\nx").utf8), 0),
    ]
    files.append(("many-lines.txt", Array(String(repeating: "x\n", count: 20_000).utf8), 0))
    for (name, bytes, expected) in files {
      let url = folder.appendingPathComponent(name)
      try Data(bytes).write(to: url)
      for arguments in [["inspect", url.path], ["inspect", url.path, "--json"]] {
        let result = try CommandRunner.dossier(arguments)
        #expect([0, 1, 2].contains(result.exitCode), "\(name): exit \(result.exitCode) (a signal?)")
        #expect(result.exitCode == expected, "\(name): \(result.stderr)")
        if result.exitCode == 1 {
          #expect(
            result.stderr.contains("\(url.path):1:") || result.stderr.contains("\(url.path):2:"), "\(name)")
          #expect(result.stderr.contains("error:"))
          #expect(result.stdout.isEmpty)
        }
        if result.exitCode == 0 && arguments.count == 3 {
          #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(name)")
        }
      }
    }
    // The outline never passes terminal control characters through.
    let controls = try CommandRunner.dossier(["inspect", folder.appendingPathComponent("controls.txt").path])
    #expect(!controls.stdout.contains("\u{1B}") && !controls.stdout.contains("\u{202E}"))
    #expect(controls.stdout.contains("\\u{1B}"))
    #expect(controls.stderr.contains("I004"))
    let invalid = try CommandRunner.dossier([
      "inspect", folder.appendingPathComponent("invalid-utf8.txt").path,
    ])
    #expect(invalid.stderr.contains("invalid UTF-8 at byte 13 (line 2)") && invalid.stderr.contains("[I001]"))
  }

  /// `dossier build` reports every bad document of the corpus in one run (ingest errors included),
  /// exits 1 and writes nothing.
  @Test func buildReportsEveryBadDocumentAndWritesNothing() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dossier-build-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("Title\n\n1. One\n\nText.".utf8).write(to: folder.appendingPathComponent("b.txt"))
    try Data([0x41, 0xFF]).write(to: folder.appendingPathComponent("a.txt"))
    try Data("ignored".utf8).write(to: folder.appendingPathComponent("c.yaml"))
    let output = folder.appendingPathComponent("Exports")
    let result = try CommandRunner.dossier([
      "build", "--input", folder.path, "--output", output.path, "--schemas", RepositoryPaths.schemas.path,
      "--jobs", "1",
    ])
    #expect(result.exitCode == 1)
    #expect(result.stdout.contains("a.txt:1:2: error[I001]"))
    #expect(result.stdout.contains("c.yaml"))
    #expect(!FileManager.default.fileExists(atPath: output.path))
    let missing = try CommandRunner.dossier(["build", "--input", "no-such-folder", "--check"])
    #expect(missing.exitCode == 2)
    #expect(missing.stderr.contains("no-such-folder"))
  }
}
