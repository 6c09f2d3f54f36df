import DossierCore
import DossierTestSupport
import Foundation
import JSONSchema
import Testing

@Suite struct ExportTSVTests {
  @Test(arguments: [
    ("plain", "plain"), ("a\tb", "a\\tb"), ("a\nb", "a\\nb"), ("a\rb", "a\\rb"), ("a\\b", "a\\\\b"),
    ("\\N", "\\\\N"), ("\\t", "\\\\t"), ("", ""), ("\"q\" 'x' <&>", "\"q\" 'x' <&>"), ("国际", "国际"),
  ])
  func escapingRoundTrips(value: String, escaped: String) throws {
    #expect(TSVLayout.escape(value) == escaped)
    #expect(TSVLayout.unescape(escaped[...]) == value)
  }

  @Test func unknownEscapeIsRejected() {
    #expect(TSVLayout.unescape("a\\x"[...]) == nil)
    #expect(TSVLayout.unescape("trailing\\"[...]) == nil)
  }

  @Test func tsvRoundTripsToEqualRecordsAndBytes() throws {
    let records = ExportFixtures.corpus
    let files = try TSVExporter().export(records)
    #expect(
      files.map(\.path) == [
        "tsv/documents.tsv", "tsv/document_languages.tsv", "tsv/document_corrections.tsv", "tsv/sections.tsv",
        "tsv/activities.tsv", "tsv/activity_cameo_codes.tsv", "tsv/activity_areas.tsv",
        "tsv/activity_modes.tsv",
        "tsv/participants.tsv", "tsv/participant_person_titles.tsv", "tsv/participant_sets.tsv",
        "tsv/quantities.tsv", "tsv/quantity_dimensions.tsv", "tsv/evidence.tsv", "tsv/terms.tsv",
        "tsv/datapackage.json",
      ])
    let back = try TSVRecordReader.read(files)
    #expect(back == records.sorted())
    #expect(try TSVExporter().export(back) == files)
  }

  @Test func tsvCellsAreEscapedOneRecordPerLine() throws {
    let files = try TSVExporter().export(ExportFixtures.corpus)
    let participants = String(
      decoding: try #require(files.first { $0.path == "tsv/participants.tsv" }).bytes, as: UTF8.self)
    let lines = participants.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == ExportFixtures.corpus.participants.count + 2)
    #expect(
      lines[0] == "document_id\tactivity_id\tordinal\trole\tcountry_iso3\tcountry_name_en\tcountry_name_zh\t"
        + "organization\tsector\tset_id\timplicit\traw\tperson_name")
    for line in lines.dropLast() {
      #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 13)
    }
    #expect(lines.contains { $0.hasSuffix("\tNAM\tNamibia\t纳米比亚\t\\N\tMIL\th3-recipients\tfalse\tNA\t\\N") })
    #expect(
      lines.contains {
        $0.contains("tab\\there, line\\nbreak, cr\\r, back\\\\slash, \\\\N, \\\\\\\\N, \\\\t, \"quotes\"")
      })
    let areas = String(
      decoding: try #require(files.first { $0.path == "tsv/activity_areas.tsv" }).bytes, as: UTF8.self)
    #expect(
      areas == "document_id\tactivity_id\tordinal\tarea\n"
        + "\(ExportFixtures.article)\th2-zapad\t1\tjoint_exercises_training\n"
        + "\(ExportFixtures.article)\th3-vaccines\t1\tpublic_security_goods.hadr\n"
        + "\(ExportFixtures.article)\th3-vaccines\t2\tpersonnel_exchanges\n")
  }

  @Test func dataPackageDescribesEveryTable() throws {
    let files = try TSVExporter().export(ExportFixtures.corpus)
    let descriptor = try #require(files.first { $0.path == "tsv/datapackage.json" })
    let json = try JSONSerialization.jsonObject(with: Data(descriptor.bytes)) as? [String: Any]
    let resources = try #require(json?["resources"] as? [[String: Any]])
    #expect(
      resources.map { $0["path"] as? String }
        == files.dropLast().map { $0.path.replacingOccurrences(of: "tsv/", with: "") })
    for resource in resources {
      let dialect = try #require(resource["dialect"] as? [String: Any])
      #expect(dialect["delimiter"] as? String == "\t")
      #expect(dialect["nullSequence"] as? String == "\\N")
      #expect(dialect["lineTerminator"] as? String == "\n")
      let schema = try #require(resource["schema"] as? [String: Any])
      #expect((schema["missingValues"] as? [String]) == ["\\N"])
      let tsv = try #require(files.first { $0.path == "tsv/\(resource["path"] as? String ?? "")" })
      let header = String(decoding: tsv.bytes, as: UTF8.self).split(separator: "\n").first.map(String.init)
      let fields = (schema["fields"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
      #expect(header == fields.joined(separator: "\t"))
    }
  }

  @Test func brokenTSVIsLocatedX005() throws {
    var files = try TSVExporter().export(ExportFixtures.corpus)
    let index = try #require(files.firstIndex { $0.path == "tsv/evidence.tsv" })
    var text = String(decoding: files[index].bytes, as: UTF8.self)
    text = text.replacingOccurrences(of: "\t1603\t", with: "\t16x3\t")
    text = text.replacingOccurrences(of: "for the first time\\nto", with: "for the first time\\qto")
    files[index] = ExportFile(path: files[index].path, text: text)
    let error = #expect(throws: DiagnosticError.self) { _ = try TSVRecordReader.read(files) }
    let diagnostics = (error?.diagnostics ?? []).sorted()
    #expect(diagnostics.map(\.code.id) == ["X005", "X005"])
    #expect(diagnostics.allSatisfy { $0.location?.file == "tsv/evidence.tsv" })
    #expect(diagnostics.contains { $0.message.contains("invalid backslash escape") })
    #expect(diagnostics.contains { $0.message.contains("'16x3' is not an integer") })
  }

  @Test func nullInRequiredColumnAndWrongFieldCountAreX005() throws {
    var files = try TSVExporter().export(ExportFixtures.corpus)
    let index = try #require(files.firstIndex { $0.path == "tsv/documents.tsv" })
    var lines = String(decoding: files[index].bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    lines[1] = lines[1].replacingOccurrences(of: "\tdefinition\t", with: "\t\\N\t")
    lines[2] = lines[2] + "\textra"
    files[index] = ExportFile(path: files[index].path, text: lines.joined(separator: "\n") + "\n")
    let error = #expect(throws: DiagnosticError.self) { _ = try TSVRecordReader.read(files) }
    let messages = (error?.diagnostics ?? []).map(\.message)
    #expect(messages.contains { $0.contains("null (\\N) in a required column") })
    #expect(messages.contains { $0.contains("expected 14 fields, found 15") })
  }
}
