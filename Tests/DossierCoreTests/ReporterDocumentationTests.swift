import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `docs/reporters.md` shows real output: each example is what the reporter prints today.
@Suite struct ReporterDocumentationTests {
  static func documentation() throws -> String {
    try String(contentsOf: RepositoryPaths.root.appendingPathComponent("docs/reporters.md"), encoding: .utf8)
  }

  @Test(arguments: ReporterKind.allCases)
  func documentationShowsTheActualOutput(_ kind: ReporterKind) throws {
    let output = kind.render(
      ReporterDocumentationExample.diagnostics, context: ReporterDocumentationExample.context)
    let fence = kind == .json || kind == .sarif ? "```json\n" : "```\n"
    #expect(
      try Self.documentation().contains(fence + output + "```\n"),
      "docs/reporters.md is out of date for \(kind)")
  }

  @Test func documentationShowsTheAnnotationOfTheExample() throws {
    #expect(try Self.documentation().contains("```yaml\n" + ReporterDocumentationExample.yaml + "```\n"))
  }

  @Test func documentationNamesEveryReporter() throws {
    let documentation = try Self.documentation()
    for kind in ReporterKind.allCases {
      #expect(documentation.contains("## `\(kind.rawValue)`"))
    }
  }
}
