import DossierTestSupport
import Foundation
import Testing

/// `dossier vocab` and `dossier explain TERM` end to end.
@Suite struct VocabCommandTests {
  @Test func searchFindsNarrowerAreaByLabel() throws {
    let result = try CommandRunner.dossier(["vocab", "areas", "--search", "escort"])
    #expect(result.exitCode == 0)
    #expect(result.stdout.contains("public_security_goods.naval_escort — naval escort missions · 护航"))
    #expect(result.stdout.contains("broader: public_security_goods"))
    #expect(!result.stdout.contains("security_dialogue"))
  }

  @Test func searchMatchesChineseAliasesAndDefinitions() throws {
    let chinese = try CommandRunner.dossier(["vocab", "--search", "护航"])
    #expect(chinese.stdout.contains("public_security_goods.naval_escort"))
    let alias = try CommandRunner.dossier(["vocab", "countries", "--search", "northern macedonia"])
    #expect(alias.stdout.contains("MKD — North Macedonia"), "\(alias.stdout)")
    let definition = try CommandRunner.dossier(["vocab", "types", "--search", "single-country"])
    #expect(definition.stdout.contains("exercise — Military exercise"))
    let parent = try CommandRunner.dossier(["vocab", "areas", "--search", "public security goods"])
    #expect(
      parent.stdout.contains(
        "narrower: public_security_goods.un_peacekeeping, public_security_goods.naval_escort"))
    let none = try CommandRunner.dossier(["vocab", "--search", "zzzz-nothing"])
    #expect(none.exitCode == 0)
    #expect(none.stdout.isEmpty)
    #expect(none.stderr.contains("no term matches"))
  }

  @Test func jsonValidatesAgainstItsSchema() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dossier-vocab-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for arguments in [["types"], ["areas"], ["organizations"], ["countries"], [], ["--search", "PLA"]] {
      let result = try CommandRunner.dossier(["vocab", "--json"] + arguments)
      #expect(result.exitCode == 0)
      let file = folder.appendingPathComponent("vocab.json")
      try result.stdout.write(to: file, atomically: true, encoding: .utf8)
      let check = try CommandRunner.dossier(["check", "--schema", "Schemas/vocab.schema.json", file.path])
      #expect(check.exitCode == 0, "\(arguments): \(check.stdout)\(check.stderr)")
      let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
      let terms = value?["terms"] as? [[String: Any]] ?? []
      #expect(!terms.isEmpty)
      if arguments == ["types"] { #expect(terms.count == 18) }
    }
    // A broken listing is rejected by the schema (the check is not vacuous).
    let file = folder.appendingPathComponent("bad.json")
    try #"{"format": "dossier-vocab/1", "sections": ["tanks"], "search": null, "terms": [{}]}"#.write(
      to: file, atomically: true, encoding: .utf8)
    let bad = try CommandRunner.dossier(["check", "--schema", "Schemas/vocab.schema.json", file.path])
    #expect(bad.exitCode == 1)
  }

  @Test func explainPrintsTermsAndStillCodes() throws {
    let term = try CommandRunner.dossier(["explain", "exercise"])
    #expect(term.exitCode == 0)
    #expect(term.stdout.hasPrefix("Activity types: exercise — Military exercise\n"))
    #expect(term.stdout.contains("crosswalk: NDU military_exercise; CAMEO 062"))
    let country = try CommandRunner.dossier(["explain", "Russia"])
    #expect(country.stdout.contains("RUS — Russian Federation · 俄罗斯"))
    let code = try CommandRunner.dossier(["explain", "U001"])
    #expect(code.exitCode == 0)
    #expect(code.stdout.hasPrefix("U001 — "))
    let unknown = try CommandRunner.dossier(["explain", "exercize"])
    #expect(unknown.exitCode == 2)
    #expect(unknown.stderr.contains("did you mean exercise?"))
  }
}
