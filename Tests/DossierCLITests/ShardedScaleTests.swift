import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Sharded builds at scale with the release binary (`make test-scale`, docs/scaling.md): on a generated
/// corpus of 2,000 documents (`SCALE_DOCS`), for N = 1, 2, 3 and 7 (`SCALE_SHARDS`), the merged bag is
/// byte for byte the single build's and `bagit.py --validate` accepts it. Prints the wall times that
/// docs/scaling.md records. Two shards (N = 2) run at once, as two machines (or two cores) would.
@Suite(.serialized) struct ShardedScaleTests {
  static var environment: [String: String] { ProcessInfo.processInfo.environment }
  static var enabled: Bool { environment["DOSSIER_SCALE_TESTS"] == "1" }
  static var documentCount: Int { Int(environment["DOSSIER_SCALE_DOCUMENTS"] ?? "") ?? 2000 }
  static var shardCounts: [Int] {
    (environment["DOSSIER_SCALE_SHARDS"] ?? "1,2,3,7").split(separator: ",").compactMap { Int($0) }
  }

  /// A generated corpus of `count` documents, kept under `.build/scale/` between runs (like `make bench`).
  static func corpus(_ count: Int) throws -> URL? {
    guard let generator = StreamingBuildTests.generator else { return nil }
    let folder = RepositoryPaths.root.appendingPathComponent(".build/scale/corpus-\(count)")
    let complete = folder.appendingPathComponent(".complete")
    if FileManager.default.fileExists(atPath: complete.path) { return folder }
    try? FileManager.default.removeItem(at: folder)
    let result = try CommandRunner.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", generator.path, folder.path, String(count)],
      in: RepositoryPaths.root)
    try #require(result.exitCode == 0, "gen_corpus.py failed: \(result.stderr)")
    try Data().write(to: complete)
    return folder
  }

  /// Runs `binary` with `arguments` in `folder` and returns the result and the wall time in seconds.
  static func timed(_ binary: URL, _ arguments: [String], in folder: URL) throws -> (CommandResult, Double) {
    let start = Date()
    let result = try CommandRunner.run(binary, arguments, in: folder)
    return (result, Date().timeIntervalSince(start))
  }

  /// CPU seconds (user + system) used so far by this process's finished children. The suite runs its
  /// commands one test at a time, so a difference of two readings is the CPU of the commands between
  /// them: a figure the other jobs on a shared machine do not inflate, unlike wall time.
  static func childCPU() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    #else
      getrusage(RUSAGE_CHILDREN, &usage)
    #endif
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  /// Every file under `a` and `b`, compared byte for byte one file at a time (the bags do not fit
  /// in memory twice at 10,000 documents).
  static func expectIdenticalTrees(_ a: URL, _ b: URL, _ label: String) throws {
    func files(_ root: URL) -> [String] {
      var out: [String] = []
      let enumerator = FileManager.default.enumerator(atPath: root.path)
      while let relative = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(
          atPath: root.appendingPathComponent(relative).path, isDirectory: &isDirectory),
          !isDirectory.boolValue
        {
          out.append(relative)
        }
      }
      return out.sorted()
    }
    let left = files(a)
    let right = files(b)
    #expect(left == right, "\(label): the bags hold different files")
    var differing: [String] = []
    for path in Set(left).intersection(right).sorted() {
      let x = try Data(contentsOf: a.appendingPathComponent(path))
      let y = try Data(contentsOf: b.appendingPathComponent(path))
      if x != y { differing.append(path) }
    }
    #expect(differing.isEmpty, "\(label): \(differing.count) files differ, first \(differing.prefix(5))")
  }

  @Test(.enabled(if: enabled, "slow: run with make test-scale"))
  func mergedShardsOfAGeneratedCorpusAreTheSingleBuild() throws {
    let binary = RepositoryPaths.root.appendingPathComponent(".build/release/dossier")
    try #require(
      FileManager.default.isExecutableFile(atPath: binary.path),
      "\(binary.path) is missing: make test-scale builds it (swift build -c release --product dossier)")
    let count = Self.documentCount
    guard let corpus = try Self.corpus(count) else { return }
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dossier-scale-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let input = corpus.appendingPathComponent("Input").path
    let schemas = RepositoryPaths.schemas.path
    @Sendable func build(_ extra: [String]) -> [String] {
      ["build", "--input", input, "--schemas", schemas, "--quiet"] + extra
    }

    var cpu = Self.childCPU()
    let (single, singleWall) = try Self.timed(binary, build(["--output", "Single"]), in: work)
    let singleCPU = Self.childCPU() - cpu
    try #require(single.exitCode == 0, "single build: \(single.stdout)\(single.stderr)")
    let load =
      (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
      .joined(separator: " ") ?? "?"
    func pad(_ text: String, _ width: Int) -> String {
      text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
    var lines = [
      "sharded builds, \(count) generated documents, release binary, "
        + "\(ProcessInfo.processInfo.activeProcessorCount) cores, load \(load)",
      "single build (--jobs default): " + String(format: "%.1f s wall, %.1f s CPU", singleWall, singleCPU),
      pad("N", 3) + pad("shards run", 19) + pad("shard walls (s)", 44) + pad("shards CPU (s)", 15)
        + pad("merge wall/CPU (s)", 19) + "bagit",
    ]

    for n in Self.shardCounts {
      let parts = (1...n).map { "Parts-\(n)/\($0)" }
      var walls = [Double](repeating: 0, count: n)
      var results = [CommandResult?](repeating: nil, count: n)
      var mode = "one after another"
      var together = 0.0
      cpu = Self.childCPU()
      if n == 2 {
        // Two shards at once, each with one worker: two machines' worth of work on this machine's cores.
        mode = "2 at once"
        let lock = NSLock()
        nonisolated(unsafe) var shared: [(Int, CommandResult, Double)] = []
        nonisolated(unsafe) var failure: (any Error)? = nil
        let start = Date()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
          do {
            let outcome = try Self.timed(
              binary, build(["--jobs", "1", "--shard", "\(index + 1)/2", "--output", parts[index]]), in: work)
            lock.withLock { shared.append((index, outcome.0, outcome.1)) }
          } catch {
            lock.withLock { failure = error }
          }
        }
        together = Date().timeIntervalSince(start)
        if let failure { throw failure }
        for (index, result, wall) in shared {
          results[index] = result
          walls[index] = wall
        }
      } else {
        for k in 1...n {
          let (result, wall) = try Self.timed(
            binary, build(["--shard", "\(k)/\(n)", "--output", parts[k - 1]]), in: work)
          results[k - 1] = result
          walls[k - 1] = wall
        }
      }
      for (k, result) in results.enumerated() {
        try #require(
          result?.exitCode == 0, "shard \(k + 1)/\(n): \(result?.stdout ?? "")\(result?.stderr ?? "")")
      }
      let shardsCPU = Self.childCPU() - cpu
      let output = "Merged-\(n)"
      cpu = Self.childCPU()
      let (merged, mergeWall) = try Self.timed(binary, ["merge"] + parts + ["--output", output], in: work)
      let mergeCPU = Self.childCPU() - cpu
      try #require(merged.exitCode == 0, "N=\(n) merge: \(merged.stdout)\(merged.stderr)")
      try Self.expectIdenticalTrees(
        work.appendingPathComponent("Single"), work.appendingPathComponent(output), "N=\(n)")
      let check = try CommandRunner.run(
        binary, ["merge"] + parts + ["--output", output, "--check"], in: work)
      #expect(check.exitCode == 0, "N=\(n) merge --check: \(check.stdout)\(check.stderr)")
      let bagit = try ShardedBuildTests.bagitValidate(work.appendingPathComponent(output))
      #expect(bagit != false, "N=\(n): bagit.py --validate rejects the merged bag")
      let shardText = walls.map { String(format: "%.1f", $0) }.joined(separator: " ")
      let total =
        n == 2
        ? String(format: "%.1f s together", together)
        : String(format: "%.1f s in all", walls.reduce(0, +))
      lines.append(
        pad("\(n)", 3) + pad(mode, 19) + pad("\(shardText) (\(total))", 44)
          + pad(String(format: "%.1f", shardsCPU), 15)
          + pad(String(format: "%.1f / %.1f", mergeWall, mergeCPU), 19)
          + (bagit.map { $0 ? "valid" : "INVALID" } ?? "not run"))
      try? FileManager.default.removeItem(at: work.appendingPathComponent(output))
      for part in parts { try? FileManager.default.removeItem(at: work.appendingPathComponent(part)) }
    }
    print(lines.joined(separator: "\n"))
  }
}
