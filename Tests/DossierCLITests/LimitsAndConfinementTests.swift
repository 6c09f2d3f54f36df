import DossierTestSupport
import Foundation
import Testing

/// Issue 17 end to end with the built binary: per-file limits (L001–L004) with their options, the
/// 1M-line document and 200k unknown keys within their time and memory budgets, `check` confined to
/// the schema's folder, and no raw NUL in a TSV export.
@Suite(.serialized) struct LimitsAndConfinementTests {
  /// Runs `dossier` under a Python wrapper that reports the child's peak RSS (MB), wall time and CPU
  /// time (user + system). Budgets are checked on CPU time: the test machine is shared, so wall time
  /// measures the neighbours too.
  static func measured(_ arguments: [String], in folder: URL) throws -> (
    CommandResult, rssMB: Int, seconds: Double, cpu: Double
  ) {
    let script = """
      import resource, subprocess, sys, time
      start = time.monotonic()
      code = subprocess.run(sys.argv[1:]).returncode
      elapsed = time.monotonic() - start
      usage = resource.getrusage(resource.RUSAGE_CHILDREN)
      print(f"MEASURED {usage.ru_maxrss} {elapsed:.3f} {usage.ru_utime + usage.ru_stime:.3f}", file=sys.stderr)
      sys.exit(code)
      """
    var result = try CommandRunner.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["python3", "-c", script, CommandRunner.dossierBinary.path] + arguments, in: folder)
    let line = try #require(result.stderr.split(separator: "\n").last { $0.hasPrefix("MEASURED ") })
    let parts = line.split(separator: " ")
    result.stderr = result.stderr.replacingOccurrences(of: String(line), with: "")
    return (result, (Int(parts[1]) ?? 0) / 1024, Double(parts[2]) ?? 0, Double(parts[3]) ?? 0)
  }

  /// A workspace whose `Input/` holds the repository's documents plus `files`.
  static func workspace(_ files: [String: [UInt8]]) throws -> URL {
    let folder = try BuildCommandTests.workspace()
    for (name, bytes) in files {
      try Data(bytes).write(to: folder.appendingPathComponent("Input/\(name)"))
    }
    return folder
  }

  static let schemas = RepositoryPaths.schemas.path

  @Test func aMillionLineDocumentIsRefusedWithinTheBudget() throws {
    // 1M one-line paragraphs (21 MB, as in the audit: build took 208 s and 6 GB) and 1M short lines
    // (3 MB: under the size limit, over the line limit).
    var big: [UInt8] = Array("Title\n\n".utf8)
    var short: [UInt8] = Array("Title\n\n".utf8)
    for n in 0..<1_000_000 {
      big += Array("Paragraph \(n % 100_000) here.\n".utf8)
      short += Array("p.\n".utf8)
    }
    let folder = try Self.workspace(["big.txt": big, "short.txt": short])
    defer { try? FileManager.default.removeItem(at: folder) }
    for command in ["validate", "build"] {
      let (result, rss, seconds, cpu) = try Self.measured(
        [command, "--input", "Input", "--schemas", Self.schemas], in: folder)
      print(
        "\(command) of two 1M-line documents: \(String(format: "%.2f", seconds)) s wall, \(String(format: "%.2f", cpu)) s CPU, \(rss) MB peak RSS"
      )
      #expect(result.exitCode == 1, "\(result.stderr)")
      #expect(result.stdout.contains("Input/big.txt:1:1: error[L002]: the file is 2"), "\(result.stdout)")
      #expect(
        result.stdout.contains(
          "Input/short.txt:100001:1: error[L003]: the document has more than 100000 lines"))
      #expect(cpu < 10)
      #expect(rss < 500)
    }
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Exports").path))
  }

  @Test func twoHundredThousandUnknownKeysAreReportedCapped() throws {
    var yaml = Array(
      "# yaml-language-server: $schema=../Schemas/annotation.schema.json\nkind: definition\n".utf8)
    for n in 0..<200_000 { yaml += Array("unknown_key_\(n): \(n)\n".utf8) }
    let folder = try Self.workspace(["keys.txt": Array("Title\n\nA paragraph.\n".utf8), "keys.yaml": yaml])
    defer { try? FileManager.default.removeItem(at: folder) }
    let (result, rss, seconds, cpu) = try Self.measured(
      ["validate", "--input", "Input", "--schemas", Self.schemas, "--reporter", "json"], in: folder)
    print(
      "validate of 200k unknown keys (\(yaml.count) bytes): \(String(format: "%.2f", seconds)) s wall, \(String(format: "%.2f", cpu)) s CPU, \(rss) MB peak RSS"
    )
    #expect(result.exitCode == 1)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
      "\(result.stdout.prefix(300))")
    let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
    let mine = diagnostics.filter { $0["file"] as? String == "Input/keys.yaml" }
    let codes = mine.map { $0["code"] as? String ?? "" }
    #expect(codes.count == 1001, "\(codes.count) diagnostics")
    #expect(codes.filter { $0 == "S002" }.count >= 990, "\(Set(codes))")
    let omitted = try #require(mine.first { $0["code"] as? String == "L001" })
    let message = omitted["message"] as? String ?? ""
    let count = Int(message.prefix { $0.isNumber }) ?? 0
    #expect(count >= 199_000 && message.contains("more errors not shown"), "\(message)")
    // The debug build used by `make test` is several times slower than release; the 2 s figure of
    // the issue is measured on the release build (docs/reliability.md). This bound still fails on the
    // quadratic behaviour it replaced (over 60 s).
    #expect(cpu < 10)
    #expect(rss < 500)
  }

  @Test func limitsAreConfigurableAndLocated() throws {
    let lines = (1...30).map { "Line \($0) of a paragraph.\n\n" }.joined()
    let folder = try Self.workspace(["small.txt": Array(("Title\n\n" + lines).utf8)])
    defer { try? FileManager.default.removeItem(at: folder) }
    func run(_ extra: [String]) throws -> CommandResult {
      try CommandRunner.dossier(
        ["validate", "--input", "Input", "--schemas", Self.schemas] + extra, in: folder)
    }
    let base = try run([])
    #expect(!base.stdout.contains("error[L00"), "\(base.stdout)")
    #expect(try run(["--max-lines", "10"]).stdout.contains("Input/small.txt:11:1: error[L003]"))
    #expect(try run(["--max-file-size", "100"]).stdout.contains("Input/small.txt:1:1: error[L002]"))
    let blocks = try run(["--max-blocks", "5"])
    #expect(blocks.stdout.contains("error[L004]: the document has 31 blocks"), "\(blocks.stdout)")
    let capped = try run(["--max-errors-per-file", "2", "--max-blocks", "5", "--max-lines", "10"])
    #expect(capped.exitCode == 1)
    #expect(try run(["--max-lines", "0"]).stderr.contains("--max-lines must be at least 1"))
  }

  @Test func aNULEscapeNeverReachesTheTSVExport() throws {
    let folder = try BuildCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A clean TSV export holds no NUL byte.
    let clean = try BuildCommandTests.build(folder, ["--output", "Clean", "--format", "tsv"])
    #expect(clean.exitCode == 0, "\(clean.stderr)")
    for (path, bytes) in try BuildCommandTests.contents(folder.appendingPathComponent("Clean")) {
      #expect(!bytes.contains(0), "\(path) holds a NUL byte")
    }
    // A "\0" escape in a YAML value: refused by validate and by build --format tsv, at its line.
    let yaml = folder.appendingPathComponent("Input/\(BuildCommandTests.article).yaml")
    var text = try String(contentsOf: yaml, encoding: .utf8)
    let range = try #require(text.range(of: "  editor: Li Jiayao"))
    text.replaceSubrange(range, with: "  editor: \"Li \\0 Jiayao\"")
    try text.write(to: yaml, atomically: false, encoding: .utf8)
    let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    for command in [["validate"], ["build", "--format", "tsv", "--output", "Exports"]] {
      let result = try CommandRunner.dossier(
        command + ["--input", "Input", "--schemas", Self.schemas], in: folder)
      #expect(result.exitCode == 1)
      #expect(
        result.stdout.contains("Input/\(BuildCommandTests.article).yaml:\(line):"), "\(result.stdout)")
      #expect(result.stdout.contains("error[X001]"), "\(result.stdout)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Exports").path))
  }

  @Test func checkReadsReferencedFilesOnlyInsideTheSchemasFolder() throws {
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent(
      "secret-\(UUID().uuidString).json")
    try Data(#"{"const": "SECRET-TOKEN-123"}"#.utf8).write(to: outside)
    defer { try? FileManager.default.removeItem(at: outside) }
    let dir = try CheckCommandTests.folder([
      "schemas/main.json":
        #"{"properties": {"a": {"$ref": "\#(outside.absoluteString)"}, "b": {"$ref": "sibling.json"}}}"#,
      "schemas/sibling.json": #"{"type": "string"}"#,
      "schemas/up.json": #"{"$ref": "../elsewhere/other.json"}"#,
      "elsewhere/other.json": #"{"type": "integer"}"#,
      "data.yaml": "a: 1\nb: x\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let refused = try CommandRunner.dossier(
      ["check", "--schemafile", "schemas/main.json", "data.yaml"], in: dir)
    #expect(refused.exitCode != 0)
    #expect(
      (refused.stdout + refused.stderr).contains("outside the folders references may read"),
      "\(refused.stdout)\(refused.stderr)")
    #expect(!(refused.stdout + refused.stderr).contains("SECRET-TOKEN-123"))
    let up = try CommandRunner.dossier(["check", "--schemafile", "schemas/up.json", "data.yaml"], in: dir)
    #expect(
      (up.stdout + up.stderr).contains("outside the folders references may read"), "\(up.stdout)\(up.stderr)")
    // Siblings are fine; --ref-map folders are fine; --allow-any-file lifts the confinement.
    let sibling = try CommandRunner.dossier(
      [
        "check", "--schemafile", "schemas/up.json", "--ref-map", "file://\(dir.path)/elsewhere/=elsewhere",
        "data.yaml",
      ],
      in: dir)
    #expect(
      !(sibling.stdout + sibling.stderr).contains("outside the folders"), "\(sibling.stdout)\(sibling.stderr)"
    )
    let allowed = try CommandRunner.dossier(
      ["check", "--schemafile", "schemas/main.json", "--allow-any-file", "data.yaml"], in: dir)
    #expect(allowed.exitCode == 1, "\(allowed.stdout)\(allowed.stderr)")
    #expect(!(allowed.stdout + allowed.stderr).contains("outside the folders"))
  }
}
