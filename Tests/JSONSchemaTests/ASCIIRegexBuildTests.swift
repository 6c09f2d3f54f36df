import DossierTestSupport
import Foundation
import Testing

@testable import JSONSchema

/// The linear-time regex automaton: its DFA is built within a bounded cost (issue 17: a pattern of
/// many alternatives found by the `schema` fuzz target took seconds to compile), and the DFA, built
/// over symbol classes, agrees with the NFA simulation.
@Suite struct ASCIIRegexBuildTests {
  /// CPU time of the current thread, in seconds (other tests running in parallel do not count).
  static func threadCPUTime() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  static let fuzzInput = RepositoryPaths.root.appendingPathComponent(
    "Fuzz/Regressions/schema/many-alternatives-timeout-e86b0317")

  /// The schema of the fuzz input (draft byte, schema, NUL, instance).
  static func fuzzSchema() throws -> JSONValue {
    let bytes = Array(try Data(contentsOf: fuzzInput))
    return try JSONReader().read(Array(bytes.dropFirst().prefix { $0 != 0 }))
  }

  /// The schema the fuzzer found (a `patternProperties` key of ~1,600 characters, mostly empty
  /// alternatives) used to take about 6 s of CPU to compile on the debug build; libFuzzer stopped at
  /// its 10 s timeout. The DFA construction now gives up at its budget and the pattern runs on the
  /// NFA simulation, with the same verdicts.
  @Test func manyAlternativesCompileWithinTheBudget() throws {
    let schema = try Self.fuzzSchema()
    let start = Self.threadCPUTime()
    let validator = try SchemaValidator(schema: schema)
    let seconds = Self.threadCPUTime() - start
    #expect(seconds < 1.0, "compiling took \(seconds) s of CPU")
    #expect(validator.validate(try JSONReader().read(#"{"a": 21}"#)).isValid)
    // The pattern has empty alternatives, so it matches every property name.
    let key = try #require(schema["patternProperties"]?.objectValue?.keys.first)
    let bounded = try SchemaValidator(
      schema: .object(
        JSONObject([
          (
            "patternProperties",
            .object(JSONObject([(key, .object(JSONObject([("maximum", .integer(20))])))]))
          )
        ])))
    let result = bounded.validate(try JSONReader().read(#"{"a": 21, "b": 19}"#))
    #expect(result.errors.map(\.instanceLocation.description) == ["/a"])
  }

  /// A pattern whose automaton would be costly keeps no DFA and still decides by simulation;
  /// everyday patterns keep their DFA.
  @Test func theBudgetOnlyStopsCostlyPatterns() throws {
    let key = try #require(try Self.fuzzSchema()["patternProperties"]?.objectValue?.keys.first)
    let costly = try #require(ASCIIRegex(key))
    let costlyHasDFA = costly.dfa != nil
    #expect(!costlyHasDFA)
    #expect(costly.matches("anything"))
    let everyday = [
      "^[a-z][a-z0-9_]*$", "^(?:[A-Z]{2}|[A-Z]{3})$", "^\\d{4}(-\\d{2}(-\\d{2})?)?$", "[0-9]+\\.[0-9]+",
      "^(foo|bar|baz|qux)+-(\\d+|x)$", "^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$", "^.{0,80}$",
    ]
    // Every pattern of the project's schemas that the automaton handles keeps its DFA too.
    var projectPatterns: [String] = []
    func collect(_ value: JSONValue, key: String?) {
      if case .string(let text) = value, key == "pattern" { projectPatterns.append(text) }
      if let object = value.objectValue {
        for (k, v) in object {
          if key == "patternProperties" { projectPatterns.append(k) }
          collect(v, key: k)
        }
      }
      for item in value.arrayValue ?? [] { collect(item, key: nil) }
    }
    for name in ["annotation.schema.json", "records.schema.json", "vocab.schema.json"] {
      let url = RepositoryPaths.root.appendingPathComponent("Schemas/" + name)
      collect(try JSONReader().read(Array(try Data(contentsOf: url))), key: nil)
    }
    #expect(projectPatterns.count >= 20)
    let handled = everyday + projectPatterns.filter { ASCIIRegex($0) != nil }
    #expect(handled.count >= everyday.count + 10)
    for pattern in handled {
      let regex = try #require(ASCIIRegex(pattern), "\(pattern)")
      let hasDFA = regex.dfa != nil
      #expect(hasDFA, "\(pattern) keeps its DFA")
    }
  }

  /// The DFA (built per symbol class) and the NFA simulation agree on random patterns and strings.
  @Test func dfaAgreesWithSimulation() throws {
    var seed: UInt64 = 0x1234_5678_9ABC_DEF0
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    let atoms = ["a", "b", "c", "[ab]", "[^a]", "\\d", "\\w", "\\s", ".", "[a-c0-1]", "(a|bc)", "(b*)"]
    let quantifiers = ["", "", "*", "+", "?", "{1,2}"]
    let alphabet = Array("abc01 _\n-")
    var compared = 0
    for _ in 0..<200 {
      var pattern = next(3) == 0 ? "^" : ""
      for _ in 0..<(1 + next(5)) {
        pattern += atoms[next(atoms.count)] + quantifiers[next(quantifiers.count)]
        if next(6) == 0 { pattern += "|" }
      }
      if pattern.hasSuffix("|") { pattern += "a" }
      if next(3) == 0 { pattern += "$" }
      guard let regex = ASCIIRegex(pattern), regex.dfa != nil else { continue }
      for _ in 0..<10 {
        var text = Array(String((0..<next(8)).map { _ in alphabet[next(alphabet.count)] }).utf8)
        if next(10) == 0 { text.append(0xE2) }  // a non-ASCII byte, as its symbol class
        let symbols = text.map { $0 < 0x80 ? $0 : ASCIIRegex.otherSymbol }
        let viaDFA = symbols.withUnsafeBufferPointer { regex.matches($0) }
        let viaNFA = symbols.withUnsafeBufferPointer { regex.simulate($0) }
        #expect(viaDFA == viaNFA, "/\(pattern)/ on \(String(decoding: text, as: UTF8.self).debugDescription)")
        compared += 1
      }
    }
    #expect(compared > 1000)
  }
}
