import DossierCore
import Testing

@testable import LanguageServer

@Suite struct OutcomeCacheTests {
  /// With a cache, validating again gives the same diagnostics, and a changed document gives what a
  /// validation without cache gives (including the corpus-wide duplicate-id check).
  @Test func cachedValidationEqualsAFreshOne() async throws {
    let files = try memoryWorkspace()
    var workspace = try Workspace(
      layout: .repository(root: "/ws", files: files), files: files)
    let cache = OutcomeCache()
    let first = await workspace.validator.validate(workspace.corpus(), cache: cache)
    let again = await workspace.validator.validate(workspace.corpus(), cache: cache)
    #expect(first.diagnostics == again.diagnostics)
    #expect(first.diagnostics.isEmpty)

    let path = "/ws/Input/003_9ffac5d15d52c637.yaml"
    let text = try #require(workspace.text(ofPath: path))
    workspace.open(
      path: path,
      text: text.replacingOccurrences(of: "id: 003-h2-joint-sea", with: "id: 003-h2-zapad")
        .replacingOccurrences(
          of:
            "country: Russia\n        sector: MIL\n        role: participant\n        raw: The Russian military",
          with:
            "country: Rusia\n        sector: MIL\n        role: participant\n        raw: The Russian military"
        ))
    let cached = await workspace.validator.validate(workspace.corpus(), cache: cache)
    let fresh = await workspace.validator.validate(workspace.corpus())
    #expect(cached.diagnostics == fresh.diagnostics)
    #expect(
      Set(cached.diagnostics.map(\.code.id)) == [
        DiagnosticCode.semanticDuplicateID.id, DiagnosticCode.semanticUnknownCountry.id,
      ])
  }
}
