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
    #expect(ids == ["X001", "X002", "X003", "X004", "X005", "X006", "X007", "X008"])
  }
}
