import DossierTestSupport
import Testing

/// `dossier explain`, run as a built binary.
@Suite struct ExplainCommandTests {
  @Test(arguments: ["U001", "u001", "u1", " U001 "])
  func explainsAKnownCode(_ argument: String) throws {
    let result = try CommandRunner.dossier(["explain", argument])
    #expect(result.exitCode == 0)
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "U001 — unreadable file")
    #expect(lines.count >= 3 && lines[1].isEmpty)
    #expect(result.stdout.contains("could not be read"))
  }

  @Test func theExplanationMatchesTheDocumentation() throws {
    let result = try CommandRunner.dossier(["explain", "U002"])
    #expect(result.exitCode == 0)
    let docs = try String(
      contentsOf: RepositoryPaths.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
    #expect(docs.contains("### U002 — path outside the input folder"))
    #expect(result.stdout.hasPrefix("U002 — path outside the input folder\n"))
  }

  @Test func unknownCodeIsAUsageErrorWithCloseMatches() throws {
    let result = try CommandRunner.dossier(["explain", "U010"])
    #expect(result.exitCode == 2)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(result.stderr.hasPrefix("error: unknown diagnostic code 'U010'"))
    #expect(result.stderr.contains("did you mean") && result.stderr.contains("U001"))
  }

  @Test func unknownCodeWithoutCloseMatches() throws {
    let result = try CommandRunner.dossier(["explain", "nonsense"])
    #expect(result.exitCode == 2)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(!result.stderr.contains("did you mean"))
    #expect(result.stderr.contains("dossier explain --list"))
  }

  @Test func controlCharactersInTheCodeAreNotEchoed() throws {
    let result = try CommandRunner.dossier(["explain", "U\u{1B}[31m"])
    #expect(result.exitCode == 2)
    #expect(!result.stderr.unicodeScalars.contains("\u{1B}"))
  }

  @Test func listShowsEveryCodeInOrder() throws {
    let result = try CommandRunner.dossier(["explain", "--list"])
    #expect(result.exitCode == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("U001  unreadable file"))
    #expect(lines.contains("U003  missing folder"))
    let ids = lines.map { String($0.prefix { $0 != " " }) }
    #expect(ids == ids.sorted())
  }

  @Test func missingOrConflictingArgumentsAreUsageErrors() throws {
    #expect(try CommandRunner.dossier(["explain"]).exitCode == 2)
    #expect(try CommandRunner.dossier(["explain", "U001", "--list"]).exitCode == 2)
  }
}
