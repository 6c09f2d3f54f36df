import DossierTestSupport
import Foundation
import Testing

/// The progress line (`build`, `validate`) through a pseudo-terminal (`script`), its absence on a pipe
/// and under `--quiet`, `--progress` forcing it, and the `--timings` table.
@Suite(.serialized) struct ProgressLineTests {
  static let clear = "\r\u{1B}[2K"

  /// Runs `dossier ARGS` with stdin, stdout and stderr on a pseudo-terminal; returns what the terminal
  /// showed, or `nil` (with a plain message) when `script` (util-linux) is absent.
  static func onTerminal(_ arguments: [String], in folder: URL) throws -> CommandResult? {
    let script = URL(fileURLWithPath: "/usr/bin/script")
    guard FileManager.default.isExecutableFile(atPath: script.path) else {
      print("NOTE: /usr/bin/script is absent; the pseudo-terminal progress tests did not run.")
      return nil
    }
    let command = ([CommandRunner.dossierBinary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    return try CommandRunner.run(script, ["-qec", command, "/dev/null"], in: folder)
  }

  static func workspace() throws -> URL? {
    try StreamingBuildTests.generatedWorkspace(40) ?? BuildCommandTests.workspace()
  }

  static let buildArguments = ["build", "--input", "Input", "--schemas", RepositoryPaths.schemas.path]

  @Test func buildShowsOneUpdatingLineOnATerminalAndClearsIt() throws {
    guard let folder = try Self.workspace() else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    guard let result = try Self.onTerminal(Self.buildArguments + ["--output", "Exports"], in: folder) else {
      return
    }
    #expect(result.exitCode == 0, "\(result.stdout)")
    let shown = result.stdout
    let count = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("Input").path
    )
    .filter { $0.hasSuffix(".txt") }.count
    #expect(shown.contains("build: \(count)/\(count) documents"))
    #expect(shown.contains("docs/s"))
    // Every drawing starts by clearing the line, and the last thing about the line is a clear.
    let lastDraw = try #require(shown.range(of: "docs/s", options: .backwards))
    #expect(shown[lastDraw.upperBound...].contains(Self.clear))
    #expect(shown.contains("wrote "))  // the build summary
  }

  @Test func validateShowsTheLineToo() throws {
    guard let folder = try Self.workspace() else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    guard
      let result = try Self.onTerminal(
        ["validate", "--input", "Input", "--schemas", RepositoryPaths.schemas.path], in: folder)
    else { return }
    #expect(result.exitCode == 0, "\(result.stdout)")
    #expect(result.stdout.contains("validate: "))
    #expect(result.stdout.contains("docs/s"))
  }

  @Test func quietAndPipesShowNothingAndProgressForcesIt() throws {
    guard let folder = try Self.workspace() else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    if let quiet = try Self.onTerminal(Self.buildArguments + ["--output", "A", "--quiet"], in: folder) {
      #expect(quiet.exitCode == 0)
      #expect(!quiet.stdout.contains("docs/s"))
      #expect(!quiet.stdout.contains("wrote "))
    }
    let piped = try CommandRunner.dossier(Self.buildArguments + ["--output", "B"], in: folder)
    #expect(piped.exitCode == 0)
    #expect(!piped.stderr.contains("docs/s"), "\(piped.stderr)")
    let forced = try CommandRunner.dossier(Self.buildArguments + ["--output", "C", "--progress"], in: folder)
    #expect(forced.exitCode == 0)
    #expect(forced.stderr.contains("docs/s"))
    #expect(!forced.stdout.contains("docs/s"))
  }

  @Test func timingsListsEveryStage() throws {
    guard let folder = try Self.workspace() else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandRunner.dossier(
      Self.buildArguments + ["--output", "Exports", "--timings"], in: folder)
    #expect(result.exitCode == 0, "\(result.stderr)")
    for stage in [
      "read", "ingest", "merge", "validate", "transform", "check", "json", "jsonl", "xml", "oai_dc", "tsv",
      "hash", "write", "total",
    ] {
      #expect(
        result.stderr.split(separator: "\n").contains { $0.hasPrefix(stage + " ") }, "no '\(stage)' line")
    }
    #expect(!result.stdout.contains("wall (s)"))
    let validate = try CommandRunner.dossier(
      ["validate", "--input", "Input", "--schemas", RepositoryPaths.schemas.path, "--timings"], in: folder)
    #expect(validate.exitCode == 0)
    #expect(validate.stderr.contains("ingest "))
    #expect(!validate.stderr.contains("transform "))
  }
}
