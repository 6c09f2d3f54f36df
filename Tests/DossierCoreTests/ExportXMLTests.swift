import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite struct ExportXMLTests {
  @Test func recordXMLValidatesAndRoundTrips() throws {
    let options = try ExportFixtures.options()
    let records = ExportFixtures.corpus
    let files = try RecordXMLExporter(options: options).export(records)
    #expect(
      files.map(\.path) == ["xml/\(ExportFixtures.bilingual).xml", "xml/\(ExportFixtures.article).xml"])
    let validator = try XMLSchemaValidator(
      bundle: options.schemas!, schemaPath: XMLSchemaBundle.recordSchemaPath)
    for file in files { #expect(validator.validate(file.bytes, fileName: file.path).isEmpty) }
    let back = try RecordXMLReader.read(files, schemas: options.schemas)
    #expect(back == records.sorted())
    #expect(try RecordXMLExporter(options: options).export(back) == files)
    let organizer = try #require(back.participants.first { $0.activityID == "def-areas" })
    #expect(Array(organizer.organization?.utf8 ?? "".utf8) == Array(ExportFixtures.tricky.utf8))
    #expect(back.quantities.contains { $0.raw == "" })
  }

  /// The streaming XSD validation reports what breaks the schema or XML itself, at its line, and
  /// refuses a DOCTYPE before parsing.
  @Test func theValidatorReportsInvalidAndMalformedRecords() throws {
    let options = try ExportFixtures.options()
    let files = try RecordXMLExporter(options: options).export(ExportFixtures.corpus)
    let validator = try XMLSchemaValidator(
      bundle: options.schemas!, schemaPath: XMLSchemaBundle.recordSchemaPath)
    let text = String(decoding: files[1].bytes, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let kindLine = try #require(lines.firstIndex { $0.contains("<kind>") }) + 1

    let wrongElement = text.replacingOccurrences(of: "<kind>", with: "<sort>", options: [], range: nil)
      .replacingOccurrences(of: "</kind>", with: "</sort>")
    let invalid = validator.validate(Array(wrongElement.utf8), fileName: "x.xml")
    #expect(!invalid.isEmpty)
    #expect(invalid.first?.line == kindLine)
    #expect(invalid.first?.message.contains("sort") == true)

    let malformed = validator.validate(Array(text.dropLast(12).utf8), fileName: "x.xml")
    #expect(!malformed.isEmpty)

    let doctype = text.replacingOccurrences(of: "?>\n<record", with: "?>\n<!DOCTYPE record>\n<record")
    #expect(
      validator.validate(Array(doctype.utf8), fileName: "x.xml").first?.message.contains("DOCTYPE") == true)
    #expect(validator.validate([], fileName: "x.xml").first?.message == "the document is empty")
    #expect(validator.validate(files[1].bytes, fileName: "x.xml").isEmpty)
    // Validation contexts are reused across documents: a failed one leaves nothing behind, and many
    // threads validating at once each get their own.
    #expect(validator.validate(Array(wrongElement.utf8), fileName: "x.xml") == invalid)
    #expect(validator.validate(Array(text.dropLast(12).utf8), fileName: "x.xml") == malformed)
    let results = ResultBox()
    DispatchQueue.concurrentPerform(iterations: 64) { index in
      let bytes = index.isMultiple(of: 2) ? files[1].bytes : Array(wrongElement.utf8)
      results.append(index, validator.validate(bytes, fileName: "x.xml"))
    }
    for (index, issues) in results.sorted() { #expect(issues == (index.isMultiple(of: 2) ? [] : invalid)) }
  }

  /// Results of concurrent validations, by index.
  final class ResultBox: @unchecked Sendable {
    private var results: [Int: [XMLSchemaValidator.Issue]] = [:]
    private let lock = NSLock()
    func append(_ index: Int, _ issues: [XMLSchemaValidator.Issue]) {
      lock.withLock { results[index] = issues }
    }
    func sorted() -> [(Int, [XMLSchemaValidator.Issue])] {
      lock.withLock { results.sorted { $0.key < $1.key } }
    }
  }

  @Test func recordXMLUsesDublinCoreHeaderAndLanguageTags() throws {
    let files = try RecordXMLExporter(options: try ExportFixtures.options()).export(ExportFixtures.corpus)
    let article = String(decoding: files[1].bytes, as: UTF8.self)
    #expect(
      article.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<record xmlns=\"urn:dossier:ns:record:1\""))
    #expect(article.contains("<dc:identifier>\(ExportFixtures.article)</dc:identifier>"))
    #expect(
      article.contains(
        "<dc:title xml:lang=\"en\">2021 highlights of China's military diplomacy: \"7\" &amp; &lt;more&gt;</dc:title>"
      ))
    #expect(article.contains("<countryName xml:lang=\"en\">Namibia</countryName>"))
    #expect(article.contains("<countryName xml:lang=\"zh\">纳米比亚</countryName>"))
    #expect(article.contains("<countryIso3>NAM</countryIso3>"))
    #expect(article.contains("<sourceSha256>\(String(repeating: "ab", count: 32))</sourceSha256>"))
    #expect(
      article.contains("cr&#13;, back\\slash, \\N, \\\\N, \\t, \"quotes\" 'single' &lt;&amp;&gt; ]]&gt;"))
    let bilingual = String(decoding: files[0].bytes, as: UTF8.self)
    #expect(bilingual.contains("<heading xml:lang=\"zh-Hans\">国际军事合作</heading>"))
  }

  @Test func dublinCoreRecordsValidateAgainstOaiDC() throws {
    let options = try ExportFixtures.options()
    let files = try DublinCoreExporter(options: options).export(ExportFixtures.corpus)
    #expect(
      files.map(\.path) == ["oai_dc/\(ExportFixtures.bilingual).xml", "oai_dc/\(ExportFixtures.article).xml"])
    let validator = try XMLSchemaValidator(
      bundle: options.schemas!, schemaPath: XMLSchemaBundle.dublinCoreSchemaPath)
    for file in files { #expect(validator.validate(file.bytes, fileName: file.path).isEmpty) }
    let article = String(decoding: files[1].bytes, as: UTF8.self)
    for expected in [
      "<dc:publisher>China Military Online</dc:publisher>", "<dc:contributor>Li Jiayao</dc:contributor>",
      "<dc:date>2021-12-23T18:03:31+08:00</dc:date>", "<dc:type>Text</dc:type>",
      "<dc:coverage>NAM</dc:coverage>",
      "<dc:language>en</dc:language>", "<dc:subject>joint_exercises_training</dc:subject>",
    ] {
      #expect(article.contains(expected), "missing \(expected)")
    }
  }

  @Test func controlCharacterIsLocatedX001NamingItsInput() throws {
    var records = ExportFixtures.corpus
    let index = try #require(records.activities.firstIndex { $0.id == "h2-zapad" })
    records.activities[index].name = "Zapad\u{1}Interaction"
    let located = SourceLocation(file: "Input/\(ExportFixtures.article).yaml", line: 17, column: 11)
    var options = try ExportFixtures.options()
    options.locator = { reference in
      reference.table == "activities" && reference.column == "name" && reference.key.last == "h2-zapad"
        ? located : nil
    }
    for exporter in [
      RecordXMLExporter(options: options) as any RecordExporter, DublinCoreExporter(options: options),
    ] {
      let error = #expect(throws: DiagnosticError.self) { _ = try exporter.export(records) }
      let diagnostic = try #require(error?.diagnostics.first)
      #expect(error?.diagnostics.count == 1)
      #expect(diagnostic.code.id == "X001")
      #expect(diagnostic.location == located)
      #expect(diagnostic.message.contains("activities[\(ExportFixtures.article), h2-zapad]"))
      #expect(diagnostic.message.contains("column 'name' contains U+0001 at character 6"))
      #expect(diagnostic.message.contains("Input/\(ExportFixtures.article).yaml"))
    }
    // Without a locator the diagnostic still names the input file; JSON and TSV carry the character.
    let error = #expect(throws: DiagnosticError.self) {
      _ = try RecordXMLExporter(options: try ExportFixtures.options()).export(records)
    }
    #expect(error?.diagnostics.first?.location == nil)
    #expect(try TSVRecordReader.read(TSVExporter().export(records)) == records.sorted())
  }

  @Test func quoteFromTheSourceTextNamesTheSourceFile() throws {
    var records = ExportFixtures.corpus
    records.evidence[0].quote += "\u{FFFE}"
    let error = #expect(throws: DiagnosticError.self) {
      _ = try ExportPipeline.export(records, options: try ExportFixtures.options())
    }
    let diagnostics = error?.diagnostics ?? []
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.message.contains("U+FFFE") == true)
    #expect(diagnostics.first?.message.contains("value from Input/\(ExportFixtures.article).txt") == true)
  }

  @Test func tamperedRecordXMLIsRejectedByTheReader() throws {
    let options = try ExportFixtures.options()
    let file = try RecordXMLExporter(options: options).export(ExportFixtures.corpus)[1]
    let text = String(decoding: file.bytes, as: UTF8.self)
    let cases: [(String, String)] = [
      (
        text.replacingOccurrences(
          of: "<countryIso3>NAM</countryIso3>", with: "<countryIso3>nam</countryIso3>"), "nam"
      ),
      (
        text.replacingOccurrences(of: "<unit>countries</unit>", with: "<unit>countries</unit><bogus/>"),
        "bogus"
      ),
      (text.replacingOccurrences(of: "</record>", with: "</recrd>"), "recrd"),
      (
        "<!DOCTYPE record [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
          + text.split(separator: "\n").dropFirst().joined(separator: "\n"), "DOCTYPE"
      ),
    ]
    for (tampered, hint) in cases {
      let broken = ExportFile(path: file.path, text: tampered)
      let error = #expect(throws: DiagnosticError.self) {
        _ = try RecordXMLReader.read([broken], schemas: options.schemas)
      }
      let diagnostic = error?.diagnostics.first
      #expect(diagnostic?.code.id == "X005")
      #expect(diagnostic?.location?.file == file.path)
      #expect(
        diagnostic?.message.contains(hint) == true, "\(diagnostic?.message ?? "") should mention \(hint)")
    }
    // Without the schema, the reader itself still refuses unknown elements.
    let stray = ExportFile(
      path: file.path,
      text: text.replacingOccurrences(of: "<unit>countries</unit>", with: "<unit>countries</unit><bogus/>"))
    #expect(throws: DiagnosticError.self) { _ = try RecordXMLReader.read([stray]) }
  }

  @Test func xmlExportNeedsSchemas() throws {
    let error = #expect(throws: DiagnosticError.self) {
      _ = try RecordXMLExporter().export(ExportFixtures.corpus)
    }
    #expect(error?.diagnostics.first?.code.id == "X003")
  }

  /// The documented command: `XML_CATALOG_FILES=Schemas/catalog.xml xmllint --nonet --noout --schema …`.
  @Test func xmllintAcceptsTheFilesWithTheCatalog() throws {
    guard
      let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first(
        where: FileManager.default.isExecutableFile)
    else {
      print("NOTE: xmllint is not installed (apt-get install libxml2-utils); the xmllint check did not run.")
      return
    }
    let options = try ExportFixtures.options()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dossier-xmllint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (exporter, schema) in [
      (RecordXMLExporter(options: options) as any RecordExporter, XMLSchemaBundle.recordSchemaPath),
      (DublinCoreExporter(options: options), XMLSchemaBundle.dublinCoreSchemaPath),
    ] {
      for file in try exporter.export(ExportFixtures.corpus) {
        let url = folder.appendingPathComponent(file.path.replacingOccurrences(of: "/", with: "_"))
        try Data(file.bytes).write(to: url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = [
          "--nonet", "--noout", "--schema", RepositoryPaths.schemas.appendingPathComponent(schema).path,
          url.path,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["XML_CATALOG_FILES"] = RepositoryPaths.schemas.appendingPathComponent("catalog.xml").path
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("validates"), "\(output)")
        #expect(!output.contains("warning"), "\(output)")
      }
    }
  }
}

@Suite struct ExportLocatorTests {
  @Test func locatorFallsBackToTheRecordLocation() {
    let record = RecordFieldReference(documentID: "d", table: "activities", key: ["d", "a1"], column: "")
    let field = RecordFieldReference(documentID: "d", table: "activities", key: ["d", "a1"], column: "name")
    let fieldLocation = SourceLocation(file: "Input/d.yaml", line: 9, column: 11)
    let recordLocation = SourceLocation(file: "Input/d.yaml", line: 7, column: 5)
    let locate = ExportOptions.locator(from: [field: fieldLocation, record: recordLocation])
    #expect(locate(field) == fieldLocation)
    var other = field
    other.column = "type"
    #expect(locate(other) == recordLocation)
    other.key = ["d", "a2"]
    #expect(locate(other) == nil)
  }
}
