import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The golden corpus of broken annotations under `Cases/validate/`: each case is a seed annotation
/// with one fault (see `make-cases.py`); `expected.txt` lists the exact diagnostics, one
/// `CODE line:column` per line, in report order. `UPDATE_GOLDENS=1` re-records them.
@Suite struct ValidateCaseTests {
  static let casesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Cases/validate")

  static let caseNames: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: casesFolder.path)) ?? []
    return names.filter { name in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(
        atPath: casesFolder.appendingPathComponent(name).path, isDirectory: &isDirectory)
        && isDirectory.boolValue
    }.sorted()
  }()

  /// Validates the seed corpus with the case's annotation in place of its seed.
  static func run(_ name: String) async throws -> (CorpusValidation, String) {
    let folder = casesFolder.appendingPathComponent(name)
    let yaml = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".yaml") })
    let path = "Input/" + yaml
    var corpus = try ValidateFixtures.seedCorpus()
    let id = String(yaml.dropLast(5))
    corpus[id]?.annotation = try ValidateFixtures.file(folder.appendingPathComponent(yaml), path: path)
    let validator = try #require(ValidateFixtures.validator)
    return (await validator.validate(Array(corpus.values)), path)
  }

  @Test func thereAreAtLeastTwentyCases() {
    #expect(Self.caseNames.count >= 20)
  }

  @Test(arguments: caseNames)
  func reportsExactlyTheExpectedDiagnostics(_ name: String) async throws {
    let (result, path) = try await Self.run(name)
    let actual = ValidateFixtures.summary(result.diagnostics, file: path) + "\n"
    #expect(!result.diagnostics.isEmpty, "\(name) must report its fault")
    let expected = Self.casesFolder.appendingPathComponent(name).appendingPathComponent("expected.txt")
    if let difference = Golden.compare(actual, with: expected) {
      Issue.record("\(name): \(difference)")
    }
  }

  /// The text rendering of a few cases, compared with golden files.
  @Test(arguments: ["byline-contradiction", "quote-found-twice", "unknown-key", "misspelled-set-member"])
  func textRendering(_ name: String) async throws {
    let (result, _) = try await Self.run(name)
    let text = ReporterKind.text.render(result.diagnostics, context: ReportContext(sources: result.sources))
    let golden = Self.casesFolder.appendingPathComponent(name).appendingPathComponent("expected-text.txt")
    if let difference = Golden.compare(text, with: golden) {
      Issue.record("\(name): \(difference)")
    }
  }
}
