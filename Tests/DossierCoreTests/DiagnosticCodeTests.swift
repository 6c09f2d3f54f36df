import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite struct DiagnosticCodeTests {
  @Test func codesAreUnique() {
    let ids = DiagnosticCode.all.map(\.id)
    #expect(Set(ids).count == ids.count)
  }

  @Test func everyCodeIsDocumented() throws {
    let docs = try String(
      contentsOf: RepositoryPaths.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
    for code in DiagnosticCode.all {
      #expect(docs.contains("### \(code.id) "), "docs/diagnostics.md has no entry for \(code.id)")
    }
  }

  @Test func diagnosticsSortByLocation() {
    let a = Diagnostic.error(
      DiagnosticCode("T001", "t", ""), "a", at: SourceLocation(file: "f", line: 2, column: 1))
    let b = Diagnostic.error(
      DiagnosticCode("T001", "t", ""), "b", at: SourceLocation(file: "f", line: 1, column: 9))
    #expect([a, b].sorted() == [b, a])
  }
}
