import JSONSchema
import Testing

@testable import DossierCore

/// The per-document JSON file is written straight from the rows; the document's JSON value is still
/// built, for the `records.schema.json` check. The two must agree byte for byte.
@Suite struct DocumentJSONRenderTests {
  /// Every document of the fixtures (escapes, astral characters, empty and non-empty lists, tables
  /// with and without rows) and a record set without a document row.
  @Test func rowsRenderToThePrettyTextOfTheDocumentValue() throws {
    let parts = ExportFixtures.corpus.sorted().partitionedByDocument()
    #expect(parts.count == 2)
    for (id, part) in parts {
      let rows = RecordRows(part)
      let direct = try JSONExporter.bytes(rows, documentID: id)
      let viaValue = try CanonicalJSON.pretty(JSONExporter.documentValue(rows))
      #expect(direct == viaValue, "document \(id)")
    }
    let empty = RecordRows(RecordSet())
    #expect(
      try JSONExporter.bytes(empty, documentID: "x")
        == CanonicalJSON.pretty(JSONExporter.documentValue(empty)))
  }

  @Test func anIntegerBeyondTwoToTheFiftyThirdIsX008() throws {
    var part = try #require(ExportFixtures.corpus.sorted().partitionedByDocument()[ExportFixtures.article])
    part.sections[0].end = 9_007_199_254_740_993
    let error = #expect(throws: DiagnosticError.self) {
      try JSONExporter.bytes(RecordRows(part), documentID: ExportFixtures.article)
    }
    #expect(error?.diagnostics.first?.code == .integerOutOfRange)
    #expect(error?.diagnostics.first?.message.contains("9007199254740993") == true)
  }
}
