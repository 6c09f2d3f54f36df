import Testing

@testable import DossierCore

/// Record keys order by UTF-8 bytes (not by Swift's canonical equivalence), numbers numerically.
@Suite struct RecordOrderTests {
  @Test func textComparesTheUTF8Bytes() {
    let samples = [
      "", "a", "ab", "b", "B", "é", "e\u{301}", "z", "中", "中国", "𝔸", "a\u{0}", "Z", "10", "9", "\u{7F}",
    ]
    for a in samples {
      for b in samples {
        let bytes = Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
        let same = Array(a.utf8) == Array(b.utf8)
        let expected = same ? 0 : (bytes ? -1 : 1)
        #expect(RecordOrder.text(a, b) == expected, "\(a.debugDescription) vs \(b.debugDescription)")
      }
    }
    // Canonically equivalent but different bytes: distinct keys, in byte order.
    #expect(RecordOrder.text("é", "e\u{301}") == 1)
  }

  @Test func thenOrdersByTheFirstKeyThatDiffers() {
    #expect(RecordOrder.then(-1, 1))
    #expect(!RecordOrder.then(1, -1))
    #expect(RecordOrder.then(0, -1))
    #expect(!RecordOrder.then(0, 0))
    #expect(RecordOrder.then(0, 0, -1))
    #expect(!RecordOrder.then(0, 0, 0, 0))
    #expect(RecordOrder.then(0, 0, 0, -1))
    #expect(RecordOrder.number(2, 10) == -1 && RecordOrder.number(3, 3) == 0)
  }
}
