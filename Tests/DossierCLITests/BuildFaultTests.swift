import DossierTestSupport
import Foundation
import Testing

/// Faults around the output folder (docs/reliability.md, "Faults"): an interrupted build (SIGINT,
/// SIGTERM) removes its temporary folder and leaves the previous bag; a second build while one writes
/// exits at once naming the first; a build killed while holding the lock does not block the next;
/// a full disk (a small tmpfs, when running as root) fails cleanly. Each leaves the old or the new bag
/// and no temporary folder or lock file.
@Suite(.serialized) struct BuildFaultTests {
  /// A `dossier build` started in the background, paused after taking the lock and creating its
  /// temporary folder (`DOSSIER_TEST_FAULT=pause:after-prepare`).
  struct PausedBuild {
    let process = Process()
    let stderr = Pipe()

    init(in folder: URL) throws {
      process.executableURL = CommandRunner.dossierBinary
      process.arguments = [
        "build", "--input", "Input", "--schemas", RepositoryPaths.schemas.path, "--output", "Exports",
      ]
      process.currentDirectoryURL = folder
      var environment = ProcessInfo.processInfo.environment
      environment["DOSSIER_TEST_FAULT"] = "pause:after-prepare"
      environment["NO_COLOR"] = "1"
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = stderr
      try process.run()
      // Wait (at most 60 s) for the temporary folder: the lock is held from then on.
      let temporary = folder.appendingPathComponent(".Exports.tmp-\(process.processIdentifier)").path
      for _ in 0..<600 where !FileManager.default.fileExists(atPath: temporary) {
        usleep(100_000)
      }
      try #require(
        FileManager.default.fileExists(atPath: temporary), "the paused build never started writing")
    }

    /// Sends `signal` and waits; returns the exit code (or signal number) and what it printed.
    func stop(_ signal: Int32) -> (Int32, String) {
      kill(process.processIdentifier, signal)
      process.waitUntilExit()
      let text = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      return (process.terminationStatus, text)
    }
  }

  static func workspaceWithBag() throws -> (URL, [String: Data]) {
    let folder = try BuildCommandTests.workspace()
    let first = try BuildCommandTests.build(folder, ["--output", "Exports"])
    try #require(first.exitCode == 0, "\(first.stdout)\(first.stderr)")
    let bag = try BuildCommandTests.contents(folder.appendingPathComponent("Exports"))
    try BuildCommandTests.touchAnnotation(folder)
    return (folder, bag)
  }

  static func beside(_ folder: URL) throws -> Set<String> {
    Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func anInterruptedBuildRemovesItsTemporaryFolder(signal: Int32) throws {
    let (folder, before) = try Self.workspaceWithBag()
    defer { try? FileManager.default.removeItem(at: folder) }
    let build = try PausedBuild(in: folder)
    #expect(try Self.beside(folder).contains(".Exports.lock"))
    let (status, stderr) = build.stop(signal)
    #expect(status == 128 + signal, "\(stderr)")
    #expect(stderr.contains("interrupted: .Exports.tmp-\(build.process.processIdentifier) removed"))
    #expect(try Self.beside(folder) == ["Input", "Exports"])
    #expect(try BuildCommandTests.contents(folder.appendingPathComponent("Exports")) == before)
  }

  @Test func aSecondBuildExitsAtOnceWhileOneIsWriting() throws {
    let (folder, before) = try Self.workspaceWithBag()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try PausedBuild(in: folder)
    let started = Date()
    let second = try BuildCommandTests.build(folder, ["--output", "Exports"])
    #expect(Date().timeIntervalSince(started) < 20)
    #expect(second.exitCode == 2)
    #expect(
      second.stderr.contains(
        "another build (pid \(first.process.processIdentifier)) is writing Exports"), "\(second.stderr)")
    // The second build touched nothing: the first one's temporary folder is still there.
    #expect(try Self.beside(folder).contains(".Exports.tmp-\(first.process.processIdentifier)"))
    _ = first.stop(SIGTERM)
    #expect(try Self.beside(folder) == ["Input", "Exports"])
    #expect(try BuildCommandTests.contents(folder.appendingPathComponent("Exports")) == before)
    // Afterwards a build runs normally.
    let third = try BuildCommandTests.build(folder, ["--output", "Exports"])
    #expect(third.exitCode == 0, "\(third.stderr)")
    #expect(try BuildCommandTests.contents(folder.appendingPathComponent("Exports")) != before)
    #expect(try Self.beside(folder) == ["Input", "Exports"])
  }

  @Test func aBuildKilledWhileHoldingTheLockDoesNotBlockTheNext() throws {
    let (folder, before) = try Self.workspaceWithBag()
    defer { try? FileManager.default.removeItem(at: folder) }
    let killed = try PausedBuild(in: folder)
    let (status, _) = killed.stop(SIGKILL)
    #expect(status == SIGKILL)
    // SIGKILL runs no clean-up: the lock file and the temporary folder stay, the old bag is intact.
    #expect(try Self.beside(folder).isSuperset(of: [".Exports.lock", "Exports"]))
    #expect(try BuildCommandTests.contents(folder.appendingPathComponent("Exports")) == before)
    let next = try BuildCommandTests.build(folder, ["--output", "Exports"])
    #expect(next.exitCode == 0, "\(next.stderr)")
    #expect(try Self.beside(folder) == ["Input", "Exports"])
    try StreamingBuildTests.expectCompleteBag(folder.appendingPathComponent("Exports"))
  }

  @Test func aFullDiskFailsTheBuildAndKeepsThePreviousBag() throws {
    guard getuid() == 0 else {
      print("NOTE: not running as root; the disk-full test (a small tmpfs) did not run.")
      return
    }
    let (source, _) = try Self.workspaceWithBag()
    defer { try? FileManager.default.removeItem(at: source) }
    let bagSize = try BuildCommandTests.contents(source.appendingPathComponent("Exports")).values.reduce(0) {
      $0 + $1.count
    }
    // Room for the inputs and one bag (plus a little), not for a second bag beside it.
    let mount = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dossier-full-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: mount) }
    let size = 256 * 1024 + bagSize + bagSize / 2
    let mounted = try CommandRunner.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", mount.path],
      in: source)
    guard mounted.exitCode == 0 else {
      print(
        "NOTE: cannot mount a tmpfs here (\(mounted.stderr.trimmingCharacters(in: .whitespacesAndNewlines))); "
          + "the disk-full test did not run.")
      return
    }
    defer {
      _ = try? CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["umount", mount.path], in: source)
    }
    try FileManager.default.copyItem(
      at: source.appendingPathComponent("Input"), to: mount.appendingPathComponent("Input"))
    try FileManager.default.copyItem(
      at: source.appendingPathComponent("Exports"), to: mount.appendingPathComponent("Exports"))
    let before = try BuildCommandTests.contents(mount.appendingPathComponent("Exports"))
    let full = try BuildCommandTests.build(mount, ["--output", "Exports"])
    #expect(full.exitCode == 2, "\(full.stdout)\(full.stderr)")
    #expect(full.stderr.contains("No space left on device"), "\(full.stderr)")
    #expect(try BuildCommandTests.contents(mount.appendingPathComponent("Exports")) == before)
    #expect(try Self.beside(mount) == ["Input", "Exports"])
  }
}
