import DossierCore
import DossierFuzz
import DossierTestSupport
import Foundation
import Testing

/// "One set of checks" (issue 17): for every input where `build` fails, `validate` fails with the
/// same cause. 600 hostile documents are generated from `Input/` by seeded edits (the characters XML
/// and TSV cannot hold, in the text and in YAML escapes; quantities beyond 2^53 or fractional;
/// duplicate ids; wrong types; unknown keys; broken YAML; bad encodings; inputs over the limits) and
/// each goes through `validate` and an in-memory `build` (`FuzzDocument.check`): a build that refuses
/// must have a `validate` that refuses with the same codes.
@Suite struct CheckParityTests {
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
  }

  /// Characters XML 1.0 or TSV cannot hold, and neighbours that are fine.
  static let hostileCharacters: [String] = [
    "\u{C}", "\u{FFFE}", "\u{FFFF}", "\u{1B}", "\u{1}", "\u{7F}", "\u{85}", "\u{2028}", "\u{D7FF}",
    "\u{E000}",
    "\u{10FFFF}", "\t", "\\N", "<&>", "]]>",
  ]
  /// YAML double-quoted escapes, each decoding to one character.
  static let hostileEscapes = [
    #"\0"#, #"\u0001"#, #"\u001B"#, #"\e"#, #"\x1B"#, #"\uFFFE"#, #"\uFFFF"#, #"\f"#, #"\a"#, #"\N"#, #"\_"#,
    #"\t"#, #"\u00A0"#, #"\U0010FFFF"#,
  ]
  static let hostileValues = [
    "9007199254740992", "9007199254740991", "9223372036854775807", "1e300", "2.5", "-1", "0", "\"x\"", "[]",
    "{}", "null", "~", "!!binary aGk=", "&a x", "*nope", "'\\0'", "\"\\0\"", "yes", "0x10", ".inf",
  ]

  static func inputs() throws -> [(String, [UInt8], [UInt8])] {
    let folder = RepositoryPaths.input
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
      .sorted()
      .map { name in
        let stem = String(name.dropLast(4))
        return (
          stem, Array(try Data(contentsOf: folder.appendingPathComponent(name))),
          Array(try Data(contentsOf: folder.appendingPathComponent(stem + ".yaml")))
        )
      }
  }

  /// One hostile edit of a document's text or sidecar.
  static func mutate(_ text: inout [UInt8], _ yaml: inout [UInt8], _ random: inout Generator) {
    func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
      bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    }
    func join(_ parts: [ArraySlice<UInt8>]) -> [UInt8] { Array(parts.joined(separator: [0x0A])) }
    switch random.below(10) {
    case 0, 1:  // a character XML/TSV cannot hold (or a harmless neighbour) in the text
      var parts = lines(text)
      let line = random.below(parts.count)
      var bytes = Array(parts[line])
      let at = bytes.isEmpty ? 0 : random.below(bytes.count)
      // Insert at a scalar boundary: skip UTF-8 continuation bytes.
      var index = at
      while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
      bytes.insert(
        contentsOf: Array(hostileCharacters[random.below(hostileCharacters.count)].utf8), at: index)
      parts[line] = bytes[...]
      text = join(parts)
    case 2, 3:  // an escape in a double-quoted YAML value
      var parts = lines(yaml)
      let candidates = parts.indices.filter { parts[$0].contains(0x3A) && !parts[$0].starts(with: [0x23]) }
      guard let line = candidates.isEmpty ? nil : candidates[random.below(candidates.count)] else { return }
      let row = Array(parts[line])
      let colon = row.firstIndex(of: 0x3A)!
      let escape = hostileEscapes[random.below(hostileEscapes.count)]
      parts[line] = (row[...colon] + Array(" \"value \(escape) here\"".utf8))[...]
      yaml = join(parts)
    case 4, 5:  // a hostile scalar as some value
      var parts = lines(yaml)
      let candidates = parts.indices.filter {
        parts[$0].contains(0x3A) && !parts[$0].starts(with: [0x23]) && parts[$0].last != 0x3A
      }
      guard let line = candidates.isEmpty ? nil : candidates[random.below(candidates.count)] else { return }
      let row = Array(parts[line])
      let colon = row.firstIndex(of: 0x3A)!
      parts[line] = (row[...colon] + Array(" \(hostileValues[random.below(hostileValues.count)])".utf8))[...]
      yaml = join(parts)
    case 6:  // a line duplicated (duplicate keys, duplicate ids) or removed (missing fields)
      var parts = lines(yaml)
      let line = random.below(parts.count)
      if random.below(2) == 0 { parts.insert(parts[line], at: line) } else { parts.remove(at: line) }
      yaml = join(parts)
    case 7:  // a key misspelled or indentation broken
      var parts = lines(yaml)
      let line = random.below(parts.count)
      var row = Array(parts[line])
      if random.below(2) == 0, let colon = row.firstIndex(of: 0x3A), colon > 0 {
        row.insert(0x78, at: colon)
      } else {
        row.insert(contentsOf: random.below(2) == 0 ? [0x20] : [0x09], at: 0)
      }
      parts[line] = row[...]
      yaml = join(parts)
    case 8:  // bytes: invalid UTF-8, a NUL, a BOM, a CR
      let hostile: [[UInt8]] = [[0xFF], [0xC3], [0x00], [0xEF, 0xBB, 0xBF], [0x0D], [0xED, 0xA0, 0x80]]
      let bytes = hostile[random.below(hostile.count)]
      if random.below(2) == 0 {
        text.insert(contentsOf: bytes, at: random.below(text.count + 1))
      } else {
        yaml.insert(contentsOf: bytes, at: random.below(yaml.count + 1))
      }
    default:  // the sidecar re-encoded, or the text emptied
      switch random.below(3) {
      case 0: yaml = Array(String(decoding: yaml, as: UTF8.self).data(using: .utf16LittleEndian)!)
      case 1: text = Array(" \n\t\n".utf8)
      default: yaml = []
      }
    }
  }

  @Test func whateverBuildRefusesValidateRefusesWithTheSameCause() async throws {
    let environment = try FuzzEnvironment(root: RepositoryPaths.root)
    let originals = try Self.inputs()
    try #require(!originals.isEmpty)
    var random = Generator(state: 17)
    var refused = 0
    var failures: [String] = []
    let count = 600
    for n in 0..<count {
      let (stem, original, originalYAML) = originals[n % originals.count]
      var text = original
      var yaml = originalYAML
      for _ in 0...random.below(3) { Self.mutate(&text, &yaml, &random) }
      let inputs = [
        CorpusDocumentInput(
          id: stem, text: CorpusFile(path: "Input/\(stem).txt", bytes: text),
          annotation: CorpusFile(path: "Input/\(stem).yaml", bytes: yaml))
      ]
      do {
        // Count the refusals, so the test proves it exercised the refusing side.
        if try await FuzzDocument.check(inputs, environment: environment) { refused += 1 }
      } catch {
        failures.append("document \(n): \(error)")
      }
    }
    #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
    #expect(refused >= count / 2, "\(refused) of \(count) generated documents were refused by build")
  }
}
