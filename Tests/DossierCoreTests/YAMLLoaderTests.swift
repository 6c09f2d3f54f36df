import DossierCore
import DossierTestSupport
import Foundation
import JSONSchema
import Testing

@Suite struct YAMLLoaderTests {
  let loader = YAMLLoader()

  @Test func loadsAnnotationShapedDocument() throws {
    let text = """
      # comment
      kind: news_article
      metadata:
        published: 2021-12-23T18:03:31+08:00
        languages: [en]
      activities:
        - id: h2-zapad
          section: 2
          date: 2021
          participants:
            - {country: Russia, role: participant}
      """
    let loaded = try loader.load(text, file: "doc.yaml")
    let participant = JSONValue.object(
      JSONObject([("country", .string("Russia")), ("role", .string("participant"))]))
    let activity = JSONValue.object(
      JSONObject([
        ("id", .string("h2-zapad")), ("section", .integer(2)), ("date", .integer(2021)),
        ("participants", .array([participant])),
      ]))
    let expected = JSONValue.object(
      JSONObject([
        ("kind", .string("news_article")),
        (
          "metadata",
          .object(
            JSONObject([
              ("published", .string("2021-12-23T18:03:31+08:00")), ("languages", .array([.string("en")])),
            ]))
        ),
        ("activities", .array([activity])),
      ]))
    #expect(loaded.value == expected)
    #expect(loaded.value.objectValue?.keys == ["kind", "metadata", "activities"])
  }

