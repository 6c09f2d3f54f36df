import DossierTestSupport
import Foundation
import Testing

@testable import DossierCore

/// A build re-validates its records against `records.schema.json` and each record XML file against
/// the record XSD only when those schemas are not the generated ones (or with `--verify-exports`):
/// the generated schemas say nothing the record checks do not already enforce. These tests hold that
/// claim: the gate recognizes the repository's schemas and nothing else, an edited schema is still
/// enforced file by file, the output does not depend on the gate, and every value the record checks
/// accept for a column format is valid for the XSD type that format is written as.
@Suite struct ValidityByConstructionTests {
  @Test func theRepositorySchemasAreTheGeneratedOnes() throws {
    let schemas = try ValidateFixtures.schemas()
    #expect(
      schemas.xmlSchemas.recordSchemaIsGenerated,
      "a file the record XSD imports changed: update XMLSchemaBundle.recordSchemaImports")
    #expect(schemas.recordsSchema.bytes == RecordSchemas.jsonSchemaBytes)
  }

  @Test(arguments: [
    XMLSchemaBundle.recordSchemaPath, XMLSchemaBundle.catalogPath, "xml/vendor/simpledc20021212.xsd",
    "xml/vendor/xml.xsd",
  ])
  func anEditedOrMissingSchemaFileIsNotTheGeneratedOne(path: String) throws {
    var bundle = try ValidateFixtures.schemas().xmlSchemas
    bundle.files[path, default: []] += Array("<!-- edited -->\n".utf8)
    #expect(!bundle.recordSchemaIsGenerated)
    bundle.files[path] = nil
    #expect(!bundle.recordSchemaIsGenerated)
  }

  @Test func anEditedRecordXSDIsStillEnforcedFileByFile() async throws {
    var schemas = try ValidateFixtures.schemas()
    let path = XMLSchemaBundle.recordSchemaPath
    let xsd = String(decoding: try #require(schemas.xmlSchemas.files[path]), as: UTF8.self)
    let edited = xsd.replacingOccurrences(of: "[0-9a-f]{64}", with: "[0-9a-f]{63}")
    #expect(edited != xsd)
    schemas.xmlSchemas.files[path] = Array(edited.utf8)
    let result = try await schemas.buildPipeline().build(Array(try ValidateFixtures.seedCorpus().values))
    #expect(result.files == nil)
    let x002 = result.diagnostics.filter { $0.code == .xmlSchemaInvalid }
    #expect(x002.count == 2, "\(result.diagnostics.map(\.message))")
    #expect(x002.allSatisfy { $0.location?.file.hasPrefix("xml/") == true })
  }

  @Test func verifyingEveryExportGivesTheSameBag() async throws {
    let pipeline = try ValidateFixtures.schemas().buildPipeline()
    let corpus = Array(try ValidateFixtures.seedCorpus().values)
    var options = BuildPipeline.Options(jobs: 2)
    let trusted = await pipeline.build(corpus, options: options)
    options.verifiesExports = true
    let verified = await pipeline.build(corpus, options: options)
    #expect(trusted.diagnostics.isEmpty && verified.diagnostics.isEmpty)
    let files = try #require(trusted.files)
    #expect(files.contains { $0.path.hasPrefix("data/xml/") })
    #expect(files == verified.files)
  }

  /// The XSD type each column format is written as (the oracle: `RecordSchemas.particle`).
  static let xsdTypes: [(format: RecordColumn.Format, element: String, type: String)] = [
    (.iso3, "iso3", "r:Iso3Code"), (.sha256, "sha256", "r:Sha256Digest"),
    (.language, "language", "xs:language"),
    (.date, "date", "xs:date"),
  ]

  /// Values near each format's edges, plus random strings of the characters the formats are made of.
  static func candidates() -> [String] {
    var values = [
      "", "ABC", "abc", "AB", "ABCD", "ÄBC", "en", "e", "zh-Hans", "zh-Hans-CN", "en-", "-en", "en--GB",
      "abcdefgh", "abcdefghi", "en-abcdefgh", "en-abcdefghi", "x-private", "i-klingon", "EN-gb-12345678",
      "0000-01-01", "0001-01-01", "1900-02-29", "2000-02-29", "2023-02-29", "2024-02-29", "2024-02-30",
      "2024-04-31", "2024-12-31", "2024-13-01", "2024-00-10", "2024-01-00", "9999-12-31", "10000-01-01",
      "-0001-01-01", "2024-1-01", "2024-01-01Z", "2024-01-01+01:00", " 2024-01-01",
      String(repeating: "a", count: 64), String(repeating: "A", count: 64), String(repeating: "f", count: 63),
    ]
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("0123456789-abfzAFZ")
    for _ in 0..<600 {
      values.append(
        String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement()! }))
      let date = String(
        format: "%04d-%02d-%02d", Int.random(in: 0...2400), Int.random(in: 0...13), Int.random(in: 0...32))
      values.append(date)
    }
    return values
  }

  @Test func everyValueTheRecordChecksAcceptIsValidForItsXSDType() throws {
    var bundle = try ValidateFixtures.schemas().xmlSchemas
    let elements = Self.xsdTypes.map { "  <xs:element name=\"\($0.element)\" type=\"\($0.type)\"/>" }
    let schema = """
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:r="\(RecordXML.namespace)">
        <xs:import namespace="\(RecordXML.namespace)" schemaLocation="dossier-record.xsd"/>
      \(elements.joined(separator: "\n"))
      </xs:schema>
      """
    bundle.files["xml/format-types.xsd"] = Array(schema.utf8)
    let validator = try XMLSchemaValidator(bundle: bundle, schemaPath: "xml/format-types.xsd")
    var accepted = 0
    for value in Self.candidates() {
      for (format, element, type) in Self.xsdTypes
      where RecordSetChecker.violation(of: format, by: value) == nil {
        accepted += 1
        let issues = validator.validate(Array("<\(element)>\(value)</\(element)>".utf8), fileName: "v.xml")
        #expect(
          issues.isEmpty,
          "the record checks accept \"\(value)\" as \(format), but \(type) does not: \(issues)")
      }
    }
    #expect(accepted > 100)
    // The checks are not vacuous: they refuse what the XSD refuses.
    #expect(RecordSetChecker.violation(of: .date, by: "0000-01-01") != nil)
    #expect(RecordSetChecker.violation(of: .date, by: "2023-02-29") != nil)
    #expect(RecordSetChecker.violation(of: .language, by: "en-") != nil)
  }
}
