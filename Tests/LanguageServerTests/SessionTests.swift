import DossierCore
import DossierTestSupport
import Foundation
import JSONSchema
import Testing

@testable import LanguageServer

@Suite struct SessionTests {
  let seedURI = "file:///ws/Input/003_9ffac5d15d52c637.yaml"
  let chineseURI = "file:///ws/Input/000_ec6a5abef4a65f2a.yaml"

  func seedText(_ name: String = "003_9ffac5d15d52c637.yaml") throws -> String {
    try String(contentsOf: RepositoryPaths.input.appendingPathComponent(name), encoding: .utf8)
  }

  func replacingFirst(_ old: String, with new: String, in text: String) -> String {
    guard let range = text.range(of: old) else { return text }
    return text.replacingCharacters(in: range, with: new)
  }

  func codes(_ diagnostics: [JSONValue]?) -> [String] {
    (diagnostics ?? []).compactMap { $0["code"]?.stringValue }
  }

  @Test func initializeAnnouncesUTF16AndTheFeatures() async throws {
    var session = Session(files: try memoryWorkspace())
    let response = await session.initialize()
    let capabilities = response["result"]?["capabilities"]
    #expect(capabilities?["positionEncoding"] == .string("utf-16"))
    #expect(capabilities?["hoverProvider"] == .bool(true))
    #expect(capabilities?["definitionProvider"] == .bool(true))
    #expect(capabilities?["textDocumentSync"]?["change"] == .integer(2))
    #expect(response["result"]?["serverInfo"]?["name"] == .string("dossier"))
  }

  @Test func requestsBeforeInitializeAndAfterShutdownAreRefused() async throws {
    var session = Session(files: try memoryWorkspace())
    let early = await session.request("textDocument/hover", Session.at(seedURI, 0, 0))
    #expect(early["error"]?["code"] == .integer(ResponseError.serverNotInitializedCode))
    _ = await session.initialize()
    let unknown = await session.request("textDocument/formatting", Session.at(seedURI, 0, 0))
    #expect(unknown["error"]?["code"] == .integer(ResponseError.methodNotFoundCode))
    let bad = await session.request("textDocument/hover", Session.object([("position", .integer(3))]))
    #expect(bad["error"]?["code"] == .integer(ResponseError.invalidParamsCode))
    let again = await session.request("initialize", Session.object([]))
    #expect(again["error"]?["code"] == .integer(ResponseError.invalidRequestCode))
    let shutdown = await session.request("shutdown")
    #expect(shutdown["result"] == .null)
    #expect(shutdown["error"] == nil)
    let late = await session.request("textDocument/hover", Session.at(seedURI, 0, 0))
    #expect(late["error"]?["code"] == .integer(ResponseError.invalidRequestCode))
    await session.notify("exit")
    #expect(await session.server.exitStatus == 0)
  }

  @Test func exitWithoutShutdownIsStatusOne() async throws {
    var session = Session(files: try memoryWorkspace())
    _ = await session.initialize()
    await session.notify("exit")
    #expect(await session.server.exitStatus == 1)
  }

  @Test func diagnosticsFollowTheEditorText() async throws {
    var session = Session(files: try memoryWorkspace())
    _ = await session.initialize()
    let text = try seedText()
    await session.open(seedURI, text)
    #expect(await session.diagnostics(seedURI, version: 1) == [])

    // A misspelled country.
    let misspelled = replacingFirst("country: Russia", with: "country: Rusia", in: text)
    #expect(misspelled != text)
    await session.change(seedURI, misspelled, version: 2)
    let diagnostics = try #require(await session.diagnostics(seedURI, version: 2))
    #expect(codes(diagnostics) == [DiagnosticCode.semanticUnknownCountry.id])
    let (line, character) = try #require(find("country: Rusia", in: misspelled))
    let range = diagnostics[0]["range"]
    #expect(range?["start"]?["line"] == .integer(line))
    #expect(range?["start"]?["character"] == .integer(character + 9))
    #expect(range?["end"]?["character"] == .integer(character + 14))
    #expect(diagnostics[0]["severity"] == .integer(1))
    #expect(diagnostics[0]["source"] == .string("dossier"))
    let href = try #require(diagnostics[0]["codeDescription"]?["href"]?.stringValue)
    #expect(
      href.hasPrefix(
        "file:///ws/docs/diagnostics.md#" + DiagnosticCode.semanticUnknownCountry.id.lowercased()))

