import DossierCore
import DossierTestSupport
import Foundation
import JSONSchema
import Testing

/// `dossier check` on the SchemaStore subset (`../shared/conformance/schemastore`): every schema
/// loads, and its verdict on every instance agrees with jsonschema-rs (from PyPI, in a virtual
/// environment under `.build/`) on at least 98% of them. Disagreements are printed; each is
/// explained in docs/json-schema.md.
@Suite struct SchemaStoreAgreementTests {
  static let prefix = "https://json.schemastore.org/"

  struct Instance {
    let schema: String
    let name: String
    let path: URL
    let expected: Bool
  }

  static func instances(in root: URL) -> [String: [Instance]] {
    var result: [String: [Instance]] = [:]
    let fm = FileManager.default
    for (folder, expected) in [("test", true), ("negative_test", false)] {
      let base = root.appendingPathComponent(folder)
      for name in ((try? fm.contentsOfDirectory(atPath: base.path)) ?? []).sorted() {
        let schema = name + ".json"
        guard fm.fileExists(atPath: root.appendingPathComponent("schemas/\(schema)").path) else { continue }
        let dir = base.appendingPathComponent(name)
        for file in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
          result[schema, default: []].append(
            Instance(
              schema: schema, name: "\(folder)/\(name)/\(file)", path: dir.appendingPathComponent(file),
              expected: expected))
        }
      }
    }
    return result
  }

  /// Dossier's verdicts, from the built binary: `check -o json` per schema; a file is valid when
  /// no error names it. Exit status 2 means the schema did not load. `refs` are `--ref` files.
  static func dossierVerdicts(_ root: URL, _ instances: [String: [Instance]], refs: [URL] = []) throws -> (
    verdicts: [String: Bool], unusable: [String], warned: Set<String>
  ) {
    var verdicts: [String: Bool] = [:]
    var unusable: [String] = []
    var warned = Set<String>()
    let schemas = root.appendingPathComponent("schemas").path
    for (schema, list) in instances.sorted(by: { $0.key < $1.key }) {
      let result = try CommandRunner.dossier(
        [
          "check", "--schemafile", root.appendingPathComponent("schemas/\(schema)").path,
          "--ref-map", "\(prefix)=\(schemas)", "--ref-map", "https://www.schemastore.org/=\(schemas)", "-o",
          "json",
        ] + refs.flatMap { ["--ref", $0.path] } + list.map(\.path.path))
      if result.exitCode == 2 {
        unusable.append("\(schema): \(result.stderr.prefix(400))")
        continue
      }
      if result.stderr.contains("unresolvable reference") { warned.insert(schema) }
      let report = try JSONReader().read(result.stdout)
      var failing = Set<String>()
      for diagnostic in report["diagnostics"]?.arrayValue ?? []
      where diagnostic["severity"]?.stringValue == "error" {
        if let file = diagnostic["file"]?.stringValue { failing.insert(file) }
      }
      for instance in list { verdicts[instance.name] = !failing.contains(instance.path.path) }
    }
    return (verdicts, unusable, warned)
  }

  /// The instances as JSON for the reference (YAML converted by the loader `check` uses, so only
  /// the validators are compared).
  static func casesJSON(_ instances: [String: [Instance]]) throws -> Data {
    var cases: [JSONValue] = []
    for (schema, list) in instances.sorted(by: { $0.key < $1.key }) {
      var values = JSONObject()
      for instance in list {
        let bytes = [UInt8](try Data(contentsOf: instance.path))
        let value: JSONValue
        if instance.path.pathExtension == "json" {
          guard let read = try? JSONReader().read(bytes) else { continue }
          value = read
        } else {
          guard let read = try? YAMLLoader(options: .configuration).load(bytes, file: instance.name) else {
            continue
          }
          value = read.value
        }
        values[instance.name] = value
      }
      var entry = JSONObject()
      entry["schema"] = .string(schema)
      entry["instances"] = .object(values)
      cases.append(.object(entry))
    }
    return Data(JSONWriter.text(of: .array(cases)).utf8)
  }

  @Test func agreesWithJSONSchemaRS() throws {
    guard let root = RepositoryPaths.conformanceSuite("schemastore") else { return }
    let instances = Self.instances(in: root)
    let total = instances.values.map(\.count).reduce(0, +)
    let (verdicts, unusable, warned) = try Self.dossierVerdicts(root, instances)
    print(
      "SchemaStore: \(instances.count) schemas, \(total) instances; schemas that did not load: \(unusable.count)"
    )
    for line in unusable { print("  UNUSABLE \(line)") }
    #expect(unusable.isEmpty, "every schema must load")
    let labelled = instances.values.joined().filter { verdicts[$0.name] == $0.expected }.count
    print("SchemaStore labels matched by dossier (references outside the subset fail): \(labelled)/\(total)")

    guard
      let python = PythonEnvironment.python(
        with: ["jsonschema-rs"], for: "the SchemaStore agreement test against jsonschema-rs")
    else { return }
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "schemastore-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let casesFile = work.appendingPathComponent("cases.json")
    try Self.casesJSON(instances).write(to: casesFile)
    let script = RepositoryPaths.root.appendingPathComponent("Tests/Interop/jsonschema_rs_verdicts.py")
    let run = try CommandRunner.run(
      python, [script.path, casesFile.path, root.appendingPathComponent("schemas").path], in: work)
    #expect(run.exitCode == 0, "jsonschema-rs script failed: \(run.stderr.suffix(800))")
    let output = try JSONReader().read(run.stdout)
    let reference = output["verdicts"] ?? .null

    // Documents the subset lacks (referenced from outside json.schemastore.org) are an empty
    // schema for both validators, so both judge the same schemas.
    var stubs: [URL] = []
    for (i, uri) in (output["unresolved"]?.arrayValue ?? []).compactMap(\.stringValue).enumerated() {
      var stub = JSONObject()
      stub["$id"] = .string(uri)
      let file = work.appendingPathComponent("unresolved-\(i).json")
      try Data(JSONWriter.text(of: .object(stub)).utf8).write(to: file)
      stubs.append(file)
      print("  reference outside the subset, an empty schema for both validators: \(uri)")
    }
    // Only schemas that warned of an unresolvable reference change with the stubs.
    var compared = verdicts
    if !stubs.isEmpty {
      let again = try Self.dossierVerdicts(root, instances.filter { warned.contains($0.key) }, refs: stubs)
      compared.merge(again.verdicts) { _, new in new }
    }

    var agree = 0
    var disagreements: [String] = []
    for instance in instances.values.joined().sorted(by: { $0.name < $1.name }) {
      guard let mine = compared[instance.name] else { continue }
      let theirs = reference[instance.schema]?[instance.name]
      if theirs?.boolValue == mine {
        agree += 1
      } else {
        let label = instance.expected ? "valid" : "invalid"
        let theirText =
          theirs.map { $0.boolValue.map { $0 ? "valid" : "invalid" } ?? ($0.stringValue ?? "?") } ?? "absent"
        disagreements.append(
          "\(instance.name): dossier \(mine ? "valid" : "invalid"), jsonschema-rs \(theirText), SchemaStore says \(label)"
        )
      }
    }
    let ratio = compared.isEmpty ? 0 : Double(agree) / Double(compared.count)
    print(
      String(
        format: "SchemaStore agreement with jsonschema-rs: %d/%d (%.1f%%)", agree, compared.count, ratio * 100
      ))
    for line in disagreements { print("  DISAGREE \(line)") }
    #expect(compared.count == total)
    #expect(ratio >= 0.98, "agreement \(agree)/\(compared.count)")
  }
}
