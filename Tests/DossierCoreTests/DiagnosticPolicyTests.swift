import DossierCore
import Testing

@Suite struct DiagnosticPolicyTests {
  static let code = DiagnosticCode("T001", "t", "")
  static let error = Diagnostic.error(code, "e", at: SourceLocation(file: "f", line: 1, column: 1))
  static let warning = Diagnostic.warning(code, "w", at: SourceLocation(file: "f", line: 2, column: 1))
  static let note = Diagnostic(.note, code, "n", at: SourceLocation(file: "f", line: 3, column: 1))

  @Test func withoutStrictOnlyErrorsFail() {
    let policy = DiagnosticPolicy()
    #expect(policy.apply([Self.warning, Self.note]) == [Self.warning, Self.note])
    #expect(policy.exitStatus(for: []) == 0)
    #expect(policy.exitStatus(for: [Self.warning, Self.note]) == 0)
    #expect(policy.exitStatus(for: [Self.warning, Self.error]) == 1)
  }

  @Test func strictTurnsWarningsIntoErrorsAndSaysSo() {
    let policy = DiagnosticPolicy(strict: true)
    let applied = policy.apply([Self.error, Self.warning, Self.note])
    #expect(applied.map(\.severity) == [.error, .error, .note])
    #expect(applied[1].notes.map(\.message) == [DiagnosticPolicy.strictNote])
    #expect(applied[0] == Self.error)
    #expect(applied[2] == Self.note)
    #expect(policy.exitStatus(for: [Self.warning]) == 1)
    #expect(policy.exitStatus(for: applied) == 1)
    #expect(policy.exitStatus(for: [Self.note]) == 0)
    #expect(DiagnosticSummary(applied).description == "2 errors, 1 note")
  }
}
