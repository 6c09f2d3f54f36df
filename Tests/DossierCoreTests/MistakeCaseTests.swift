import DossierCore
import DossierTestSupport
import Foundation
import JSONSchema
import Testing

/// The corpus of annotator mistakes in `Cases/mistakes.yaml`: each case is a small edit applied in
/// memory to a current `Input/` file (the first occurrence of `old` replaced by `new`; an empty `old`
/// appends), with the diagnostics it must give — every `CODE line:column` in report order — and a
/// fragment one of their messages or helps must contain. No message, note or help of any case may
/// show a regular expression or a schema path.
///
/// A case may also re-encode the edited file (`encoding: utf-8-bom | utf-16le | utf-16be | utf-32le`).
/// `MISTAKES_DUMP=FOLDER` writes what each case gives as `NAME.json` (for reviewing new cases).
@Suite struct MistakeCaseTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var file: String
    var old: String
    var new: String
    var expect: [String]
    var message: String
    var encoding: String?

    var testDescription: String { name }
  }

  static let casesFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Cases/mistakes.yaml")

  /// The cases, read with Dossier's own YAML loader.
  static let cases: [Case] = {
    guard let data = FileManager.default.contents(atPath: casesFile.path),
      let located = try? YAMLLoader().load([UInt8](data), file: "mistakes.yaml")
    else { return [] }
    return (located.value.arrayValue ?? []).compactMap { item in
      guard let name = item["name"]?.stringValue, let file = item["file"]?.stringValue,
        let old = item["old"]?.stringValue, let new = item["new"]?.stringValue,
        let message = item["message"]?.stringValue
      else { return nil }
      return Case(
        name: name, file: file, old: old, new: new,
        expect: (item["expect"]?.arrayValue ?? []).compactMap(\.stringValue), message: message,
        encoding: item["encoding"]?.stringValue)
    }
  }()

  /// Applies the case's edit to its `Input/` file and validates the seed corpus with it.
  static func run(_ mistake: Case) async throws -> (CorpusValidation, path: String) {
    var corpus = try ValidateFixtures.seedCorpus()
    let path = "Input/" + mistake.file
    let isText = mistake.file.hasSuffix(".txt")
    let id = String(mistake.file.dropLast(isText ? 4 : 5))
    let original = try #require(isText ? corpus[id]?.text : corpus[id]?.annotation, "\(mistake.file)")
    var text = String(decoding: original.bytes, as: UTF8.self)
    if mistake.old.isEmpty {
      text += mistake.new
    } else {
      let range = try #require(
        text.range(of: mistake.old), "\(mistake.name): '\(mistake.old)' is no longer in \(mistake.file)")
      text.replaceSubrange(range, with: mistake.new)
    }
    let file = CorpusFile(path: path, bytes: encode(text, as: mistake.encoding))
    if isText { corpus[id]?.text = file } else { corpus[id]?.annotation = file }
    let validator = try #require(ValidateFixtures.validator)
    return (await validator.validate(Array(corpus.values)), path)
  }

  static func encode(_ text: String, as encoding: String?) -> [UInt8] {
    switch encoding {
    case "utf-8-bom": return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    case "utf-16le": return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    case "utf-16be": return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    case "utf-32le":
      return [0xFF, 0xFE, 0, 0]
        + text.unicodeScalars.flatMap { scalar in
          (0..<4).map { UInt8((scalar.value >> (8 * UInt32($0))) & 0xFF) }
        }
    default: return Array(text.utf8)
    }
  }

  /// Text that betrays a regular expression or a schema path.
  static let leaks = ["$ref", "$defs", "#/", "(?:", "[^", "]*", "^[", "\\s", "/properties/", "schema rule"]

  @Test func thereAreAtLeastSixtyCasesWithUniqueNames() {
    #expect(Self.cases.count >= 60)
    #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
  }

  @Test(arguments: cases)
  func reportsTheExpectedDiagnostics(_ mistake: Case) async throws {
    let (result, path) = try await Self.run(mistake)
    let mine = result.diagnostics
    let actual = ValidateFixtures.summary(mine, file: path).split(separator: "\n").map(String.init)
    #expect(!mine.isEmpty, "\(mistake.name) must report its mistake")
    #expect(actual == mistake.expect, "\(mistake.name)")
    let texts = mine.flatMap { [$0.message, $0.help ?? ""] + $0.notes.map(\.message) }
    #expect(
      texts.contains { $0.contains(mistake.message) },
      "\(mistake.name): no message contains '\(mistake.message)': \(texts)")
    for text in texts {
      for leak in Self.leaks {
        #expect(!text.contains(leak), "\(mistake.name): '\(text)' shows '\(leak)'")
      }
    }
    if let dump = ProcessInfo.processInfo.environment["MISTAKES_DUMP"] {
      let entry: [String: Any] = [
        "name": mistake.name, "summary": actual,
        "messages": mine.map { [$0.code.id, $0.message, $0.help ?? ""] + $0.notes.map(\.message) },
      ]
      let data = try JSONSerialization.data(withJSONObject: entry)
      try data.write(to: URL(fileURLWithPath: dump).appendingPathComponent(mistake.name + ".json"))
    }
  }
}
