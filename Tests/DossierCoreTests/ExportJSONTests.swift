import DossierCore
import DossierTestSupport
import Foundation
import JSONSchema
import Testing

@Suite struct ExportJSONTests {
  @Test func canonicalJSONFollowsRFC8785ForStringsKeysAndIntegers() throws {
    let value: JSONValue = .object(
      JSONObject([
        ("b", .array([.integer(-0), .integer(9_007_199_254_740_992), .bool(true), .null])),
        ("a", .string("/ \u{1} \u{8}\u{9}\u{A}\u{C}\u{D} \u{1F} \" \\ é 😀 \u{2028} \u{7F}")),
        ("\u{E000}", .integer(1)), ("😀", .integer(2)), ("B", .object(JSONObject())),
      ]))
    let text = String(decoding: try CanonicalJSON.canonical(value), as: UTF8.self)
    // Keys by UTF-16 code units: "B" < "a" < "b" < U+D83D (😀) < U+E000.
    #expect(
      text == "{\"B\":{},\"a\":\"/ \\u0001 \\b\\t\\n\\f\\r \\u001f \\\" \\\\ é 😀 \u{2028} \u{7F}\","
        + "\"b\":[0,9007199254740992,true,null],\"😀\":2,\"\u{E000}\":1}")
  }

  /// Pretty output is `JSONWriter`'s `.prettySorted` text, byte for byte: integers of every size and
  /// sign, nesting deeper than one block of indentation (40 levels), keys in and out of order.
  @Test func prettyJSONIsTheSortedWriterText() throws {
    var value: JSONValue = .array([
      .integer(0), .integer(-1), .integer(7), .integer(-9_007_199_254_740_992),
      .integer(9_007_199_254_740_992),
      .integer(1_234_567_890), .object(JSONObject([("z", .integer(-10)), ("a", .integer(10))])),
    ])
    for level in 0..<40 {
      value = .object(JSONObject([("k\(level)", value), ("a", .integer(level)), ("list", .array([]))]))
    }
    let pretty = String(decoding: try CanonicalJSON.pretty(value), as: UTF8.self)
    #expect(pretty == JSONWriter.text(of: value, options: .prettySorted) + "\n")
  }

  @Test func canonicalJSONRefusesFractionsAndHugeIntegers() {
    #expect(throws: CanonicalJSON.UnrepresentableNumber.self) {
      _ = try CanonicalJSON.canonical(.number(JSONNumber(jsonText: "1.5")!))
    }
    #expect(throws: CanonicalJSON.UnrepresentableNumber.self) {
      _ = try CanonicalJSON.canonical(.integer(9_007_199_254_740_993))
    }
  }

  @Test func jsonLinesRoundTripToEqualRecordsAndBytes() throws {
    let records = ExportFixtures.corpus
    let files = try JSONLinesExporter().export(records)
    #expect(files.map(\.path) == RecordTable.all.map { "jsonl/\($0.name).jsonl" })
    let back = try JSONRecordReader.readLines(files)
    #expect(back == records.sorted())
    #expect(try JSONLinesExporter().export(back) == files)
    // Spot-check exact strings, byte for byte (Swift's == on strings ignores normalization).
    let organizer = try #require(back.participants.first { $0.activityID == "def-areas" })
    #expect(
      Array(organizer.raw?.utf8 ?? "".utf8) == Array("\u{301}e\u{301}te\u{301} \u{2028} \u{7F} ''".utf8))
    #expect(back.participants.contains { $0.raw == "NA" && $0.countryISO3 == "NAM" })
  }

  @Test func jsonLinesAreOneCanonicalRecordPerLine() throws {
    let files = try JSONLinesExporter().export(ExportFixtures.corpus)
    let participants = try #require(files.first { $0.path == "jsonl/participants.jsonl" })
    let lines = participants.bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    #expect(lines.count == ExportFixtures.corpus.participants.count + 1)
    #expect(lines.last?.isEmpty == true)
    // Rows in key order: document 000 before 003, then activity id, then ordinal.
    let texts = lines.dropLast().map { String(decoding: $0, as: UTF8.self) }
    #expect(texts[0].hasPrefix("{\"activity_id\":\"def-areas\",\"country_iso3\":null,"))
    #expect(texts[1].hasPrefix("{\"activity_id\":\"h2-zapad\",\"country_iso3\":\"CHN\""))
    #expect(!texts[1].contains(": ") && !texts[1].contains(", "))
    #expect(texts.allSatisfy { !$0.contains("\\/") })
  }

  @Test func perDocumentJSONIsPrettySortedAndRoundTrips() throws {
    let records = ExportFixtures.corpus
    let files = try JSONExporter().export(records)
    #expect(
      files.map(\.path) == ["json/\(ExportFixtures.bilingual).json", "json/\(ExportFixtures.article).json"])
    let text = String(decoding: files[1].bytes, as: UTF8.self)
    #expect(text.hasPrefix("{\n  \"activities\": [\n    {\n      \"activity_id\": \"h2-zapad\""))
    #expect(text.contains("\"name\": \"Zapad/Interaction-2021\""))
    #expect(text.hasSuffix("}\n") && !text.contains("\r"))
    #expect(try JSONRecordReader.readDocuments(files) == records.sorted())
  }

  @Test func exportIsDeterministicWhateverTheInputOrder() throws {
    var shuffled = ExportFixtures.corpus
    shuffled.participants.reverse()
    shuffled.sections.reverse()
    shuffled.documents.reverse()
    shuffled.evidence.reverse()
    for format in [ExportFormat.json, .jsonl, .tsv] {
      let exporter = format.makeExporter(options: ExportOptions())
      #expect(try exporter.export(ExportFixtures.corpus) == exporter.export(shuffled))
    }
  }

  @Test func malformedJSONLinesAreLocatedX005() throws {
    var files = try JSONLinesExporter().export(ExportFixtures.corpus)
    let index = try #require(files.firstIndex { $0.path == "jsonl/quantities.jsonl" })
    var lines = String(decoding: files[index].bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    lines[1] = lines[1].replacingOccurrences(of: "\"derived\":false", with: "\"derived\":0")
    lines[2] = "{\"unit\": \"x\", \"unit\": \"y\"}"
    files[index] = ExportFile(path: files[index].path, text: lines.joined(separator: "\n") + "\n")
    let error = #expect(throws: DiagnosticError.self) { _ = try JSONRecordReader.readLines(files) }
    let diagnostics = error?.diagnostics ?? []
    #expect(diagnostics.map(\.code.id) == ["X005", "X005"])
    #expect(diagnostics.map { $0.location?.line } == [2, 3])
    #expect(diagnostics[0].message.contains("derived"))
    #expect(diagnostics[1].message.contains("duplicate key 'unit'"))
  }

  @Test func documentJSONErrorsAreLocatedAndAByteOrderMarkIsRefused() throws {
    let files = try JSONExporter().export(ExportFixtures.corpus)
    var text = String(decoding: files[0].bytes, as: UTF8.self)
    let schemaLine = try #require(text.range(of: "\n  \"schema\": "))
    text.insert(contentsOf: "\n  \"schema\": 1,", at: schemaLine.lowerBound)
    let duplicate = ExportFile(path: files[0].path, text: text)
    let withMark = ExportFile(path: files[0].path, bytes: [0xEF, 0xBB, 0xBF] + files[0].bytes)
    let error = #expect(throws: DiagnosticError.self) {
      _ = try JSONRecordReader.readDocuments([duplicate, withMark])
    }
    let diagnostics = error?.diagnostics ?? []
    #expect(diagnostics.map(\.code.id) == ["X005", "X005"])
    let line = text[..<schemaLine.lowerBound].filter { $0 == "\n" }.count + 3
    #expect(diagnostics.map { $0.location?.line } == [line, 1])
    #expect(diagnostics[0].location?.column == 3)
    #expect(diagnostics[0].message == "duplicate key 'schema' (first defined at line \(line - 1), column 3)")
    #expect(diagnostics[1].message.contains("byte order mark"))
  }

  @Test func unknownFormatNameIsX004() throws {
    let error = #expect(throws: DiagnosticError.self) { _ = try ExportFormat.list("json,xlsx,tsv") }
    #expect(error?.diagnostics.map(\.code.id) == ["X004"])
    #expect(try ExportFormat.list("tsv, json,tsv") == [.json, .tsv])
  }
}
