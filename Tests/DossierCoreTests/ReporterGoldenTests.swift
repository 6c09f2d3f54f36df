import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite struct ReporterGoldenTests {
  static let goldens = Golden.folder("reporters")

  static func extensionFor(_ kind: ReporterKind) -> String {
    switch kind {
    case .text: return "txt"
    case .json: return "json"
    case .github: return "log"
    case .sarif: return "sarif"
    }
  }

  @Test(arguments: ReporterKind.allCases)
  func matchesGolden(_ kind: ReporterKind) {
    let output = kind.render(ReporterFixtures.diagnostics, context: ReporterFixtures.context)
    let file = Self.goldens.appendingPathComponent("fixtures.\(Self.extensionFor(kind))")
    let difference = Golden.compare(output, with: file)
    #expect(difference == nil, "\(difference ?? "")")
  }

  @Test(arguments: ReporterKind.allCases)
  func outputDoesNotDependOnInputOrder(_ kind: ReporterKind) {
    let forward = kind.render(ReporterFixtures.diagnostics, context: ReporterFixtures.context)
    let backward = kind.render(ReporterFixtures.diagnostics.reversed(), context: ReporterFixtures.context)
    let again = kind.render(ReporterFixtures.diagnostics, context: ReporterFixtures.context)
    #expect(forward == backward)
    #expect(forward == again)
  }

  @Test(arguments: ReporterKind.allCases)
  func reporterIsChosenByName(_ kind: ReporterKind) {
    #expect(ReporterKind(rawValue: kind.rawValue) == kind)
    #expect(!kind.summary.isEmpty)
  }

  @Test func noDiagnostics() throws {
    let context = ReporterFixtures.context
    #expect(ReporterKind.text.render([], context: context) == "")
    #expect(ReporterKind.github.render([], context: context) == "")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(ReporterKind.json.render([], context: context).utf8))
        as? [String: Any])
    #expect((json["diagnostics"] as? [Any])?.isEmpty == true)
    let sarif = try #require(
      try JSONSerialization.jsonObject(with: Data(ReporterKind.sarif.render([], context: context).utf8))
        as? [String: Any])
    let runs = try #require(sarif["runs"] as? [[String: Any]])
    #expect((runs.first?["results"] as? [Any])?.isEmpty == true)
  }
}

extension ReporterGoldenTests {
  /// Diagnostics that `Diagnostic`'s own order ties (same place, code and message) still print in one
  /// order whatever order they come in.
  @Test(arguments: ReporterKind.allCases)
  func tiesAreBrokenByTheOtherFields(_ kind: ReporterKind) {
    let code = DiagnosticCode("T001", "t", "")
    let at = SourceLocation(file: "f", line: 1, column: 1)
    let variants: [Diagnostic] = [
      .error(code, "m", at: at),
      .warning(code, "m", at: at),
      .error(code, "m", at: SourceLocation(file: "f", line: 1, column: 1, endColumn: 3)),
      .error(code, "m", at: at, pointer: "/a"),
      .error(code, "m", at: at, help: "h"),
      .error(code, "m", at: at, notes: [Diagnostic.Note("n")]),
      .error(code, "m", at: at, notes: [Diagnostic.Note("n", at: at)]),
    ]
    let context = ReportContext(sources: ["f": "line"], toolVersion: "0")
    let expected = kind.render(variants, context: context)
    var generator = SplitMix(seed: 7)
    for _ in 0..<20 {
      var shuffled = variants
      shuffled.shuffle(using: &generator)
      #expect(kind.render(shuffled, context: context) == expected)
    }
  }
}
