import DossierCore
import DossierTestSupport
import Testing

/// Random documents built from the tokens the structure rules react to: ingest never traps, and every
/// span it returns slices to its text.
@Suite struct IngestFuzzTests {
  static let tokens = [
    ":", ";", "; and", "; or", ".", "。", "；", "：", "1. ", "2. ", "3. ", "一、", "二、", "Source:", "Editor:",
    "Author:", "来源：", "编辑：", "责任编辑：", "2021-12-23 18:03:31", "2021-02-30", " +08:00", " UTC+8", "T", "Z",
    " ", "  ", "\n", "\n\n", "\r\n", "\r", "国际", "军事合作", "word", "Title", "(", ")", "（", "）", "- ", "• ",
    "(a) ", "\u{3000}", "\t", "😀", "e\u{0301}", "0", "9", "年", "月", "日", "\u{1B}", "\u{FEFF}", "\u{200B}",
    "\u{2028}", "|", "丨", ",", "，", "…", "\"", "”",
  ]

  @Test func randomDocumentsKeepTheInvariants() throws {
    var generator = SplitMix(seed: 2021)
    var ingested = 0
    for _ in 0..<3000 {
      let count = Int(generator.next() % 40)
      var text = ""
      for _ in 0..<count { text += Self.tokens[Int(generator.next() % UInt64(Self.tokens.count))] }
      let source = try SourceDocument(path: "fuzz.txt", text: text)
      let document: IngestedDocument
      do {
        document = try DocumentIngester().ingest(source)
      } catch let error as DiagnosticError {
        #expect(error.diagnostics.map(\.code) == [.emptyDocument], "\(text.debugDescription)")
        continue
      }
      ingested += 1
      IngestStructureTests.expectInvariants(document)
      for diagnostic in document.diagnostics {
        let location = try #require(diagnostic.location)
        #expect(location.line >= 1 && location.line <= source.lineIndex.lineCount, "\(text.debugDescription)")
      }
    }
    #expect(ingested > 2000)
  }

  @Test func randomBytesNeverTrap() {
    var generator = SplitMix(seed: 7)
    for _ in 0..<2000 {
      let count = Int(generator.next() % 64)
      let bytes = (0..<count).map { _ in
        // Bias towards ASCII, line ends and UTF-8 lead/continuation bytes.
        let pick = generator.next() % 8
        switch pick {
        case 0: return UInt8(0x0A)
        case 1: return UInt8(0x0D)
        case 2: return UInt8(0x80 + generator.next() % 0x40)
        case 3: return UInt8(0xC0 + generator.next() % 0x40)
        default: return UInt8(0x20 + generator.next() % 0x5F)
        }
      }
      do {
        let source = try SourceDocument(path: "bytes.txt", bytes: bytes)
        let document = try DocumentIngester().ingest(source)
        IngestStructureTests.expectInvariants(document)
      } catch let error as DiagnosticError {
        #expect(!error.diagnostics.isEmpty)
        #expect(error.diagnostics.allSatisfy { $0.severity == .error && $0.location != nil })
      } catch {
        Issue.record("unexpected error \(error)")
      }
    }
  }
}
