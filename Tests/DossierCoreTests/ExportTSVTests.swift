import DossierCore
import DossierTestSupport
import Foundation
import JSONSchema
import Testing

@Suite struct ExportTSVTests {
  @Test(arguments: [
    ("plain", "plain"), ("a\tb", "\"a\tb\""), ("a\nb", "\"a\nb\""), ("a\rb", "\"a\rb\""),
    ("a\\b", "a\\b"), ("\\N", "\"\\N\""), ("\\\\N", "\\\\N"), ("\\t", "\\t"), ("", ""),
    ("\"q\" 'x' <&>", "\"\"\"q\"\" 'x' <&>\""), ("mid\"quote", "\"mid\"\"quote\""), ("\"", "\"\"\"\""),
    ("国际", "国际"), (" NA ", " NA "),
  ])
  func cellsRoundTrip(value: String, encoded: String) throws {
    #expect(TSVLayout.escape(value) == encoded)
    let parsed = try TSVLayout.parse("\(encoded)\t\(TSVLayout.null)\n").get()
    #expect(parsed.count == 1)
    #expect(parsed.first?.cells.map(\.text) == [value, TSVLayout.null])
    #expect(parsed.first?.cells.map(\.isNull) == [false, true])
  }

  @Test(arguments: [
    ("\"open\n", 1, 1, "a quoted field is never closed"),
    ("a\t\"b\"c\n", 1, 6, "text after the closing quote"),
    ("a\tb\"c\n", 1, 4, "a quote inside an unquoted field"),
    ("a\rb\n", 1, 2, "a CR outside a quoted field"),
    ("a\tb", 1, 4, "the file does not end with a line feed"),
    ("x\n\"two\nlines\"\tz\"\n", 3, 9, "a quote inside an unquoted field"),
  ])
  func malformedTSVIsLocated(text: String, line: Int, column: Int, message: String) {
    guard case .failure(let error) = TSVLayout.parse(text) else {
      Issue.record("\(text.debugDescription) parsed")
      return
    }
    #expect(error.line == line)
    #expect(error.column == column)
    #expect(error.message.contains(message))
  }

  @Test func quotedFieldsSpanLinesAndKeepTheirPosition() throws {
    let records = try TSVLayout.parse("a\tb\n\"x\ny\"\t\"\"\"\"\t\n\"\\N\"\t\\N\t\n").get()
    #expect(records.map(\.line) == [1, 2, 4])
    #expect(records[1].cells.map(\.text) == ["x\ny", "\"", ""])
    #expect(records[1].cells.map(\.line) == [2, 3, 3])
    #expect(records[1].cells.map(\.column) == [1, 4, 9])
    #expect(records[2].cells.map(\.isNull) == [false, true, false])
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

  @Test func tsvCellsAreQuotedOnlyWhenNeeded() throws {
    let files = try TSVExporter().export(ExportFixtures.corpus)
    let participants = String(
      decoding: try #require(files.first { $0.path == "tsv/participants.tsv" }).bytes, as: UTF8.self)
    let records = try TSVLayout.parse(participants).get()
    #expect(records.count == ExportFixtures.corpus.participants.count + 1)
    #expect(
      participants.hasPrefix(
        "document_id\tactivity_id\tordinal\trole\tcountry_iso3\tcountry_name_en\tcountry_name_zh\t"
          + "organization\tsector\tset_id\timplicit\traw\tperson_name\n"))
    for record in records { #expect(record.cells.count == 13) }
    #expect(participants.contains("\tNAM\tNamibia\t纳米比亚\t\\N\tMIL\th3-recipients\tfalse\tNA\t\\N\n"))
    #expect(
      participants.contains(
        "\"tab\there, line\nbreak, cr\r, back\\slash, \\N, \\\\N, \\t, \"\"quotes\"\" 'single' <&> ]]>\""))
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
      #expect(dialect["quoteChar"] as? String == "\"")
      #expect(dialect["doubleQuote"] as? Bool == true)
      #expect(dialect["escapeChar"] == nil)
      #expect(resource["format"] as? String == "csv")
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
    let evidence = try #require(files.firstIndex { $0.path == "tsv/evidence.tsv" })
    var text = String(decoding: files[evidence].bytes, as: UTF8.self)
    text = text.replacingOccurrences(of: "\t1603\t", with: "\t16x3\t")
    files[evidence] = ExportFile(path: files[evidence].path, text: text)
    let participants = try #require(files.firstIndex { $0.path == "tsv/participants.tsv" })
    text = String(decoding: files[participants].bytes, as: UTF8.self)
    #expect(text.contains("'single' <&> ]]>\""))
    text = text.replacingOccurrences(of: "'single' <&> ]]>\"", with: "'single' <&> ]]>\"x")
    files[participants] = ExportFile(path: files[participants].path, text: text)
    let error = #expect(throws: DiagnosticError.self) { _ = try TSVRecordReader.read(files) }
    let diagnostics = (error?.diagnostics ?? []).sorted()
    #expect(diagnostics.map(\.code.id) == ["X005", "X005"])
    #expect(
      diagnostics.contains {
        $0.location?.file == "tsv/participants.tsv" && $0.message.contains("text after the closing quote")
      })
    #expect(
      diagnostics.contains {
        $0.location?.file == "tsv/evidence.tsv" && $0.message.contains("'16x3' is not an integer")
      })
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
