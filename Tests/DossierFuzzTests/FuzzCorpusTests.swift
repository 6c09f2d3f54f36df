import DossierFuzz
import DossierTestSupport
import Foundation
import Testing

/// Replays every committed fuzz input — the seed corpora (`Fuzz/Corpus/TARGET`) and the inputs that
/// once failed (`Fuzz/Regressions/TARGET`) — through the same target functions libFuzzer runs, so
/// `make test` proves each finding stays fixed without building with the fuzzer.
@Suite struct FuzzCorpusTests {
  static let environment: FuzzEnvironment? = try? FuzzEnvironment(root: RepositoryPaths.root)

  static func inputs(_ relative: String) -> [URL] {
    let folder = RepositoryPaths.root.appendingPathComponent(relative)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
  }

  @Test(arguments: FuzzTarget.allCases)
  func seedCorpusAndRegressionsHold(_ target: FuzzTarget) async throws {
    let environment = try #require(Self.environment, "the schemas under Schemas/ load")
    let seeds = Self.inputs(target.corpusPath)
    #expect(seeds.count >= 10, "\(target.corpusPath) holds the seed corpus")
    for file in seeds + Self.inputs(target.regressionsPath) {
      let bytes = Array(try Data(contentsOf: file))
      do {
        try await target.replay(bytes, environment: environment)
      } catch {
        Issue.record("\(file.lastPathComponent): \(error)")
      }
    }
  }
}
