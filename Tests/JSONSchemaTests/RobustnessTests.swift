import DossierTestSupport
import JSONSchema
import Testing

/// Mutation fuzzing with a fixed seed: malformed input must give errors, never traps.
@Suite struct RobustnessTests {
  static let seedDocument =
    Array(
      ##"{"id": "doc-1", "title": "Joint \u00e9xercise \ud83d\ude00", "n": [1, -2.5e3, 0, 123456789012345678901234],"##
        .utf8)
    + Array(
      ##" "nested": {"a": [true, false, null, {"b": "c"}], "empty": {}, "list": []}, "s": "tab\t"}"##.utf8)
  static let alphabet =
    Array(##"{}[]":,.-+eE0123456789tfnul\/ \u"##.utf8) + [0x0A, 0x00, 0xC3, 0xA9, 0xFF, 0xED]

  @Test func mutatedJSONNeverTraps() throws {
    let validator = try SchemaValidator(
      schema: JSONReader().read(
        ##"{"type": "object", "properties": {"id": {"pattern": "^[a-z]+-[0-9]+$"}, "n": {"items": {"multipleOf": 0.5}}},"##
          + ##" "additionalProperties": {"anyOf": [{"type": "string", "minLength": 2}, {"type": "object", "unevaluatedProperties": false}]}}"##
      ), options: ValidationOptions(formatAssertion: true))
    var g = SplitMix(seed: 42)
    var parsed = 0
    var rejected = 0
    for _ in 0..<3000 {
      var bytes = Self.seedDocument
      for _ in 0..<(1 + g.below(4)) {
        let position = g.below(bytes.count + 1)
        switch g.below(3) {
        case 0: bytes.insert(Self.alphabet[g.below(Self.alphabet.count)], at: position)
        case 1: if position < bytes.count { bytes.remove(at: position) }
        default: if position < bytes.count { bytes[position] = Self.alphabet[g.below(Self.alphabet.count)] }
        }
      }
      do {
        let value = try JSONReader().read(bytes)
        parsed += 1
        _ = validator.validate(value)
        _ = validator.isValid(value)
      } catch {
        rejected += 1
        #expect(error.line >= 1 && error.column >= 1)
        #expect(!error.message.isEmpty)
      }
    }
    #expect(parsed > 0 && rejected > 0)
  }

  @Test func mutatedPatternsNeverTrap() {
    let seeds = ["^[a-z]+(-[0-9]{2,4})?$", "(?<=a)b|\\bc\\B", "[^\\d\\s]*\\u0041\\p{L}", "a{2,3}?(?:x|y)+$"]
    let pieces = [
      "[", "]", "(", ")", "{", "}", "\\", "^", "$", "*", "+", "?", "|", "-", ",", "1", "a", "é", "?<", ":",
    ]
    let inputs = ["", "abc-12", "é日本", "aab", "x\ny", String(repeating: "a", count: 200)]
    var g = SplitMix(seed: 7)
    for _ in 0..<3000 {
      var pattern = Array(seeds[g.below(seeds.count)])
      for _ in 0..<(1 + g.below(3)) {
        let position = g.below(pattern.count + 1)
        if g.below(2) == 0 {
          pattern.insert(contentsOf: pieces[g.below(pieces.count)], at: position)
        } else if position < pattern.count {
          pattern.remove(at: position)
        }
      }
      if let regex = try? ECMARegex(String(pattern)) {
        for input in inputs { _ = regex.matches(input) }
      }
    }
  }
}
