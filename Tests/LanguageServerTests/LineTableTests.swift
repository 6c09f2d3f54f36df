import DossierCore
import Testing

@testable import LanguageServer

@Suite struct LineTableTests {
  @Test func scalarColumnsBecomeUTF16Offsets() {
    // "a中😀b": a=1 unit, 中=1 unit, 😀=2 units (a surrogate pair).
    let table = LineTable("x\na中😀b\n")
    #expect(table.position(line: 2, column: 1) == LSPPosition(line: 1, character: 0))
    #expect(table.position(line: 2, column: 3) == LSPPosition(line: 1, character: 2))
    #expect(table.position(line: 2, column: 4) == LSPPosition(line: 1, character: 4))
    #expect(table.position(line: 2, column: 5) == LSPPosition(line: 1, character: 5))
    // Back again; a position inside the surrogate pair moves to the emoji's start.
    #expect(table.location(of: LSPPosition(line: 1, character: 4)) == (2, 4))
    #expect(table.location(of: LSPPosition(line: 1, character: 3)) == (2, 3))
    #expect(table.location(of: LSPPosition(line: 1, character: 99)) == (2, 5))
  }

  @Test func lineBreaksAreLFCRLFAndLoneCR() {
    let table = LineTable("a\r\nb\rc\nd")
    #expect(table.lineCount == 4)
    #expect(table.lineText(0) == "a")
    #expect(table.lineText(1) == "b")
    #expect(table.lineText(2) == "c")
    #expect(table.lineText(3) == "d")
    #expect(table.position(line: 3, column: 2) == LSPPosition(line: 2, character: 1))
  }

  @Test func byteOrderMarkIsAUnitForTheProtocolButNotADossierColumn() {
    let table = LineTable("\u{FEFF}kind: x\nb: 中")
    #expect(table.position(line: 1, column: 1) == LSPPosition(line: 0, character: 1))
    #expect(table.location(of: LSPPosition(line: 0, character: 1)) == (1, 1))
    #expect(table.position(line: 2, column: 4) == LSPPosition(line: 1, character: 3))
  }

  @Test func outOfRangePositionsAreClamped() {
    let table = LineTable("ab\ncd")
    #expect(table.position(line: 0, column: 0) == LSPPosition(line: 0, character: 0))
    #expect(table.position(line: 9, column: 9) == LSPPosition(line: 1, character: 2))
    #expect(table.position(line: 1, column: 99) == LSPPosition(line: 0, character: 2))
    #expect(
      table.range(of: SourceLocation(file: "f", line: 2, column: 2, endLine: 1, endColumn: 1))
        == LSPRange(start: LSPPosition(line: 1, character: 1), end: LSPPosition(line: 1, character: 1)))
  }

  @Test func incrementalEditsUseUTF16Ranges() {
    let text = "国家: 俄罗斯😀x\nb"
    let edited = TextEdit.apply(
      "中国", from: LSPPosition(line: 0, character: 4), to: LSPPosition(line: 0, character: 9), in: text)
    #expect(edited == "国家: 中国x\nb")
    let inserted = TextEdit.apply(
      "z", from: LSPPosition(line: 1, character: 1), to: LSPPosition(line: 1, character: 1), in: text)
    #expect(inserted == "国家: 俄罗斯😀x\nbz")
    let joined = TextEdit.apply(
      "", from: LSPPosition(line: 0, character: 10), to: LSPPosition(line: 1, character: 0), in: text)
    #expect(joined == "国家: 俄罗斯😀xb")
  }

  @Test func fileURIsRoundTrip() {
    for path in ["/tmp/a b/c.yaml", "/work/中文/x#1.yaml", "/p/100%.yaml"] {
      let uri = DocumentURI.uri(ofPath: path)
      #expect(!uri.contains(" "))
      #expect(DocumentURI.path(of: uri) == path)
    }
    #expect(DocumentURI.path(of: "file:///c%3A/x.yaml") == "/c:/x.yaml")
    #expect(DocumentURI.path(of: "file://localhost/x.yaml") == "/x.yaml")
    #expect(DocumentURI.path(of: "untitled:Untitled-1") == nil)
    #expect(DocumentURI.path(of: "file://server/share/x") == nil)
    #expect(DocumentURI.path(of: "file:///bad%zz") == nil)
  }
}
