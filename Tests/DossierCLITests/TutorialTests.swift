import DossierTestSupport
import Foundation
import Testing

/// Runs docs/tutorial.md: in a copy of the repository (Input, Schemas, Exports, a fresh git repository),
/// every ```` ```lang file=PATH ```` block is written to PATH and every `$ command` of a ```` ```console ````
/// block is run with `/bin/sh` (the built `dossier` first on `PATH`, stderr merged into stdout); its
/// output must equal the lines under it. `UPDATE_GOLDENS=1` rewrites the page with the actual outputs.
@Suite(.serialized) struct TutorialTests {
  static let page = RepositoryPaths.root.appendingPathComponent("docs/tutorial.md")

  /// A copy of the repository's corpus, schemas and exports, committed in a new git repository.
  static func sandbox() throws -> URL {
    let folder = try RepositoryPaths.temporaryCopy(
      of: ["Input", "Schemas", "Exports", ".gitignore"], label: "tutorial")
    let setup = try run(
      "git init -q -b main && git add -A && git commit -q -m 'corpus before the tutorial'", in: folder)
    #expect(setup.isEmpty, "git setup: \(setup)")
    return folder
  }

  static var environment: [String: String] {
    let binaries = CommandRunner.dossierBinary.deletingLastPathComponent().path
    return [
      "PATH": binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
      "GIT_AUTHOR_NAME": "Tutorial", "GIT_AUTHOR_EMAIL": "tutorial@example.invalid",
      "GIT_COMMITTER_NAME": "Tutorial", "GIT_COMMITTER_EMAIL": "tutorial@example.invalid",
      "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
    ]
  }

  /// Runs a shell command line in `folder`; stdout and stderr, merged.
  static func run(_ command: String, in folder: URL) throws -> String {
    let result = try CommandRunner.run(
      URL(fileURLWithPath: "/bin/sh"), ["-c", "exec 2>&1\n" + command], in: folder, environment: environment)
    return result.stdout
  }

  @Test func theTutorialRunsAsWritten() throws {
    let folder = try Self.sandbox()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lines = try String(contentsOf: Self.page, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
    var out: [String] = []
    var mismatches: [String] = []
    var commands = 0
    var index = 0
    while index < lines.count {
      let line = lines[index]
      out.append(line)
      index += 1
      guard line.hasPrefix("```"), line.count > 3 else { continue }
      let info = line.dropFirst(3)
      var block: [String] = []
      while index < lines.count && lines[index] != "```" {
        block.append(lines[index])
        index += 1
      }
      if let file = info.split(separator: " ").first(where: { $0.hasPrefix("file=") }) {
        let path = folder.appendingPathComponent(String(file.dropFirst(5)))
        try (block.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        out += block
      } else if info == "console" {
        for command in block where command.hasPrefix("$ ") {
          let actual = try Self.run(String(command.dropFirst(2)), in: folder)
          commands += 1
          var shown = actual
          if shown.hasSuffix("\n") { shown.removeLast() }
          let expected = Self.output(of: command, in: block)
          if expected != shown {
            mismatches.append("`\(command)`:\n" + Golden.lineDiff(expected: expected, actual: shown))
          }
          out.append(command)
          if !shown.isEmpty { out.append(shown) }
        }
      } else {
        out += block
      }
      if index < lines.count {
        out.append(lines[index])
        index += 1
      }
    }
    #expect(commands >= 15, "only \(commands) commands found")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
      try out.joined(separator: "\n").write(to: Self.page, atomically: true, encoding: .utf8)
      return
    }
    let report =
      "docs/tutorial.md differs from what the commands print "
      + "(UPDATE_GOLDENS=1 swift test --filter TutorialTests records it):\n"
      + mismatches.joined(separator: "\n")
    #expect(mismatches.isEmpty, "\(report)")
  }

  /// The lines printed under `$ command` in a console block, up to the next command.
  static func output(of command: String, in block: [String]) -> String {
    guard let start = block.firstIndex(of: command) else { return "" }
    var lines: [String] = []
    for line in block[(start + 1)...] {
      if line.hasPrefix("$ ") { break }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  @Test func readmeLinksTheTutorialInItsFirstScreen() throws {
    let readme = try String(
      contentsOf: RepositoryPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    let firstScreen = readme.split(separator: "\n", omittingEmptySubsequences: false).prefix(24).joined(
      separator: "\n")
    #expect(firstScreen.contains("](docs/tutorial.md)"))
  }
}
