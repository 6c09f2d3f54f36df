import DossierCore
import Testing

@Suite struct ReporterTextTests {
  static let code = DiagnosticCode("T001", "test", "A test code.")

  /// Renders one diagnostic at `column` (and `endColumn`) on the only line of `line`, and returns the
  /// source line and the caret line as printed, without their gutters.
  static func snippet(_ line: String, column: Int, endColumn: Int? = nil) -> (source: String, caret: String) {
    let location = SourceLocation(file: "f.yaml", line: 1, column: column, endColumn: endColumn)
    let output = TextReporter.render(
      [.error(code, "m", at: location)],
      context: ReportContext(sources: ["f.yaml": line], toolVersion: "0"))
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // header, "  |", "1 | source", "  | caret"
    return (String(lines[2].dropFirst(4)), String(lines[3].dropFirst(4)))
  }

  /// Terminal cells before the first `^`.
  static func caretOffset(_ caretLine: String) -> Int {
    caretLine.prefix { $0 != "^" }.count
  }

  @Test func caretUnderASCIIColumn() {
    let (source, caret) = Self.snippet("key: value", column: 6, endColumn: 11)
    #expect(source == "key: value")
    #expect(caret == "     ^~~~~")
  }

  @Test func caretAfterChineseTextCountsTwoCellsPerCharacter() {
    // 中国 are 2 cells each: the caret under `x` (column 4) sits 5 cells in.
    let (source, caret) = Self.snippet("中国:x", column: 4)
    #expect(source == "中国:x")
    #expect(Self.caretOffset(caret) == 5)
    #expect(caret == "     ^")
  }

  @Test func caretUnderAWideCharacterCoversBothCells() {
    let (_, caret) = Self.snippet("a: 国防", column: 4, endColumn: 6)
    #expect(caret == "   ^~~~")
    let (_, single) = Self.snippet("a: 国防", column: 5)
    #expect(single == "     ^~")
  }

  @Test func fullwidthAndHangulAreWide() {
    #expect(Self.caretOffset(Self.snippet("ＡＢx", column: 3).caret) == 4)
    #expect(Self.caretOffset(Self.snippet("한국x", column: 3).caret) == 4)
  }

  @Test func combiningMarksTakeNoCell() {
    // "e" + COMBINING ACUTE ACCENT is two scalars but one cell.
    let (_, caret) = Self.snippet("e\u{301}x", column: 3)
    #expect(Self.caretOffset(caret) == 1)
  }

  @Test func tabsExpandToTheNextStopOfFour() {
    let (source, caret) = Self.snippet("\tkey: v", column: 2)
    #expect(source == "    key: v")
    #expect(caret == "    ^")
    let (source2, caret2) = Self.snippet("ab\tc", column: 4)
    #expect(source2 == "ab  c")
    #expect(caret2 == "    ^")
  }

  @Test func caretPastTheEndOfTheLineSitsAfterIt() {
    let (_, caret) = Self.snippet("key:", column: 5)
    #expect(caret == "    ^")
    let (_, clamped) = Self.snippet("key:", column: 40)
    #expect(clamped == "    ^")
  }

  @Test func controlAndBidiCharactersAreShownNotSent() {
    let line = "a\u{1B}[31mb\u{202E}c"
    let output = TextReporter.render(
      [.error(Self.code, "bad \u{1B}[0m message", at: SourceLocation(file: "f", line: 1, column: 9))],
      context: ReportContext(sources: ["f": line], toolVersion: "0"))
    #expect(!output.unicodeScalars.contains("\u{1B}"))
    #expect(!output.unicodeScalars.contains("\u{202E}"))
    #expect(output.contains("a␛[31mb<U+202E>c"))
    #expect(output.contains("bad ␛[0m message"))
    // Column 9 is `c`: 7 cells for `a␛[31mb`, then 8 for `<U+202E>`.
    let caretLine = output.split(separator: "\n")[3]
    #expect(Self.caretOffset(String(caretLine.dropFirst(4))) == 15)
  }

  @Test func veryLongLinesAreCutAroundTheCaret() {
    let line = String(repeating: "a", count: 5000) + "X" + String(repeating: "b", count: 5000)
    let (source, caret) = Self.snippet(line, column: 5001)
    #expect(source.count <= TextReporter.maximumLineWidth + 2)
    #expect(source.hasPrefix("…"))
    #expect(source.hasSuffix("…"))
    let offset = Self.caretOffset(caret)
    #expect(Array(source)[offset] == "X")
  }

