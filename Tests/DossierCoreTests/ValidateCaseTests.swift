import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The text rendering of a few mistake cases (`Cases/mistakes.yaml`), compared with the golden files
/// `Tests/Goldens/validate-cases/NAME.txt`. `UPDATE_GOLDENS=1` re-records them.
@Suite struct ValidateCaseTests {
  static let textFolder = Golden.folder("validate-cases")

  @Test(arguments: ["byline-contradiction", "quote-found-twice", "unknown-key", "misspelled-set-member"])
  func textRendering(_ name: String) async throws {
    let mistake = try #require(MistakeCaseTests.cases.first { $0.name == name })
    let (result, _) = try await MistakeCaseTests.run(mistake)
    let text = ReporterKind.text.render(result.diagnostics, context: ReportContext(sources: result.sources))
    if let difference = Golden.compare(text, with: Self.textFolder.appendingPathComponent(name + ".txt")) {
      Issue.record("\(name): \(difference)")
    }
  }
}
