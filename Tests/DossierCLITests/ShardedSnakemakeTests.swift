import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `workflows/Snakefile` end to end with Snakemake (PyPI, in `.build/python-interop`; skipped with a
/// plain NOTE when it cannot be installed): the workflow writes the bag `dossier build` writes, and after
/// one document is edited Snakemake's summary plans that document's shard and the merge only, and the
/// rerun runs exactly those. Runs in `make test` (about a minute, most of it installing Snakemake once).
@Suite(.serialized) struct ShardedSnakemakeTests {
  /// The `Job stats:` table of a Snakemake run or dry run: rule → count (without `total`).
  static func jobStats(_ output: String) -> [String: Int] {
    guard let start = output.range(of: "Job stats:") else { return [:] }
    var stats: [String: Int] = [:]
    for line in output[start.upperBound...].split(separator: "\n").dropFirst(2) {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count == 2, let count = Int(fields[1]) else { break }
      if fields[0] == "total" { break }
      stats[String(fields[0])] = count
    }
    return stats
  }

  /// `snakemake --summary`: output file → (status, plan).
  static func summary(_ output: String) -> [String: (status: String, plan: String)] {
    var rows: [String: (String, String)] = [:]
    for line in output.split(separator: "\n") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 6, fields[0] != "output_file" else { continue }
      rows[fields[0]] = (fields[4], fields[5])
    }
    return rows
  }

  @Test func theWorkflowRerunsOneShardAndTheMergeAfterAnEdit() throws {
    guard
      let python = PythonEnvironment.python(
        with: ["snakemake"], for: "the Snakemake workflow test (workflows/Snakefile)")
    else { return }
    let snakemake = python.deletingLastPathComponent().appendingPathComponent("snakemake")
    guard let folder = try StreamingBuildTests.generatedWorkspace(24, seed: 3) else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = [
      "--snakefile", RepositoryPaths.root.appendingPathComponent("workflows/Snakefile").path, "--cores", "2",
      "--config", "shards=3", "dossier=\(CommandRunner.dossierBinary.path)",
      "schemas=\(RepositoryPaths.schemas.path)",
    ]
    func run(_ extra: [String] = []) throws -> CommandResult {
      try CommandRunner.run(snakemake, arguments + extra, in: folder)
    }
    func singleBuild(_ output: String) throws -> [String: Data] {
      let result = try BuildCommandTests.build(folder, ["--output", output])
      try #require(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
      return try BuildCommandTests.contents(folder.appendingPathComponent(output))
    }

    let first = try run()
    try #require(first.exitCode == 0, "snakemake: \(first.stderr.suffix(3000))")
    #expect(
      Self.jobStats(first.stdout + first.stderr) == ["shard": 3, "merge": 1, "all": 1],
      "\(first.stderr.suffix(2000))")
    #expect(try BuildCommandTests.contents(folder.appendingPathComponent("Exports")) == singleBuild("Single"))

    // Edit one document (a comment in its sidecar: still valid, but its bytes and digest change).
    let input = folder.appendingPathComponent("Input")
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: input.path).filter { $0.hasSuffix(".yaml") }
        .sorted()
        .dropFirst(5).first)
    let id = String(name.dropLast(".yaml".count))
    let shard = Shard.number(of: id, count: 3)
    let sidecar = input.appendingPathComponent(name)
    try (String(contentsOf: sidecar, encoding: .utf8) + "# checked again\n").write(
      to: sidecar, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(2)], ofItemAtPath: sidecar.path)

    let summary = try run(["--summary"])
    #expect(summary.exitCode == 0, "\(summary.stderr.suffix(2000))")
    let plan = Self.summary(summary.stdout + "\n" + summary.stderr)
    print("snakemake --summary after editing \(name) (shard \(shard)/3):\n\(summary.stdout)")
    #expect(plan[".parts/\(shard)-of-3"]?.plan == "update pending", "\(summary.stdout)")
    #expect(plan[".parts/\(shard)-of-3"]?.status == "updated input files", "\(summary.stdout)")
    for k in 1...3 where k != shard {
      #expect(plan[".parts/\(k)-of-3"]?.plan == "no update", "shard \(k): \(summary.stdout)")
    }
    #expect(plan[".parts/merged-3.sha256"]?.plan == "update pending", "\(summary.stdout)")

    let dryRun = try run(["--dry-run"])
    #expect(Self.jobStats(dryRun.stdout + dryRun.stderr) == ["shard": 1, "merge": 1, "all": 1])
    #expect((dryRun.stdout + dryRun.stderr).contains("wildcards: k=\(shard)"))

    let rerun = try run()
    try #require(rerun.exitCode == 0, "snakemake: \(rerun.stderr.suffix(3000))")
    #expect(
      Self.jobStats(rerun.stdout + rerun.stderr) == ["shard": 1, "merge": 1, "all": 1],
      "\(rerun.stderr.suffix(2000))")
    #expect(
      try BuildCommandTests.contents(folder.appendingPathComponent("Exports")) == singleBuild("Single-edited")
    )
    let digest = try String(
      contentsOf: folder.appendingPathComponent(".parts/merged-3.sha256"), encoding: .utf8)
    let tagmanifest = try Data(contentsOf: folder.appendingPathComponent("Exports/tagmanifest-sha256.txt"))
    #expect(digest.hasPrefix(Digest.sha256Hex([UInt8](tagmanifest))))

    let idle = try run()
    #expect(idle.exitCode == 0)
    #expect((idle.stdout + idle.stderr).contains("Nothing to be done"), "\(idle.stderr.suffix(2000))")
  }
}