  @Test func linesEndAtCRLFAndLoneCR() {
    let text = "one\r\ntwo\rthree\n"
    for (number, expected) in [(1, "one"), (2, "two"), (3, "three")] {
      let output = TextReporter.render(
        [.error(Self.code, "m", at: SourceLocation(file: "f", line: number, column: 1))],
        context: ReportContext(sources: ["f": text], toolVersion: "0"))
      #expect(output.contains("\(number) | \(expected)\n"))
    }
  }

  @Test func missingSourceOrLineGivesTheHeaderOnly() {
    let context = ReportContext(sources: ["f": "one line"], toolVersion: "0")
    for location in [
      SourceLocation(file: "other", line: 1, column: 1), SourceLocation(file: "f", line: 7, column: 1),
    ] {
      let output = TextReporter.render([.error(Self.code, "m", at: location)], context: context)
      #expect(output == "\(location): error[T001]: m\n\n1 error\n")
    }
  }

  @Test func gutterIsAsWideAsTheLargestLineNumber() {
    let text = (1...120).map { "line \($0)" }.joined(separator: "\n")
    let diagnostic = Diagnostic.error(
      Self.code, "m", at: SourceLocation(file: "f", line: 7, column: 1),
      notes: [Diagnostic.Note("n", at: SourceLocation(file: "f", line: 112, column: 6))])
    let output = TextReporter.render(
      [diagnostic], context: ReportContext(sources: ["f": text], toolVersion: "0"))
    #expect(
      output == """
        f:7:1: error[T001]: m
            |
          7 | line 7
            | ^
            = note: n at f:112:6
            |
        112 | line 112
            |      ^

        1 error

        """)
  }

  @Test func coloursOnlyWhenAsked() {
    let plain = ReporterKind.text.render(ReporterFixtures.diagnostics, context: ReporterFixtures.context)
    #expect(!plain.unicodeScalars.contains("\u{1B}"))
    var context = ReporterFixtures.context
    context.useColor = true
    let coloured = ReporterKind.text.render(ReporterFixtures.diagnostics, context: context)
    #expect(coloured.contains("\u{1B}[1;31merror[T001]\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[1;33mwarning[T003]\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[1;36mnote[T005]\u{1B}[0m"))
    // Without the escape sequences, the coloured report is the plain one.
    #expect(Self.strippingANSI(coloured) == plain)
  }

  static func strippingANSI(_ text: String) -> String {
    var out = ""
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      if scalar == "\u{1B}" {
        while let next = scalars.next(), next != "m" {}
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  @Test func summaryCountsEachSeverity() {
    let at = SourceLocation(file: "f", line: 1, column: 1)
    #expect(DiagnosticSummary([]).description == "no problems")
    #expect(DiagnosticSummary([.error(Self.code, "a", at: at)]).description == "1 error")
    let many: [Diagnostic] = [
      .error(Self.code, "a"), .error(Self.code, "b"), .warning(Self.code, "c"),
      Diagnostic(.note, Self.code, "d"), Diagnostic(.note, Self.code, "e"),
    ]
    #expect(DiagnosticSummary(many).description == "2 errors, 1 warning, 2 notes")
    #expect(DiagnosticSummary([.warning(Self.code, "c")]).description == "1 warning")
  }
}

extension ReporterTextTests {
  @Test func manyZeroWidthScalarsAreCutToo() {
    let line = "a" + String(repeating: "\u{301}", count: 100_000) + "X"
    let (source, caret) = Self.snippet(line, column: 100_002)
    #expect(source.unicodeScalars.count <= 3 * TextReporter.maximumLineWidth)
    // Compare scalars: the combining marks join `…` into one Character.
    #expect(source.unicodeScalars.first == "…")
    #expect(source.unicodeScalars.last == "X")
    #expect(caret == " ^")
  }

  @Test func manyDiagnosticsOnOneLongLine() {
    let line = (0..<20_000).map { _ in "ab" }.joined()
    let diagnostics = (0..<500).map { index in
      Diagnostic.error(Self.code, "d\(index)", at: SourceLocation(file: "f", line: 1, column: index * 80 + 1))
    }
    let output = TextReporter.render(
      diagnostics, context: ReportContext(sources: ["f": line], toolVersion: "0"))
    let blocks = output.components(separatedBy: "\n\n")
    #expect(blocks.count == 501)
    for block in blocks.dropLast() {
      let lines = block.split(separator: "\n")
      let source = Array(lines[2].dropFirst(4))
      let offset = Self.caretOffset(String(lines[3].dropFirst(4)))
      #expect(source[offset] == "a")  // every column k*80+1 is an `a`
    }
  }

  @Test func aLeadingByteOrderMarkIsNotAColumn() {
    let (source, caret) = Self.snippet("\u{FEFF}key: v", column: 6)
    #expect(source == "key: v")
    #expect(caret == "     ^")
  }
}