    // The quick fix restores the name.
    let actions = await session.request(
      "textDocument/codeAction",
      Session.object([
        ("textDocument", Session.object([("uri", .string(seedURI))])),
        ("range", range!), ("context", Session.object([("diagnostics", .array(diagnostics))])),
      ]))
    let first = try #require(actions["result"]?.arrayValue?.first)
    #expect(first["kind"] == .string("quickfix"))
    let edit = try #require(first["edit"]?["changes"]?[seedURI]?.arrayValue?.first)
    #expect(edit["newText"] == .string("Russia"))
    #expect(edit["range"] == range)

    // Back to the original text: no diagnostics.
    await session.change(seedURI, text, version: 3)
    #expect(await session.diagnostics(seedURI, version: 3) == [])
  }

  @Test func chineseQuoteRangesAreInUTF16Units() async throws {
    var session = Session(files: try memoryWorkspace())
    _ = await session.initialize()
    let text = try seedText("000_ec6a5abef4a65f2a.yaml")
    await session.open(chineseURI, text)
    #expect(await session.diagnostics(chineseURI, version: 1) == [])
    // Break a Chinese quote with an emoji (two UTF-16 units, one scalar).
    let broken = text.replacingOccurrences(of: "evidence: 防务安全对话磋商", with: "evidence: 防务安全对话磋商😀")
    await session.change(chineseURI, broken, version: 2)
    let diagnostics = try #require(await session.diagnostics(chineseURI, version: 2))
    #expect(codes(diagnostics) == [DiagnosticCode.semanticQuoteNotFound.id])
    let (line, character) = try #require(find("防务安全对话磋商😀", in: broken))
    #expect(diagnostics[0]["range"]?["start"] == Session.position(line, character))
    #expect(diagnostics[0]["range"]?["end"] == Session.position(line, character + 10))
    // The note points at the closest text of the document, in the .txt.
    let related = diagnostics[0]["relatedInformation"]?.arrayValue?.first
    #expect(related?["location"]?["uri"] == .string("file:///ws/Input/000_ec6a5abef4a65f2a.txt"))
  }

  @Test func completionOffersVocabularyTermsWithLabelsAndDefinitions() async throws {
    var session = Session(files: try memoryWorkspace())
    _ = await session.initialize()
    let text = try seedText()
    await session.open(seedURI, text)
    let (line, character) = try #require(find("type: exercise", in: text))
    let response = await session.request("textDocument/completion", Session.at(seedURI, line, character + 6))
    let items = try #require(response["result"]?["items"]?.arrayValue)
    let labels = items.compactMap { $0["label"]?.stringValue }
    #expect(labels.contains("exercise"))
    #expect(labels.contains("senior_meeting"))
    let exercise = try #require(items.first { $0["label"] == .string("exercise") })
    #expect(exercise["detail"] == .string("Military exercise"))
    #expect(exercise["documentation"]?["value"]?.stringValue?.contains("combined exercise") == true)
    // The edit replaces the typed value.
    #expect(exercise["textEdit"]?["range"]?["start"] == Session.position(line, character + 6))

    // Areas carry English and Chinese labels.
    let (areasLine, areasCharacter) = try #require(find("areas: [joint_exercises_training]", in: text))
    let areas = await session.request(
      "textDocument/completion", Session.at(seedURI, areasLine, areasCharacter + 8))
    let area = try #require(
      areas["result"]?["items"]?.arrayValue?.first { $0["label"] == .string("security_dialogue") })
    #expect(area["detail"] == .string("security dialog and consultation · 防务安全对话磋商"))

    // Countries are found by name and by Chinese name.
    let (countryLine, countryCharacter) = try #require(find("country: Russia", in: text))
    let countries = await session.request(
      "textDocument/completion", Session.at(seedURI, countryLine, countryCharacter + 9))
    let russia = try #require(
      countries["result"]?["items"]?.arrayValue?.first { $0["label"] == .string("RUS") })
    #expect(russia["filterText"]?.stringValue?.contains("Russia") == true)
    #expect(russia["filterText"]?.stringValue?.contains("俄罗斯") == true)

    // Roles come from the schema, with their meaning.
    let (roleLine, roleCharacter) = try #require(find("role: host", in: text))
    let roles = await session.request(
      "textDocument/completion", Session.at(seedURI, roleLine, roleCharacter + 6))
    let host = try #require(roles["result"]?["items"]?.arrayValue?.first { $0["label"] == .string("host") })
    #expect(host["documentation"]?["value"]?.stringValue?.contains("receives visitors") == true)

    // Sections of the document.
    let (sectionLine, sectionCharacter) = try #require(find("section: 2", in: text))
    let sections = await session.request(
      "textDocument/completion", Session.at(seedURI, sectionLine, sectionCharacter + 9))
    let sectionLabels = sections["result"]?["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue }
    #expect(sectionLabels == ["1", "2", "3", "4", "5", "6", "7"])
  }

  @Test func hoverAndDefinitionOfAQuote() async throws {
    var session = Session(files: try memoryWorkspace())
    _ = await session.initialize()
    let text = try seedText()
    await session.open(seedURI, text)
    let quote = "the two navies have held the Joint Sea-2021 military exercise\n"
    let (line, character) = try #require(find(String(quote.dropLast()), in: text))
    let hover = await session.request("textDocument/hover", Session.at(seedURI, line, character + 5))
    let value = try #require(hover["result"]?["contents"]?["value"]?.stringValue)
    #expect(value.hasPrefix("**Found** in 003_9ffac5d15d52c637.txt at line"))
    #expect(value.contains("> the two navies have held the Joint Sea-2021 military exercise"))

    let definition = await session.request(
      "textDocument/definition", Session.at(seedURI, line, character + 5))
    #expect(definition["result"]?["uri"] == .string("file:///ws/Input/003_9ffac5d15d52c637.txt"))
    let document = try String(
      contentsOf: RepositoryPaths.input.appendingPathComponent("003_9ffac5d15d52c637.txt"), encoding: .utf8)
    let (textLine, textCharacter) = try #require(find("the two navies have held", in: document))
    #expect(definition["result"]?["range"]?["start"] == Session.position(textLine, textCharacter))

    // A term: its definition from the codebook.
    let (typeLine, typeCharacter) = try #require(find("type: joint_patrol", in: text))
    let term = await session.request("textDocument/hover", Session.at(seedURI, typeLine, typeCharacter + 8))
    #expect(
      term["result"]?["contents"]?["value"]?.stringValue?.contains("A joint maritime or aerial patrol")
        == true)
  }

  @Test func hoverOnABrokenQuoteSaysWhy() async throws {
    var session = Session(files: try memoryWorkspace())
    _ = await session.initialize()
    let text = try seedText().replacingOccurrences(
      of: "- the two navies have held the Joint Sea-2021 military exercise\n",
      with: "- the two navies have held the Joint Sea-2022 military exercise\n")
    await session.open(seedURI, text)
    _ = await session.diagnostics(seedURI, version: 1)
    let (line, character) = try #require(find("the two navies have held the Joint Sea-2022", in: text))
    let hover = await session.request("textDocument/hover", Session.at(seedURI, line, character + 3))
    let value = try #require(hover["result"]?["contents"]?["value"]?.stringValue)
    #expect(value.hasPrefix("**Not matched**"))
  }

  @Test func duplicateIDsAcrossFilesStayCurrent() async throws {
    var session = Session(files: try memoryWorkspace())
    _ = await session.initialize()
    let text = try seedText()
    await session.open(seedURI, text)
    #expect(await session.diagnostics(seedURI, version: 1) == [])
    // A second annotation (another document) reusing an id of the seed, opened from outside.
    let other = "file:///ws/Input/000_ec6a5abef4a65f2a.yaml"
    let definition = try seedText("000_ec6a5abef4a65f2a.yaml")
    await session.open(other, definition)
    _ = await session.diagnostics(other, version: 1)
    // Renaming an activity to an id used earlier in the seed: a duplicate in the same corpus.
    let renamed = text.replacingOccurrences(of: "id: 003-h2-joint-sea", with: "id: 003-h2-zapad")
    await session.change(seedURI, renamed, version: 2)
    #expect(
      codes(await session.diagnostics(seedURI, version: 2)).contains(DiagnosticCode.semanticDuplicateID.id))
    await session.change(seedURI, text, version: 3)
    #expect(await session.diagnostics(seedURI, version: 3) == [])
  }

  @Test func byteOrderMarkSidecarRangesCountTheMark() async throws {
    var session = Session(files: try memoryWorkspace())
    _ = await session.initialize()
    let text = try seedText("000_ec6a5abef4a65f2a.yaml")
    let moved = "\u{FEFF}kind: bogus\n" + text.replacingOccurrences(of: "kind: definition\n", with: "")
    await session.open(chineseURI, moved)
    let diagnostics = try #require(await session.diagnostics(chineseURI, version: 1))
    let value = try #require(diagnostics.first { $0["code"] == .string(DiagnosticCode.schemaNotAllowed.id) })
    // The mark is one UTF-16 unit of line 0; `bogus` follows `kind: `.
    #expect(value["range"]?["start"] == Session.position(0, 7))
    #expect(value["range"]?["end"] == Session.position(0, 12))
  }

  @Test func savingThePairedDocumentRevalidates() async throws {
    var session = Session(files: try memoryWorkspace())
    _ = await session.initialize()
    await session.open(seedURI, try seedText())
    #expect(await session.diagnostics(seedURI, version: 1) == [])
    let before = session.outbox.all.count
    let document = try String(
      contentsOf: RepositoryPaths.input.appendingPathComponent("003_9ffac5d15d52c637.txt"), encoding: .utf8)
    let edited = document.replacingOccurrences(of: "Joint Sea-2021", with: "Joint Sea 2021")
    await session.notify(
      "textDocument/didSave",
      Session.object([
        ("textDocument", Session.object([("uri", .string("file:///ws/Input/003_9ffac5d15d52c637.txt"))])),
        ("text", .string(edited)),
      ]))
    var republished: [JSONValue]?
    for _ in 0..<6000 where republished == nil {
      republished =
        session.outbox.all.dropFirst(before).last {
          $0["params"]?["uri"] == .string(seedURI)
        }?["params"]?["diagnostics"]?.arrayValue
      if republished == nil { try? await Task.sleep(nanoseconds: 5_000_000) }
    }
    #expect(codes(republished).contains(DiagnosticCode.semanticQuoteNotFound.id))
  }

  @Test func quickFixesForAnAmbiguousQuoteAndAnUnknownKey() async throws {
    var session = Session(files: try memoryWorkspace())
    _ = await session.initialize()
    let text = try seedText()
      .replacingOccurrences(
        of: "      - the two navies have held the Joint Sea-2021 military exercise\n",
        with: "      - the two navies\n      - the two\n"
      )
      .replacingOccurrences(
        of: "named_event: zapad-interaction-2021", with: "named_evnt: zapad-interaction-2021")
    await session.open(seedURI, text)
    let diagnostics = try #require(await session.diagnostics(seedURI, version: 1))
    func actions(for code: DiagnosticCode) async throws -> [JSONValue] {
      let diagnostic = try #require(diagnostics.first { $0["code"] == .string(code.id) })
      let response = await session.request(
        "textDocument/codeAction",
        Session.object([
          ("textDocument", Session.object([("uri", .string(seedURI))])), ("range", diagnostic["range"]!),
          ("context", Session.object([("diagnostics", .array([diagnostic]))])),
        ]))
      return response["result"]?.arrayValue ?? []
    }
    let ambiguous = try await actions(for: .semanticQuoteAmbiguous)
    let texts = ambiguous.compactMap {
      $0["edit"]?["changes"]?[seedURI]?.arrayValue?.first?["newText"]?.stringValue
    }
    #expect(texts.first == #"{quote: "the two", occurrence: 1}"#)
    #expect(texts.count >= 2)
    let renamed = try await actions(for: .schemaUnknownKey)
    #expect(
      renamed.first?["edit"]?["changes"]?[seedURI]?.arrayValue?.first?["newText"] == .string("named_event"))
  }
}
