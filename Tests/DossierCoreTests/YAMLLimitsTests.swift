import DossierCore
import Foundation
import Testing

/// Hostile input: alias bombs and deep nesting fail fast with located errors.
@Suite struct YAMLLimitsTests {
  /// Billion laughs: level k holds nine aliases of level k-1, up to depth 9 (9^9 ≈ 387 M nodes).
  static func billionLaughs(aliasesAsKeys: Bool) -> YAMLMarkedText {
    var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in 1...9 {
      let entries = (0..<9).map { n in
        let alias = "*a\(level - 1)"
        let marked = level == 6 && n == 0 ? "‸" + alias : alias
        return aliasesAsKeys ? "\(marked) : \(n)" : marked
      }
      let body =
        aliasesAsKeys
        ? "{" + entries.joined(separator: ", ") + "}" : "[" + entries.joined(separator: ", ") + "]"
      lines.append("a\(level): &a\(level) \(body)")
    }
    return YAMLMarkedText(lines.joined(separator: "\n"))
  }

  @Test(arguments: [false, true])
  func billionLaughsFailsFast(aliasesAsKeys: Bool) {
    let marked = Self.billionLaughs(aliasesAsKeys: aliasesAsKeys)
    let clock = ContinuousClock()
    var diagnostics: [Diagnostic] = []
    let elapsed = clock.measure { diagnostics = yamlDiagnostics(marked.text) }
    #expect(elapsed < .seconds(1), "took \(elapsed)")
    let budget = diagnostics.filter { $0.code == .yamlAliasBudget }
    #expect(budget.count == 1)
    // Level 6's first alias is the one that crosses the default budget of 1 000 000 nodes.
    #expect(budget.first?.location?.lineColumn == marked.mark(0))
    #expect(budget.first?.notes.first?.location?.lineColumn == "6:5")
    if aliasesAsKeys {
      #expect(diagnostics.contains { $0.code == .yamlNonStringKey })
    }
  }

  @Test func smallerBudgetTripsEarlier() {
    let text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
    let options = YAMLLoader.Options(aliasExpansionBudget: 10)
    let diagnostics = yamlDiagnostics(text, options: options)
    #expect(diagnostics.map(\.code) == [.yamlAliasBudget])
    #expect(diagnostics.first?.location?.lineColumn == "2:13")
    #expect(yamlDiagnostics(text).isEmpty)
  }

  @Test(arguments: ["flow", "block"])
  func deepNestingIsRejectedWithoutStackOverflow(style: String) {
    // 100 000 nested collections; the marker stands before the 129th, which crosses the limit of 128.
    let depth = 100_000
    let marked: YAMLMarkedText
    if style == "flow" {
      marked = YAMLMarkedText(
        String(repeating: "[", count: 128) + "‸" + String(repeating: "[", count: depth - 128)
          + String(repeating: "]", count: depth))
    } else {
      marked = YAMLMarkedText(
        String(repeating: "- ", count: 128) + "‸" + String(repeating: "- ", count: depth - 128) + "x\n")
    }
    let clock = ContinuousClock()
    var diagnostics: [Diagnostic] = []
    let elapsed = clock.measure { diagnostics = yamlDiagnostics(marked.text) }
    #expect(diagnostics.map(\.code) == [.yamlTooDeep])
    #expect(diagnostics.first?.location?.lineColumn == marked.mark(0))
    #expect(elapsed < .seconds(5), "took \(elapsed)")
  }

  @Test func nestingWithinTheLimitLoads() throws {
    let text = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
    #expect(yamlDiagnostics(text).isEmpty)
    let options = YAMLLoader.Options(maxDepth: 4)
    #expect(yamlDiagnostics("a: {b: [c]}", options: options).isEmpty)
    #expect(yamlDiagnostics("a: {b: [{c: [1]}]}", options: options).map(\.code) == [.yamlTooDeep])
  }

  @Test func aliasesCountTowardsDepth() {
    let options = YAMLLoader.Options(maxDepth: 4)
    let marked = YAMLMarkedText("x: &d [[1]]\ny: [[‸*d]]\n")
    let diagnostics = yamlDiagnostics(marked.text, options: options)
    #expect(diagnostics.map(\.code) == [.yamlTooDeep])
    #expect(diagnostics.first?.location?.lineColumn == marked.mark(0))
  }
}

@Suite struct YAMLManyProblemsTests {
  @Test func manyProblemsStayLinearAndCapped() {
    // 100 000 lines, each with a comment glued to a flow sequence.
    let text = (0..<100_000).map { "k\($0): [a]#c" }.joined(separator: "\n")
    let clock = ContinuousClock()
    var diagnostics: [Diagnostic] = []
    let elapsed = clock.measure { diagnostics = yamlDiagnostics(text) }
    // The cap is not silent: one L001 entry counts the problems not shown.
    #expect(diagnostics.count == YAMLLoader.maxDiagnostics + 1)
    #expect(
      diagnostics.filter { $0.code == .tooManyProblems }.map(\.message) == [
        "99000 more errors not shown (at most 1000 are reported per file)"
      ])
    #expect(diagnostics.first?.location?.lineColumn == "1:8")
    #expect(diagnostics.last?.location?.lineColumn == "1000:10")
    #expect(elapsed < .seconds(20), "took \(elapsed)")
  }
}
