import Testing

@testable import DossierCore

/// `BuildSummary`'s line for a bag without previous bag and its list shortening.
@Suite struct BuildSummaryValueTests {
  @Test func listsAtMostFiveIDs() {
    #expect(BuildSummary.list([]) == "")
    #expect(BuildSummary.list(["a", "b"]) == " (a, b)")
    #expect(BuildSummary.list((1...7).map { "d\($0)" }) == " (d1, d2, d3, d4, d5, …and 2 more)")
  }

  @Test func aBagWithoutTablesCountsNothingAndNeverFails() {
    let summary = BuildSummary(
      files: [ExportFile(path: "bagit.txt", text: "x")], output: "Out",
      previousDocuments: Array("not json\n".utf8))
    #expect(summary.documents == 0)
    #expect(summary.activities == nil)
    #expect(
      summary.text == "dossier build: 0 documents; since the last bag: 0 new, 0 changed; wrote 1 file to Out")
  }
}
