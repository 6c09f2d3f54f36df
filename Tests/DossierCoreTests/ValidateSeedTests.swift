import DossierCore
import DossierTestSupport
import Foundation
import JSONSchema
import Testing

/// The seed corpus validates cleanly, its facts resolve, and validating it again and again does not
/// grow memory.
@Suite struct ValidateSeedTests {
  @Test func seedCorpusIsValid() async throws {
    let validator = try #require(ValidateFixtures.validator)
    #expect(validator.vocabularyDiagnostics.isEmpty)
    let result = await validator.validate(Array(try ValidateFixtures.seedCorpus().values))
    #expect(
      result.diagnostics.isEmpty,
      "\(result.diagnostics.map { "\($0.code.id) \($0.location?.description ?? "") \($0.message)" })")
    #expect(result.documents.map(\.id) == ["000_ec6a5abef4a65f2a", "003_9ffac5d15d52c637"])
    let article = try #require(result.documents.last)
    #expect(article.annotation.activities.count >= 25)
    // Every quote resolved to a span whose text the quote matches.
    #expect(article.quoteSpans.count > 100)
    // The 26 countries of highlight 3 resolve, Northern Macedonia and Republic of Congo by alias.
    let codes = Set(article.countries.values)
    #expect(codes.isSuperset(of: ["MKD", "COG", "GIN", "GNQ", "RUS", "CHN", "PAK", "NPL"]))
    #expect(!codes.contains("COD"))
    #expect(article.annotated.publicationDay == EDTFDate.Day(year: 2021, month: 12, day: 23))
    #expect(article.annotated.publisher?.text?.text == "China Military Online")
  }

  @Test func vocabulariesResolveNamesByKey() throws {
    let vocabularies = try #require(ValidateFixtures.validator?.vocabularies)
    #expect(vocabularies.country("northern  MACEDONIA") == "MKD")
    #expect(vocabularies.country("Republic of Congo") == "COG")
    #expect(vocabularies.country("俄罗斯") == "RUS")
    #expect(vocabularies.country("RUS") == "RUS")
    #expect(vocabularies.country("XKX") == nil)
    #expect(vocabularies.country("Guinea") == "GIN")
    #expect(vocabularies.country("Sudan") == "SDN")
    #expect(vocabularies.organization("ASEAN Defense Ministers' Meeting-Plus") == "ADMM-Plus")
    #expect(vocabularies.suggestCountry(for: "Northen Macedonia") == "Northern Macedonia")
  }

  /// Resident memory in bytes, from /proc/self/statm (Linux); `nil` elsewhere.
  static func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  @Test func repeatedValidationDoesNotGrowMemory() async throws {
    let validator = try #require(ValidateFixtures.validator)
    let corpus = Array(try ValidateFixtures.seedCorpus().values)
    var after10 = 0
    let start = ContinuousClock.now
    for run in 1...100 {
      let result = await validator.validate(corpus)
      #expect(result.isValid)
      if run == 10 { after10 = Self.residentBytes() ?? 0 }
    }
    let elapsed = ContinuousClock.now - start
    guard let after100 = Self.residentBytes() else {
      print("NOTE: /proc/self/statm not available; memory not measured")
      return
    }
    let growth = after100 - after10
    print(
      "validate seed corpus ×100: RSS after 10 runs \(after10 / 1024) KiB, after 100 runs \(after100 / 1024) KiB, "
        + "growth \(growth / 1024) KiB; \(elapsed / 100) per run (debug build)")
    #expect(growth < 8 * 1024 * 1024, "memory grew by \(growth) bytes over 90 runs")
  }
}
