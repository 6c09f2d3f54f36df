import DossierCore
import Foundation
import Testing

/// The `json`, `sarif` and `github` reporters, read back the way their consumers read them.
@Suite struct ReporterMachineFormatTests {
  static func parse(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  // MARK: json

  @Test func jsonHasEveryFieldOfEveryDiagnostic() throws {
    let output = ReporterKind.json.render(ReporterFixtures.diagnostics, context: ReporterFixtures.context)
    let document = try Self.parse(output)
    let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.count == ReporterFixtures.diagnostics.count)
    let fields: Set<String> = [
      "severity", "code", "title", "message", "file", "line", "column", "endLine", "endColumn", "pointer",
      "notes", "help",
    ]
    for diagnostic in diagnostics { #expect(Set(diagnostic.keys) == fields) }
    #expect(diagnostics.map { $0["code"] as? String } == ["T004", "T002", "T001", "T003", "T005"])
    let summary = try #require(document["summary"] as? [String: Int])
    #expect(summary == ["errors": 3, "warnings": 1, "notes": 1])
    let tool = try #require(document["tool"] as? [String: String])
    #expect(tool == ["name": "dossier", "version": "9.9.9-test"])

    let unknownCountry = diagnostics[2]
    #expect(unknownCountry["line"] as? Int == 3)
    #expect(unknownCountry["column"] as? Int == 11)
    #expect(unknownCountry["endLine"] as? Int == 3)  // a lone end column is on the start line
    #expect(unknownCountry["endColumn"] as? Int == 16)
    #expect(unknownCountry["help"] as? String == "did you mean \"China\"?")
    #expect(diagnostics[0]["file"] is NSNull)
    let notes = try #require(diagnostics[1]["notes"] as? [[String: Any]])
    #expect(notes.count == 2)
    #expect(notes[0]["file"] as? String == "Input/a.txt")
    #expect(notes[1]["line"] is NSNull)
  }

  @Test func jsonIsByteStableWithSortedKeysAndUnescapedText() {
    let output = ReporterKind.json.render(ReporterFixtures.diagnostics, context: ReporterFixtures.context)
    #expect(!output.contains("\\/"))
    #expect(output.contains("\"file\": \"Input/a.yaml\""))
    #expect(output.contains("多国军队"))
    #expect(output.hasSuffix("}\n"))
    // Keys of each object appear in sorted order.
    let keys = output.split(separator: "\n").compactMap { line -> String? in
      let trimmed = line.drop { $0 == " " }
      guard trimmed.hasPrefix("\""), let end = trimmed.dropFirst().firstIndex(of: "\"") else { return nil }
      return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
    }
    #expect(keys.prefix(3) == ["diagnostics", "code", "column"])
  }

  @Test func jsonEscapesControlCharacters() throws {
    let diagnostic = Diagnostic.error(
      DiagnosticCode("T001", "t", ""), "tab\there \u{1}\u{1F} quote\" backslash\\ slash/")
    let output = ReporterKind.json.render([diagnostic], context: ReporterFixtures.context)
    #expect(output.contains(#""message": "tab\there \u0001\u001f quote\" backslash\\ slash/""#))
    let parsed = try Self.parse(output)
    let message = (parsed["diagnostics"] as? [[String: Any]])?.first?["message"] as? String
    #expect(message == diagnostic.message)
  }

  // MARK: sarif

  @Test func sarifIsVersion210WithRulesAndOneBasedRegions() throws {
    let output = ReporterKind.sarif.render(ReporterFixtures.diagnostics, context: ReporterFixtures.context)
    let log = try Self.parse(output)
    #expect(log["version"] as? String == "2.1.0")
    #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
    let runs = try #require(log["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let run = runs[0]
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "dossier")
    #expect(driver["version"] as? String == "9.9.9-test")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let ruleIDs = rules.compactMap { $0["id"] as? String }
    #expect(ruleIDs == ["T001", "T002", "T003", "T004", "T005"])
    #expect(rules[0]["name"] as? String == "UnknownCountry")
    #expect((rules[0]["shortDescription"] as? [String: String])?["text"] == "unknown country")
    #expect(
      (rules[0]["fullDescription"] as? [String: String])?["text"]
        == "A participant names a country that is not in the country vocabulary.")
    // A code without an explanation falls back to its title.
    #expect((rules[2]["help"] as? [String: String])?["text"] == "inconsistent total")

    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 5)
    for result in results {
      let ruleID = try #require(result["ruleId"] as? String)
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(ruleIDs[index] == ruleID)
      #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
      #expect((result["message"] as? [String: String])?["text"]?.isEmpty == false)
      for location in result["locations"] as? [[String: Any]] ?? [] {
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: String])
        #expect(artifact["uriBaseId"] == "%SRCROOT%")
        #expect(artifact["uri"]?.hasPrefix("Input/") == true)
        let region = try #require(physical["region"] as? [String: Int])
        #expect((region["startLine"] ?? 0) >= 1)
        #expect((region["startColumn"] ?? 0) >= 1)
      }
    }
    #expect(results.map { $0["level"] as? String } == ["error", "error", "error", "warning", "note"])
    // The diagnostic without a location has no locations.
    #expect(results[0]["locations"] == nil)
    let quote = results[1]
    let region = try #require(
      ((quote["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
        as? [String: Int])
    #expect(region == ["startLine": 2, "startColumn": 19, "endLine": 2, "endColumn": 21])
    let related = try #require(quote["relatedLocations"] as? [[String: Any]])
    #expect(related.count == 1)
    #expect(
      (related[0]["message"] as? [String: String])?["text"] == "the closest text in the document is here")
    #expect((quote["properties"] as? [String: String])?["pointer"] == "/title")
    let multiLine = try #require(
      ((results[3]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
        as? [String: Int])
    #expect(multiLine == ["startLine": 2, "startColumn": 10, "endLine": 3, "endColumn": 7])
  }

  @Test func sarifPercentEncodesPathsAndWritesInformationURIWhenKnown() throws {
    var context = ReporterFixtures.context
    context.informationURI = "https://example.org/dossier"
    let diagnostic = Diagnostic.error(
      DiagnosticCode("T001", "t", ""), "m",
      at: SourceLocation(file: "Input/my file 中.yaml", line: 1, column: 1))
    let output = SARIFReporter.render([diagnostic], context: context)
    #expect(output.contains("\"uri\": \"Input/my%20file%20%E4%B8%AD.yaml\""))
    #expect(output.contains("\"informationUri\": \"https://example.org/dossier\""))
    let absolute = Diagnostic.error(
      DiagnosticCode("T001", "t", ""), "m", at: SourceLocation(file: "/tmp/x.yaml", line: 1, column: 1))
    let absoluteOutput = SARIFReporter.render([absolute], context: ReporterFixtures.context)
    #expect(absoluteOutput.contains("\"uri\": \"file:///tmp/x.yaml\""))
    #expect(!absoluteOutput.contains("uriBaseId"))
    #expect(!absoluteOutput.contains("informationUri"))
  }

  // MARK: github

  @Test func githubWritesOneWorkflowCommandPerDiagnostic() {
    let output = ReporterKind.github.render(ReporterFixtures.diagnostics, context: ReporterFixtures.context)
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 6 && lines.last == "")
    for line in lines.dropLast() {
      let command = line.prefix { $0 != " " }
      #expect(["::error", "::warning", "::notice"].contains(String(command)))
      #expect(line.contains("::"))
      #expect(!line.contains("\r"))
    }
    #expect(
      lines[2]
        == "::error file=Input/a.yaml,line=3,col=11,endLine=3,endColumn=15,title=T001::unknown country \"Chnia\"%0Ahelp: did you mean \"China\"?"
    )
    #expect(lines[3].hasPrefix("::warning file=Input/b.yaml,line=2,col=10,endLine=3,title=T003::"))
    #expect(lines[4].hasPrefix("::notice "))
    #expect(lines[0].hasPrefix("::error title=T004::"))
  }

  @Test func githubEscapesDataAndProperties() {
    #expect(GitHubReporter.escapeData("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d")
    #expect(GitHubReporter.escapeProperty("100% a\r\nb: c, d") == "100%25 a%0D%0Ab%3A c%2C d")
    let diagnostic = Diagnostic.warning(
      DiagnosticCode("T9", "t", ""), "50% of\nthe: list, here",
      at: SourceLocation(file: "dir,with:odd%chars.yaml", line: 4, column: 2))
    let output = GitHubReporter.render([diagnostic], context: ReporterFixtures.context)
    #expect(
      output
        == "::warning file=dir%2Cwith%3Aodd%25chars.yaml,line=4,col=2,title=T9::50%25 of%0Athe: list, here\n")
  }
}
