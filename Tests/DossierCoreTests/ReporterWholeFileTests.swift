import DossierCore
import Foundation
import Testing

/// A location with line 0 names a whole file (e.g. one that cannot be read): every reporter shows the
/// file and nothing that would pretend to be a line or a column.
@Suite struct ReporterWholeFileTests {
  static let diagnostic = Diagnostic.error(
    DiagnosticCode("T001", "unreadable", "The file cannot be read."), "permission denied",
    at: SourceLocation(file: "Input/x.yaml", line: 0, column: 0),
    notes: [Diagnostic.Note("listed here", at: SourceLocation(file: "Input/list.txt", line: 0, column: 0))])
  static let context = ReportContext(sources: ["Input/x.yaml": "a: 1\n"], toolVersion: "0")

  @Test func text() {
    #expect(
      ReporterKind.text.render([Self.diagnostic], context: Self.context) == """
        Input/x.yaml: error[T001]: permission denied
          = note: listed here at Input/list.txt

        1 error

        """)
  }

  @Test func github() {
    #expect(
      ReporterKind.github.render([Self.diagnostic], context: Self.context)
        == "::error file=Input/x.yaml,title=T001::permission denied%0Anote: listed here at Input/list.txt\n")
  }

  @Test func json() throws {
    let output = ReporterKind.json.render([Self.diagnostic], context: Self.context)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    let diagnostic = try #require((document["diagnostics"] as? [[String: Any]])?.first)
    #expect(diagnostic["file"] as? String == "Input/x.yaml")
    for key in ["line", "column", "endLine", "endColumn"] { #expect(diagnostic[key] is NSNull) }
    let note = try #require((diagnostic["notes"] as? [[String: Any]])?.first)
    #expect(note["file"] as? String == "Input/list.txt")
    #expect(note["line"] is NSNull)
  }

  @Test func sarif() throws {
    let output = ReporterKind.sarif.render([Self.diagnostic], context: Self.context)
    let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    let result = try #require(
      ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
    let physical = try #require(
      (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    #expect((physical["artifactLocation"] as? [String: String])?["uri"] == "Input/x.yaml")
    #expect(physical["region"] == nil)
  }
}
