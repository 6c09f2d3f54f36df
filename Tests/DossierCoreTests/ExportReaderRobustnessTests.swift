import DossierCore
import DossierTestSupport
import Testing

/// Readers get corrupted files (seeded byte mutations, truncations, deep nesting): each must either read
/// them or report `X005`, never crash or hang.
@Suite struct ExportReaderRobustnessTests {
  private static let interesting: [UInt8] = [
    0x00, 0x09, 0x0A, 0x0D, 0x22, 0x3C, 0x3E, 0x26, 0x5C, 0x7B, 0x7D, 0xFF, 0xE4,
  ]

  private func mutate(_ bytes: [UInt8], _ generator: inout SplitMix) -> [UInt8] {
    var out = bytes
    switch generator.below(4) {
    case 0 where !out.isEmpty:
      out[generator.below(out.count)] = Self.interesting[generator.below(Self.interesting.count)]
    case 1 where !out.isEmpty: out.removeSubrange(generator.below(out.count)..<out.count)
    case 2:
      out.insert(
        Self.interesting[generator.below(Self.interesting.count)], at: generator.below(out.count + 1))
    default:
      if !out.isEmpty { out.remove(at: generator.below(out.count)) }
    }
    return out
  }

  private func check(_ read: ([ExportFile]) throws -> RecordSet, _ files: [ExportFile], seed: UInt64) {
    var generator = SplitMix(seed: seed)
    for _ in 0..<150 {
      let index = generator.below(files.count)
      var damaged = files
      damaged[index] = ExportFile(path: files[index].path, bytes: mutate(files[index].bytes, &generator))
      do {
        _ = try read(damaged)
      } catch let error as DiagnosticError {
        #expect(error.diagnostics.allSatisfy { $0.code.id == "X005" }, "\(error.diagnostics)")
      } catch {
        Issue.record("unexpected error \(error)")
      }
    }
  }

  @Test func jsonLinesReaderSurvivesCorruption() throws {
    check(JSONRecordReader.readLines, try JSONLinesExporter().export(ExportFixtures.corpus), seed: 1)
    check(JSONRecordReader.readDocuments, try JSONExporter().export(ExportFixtures.corpus), seed: 2)
  }

  @Test func tsvReaderSurvivesCorruption() throws {
    check(TSVRecordReader.read, try TSVExporter().export(ExportFixtures.corpus), seed: 3)
  }

  @Test func xmlReaderSurvivesCorruption() throws {
    let files = try RecordXMLExporter(options: try ExportFixtures.options()).export(ExportFixtures.corpus)
    check({ try RecordXMLReader.read($0) }, files, seed: 4)
  }

  @Test func deeplyNestedJSONIsRejectedNotOverflowed() {
    let deep = ExportFile(path: "jsonl/documents.jsonl", text: String(repeating: "[", count: 100_000) + "\n")
    #expect(throws: DiagnosticError.self) { _ = try JSONRecordReader.readLines([deep]) }
  }
}
