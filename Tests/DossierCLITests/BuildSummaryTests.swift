import DossierTestSupport
import Foundation
import Testing

/// The summary `dossier build` prints on stderr after writing the bag, and `--quiet`.
@Suite(.serialized) struct BuildSummaryTests {
  @Test func summaryNamesNewAndChangedDocuments() throws {
    let folder = try BuildCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try BuildCommandTests.build(folder, ["--output", "Exports"])
    #expect(first.exitCode == 0)
    #expect(first.stderr.hasPrefix("dossier build: 2 documents, 28 activities; no previous bag; wrote "))
    let files = first.stderr.split(separator: ";").last ?? ""
    #expect(files.hasSuffix(" files to Exports\n"))
    let same = try BuildCommandTests.build(folder, ["--output", "Exports"])
    #expect(same.stderr.contains("; since the last bag: 0 new, 0 changed; wrote "), "\(same.stderr)")
    try BuildCommandTests.touchAnnotation(folder)
    let changed = try BuildCommandTests.build(folder, ["--output", "Exports"])
    #expect(
      changed.stderr.contains("since the last bag: 0 new, 1 changed (\(BuildCommandTests.article)); wrote "),
      "\(changed.stderr)")
    let check = try BuildCommandTests.build(folder, ["--output", "Exports", "--check"])
    #expect(check.exitCode == 0 && check.stderr.isEmpty, "--check prints no summary: \(check.stderr)")
    let quiet = try BuildCommandTests.build(folder, ["--output", "Exports", "--quiet"])
    #expect(quiet.exitCode == 0 && quiet.stderr.isEmpty && quiet.stdout.isEmpty)
  }
}
