import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `docs/diagnostics.md` and `dossier explain` tell the same story.
@Suite struct DiagnosticDocumentationTests {
  static func documentation() throws -> String {
    try String(
      contentsOf: RepositoryPaths.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
  }

  /// The paragraph under `### ID — title`, with line breaks folded into spaces.
  static func entry(_ id: String, in documentation: String) -> (heading: String, text: String)? {
    let lines = documentation.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("### \(id) ") }) else { return nil }
    var paragraph: [String] = []
    for line in lines[(start + 1)...] {
      if line.hasPrefix("#") || line.hasPrefix("<!--") { break }
      if line.isEmpty && !paragraph.isEmpty { break }
      if !line.isEmpty { paragraph.append(line) }
    }
    return (lines[start], paragraph.joined(separator: " "))
  }

  /// Every code's heading carries the code's own title, which `dossier explain` prints.
  @Test func headingsMatchTheCodesTitles() throws {
    let documentation = try Self.documentation()
    for code in DiagnosticCode.all {
      let entry = Self.entry(code.id, in: documentation)
      #expect(
        entry?.heading == "### \(code.id) — \(code.title)", "docs/diagnostics.md heading for \(code.id)")
    }
  }

  /// For the Usage family, the documented paragraph is the explanation itself.
  @Test func usageExplanationsAreTheDocumentedParagraphs() throws {
    let documentation = try Self.documentation()
    let usage = DiagnosticCode.all.filter { $0.id.hasPrefix("U") }
    #expect(usage.count >= 3)
    for code in usage {
      #expect(Self.entry(code.id, in: documentation)?.text == code.explanation, "\(code.id)")
    }
  }

  @Test func usageCodesAreFoundByLookup() {
    #expect(DiagnosticCode.lookup("u001") == .unreadableFile)
    #expect(DiagnosticCode.lookup("U002") == .pathOutsideFolder)
    #expect(DiagnosticCode.lookup("U003") == .missingFolder)
  }
}
