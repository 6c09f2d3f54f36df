import DossierTestSupport
import Testing

@Suite struct CLISmokeTests {
  @Test func helpListsEverySubcommand() throws {
    let result = try CommandRunner.dossier(["--help"])
    #expect(result.exitCode == 0)
    for command in ["build", "validate", "check", "inspect", "explain"] {
      #expect(result.stdout.contains(command))
    }
  }

  @Test func unknownSubcommandIsAUsageError() throws {
    let result = try CommandRunner.dossier(["frobnicate"])
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("frobnicate"))
  }
}
