import DossierTestSupport
import Foundation
import JSONSchema
import Testing

/// End-to-end tests of `dossier lsp`: the built binary driven over standard input and output.
@Suite(.serialized) struct LSPCommandTests {
  static let seed = "003_9ffac5d15d52c637"
  static let chinese = "000_ec6a5abef4a65f2a"

  static func object(_ pairs: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(pairs)) }

  static func position(_ line: Int, _ character: Int) -> JSONValue {
    object([("line", .integer(line)), ("character", .integer(character))])
  }

  static func at(_ uri: String, _ line: Int, _ character: Int) -> JSONValue {
    object([("textDocument", object([("uri", .string(uri))])), ("position", position(line, character))])
  }

  static func replacingFirst(_ old: String, with new: String, in text: String) -> String {
    guard let range = text.range(of: old) else { return text }
    return text.replacingCharacters(in: range, with: new)
  }

  static func open(_ client: LSPClient, _ uri: String, _ text: String) {
    client.notify(
      "textDocument/didOpen",
      object([
        (
          "textDocument",
          object([
            ("uri", .string(uri)), ("languageId", .string("yaml")), ("version", .integer(1)),
            ("text", .string(text)),
          ])
        )
      ]))
  }

  static func change(_ client: LSPClient, _ uri: String, _ text: String, version: Int) {
    client.notify(
      "textDocument/didChange",
      object([
        ("textDocument", object([("uri", .string(uri)), ("version", .integer(version))])),
        ("contentChanges", .array([object([("text", .string(text))])])),
      ]))
  }

  static func codes(_ diagnostics: [JSONValue]?) -> [String] {
    (diagnostics ?? []).compactMap { $0["code"]?.stringValue }
  }

  /// The scripted session of issue 16, acceptance 1.
  @Test func scriptedSession() throws {
    let folder = try temporaryWorkspace("session")
    defer { try? FileManager.default.removeItem(at: folder) }
    let client = try LSPClient(directory: folder)
    let root = folder.standardizedFileURL.path
    let uri = "file://\(root)/Input/\(Self.seed).yaml"
    let text = try String(
      contentsOf: folder.appendingPathComponent("Input/\(Self.seed).yaml"), encoding: .utf8)

    // initialize
    let initialize = try #require(
      client.request(
        "initialize",
        Self.object([("rootUri", .string("file://\(root)")), ("capabilities", Self.object([]))])))
    #expect(initialize["result"]?["capabilities"]?["positionEncoding"] == .string("utf-16"))
    client.notify("initialized", Self.object([]))

    // didOpen of the seed sidecar: valid.
    Self.open(client, uri, text)
    #expect(client.diagnostics(uri, version: 1) == [])

    // didChange misspelling a country.
    let misspelled = Self.replacingFirst("country: Russia", with: "country: Rusia", in: text)
    Self.change(client, uri, misspelled, version: 2)
    let countryDiagnostics = try #require(client.diagnostics(uri, version: 2))
    #expect(Self.codes(countryDiagnostics) == ["V006"])
    let (countryLine, countryCharacter) = try #require(lspPosition(of: "country: Rusia", in: misspelled))
    let countryRange = Self.object([
      ("start", Self.position(countryLine, countryCharacter + 9)),
      ("end", Self.position(countryLine, countryCharacter + 14)),
    ])
    #expect(countryDiagnostics.first?["range"] == countryRange)
    #expect(countryDiagnostics.first?["message"]?.stringValue?.contains("Rusia") == true)

    // didChange that also breaks a quote.
    let quote = "- the two navies have held the Joint Sea-2021 military exercise\n"
    let broken = misspelled.replacingOccurrences(
      of: quote, with: "- the two navies have held the Joint Sea-2012 military exercise\n")
    #expect(broken != misspelled)
    Self.change(client, uri, broken, version: 3)
    let both = try #require(client.diagnostics(uri, version: 3))
    #expect(Self.codes(both).sorted() == ["V002", "V006"])
    let (quoteLine, quoteCharacter) = try #require(
      lspPosition(of: "the two navies have held the Joint Sea-2012", in: broken))
    let quoteDiagnostic = try #require(both.first { $0["code"] == .string("V002") })
    #expect(quoteDiagnostic["range"]?["start"] == Self.position(quoteLine, quoteCharacter))

    // A code action for the country: the suggested name as a workspace edit.
    let actions = try #require(
      client.request(
        "textDocument/codeAction",
        Self.object([
          ("textDocument", Self.object([("uri", .string(uri))])), ("range", countryRange),
          ("context", Self.object([("diagnostics", .array(countryDiagnostics))])),
        ])))
    let action = try #require(actions["result"]?.arrayValue?.first)
    #expect(action["kind"] == .string("quickfix"))
    let edit = try #require(action["edit"]?["changes"]?[uri]?.arrayValue?.first)
    #expect(edit["newText"] == .string("Russia"))
    #expect(edit["range"] == countryRange)

    // didChange fixing both.
    Self.change(client, uri, text, version: 4)
    #expect(client.diagnostics(uri, version: 4) == [])

    // completion at `type: `
    let (typeLine, typeCharacter) = try #require(lspPosition(of: "type: exercise", in: text))
    let completion = try #require(
      client.request("textDocument/completion", Self.at(uri, typeLine, typeCharacter + 6)))
    let items = try #require(completion["result"]?["items"]?.arrayValue)
    let exercise = try #require(items.first { $0["label"] == .string("exercise") })
    #expect(exercise["detail"] == .string("Military exercise"))
    #expect(items.count >= 10)

    // hover on a quote: the matched article text with its location.
    let (hoverLine, hoverCharacter) = try #require(
      lspPosition(of: String(quote.dropFirst(2).dropLast()), in: text))
    let hover = try #require(
      client.request("textDocument/hover", Self.at(uri, hoverLine, hoverCharacter + 4)))
    let shown = try #require(hover["result"]?["contents"]?["value"]?.stringValue)
    #expect(shown.hasPrefix("**Found** in \(Self.seed).txt at line"))
    #expect(shown.contains("> the two navies have held the Joint Sea-2021 military exercise"))

    // A Chinese sidecar: ranges in UTF-16 units.
    let chineseURI = "file://\(root)/Input/\(Self.chinese).yaml"
    let chineseText = try String(
      contentsOf: folder.appendingPathComponent("Input/\(Self.chinese).yaml"), encoding: .utf8)
    Self.open(client, chineseURI, chineseText)
    #expect(client.diagnostics(chineseURI, version: 1) == [])
    let chineseBroken = chineseText.replacingOccurrences(
      of: "evidence: 军事装备技术合作", with: "evidence: 军事装备😀技术合作")
    Self.change(client, chineseURI, chineseBroken, version: 2)
    let chineseDiagnostics = try #require(client.diagnostics(chineseURI, version: 2))
    #expect(Self.codes(chineseDiagnostics) == ["V002"])
    let (line, character) = try #require(lspPosition(of: "军事装备😀技术合作", in: chineseBroken))
    // 8 Han characters (one unit each) and one emoji (two units).
    #expect(
      chineseDiagnostics.first?["range"]
        == Self.object([
          ("start", Self.position(line, character)), ("end", Self.position(line, character + 10)),
        ]))

    // shutdown, exit
    let shutdown = try #require(client.request("shutdown", .null))
    #expect(shutdown["result"] == .null && shutdown["error"] == nil)
    client.notify("exit", Self.object([]))
    #expect(client.waitForExit() == 0)
  }

  /// Acceptance 2: for 20 mutated sidecars, the published diagnostics equal `dossier validate
  /// --reporter json` on the same text (codes, severities, positions, messages).
  @Test func diagnosticsEqualValidateOnMutatedSidecars() throws {
    let folder = try temporaryWorkspace("parity")
    defer { try? FileManager.default.removeItem(at: folder) }
    let root = folder.standardizedFileURL.path
    let path = folder.appendingPathComponent("Input/\(Self.seed).yaml")
    let original = try String(contentsOf: path, encoding: .utf8)
    let mutations: [(String, String)] = [
      ("country: Russia", "country: Rusia"),
      ("organization: CMC", "organization: CMX"),
      ("type: exercise", "type: exersize"),
      ("areas: [joint_exercises_training]", "areas: [joint_exercise_training]"),
      ("subtype: naval", "subtype: navel"),
      (
        "- the two navies have held the Joint Sea-2021 military exercise\n",
        "- the two navies held the Joint Sea-2021 exercise\n"
      ),
      ("- the two navies have held the Joint Sea-2021 military exercise\n", "- the two\n"),
      ("section: 2", "section: 9"),
      ("section: 2", "section: two"),
      ("edtf: \"2021\"", "edtf: \"2021-13\""),
      ("edtf: \"2021\"", "edtf: \"2022\""),
      ("id: 003-h2-joint-sea", "id: 003-h2-zapad"),
      ("named_event: zapad-interaction-2021", "named_evnt: zapad-interaction-2021"),
      ("role: host", "role: hoster"),
      ("mode: [letter, phone, article]", "mode: [letter, fax]"),
      ("publisher: China Military Online", "publisher: China Military Onlin"),
      ("kind: news_article\n", "kind: news_article\nkind: definition\n"),
      ("    section: 1\n", "\tsection: 1\n"),
      (
        "  - id: 003-h1-congratulations\n",
        "  - id: 003-h1-congratulations\n    part_of: 003-h1-museum-vist\n"
      ),
      ("# yaml-language-server: $schema=../Schemas/annotation.schema.json\n", "# an annotation\n"),
    ]
    #expect(mutations.count == 20)
    let client = try LSPClient(directory: folder)
    _ = client.request(
      "initialize", Self.object([("rootUri", .string("file://\(root)")), ("capabilities", Self.object([]))]))
    let uri = "file://\(root)/Input/\(Self.seed).yaml"
    Self.open(client, uri, original)
    #expect(client.diagnostics(uri, version: 1) == [])
    var compared = 0
    for (index, (old, new)) in mutations.enumerated() {
      let mutated = Self.replacingFirst(old, with: new, in: original)
      #expect(mutated != original, "mutation \(index) did not apply: \(old)")
      let version = index + 2
      Self.change(client, uri, mutated, version: version)
      let published = try #require(client.diagnostics(uri, version: version), "mutation \(index)")

      try mutated.write(to: path, atomically: true, encoding: .utf8)
      let run = try CommandRunner.dossier(
        ["validate", "--reporter", "json", "Input/\(Self.seed).yaml"], in: folder)
      let report = try JSONReader().read(run.stdout)
      let expected = (report["diagnostics"]?.arrayValue ?? []).filter {
        $0["file"]?.stringValue == "Input/\(Self.seed).yaml"
      }
      #expect(!expected.isEmpty, "mutation \(index) gave no diagnostic: \(new)")
      #expect(published.count == expected.count, "mutation \(index): \(Self.codes(published)) vs \(expected)")
      for (lsp, cli) in zip(published, expected) {
        #expect(lsp["code"] == cli["code"], "mutation \(index)")
        let severity: Int =
          cli["severity"] == .string("error") ? 1 : cli["severity"] == .string("warning") ? 2 : 3
        #expect(lsp["severity"] == .integer(severity), "mutation \(index)")
        let message = lsp["message"]?.stringValue ?? ""
        #expect(message.hasPrefix(cli["message"]?.stringValue ?? "\u{0}"), "mutation \(index)")
        let start =
          cli["line"]?.numberValue?.intValue.map {
            utf16Position(line: $0, column: cli["column"]?.numberValue?.intValue ?? 1, in: mutated)
          } ?? (line: 0, character: 0)
        #expect(lsp["range"]?["start"] == Self.position(start.line, start.character), "mutation \(index)")
        if let endLine = cli["endLine"]?.numberValue?.intValue,
          let endColumn = cli["endColumn"]?.numberValue?.intValue
        {
          let end = utf16Position(line: endLine, column: endColumn, in: mutated)
          #expect(lsp["range"]?["end"] == Self.position(end.line, end.character), "mutation \(index)")
        } else {
          #expect(lsp["range"]?["end"] == lsp["range"]?["start"], "mutation \(index)")
        }
        compared += 1
      }
    }
    #expect(compared >= 20)
    _ = client.request("shutdown", .null)
    client.notify("exit", Self.object([]))
    #expect(client.waitForExit() == 0)
  }

  /// Acceptance 4 end to end: malformed framing and JSON are answered, never crash the server.
  @Test func malformedInputIsAnsweredOrClosedCleanly() throws {
    let folder = try temporaryWorkspace("robust")
    defer { try? FileManager.default.removeItem(at: folder) }
    let client = try LSPClient(directory: folder, arguments: ["--max-message-bytes", "100000"])
    // Invalid JSON and invalid UTF-8 bodies: parse errors with a null id; the session goes on.
    client.write(Array("Content-Length: 5\r\n\r\n{\"a\":".utf8))
    client.write(Array("Content-Length: 4\r\n\r\n".utf8) + [0x22, 0xFF, 0xFE, 0x22])
    // A message over the limit is skipped.
    let huge = [UInt8](repeating: 0x20, count: 300_000)
    client.write(Array("Content-Length: \(huge.count)\r\n\r\n".utf8) + huge)
    // A request with a bad id type, then a valid one.
    let badID = Array(#"{"jsonrpc":"2.0","id":[1],"method":"shutdown"}"#.utf8)
    client.write(Array("Content-Length: \(badID.count)\r\n\r\n".utf8) + badID)
    let initialize = client.request("initialize", Self.object([("capabilities", Self.object([]))]))
    #expect(initialize?["result"]?["capabilities"] != nil)
    let errors = client.received.filter { $0["error"] != nil }
    #expect(errors.count >= 4)
    #expect(errors.allSatisfy { $0["id"] == .null })
    #expect(errors.contains { $0["error"]?["code"] == .integer(-32700) })
    #expect(errors.contains { $0["error"]?["code"] == .integer(-32600) })
    // A header without Content-Length: the stream cannot be resynchronized; answered, then closed.
    client.write(Array("Content-Type: application/json\r\n\r\n{}".utf8))
    #expect(client.waitForExit() == 1)
    #expect(!client.crashed)
  }

  @Test func truncatedInputEndsTheSessionCleanly() throws {
    let folder = try temporaryWorkspace("truncated")
    defer { try? FileManager.default.removeItem(at: folder) }
    let client = try LSPClient(directory: folder)
    client.write(Array("Content-Length: 100\r\n\r\n{\"jsonrpc\":".utf8))
    client.closeInput()
    #expect(client.waitForExit() == 1)
    #expect(!client.crashed)
  }
}
