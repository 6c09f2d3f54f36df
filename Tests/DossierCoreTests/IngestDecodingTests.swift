import DossierCore
import Testing

/// `SourceDocument`: UTF-8 validation, BOM, newline normalization, control characters, line index.
@Suite struct IngestDecodingTests {
  /// The diagnostics a decoding failure carries.
  static func decodingErrors(_ bytes: [UInt8], path: String = "doc.txt") -> [Diagnostic] {
    do {
      _ = try SourceDocument(path: path, bytes: bytes)
      return []
    } catch let error as DiagnosticError {
      return error.diagnostics
    } catch {
      return []
    }
  }

  @Test func validUTF8IsKeptAsIs() throws {
    let text = "Attachés from 70 countries visited China’s museum.\n国际军事合作 😀"
    let source = try SourceDocument(path: "a.txt", text: text)
    #expect(source.text == text)
    #expect(source.bytes == Array(text.utf8))
    #expect(source.scalarCount == text.unicodeScalars.count)
    #expect(!source.hadByteOrderMark && source.normalizedLineEnds == 0)
    #expect(source.diagnostics.isEmpty)
    #expect(source.id == "a")
  }

  @Test func byteOrderMarkIsStripped() throws {
    let source = try SourceDocument(path: "b.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("Title\nBody".utf8))
    #expect(source.hadByteOrderMark)
    #expect(source.text == "Title\nBody")
    #expect(source.bytes.count == 13)
    #expect(source.lineIndex.lineStarts == [0, 6])
  }

  @Test func crlfAndLoneCRBecomeLF() throws {
    let source = try SourceDocument(path: "c.txt", bytes: Array("a\r\nb\rc\n\r\nd\r".utf8))
    #expect(source.text == "a\nb\nc\n\nd\n")
    #expect(source.normalizedLineEnds == 4)
    #expect(source.lineIndex.lineCount == 6)
    #expect(source.lineIndex.lineStarts == [0, 2, 4, 6, 7, 9])
  }

  @Test(
    arguments: [
      // (bytes, byte offset of the first problem, line, column, words of the message)
      ([0x61, 0x0A, 0x62, 0xFF], 3, 2, 2, "0xFF never occurs"),
      ([0x80], 0, 1, 1, "unexpected continuation byte 0x80"),
      ([0x61, 0xC3], 1, 1, 2, "truncated 2-byte sequence"),
      ([0xE4, 0xB8, 0x41], 0, 1, 1, "truncated 3-byte sequence"),
      ([0xC0, 0xAF], 0, 1, 1, "overlong"),
      ([0xE0, 0x80, 0xAF], 0, 1, 1, "overlong"),
      ([0xED, 0xA0, 0x80], 0, 1, 1, "surrogate"),
      ([0xF4, 0x90, 0x80, 0x80], 0, 1, 1, "beyond U+10FFFF"),
      ([0x61, 0x0D, 0x0A, 0xE5, 0x9B, 0xBD, 0xFE], 6, 2, 2, "0xFE never occurs"),
    ] as [([UInt8], Int, Int, Int, String)])
  func invalidUTF8IsLocated(bytes: [UInt8], byte: Int, line: Int, column: Int, words: String) throws {
    let errors = Self.decodingErrors(bytes)
    let error = try #require(errors.first)
    #expect(errors.count == 1)
    #expect(error.code == .invalidUTF8)
    #expect(error.severity == .error)
    #expect(error.message.contains("at byte \(byte) (line \(line))"), "\(error.message)")
    #expect(error.message.contains(words), "\(error.message)")
    #expect(error.location == SourceLocation(file: "doc.txt", line: line, column: column))
  }

  @Test func invalidUTF8OffsetCountsTheBOM() throws {
    let error = try #require(Self.decodingErrors([0xEF, 0xBB, 0xBF, 0x41, 0x0A, 0x42, 0x92]).first)
    #expect(error.message.contains("at byte 6 (line 2)"))
    #expect(error.location?.column == 2)
  }

  @Test func everyInvalidSequenceIsCounted() throws {
    let error = try #require(Self.decodingErrors([0x41, 0xFF, 0x42, 0xFF, 0x43, 0xFF]).first)
    #expect(error.message.contains("(and 2 more invalid sequences)"))
  }

  @Test func latin1TextIsRejected() throws {
    // "café" in ISO-8859-1.
    let error = try #require(Self.decodingErrors([0x63, 0x61, 0x66, 0xE9]).first)
    #expect(error.code == .invalidUTF8)
    #expect(error.message.contains("at byte 3"))
  }

  @Test func nulIsAnError() throws {
    let errors = Self.decodingErrors(Array("ab\ncd\u{0}ef\u{0}".utf8))
    let error = try #require(errors.first)
    #expect(error.code == .nulCharacter)
    #expect(error.message.contains("at byte 5 (line 2)") && error.message.contains("2 in all"))
    #expect(error.location == SourceLocation(file: "doc.txt", line: 2, column: 3))
  }

  @Test func utf16GetsAHint() throws {
    let utf16: [UInt8] =
      [0xFF, 0xFE] + Array("Title\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let errors = Self.decodingErrors(utf16)
    #expect(Set(errors.map(\.code)) == [.invalidUTF8, .nulCharacter])
    #expect(errors.allSatisfy { $0.help?.contains("UTF-16") == true })
  }

  @Test func controlCharactersAreWarnings() throws {
    let source = try SourceDocument(
      path: "d.txt", bytes: Array("ok\tline\u{0C}\nbad\u{1B}[31m and \u{7}".utf8))
    #expect(source.diagnostics.count == 1)
    let warning = try #require(source.diagnostics.first)
    #expect(warning.code == .controlCharacter && warning.severity == .warning)
    #expect(warning.message.contains("U+001B") && warning.message.contains("2 in all"))
    #expect(warning.location == SourceLocation(file: "d.txt", line: 2, column: 4))
    #expect(source.text.contains("\u{1B}"))
  }

  @Test func lineIndexMapsBothWays() throws {
    let source = try SourceDocument(path: "e.txt", text: "ab\n国际\n\nx😀y")
    let index = source.lineIndex
    #expect(index.lineCount == 4)
    #expect(index.position(of: 0) == (1, 1))
    #expect(index.position(of: 2) == (1, 3))
    #expect(index.position(of: 3) == (2, 1))
    #expect(index.position(of: 4) == (2, 2))
    #expect(index.position(of: 6) == (3, 1))
    #expect(index.position(of: 8) == (4, 2))
    #expect(index.position(of: 10) == (4, 4))
    #expect(index.offset(line: 2, column: 2) == 4)
    #expect(index.offset(line: 4, column: 4) == 10)
    #expect(index.offset(line: 4, column: 5) == nil)
    #expect(index.offset(line: 5, column: 1) == nil)
    #expect(index.scalarRange(ofLine: 2) == 3..<5)
    #expect(index.scalarRange(ofLine: 3) == 6..<6)
    for offset in 0...source.scalarCount {
      let position = index.position(of: offset)
      #expect(index.offset(line: position.line, column: position.column) == offset)
    }
    #expect(source.text(in: 8..<10) == "😀y")
    #expect(source.text(in: 3..<5) == "国际")
  }

  @Test func slicingALongLineUsesCheckpoints() throws {
    // Mixed 1-, 3- and 4-byte scalars over many checkpoints.
    let unit = "a国😀"
    let text = String(repeating: unit, count: 5000)
    let source = try SourceDocument(path: "f.txt", text: text)
    #expect(source.scalarCount == 15000)
    for start in stride(from: 0, to: 15000, by: 997) {
      let expected = ["a", "国", "😀"][start % 3]
      #expect(source.text(in: start..<(start + 1)) == expected)
    }
    #expect(source.text(in: 14998..<15000) == "国😀")
    #expect(source.text(in: 0..<15000) == text)
  }

  @Test func lineIndexFromTextMatchesTheDecoder() throws {
    for text in [
      "", "a", "\n", "a\nb\n", String(repeating: "国际a😀\n", count: 700), String(repeating: "x", count: 3000),
    ] {
      let source = try SourceDocument(path: "g.txt", text: text)
      #expect(LineIndex(normalizedText: source.text) == source.lineIndex)
    }
  }

  @Test func slicesAreClampedToTheText() throws {
    let source = try SourceDocument(path: "h.txt", text: "abc")
    #expect(source.text(in: 1..<10) == "bc")
    #expect(source.text(in: 5..<9) == "")
    #expect(source.location(of: 99) == SourceLocation(file: "h.txt", line: 1, column: 4))
  }

  @Test func idIsTheFileStem() throws {
    #expect(try SourceDocument(path: "Input/003_x.txt", text: "a").id == "003_x")
    #expect(try SourceDocument(path: "dir.d/name", text: "a").id == "name")
    #expect(try SourceDocument(path: ".hidden", text: "a").id == ".hidden")
  }
}