  @Test func sourceMapGivesValueAndKeyLocations() throws {
    let marked = YAMLMarkedText(
      """
      activities:
        - id: a
        - id: b
          ‸participants:
            - ‸country: ‸Russia
      """)
    let loaded = try loader.load(marked.text, file: "doc.yaml")
    let pointer = try #require(JSONPointer("/activities/1/participants/0/country"))
    let value = try #require(loaded.location(at: pointer))
    #expect(value.file == "doc.yaml")
    #expect(value.lineColumn == marked.mark(2))
    #expect(value.endLine == 5 && value.endColumn == 24)
    #expect(loaded.keyLocation(at: pointer)?.lineColumn == marked.mark(1))
    #expect(
      loaded.keyLocation(at: try #require(JSONPointer("/activities/1/participants")))?.lineColumn
        == marked.mark(0))
    #expect(loaded.location(at: try #require(JSONPointer("/activities/7"))) == nil)
    #expect(loaded.keyLocation(at: try #require(JSONPointer("/activities/1"))) == nil)
    // A missing member is located at its nearest existing ancestor.
    let missing = try #require(JSONPointer("/activities/1/participants/0/role"))
    #expect(loaded.sourceMap.nearestLocation(at: missing)?.lineColumn == "5:9")
    // Every value has an entry, in document order.
    let entries = loaded.sourceMap.entries()
    #expect(
      entries.map(\.pointer.description) == [
        "", "/activities", "/activities/0", "/activities/0/id", "/activities/1", "/activities/1/id",
        "/activities/1/participants", "/activities/1/participants/0", "/activities/1/participants/0/country",
      ])
  }

  @Test func sourceMapsMountAndMerge() throws {
    let a = try loader.load("x: 1\ny: [true]\n", file: "a.yaml")
    let b = try loader.load("z: 2\n", file: "b.yaml")
    var map = a.sourceMap.mounted(at: try #require(JSONPointer("/annotation"))).merging(b.sourceMap)
    #expect(map.files == ["a.yaml", "b.yaml"])
    #expect(map.location(at: try #require(JSONPointer("/annotation/y/0")))?.description == "a.yaml:2:5")
    #expect(map.keyLocation(at: try #require(JSONPointer("/annotation/y")))?.description == "a.yaml:2:1")
    #expect(map.location(at: try #require(JSONPointer("/z")))?.description == "b.yaml:1:4")
    #expect(map.location(at: try #require(JSONPointer("/y"))) == nil)
    let text = SourceLocation(file: "doc.txt", line: 3, column: 1)
    map.setLocation(text, at: try #require(JSONPointer("/annotation/x")))
    #expect(map.location(at: try #require(JSONPointer("/annotation/x"))) == text)
    #expect(map.entries().first?.pointer.description == "/annotation/x")
    #expect(map.entries().count == 1 + 4 + 2)
  }

  @Test func columnsCountUnicodeScalars() {
    let marked = YAMLMarkedText("{é😀: 1, ‸é😀: 2}")
    let diagnostics = yamlDiagnostics(marked.text)
    #expect(diagnostics.map(\.code) == [.yamlDuplicateKey])
    #expect(diagnostics.first?.location?.lineColumn == marked.mark(0))
  }

  @Test func syntaxErrorIsLocatedWithContext() {
    let marked = YAMLMarkedText(
      """
      a: 1
      b: ‸[1, 2
      c‸: 3
      """)
    let diagnostics = yamlDiagnostics(marked.text)
    #expect(diagnostics.map(\.code) == [.yamlSyntax])
    let d = diagnostics[0]
    #expect(d.location?.lineColumn == marked.mark(1))
    #expect(d.message == "a ',' or ']' was expected: the [ … ] list is not closed before this")
    #expect(d.notes.first?.message == "the [ … ] list starts here")
    #expect(d.notes.first?.location?.lineColumn == marked.mark(0))
  }

  @Test func problemsBeforeASyntaxErrorAreKept() {
    let marked = YAMLMarkedText(
      """
      a: 1
      ‸a: 2
      b: [
      """)
    let codes = yamlDiagnostics(marked.text).map(\.code)
    #expect(codes.contains(.yamlDuplicateKey))
    #expect(codes.contains(.yamlSyntax))
  }

  @Test func duplicateKeyPointsAtRepeatWithNoteAtFirst() {
    let marked = YAMLMarkedText(
      """
      ‸a: 1
      ‸b: 2
      ‸'a': 3
      nested:
        x: {k: 1, ‸"k": 2}
      ‸b: 4
      """)
    let diagnostics = yamlDiagnostics(marked.text)
    #expect(diagnostics.count == 3)
    #expect(diagnostics.allSatisfy { $0.code == .yamlDuplicateKey })
    #expect(diagnostics.map { $0.location!.lineColumn } == [marked.mark(2), marked.mark(3), marked.mark(4)])
    #expect(
      diagnostics.map { $0.notes.first!.location!.lineColumn } == [marked.mark(0), "5:7", marked.mark(1)])
    #expect(diagnostics[0].message == "duplicate key 'a'")
    #expect(diagnostics[0].notes.first?.message == "first defined here")
    #expect(diagnostics[1].pointer == "/nested/x/k")
  }

  @Test func duplicateKeysCompareResolvedValues() {
    // 1 and 01 are the same integer; an alias to a scalar key is that key; 1 and '1' differ.
    #expect(yamlDiagnostics("{1: a, 01: b}").map(\.code).contains(.yamlDuplicateKey))
    #expect(yamlDiagnostics("{&k x: 1, *k : 2}").map(\.code) == [.yamlDuplicateKey])
    #expect(yamlDiagnostics("{null: 1, ~: 2}").map(\.code).contains(.yamlDuplicateKey))
    #expect(!yamlDiagnostics("{1: a, '1': b}").map(\.code).contains(.yamlDuplicateKey))
    #expect(!yamlDiagnostics("{a: 1, b: 2, A: 3}").map(\.code).contains(.yamlDuplicateKey))
  }

  @Test func duplicatesFoundInLargeMappings() {
    var lines = (0..<100).map { "k\($0): \($0)" }
    lines.append("k57: again")
    let diagnostics = yamlDiagnostics(lines.joined(separator: "\n"))
    #expect(diagnostics.map(\.code) == [.yamlDuplicateKey])
    #expect(diagnostics.first?.location?.lineColumn == "101:1")
    #expect(diagnostics.first?.notes.first?.location?.lineColumn == "58:1")
  }

  @Test func unknownTagIsLocated() {
    let marked = YAMLMarkedText(
      """
      a: ‸!custom x
      b: ‸!!timestamp 2021-12-23
      c: !!str 12
      """)
    let diagnostics = yamlDiagnostics(marked.text)
    #expect(diagnostics.map(\.code) == [.yamlUnsupportedTag, .yamlUnsupportedTag])
    #expect(diagnostics.map { $0.location!.lineColumn } == [marked.mark(0), marked.mark(1)])
    #expect(diagnostics[0].message == "unsupported tag !custom")
    #expect(diagnostics[1].message == "unsupported tag !!timestamp")
  }

  @Test func explicitCoreTagsAreHonoured() throws {
    let text = """
      s: !!str 123
      i: !!int "42"
      f: !!float 1
      b: !!bool true
      n: !!null ""
      m: !!map {a: 1}
      q: !!seq [1]
      x: ! 12
      """
    let value = try loader.load(text, file: "t.yaml").value
    #expect(value["s"] == .string("123"))
    #expect(value["i"] == .integer(42))
    #expect(value["f"] == .integer(1))
    #expect(value["b"] == .bool(true))
    #expect(value["n"] == .null)
    #expect(value["m"] == .object(JSONObject([("a", .integer(1))])))
    #expect(value["q"] == .array([.integer(1)]))
    #expect(value["x"] == .string("12"))
  }

  @Test func tagMismatchIsLocated() {
    let marked = YAMLMarkedText(
      """
      a: ‸!!int abc
      b: ‸!!bool yes
      c: ‸!!map [1]
      d: ‸!!str {x: 1}
      """)
    let diagnostics = yamlDiagnostics(marked.text)
    #expect(diagnostics.map(\.code) == Array(repeating: .yamlTagMismatch, count: 4))
    #expect(diagnostics.map { $0.location!.lineColumn } == (0..<4).map { marked.mark($0) })
  }

  @Test func nonStringKeysAreLocatedAtConversion() {
    let marked = YAMLMarkedText(
      """
      ‸2021: a
      ok: 1
      nested:
        ‸true: b
        ‸[x]: c
      ‸null: d
      """)
    let diagnostics = yamlDiagnostics(marked.text)
    #expect(diagnostics.map(\.code) == Array(repeating: .yamlNonStringKey, count: 4))
    #expect(diagnostics.map { $0.location!.lineColumn } == (0..<4).map { marked.mark($0) })
    #expect(diagnostics[0].message == "key '2021' is an integer, but JSON keys must be strings")
    #expect(diagnostics[1].pointer == "/nested")
  }

  @Test func infinityAndNaNAreLocatedAtConversion() {
    let marked = YAMLMarkedText(
      """
      a: ‸.inf
      b: [1, ‸-.Inf, ‸.nan]
      c: '.inf'
      """)
    let diagnostics = yamlDiagnostics(marked.text)
    #expect(diagnostics.map(\.code) == Array(repeating: .yamlUnrepresentable, count: 3))
    #expect(diagnostics.map { $0.location!.lineColumn } == (0..<3).map { marked.mark($0) })
    #expect(diagnostics.map(\.pointer) == ["/a", "/b/1", "/b/2"])
  }

  @Test func mergeKeysAreRejected() throws {
    let marked = YAMLMarkedText(
      """
      base: &base {a: 1}
      derived:
        ‸<<: *base
        b: 2
      """)
    let diagnostics = yamlDiagnostics(marked.text)
    #expect(diagnostics.map(\.code) == [.yamlMergeKey])
    #expect(diagnostics.first?.location?.lineColumn == marked.mark(0))
    // A quoted '<<' is an ordinary key.
    let value = try loader.load("'<<': x", file: "t.yaml").value
    #expect(value["<<"] == .string("x"))
  }

  @Test func aliasesShareTheAnchoredValue() throws {
    let loaded = try loader.load("a: &x {k: [1, 2]}\nb: *x\n", file: "t.yaml")
    #expect(loaded.value["b"] == loaded.value["a"])
    // The alias itself is located where it is written; what it stands for at the anchor.
    #expect(loaded.location(at: try #require(JSONPointer("/b")))?.lineColumn == "2:4")
    #expect(loaded.location(at: try #require(JSONPointer("/b/k/1")))?.lineColumn == "1:15")
  }

  @Test func undefinedAndRecursiveAliasesAreLocated() {
    let marked = YAMLMarkedText(
      """
      a: ‸*nowhere
      b: &r [1, ‸*r]
      """)
    let diagnostics = yamlDiagnostics(marked.text)
    #expect(diagnostics.map(\.code) == [.yamlUndefinedAlias, .yamlRecursiveAlias])
    #expect(diagnostics.map { $0.location!.lineColumn } == [marked.mark(0), marked.mark(1)])
  }

  @Test func multiDocumentFileIsRejected() throws {
    let marked = YAMLMarkedText(
      """
      ‸a: 1
      ‸---
      b: 2
      """)
    let diagnostics = yamlDiagnostics(marked.text)
    #expect(diagnostics.map(\.code) == [.yamlMultipleDocuments])
    #expect(diagnostics.first?.location?.lineColumn == marked.mark(1))
    #expect(diagnostics.first?.notes.first?.location?.lineColumn == marked.mark(0))
    // The stream API reads both.
    let all = try loader.loadAll(Array(marked.text.utf8), file: "t.yaml")
    #expect(
      all.map(\.value) == [
        .object(JSONObject([("a", .integer(1))])), .object(JSONObject([("b", .integer(2))])),
      ])
  }

  @Test func byteOrderMarkIsAccepted() throws {
    let value = try loader.load("\u{FEFF}a: 1\nb: [x, y]\n", file: "t.yaml").value
    #expect(value == .object(JSONObject([("a", .integer(1)), ("b", .array([.string("x"), .string("y")]))])))
    let marked = YAMLMarkedText("\u{FEFF}a: 1\n‸a: 2")
    #expect(yamlDiagnostics(marked.text).first?.location?.lineColumn == marked.mark(0))
    let first = YAMLMarkedText("\u{FEFF}x: {‸y: 1, y: 2}")
    #expect(yamlDiagnostics(first.text).first?.notes.first?.location?.lineColumn == first.mark(0))
  }

  @Test func crlfLineEndingsKeepPositions() {
    let marked = YAMLMarkedText("a: 1\r\nb: 2\r\n‸a: 3\r\n")
    #expect(yamlDiagnostics(marked.text).first?.location?.lineColumn == marked.mark(0))
  }

  @Test func tabIndentationIsRejected() {
    let marked = YAMLMarkedText("a:\n‸\tb: 1\n")
    let diagnostics = yamlDiagnostics(marked.text)
    #expect(diagnostics.map(\.code) == [.yamlTabIndentation])
    #expect(diagnostics.first?.location?.lineColumn == marked.mark(0))
    // A tab inside flow content does not count as indentation either.
    let flow = YAMLMarkedText("a: [x,\n‸\ty]\n")
    let flowDiagnostics = yamlDiagnostics(flow.text)
    #expect(flowDiagnostics.map(\.code) == [.yamlFlowIndentation])
    #expect(flowDiagnostics.first?.location?.lineColumn == flow.mark(0))
    // Tabs as separation after an indicator or inside a value are fine.
    #expect(yamlDiagnostics("a:\tb\nc: 'x\ty'\n").isEmpty)
  }

  @Test func invalidInputLibyamlAcceptsIsRejected() {
    let cases: [String] = [
      "key: \"value\"‸# comment\n",
      "[a, b]‸#c\n",
      "block: >‸# comment\n  x\n",
      "- [‸-]\n",
    ]
    for text in cases {
      let marked = YAMLMarkedText(text)
      let diagnostics = yamlDiagnostics(marked.text)
      #expect(diagnostics.map(\.code) == [.yamlSyntax], "\(text)")
      #expect(diagnostics.first?.location?.lineColumn == marked.mark(0), "\(text)")
    }
  }

  @Test func continuationLinesMustBeIndented() {
    for text in ["quoted: \"a\n‸b\"\n", "- key: [a,\n  ‸b]\n", "- k: 'x\n ‸y'\n"] {
      let marked = YAMLMarkedText(text)
      let diagnostics = yamlDiagnostics(marked.text)
      #expect(diagnostics.map(\.code) == [.yamlFlowIndentation], "\(text)")
      #expect(diagnostics.first?.location?.lineColumn == marked.mark(0), "\(text)")
    }
    #expect(yamlDiagnostics("key: [a,\n  b]\nq: \"a\n  b\"\n").isEmpty)
    #expect(yamlDiagnostics("top: [\n  a,\n  b\n  ]\nq: \"a\n  b\"\n").isEmpty)
  }

  @Test func invalidUTF8IsLocated() {
    var bytes = Array("a: 1\nb: x".utf8)
    bytes.append(0xFF)
    bytes.append(contentsOf: Array("\n".utf8))
    do {
      _ = try loader.load(bytes, file: "t.yaml")
      Issue.record("invalid UTF-8 accepted")
    } catch {
      #expect(error.diagnostics.map(\.code) == [.yamlEncoding])
      #expect(error.diagnostics.first?.location?.lineColumn == "2:5")
    }
  }

  @Test func everyProblemIsReportedInOneRun() {
    let text = """
      a: 1
      a: 2
      b: !weird x
      3: c
      d: .nan
      e: *missing
      """
    let codes = Set(yamlDiagnostics(text).map(\.code))
    #expect(
      codes == [
        .yamlDuplicateKey, .yamlUnsupportedTag, .yamlNonStringKey, .yamlUnrepresentable, .yamlUndefinedAlias,
      ])
  }

  @Test func emptyStreamLoadsAsNull() throws {
    #expect(try loader.load("# only a comment\n", file: "t.yaml").value == .null)
    #expect(try loader.load("", file: "t.yaml").value == .null)
  }

  @Test func nodeTreeKeepsPositionsOfEveryNode() throws {
    let stream = loader.compose("a: &x [1, 'two']\nb: *x\n", file: "t.yaml")
    let root = try #require(stream.documents.first?.root)
    #expect(root.kind == .mapping)
    let pairs = root.pairs
    #expect(pairs.map { $0.key.text } == ["a", "b"])
    #expect(pairs[0].key.location.lineColumn == "1:1")
    #expect(pairs[0].value.anchor == "x")
    #expect(pairs[0].value.items.map(\.scalarStyle) == [.plain, .singleQuoted])
    #expect(pairs[0].value.items.map(\.scalarKind) == [.int, .string])
    #expect(pairs[0].value.items[1].location.lineColumn == "1:11")
    #expect(pairs[0].value.items[1].location.endColumn == 16)
    #expect(pairs[1].value.kind == .alias)
    #expect(pairs[1].value.resolved.items.count == 2)
    #expect(pairs[1].value.location.lineColumn == "2:4")
  }
}
