import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite struct ExportSchemaTests {
  @Test func committedRecordJSONSchemaIsGenerated() throws {
    let generated = String(decoding: RecordSchemas.jsonSchemaBytes, as: UTF8.self)
    let diff = Golden.compare(
      generated, with: RepositoryPaths.schemas.appendingPathComponent("records.schema.json"))
    #expect(diff == nil, "\(diff ?? "")")
  }

  @Test func committedRecordXSDIsGenerated() throws {
    let diff = Golden.compare(
      RecordSchemas.recordXSD, with: RepositoryPaths.schemas.appendingPathComponent("xml/dossier-record.xsd"))
    #expect(diff == nil, "\(diff ?? "")")
  }

  @Test func vendoredSchemasMatchTheirNoticeDigests() throws {
    let notice = try String(
      contentsOf: RepositoryPaths.schemas.appendingPathComponent("xml/vendor/NOTICE.md"), encoding: .utf8)
    for name in ["oai_dc.xsd", "simpledc20021212.xsd", "xml.xsd"] {
      let bytes = Array(
        try Data(contentsOf: RepositoryPaths.schemas.appendingPathComponent("xml/vendor/\(name)")))
      let digest = BagItPackager.sha256Hex(bytes)
      let row = notice.split(separator: "\n").first { $0.hasPrefix("| `\(name)`") }
      #expect(row?.contains(digest) == true, "NOTICE.md does not list \(digest) for \(name)")
    }
  }

  @Test(arguments: [XMLSchemaBundle.recordSchemaPath, XMLSchemaBundle.dublinCoreSchemaPath])
  func schemasCompileOffline(path: String) throws {
    _ = try XMLSchemaValidator(bundle: try ExportFixtures.schemaBundle(), schemaPath: path)
  }

  @Test func missingVendoredSchemaIsX003() throws {
    var bundle = try ExportFixtures.schemaBundle()
    bundle.files["xml/vendor/simpledc20021212.xsd"] = nil
    let error = #expect(throws: DiagnosticError.self) {
      _ = try XMLSchemaValidator(bundle: bundle, schemaPath: XMLSchemaBundle.dublinCoreSchemaPath)
    }
    #expect(error?.diagnostics.first?.code.id == "X003")
  }

  @Test func schemaLocationOutsideTheCatalogIsRefused() throws {
    var bundle = try ExportFixtures.schemaBundle()
    // Point the catalog away: the import of simpledc must then fail instead of using the network.
    let catalog = String(decoding: bundle.files["catalog.xml"] ?? [], as: UTF8.self)
      .replacingOccurrences(of: "name=\"http://dublincore.org/", with: "name=\"http://example.invalid/")
    bundle.files["catalog.xml"] = Array(catalog.utf8)
    let error = #expect(throws: DiagnosticError.self) {
      _ = try XMLSchemaValidator(bundle: bundle, schemaPath: XMLSchemaBundle.dublinCoreSchemaPath)
    }
    let notes = error?.diagnostics.first?.notes.map(\.message).joined(separator: "\n") ?? ""
    #expect(notes.contains("refused to load 'http://dublincore.org/schemas/xmls/simpledc20021212.xsd'"))
  }

  @Test func everyExportCodeIsListed() {
    let ids = DiagnosticCode.all.map(\.id).filter { $0.hasPrefix("X") }
    #expect(ids == ["X001", "X002", "X003", "X004", "X005", "X006", "X007", "X008", "X009", "X010"])
  }
}

@Suite struct ExportDocsTests {
  private let begin = "<!-- BEGIN generated column reference: do not edit, see ExportDocsTests -->\n"
  private let end = "<!-- END generated column reference -->"

  @Test func exportsDocHasTheGeneratedColumnReference() throws {
    let url = RepositoryPaths.root.appendingPathComponent("docs/exports.md")
    var text = try String(contentsOf: url, encoding: .utf8)
    let start = try #require(text.range(of: begin))
    let stop = try #require(text.range(of: end))
    let current = String(text[start.upperBound..<stop.lowerBound])
    if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
      text.replaceSubrange(start.upperBound..<stop.lowerBound, with: RecordSchemas.columnReference)
      try text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    #expect(
      current == RecordSchemas.columnReference,
      "docs/exports.md is stale (UPDATE_GOLDENS=1):\n\(Golden.lineDiff(expected: current, actual: RecordSchemas.columnReference))"
    )
  }

  @Test func exportsDocGivesTheExactValidationAndReaderCommands() throws {
    let text = try String(
      contentsOf: RepositoryPaths.root.appendingPathComponent("docs/exports.md"), encoding: .utf8)
    for snippet in [
      "XML_CATALOG_FILES=Schemas/catalog.xml xmllint --nonet --noout --schema Schemas/xml/dossier-record.xsd",
      "XML_CATALOG_FILES=Schemas/catalog.xml xmllint --nonet --noout --schema Schemas/xml/vendor/oai_dc.xsd",
      "keep_default_na=False", "na_values=[\"\\\\N\"]", "quote = \"\\\"\"", "escape_backslash = FALSE",
      "na = \"\\\\N\"", "FORMAT csv", "DELIMITER E'\\t'", "NULL '\\N'",
      "frictionless validate Exports/data/tsv/datapackage.json",
    ] {
      #expect(text.contains(snippet), "docs/exports.md lacks: \(snippet)")
    }
  }
}
