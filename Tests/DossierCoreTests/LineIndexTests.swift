import Testing

@testable import DossierCore

/// `LineIndex` maps scalar offsets to UTF-8 offsets: directly on ASCII texts and lines, by scanning
/// from the line start or a checkpoint otherwise. Every offset of mixed texts is compared with the
/// standard library's own count.
@Suite struct LineIndexTests {
  /// Texts with ASCII lines, CJK and emoji lines, lines longer than a checkpoint stride, empty lines.
  static let texts: [String] = [
    "",
    "plain ASCII only\nsecond line\n",
    "中文第一行\nASCII line\n混合 mixed 行 with “quotes”\n\nlast",
    String(repeating: "a", count: 3000) + "\n" + String(repeating: "é", count: 2500) + "\nend",
    String(repeating: "x😀", count: 1500),
    "\n\n\n" + String(repeating: "国", count: 1100) + "\n" + String(repeating: "b", count: 1100),
  ]

  @Test(arguments: texts)
  func everyScalarOffsetMapsToItsUTF8Offset(_ text: String) {
    let index = LineIndex(normalizedText: text)
    var expected: [Int] = []
    var byte = 0
    for scalar in text.unicodeScalars {
      expected.append(byte)
      byte += UTF8.width(scalar)
    }
    expected.append(byte)
    var copy = text
    copy.withUTF8 { buffer in
      for (offset, utf8) in expected.enumerated() {
        #expect(index.utf8Offset(ofScalar: offset, in: buffer) == utf8, "scalar offset \(offset)")
      }
    }
  }
}
