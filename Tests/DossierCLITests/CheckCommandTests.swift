import DossierTestSupport
import Foundation
import Testing

/// `dossier check` end to end: configuration-file YAML, `.jsonc`, symlinks, drafts, references,
/// formats and the check-jsonschema flag names.
@Suite struct CheckCommandTests {
  /// A scratch folder with the given files.
  static func folder(_ files: [String: String]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
    for (name, text) in files {
      let file = url.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
    }
    return url
  }

  static let composeSchema = """
    {"$schema": "http://json-schema.org/draft-07/schema#",
     "properties": {
       "services": {"additionalProperties": {
         "properties": {"image": {"type": "string"}, "restart": {"enum": ["no", "always"]}},
         "required": ["image", "restart"]}},
       "responses": {"propertyNames": {"pattern": "^[0-9]{3}$"}}}}
    """

  @Test func mergeKeysAndScalarKeysWithLocationsKept() throws {
    let dir = try Self.folder([
      "s.json": Self.composeSchema,
      "compose.yaml": """
      x-defaults: &defaults
        restart: sometimes
        image: nginx
      services:
        web:
          <<: *defaults
          restart: always
        api:
          <<: [*defaults]
          image: api
      responses:
        200: {description: ok}
        404: {description: missing}
      """,
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try CommandRunner.dossier(["check", "--schemafile", "s.json", "compose.yaml"], in: dir)
    #expect(result.exitCode == 1)
    // Only `api` inherits the bad value; the error points at the anchored mapping's line.
    #expect(result.stdout.contains("compose.yaml:2:12:"), "\(result.stdout)")
    #expect(!result.stdout.contains("compose.yaml:7:"), "\(result.stdout)")
    #expect(result.stdout.contains("1 error"), "\(result.stdout)")
  }

  @Test func annotationSidecarsStillRejectMergeKeys() throws {
    let dir = try Self.folder(["a.yaml": "base: &b {x: 1}\nother:\n  <<: *b\n"])
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try CommandRunner.dossier(["validate", "a.yaml"], in: dir)
    #expect(result.exitCode != 0)
  }

  @Test func jsoncSymlinksAndUnreadableFiles() throws {
    let dir = try Self.folder([
      "s.json": #"{"properties": {"a": {"type": "integer"}}}"#,
      "c.jsonc": "// settings\n{\"a\": /* one */ 1}\n",
      "bad.jsonc": "{\"a\": \"x\" // no\n}\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createSymbolicLink(
      at: dir.appendingPathComponent("link.jsonc"), withDestinationURL: dir.appendingPathComponent("c.jsonc"))
    let ok = try CommandRunner.dossier(["check", "--schemafile", "s.json", "c.jsonc", "link.jsonc"], in: dir)
    #expect(ok.exitCode == 0, "\(ok.stdout)\(ok.stderr)")
    let mixed = try CommandRunner.dossier(
      ["check", "--schemafile", "s.json", "bad.jsonc", "missing.yaml", "c.jsonc"], in: dir)
    #expect(mixed.exitCode == 2)
    #expect(mixed.stdout.contains("bad.jsonc:1:7:"), "\(mixed.stdout)")
    #expect(mixed.stdout.contains("missing.yaml"), "\(mixed.stdout)")
  }

  @Test func draftsFromSchemaAndDefaultDraft() throws {
    let dir = try Self.folder([
      "d4.json":
        #"{"$schema": "http://json-schema.org/draft-04/schema#", "maximum": 3, "exclusiveMaximum": true}"#,
      "tuple.json": #"{"items": [{"type": "string"}], "additionalItems": false}"#,
      "unknown.json": #"{"$schema": "https://example.com/my-dialect", "type": "string"}"#,
      "three.json": "3", "pair.json": #"["a", "b"]"#,
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let d4 = try CommandRunner.dossier(["check", "--schemafile", "d4.json", "three.json"], in: dir)
    #expect(d4.exitCode == 1, "draft 4 exclusiveMaximum: true makes 3 invalid")
    let as7 = try CommandRunner.dossier(
      ["check", "--schemafile", "tuple.json", "--default-draft", "7", "pair.json"], in: dir)
    #expect(as7.exitCode == 1, "array items + additionalItems: false rejects a second item in draft 7")
    let as2020 = try CommandRunner.dossier(["check", "--schemafile", "tuple.json", "pair.json"], in: dir)
    #expect(as2020.exitCode == 2, "array-form items is not a 2020-12 schema")
    let unknown = try CommandRunner.dossier(["check", "--schemafile", "unknown.json", "three.json"], in: dir)
    #expect(unknown.exitCode == 2)
    #expect(unknown.stderr.contains("unknown $schema"), "\(unknown.stderr)")
  }

  @Test func referencesOfflineByRefRefMapAndBaseURI() throws {
    let dir = try Self.folder([
      "main.json": #"{"$ref": "https://example.com/schemas/name.json"}"#,
      "relative.json": #"{"$ref": "name.json"}"#,
      "lib/name.json": #"{"$id": "https://example.com/schemas/name.json", "type": "string", "minLength": 2}"#,
      "good.json": #""ok""#, "short.json": #""x""#,
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let missing = try CommandRunner.dossier(["check", "--schemafile", "main.json", "good.json"], in: dir)
    #expect(missing.exitCode == 1, "an unresolvable reference fails the instance that reaches it")
    #expect(missing.stderr.contains("warning:") && missing.stderr.contains("--ref-map"), "\(missing.stderr)")
    let byRef = try CommandRunner.dossier(
      ["check", "--schemafile", "main.json", "--ref", "lib/name.json", "good.json"], in: dir)
    #expect(byRef.exitCode == 0, "\(byRef.stdout)\(byRef.stderr)")
    let byMap = try CommandRunner.dossier(
      ["check", "--schemafile", "main.json", "--ref-map", "https://example.com/schemas/=lib", "short.json"],
      in: dir)
    #expect(byMap.exitCode == 1, "\(byMap.stdout)\(byMap.stderr)")
    let byBase = try CommandRunner.dossier(
      [
        "check", "--schemafile", "relative.json", "--base-uri", "https://example.com/schemas/main.json",
        "--ref-map", "https://example.com/schemas/=lib", "good.json",
      ], in: dir)
    #expect(byBase.exitCode == 0, "\(byBase.stdout)\(byBase.stderr)")
  }

  @Test func formatsAssertedUnlessDisabled() throws {
    let dir = try Self.folder([
      "s.json": #"{"format": "email"}"#, "mail.json": #""not an address""#,
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let on = try CommandRunner.dossier(["check", "--schemafile", "s.json", "mail.json"], in: dir)
    #expect(on.exitCode == 1)
    for flag in ["*", "email", "uri,email"] {
      let off = try CommandRunner.dossier(
        ["check", "--schemafile", "s.json", "--disable-formats", flag, "mail.json"], in: dir)
      #expect(off.exitCode == 0, "--disable-formats \(flag): \(off.stdout)")
    }
  }

  @Test func checkMetaSchemaAndOutputFormat() throws {
    let dir = try Self.folder([
      "good.json": #"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}"#,
      "bad.json": "{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"minLength\": -1\n}\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = try CommandRunner.dossier(["check", "--check-metaschema", "good.json"], in: dir)
    #expect(good.exitCode == 0, "\(good.stdout)\(good.stderr)")
    let bad = try CommandRunner.dossier(["check", "--check-metaschema", "-o", "json", "bad.json"], in: dir)
    #expect(bad.exitCode == 1)
    #expect(bad.stdout.contains("\"line\" : 3") || bad.stdout.contains("\"line\": 3"), "\(bad.stdout)")
    let quiet = try CommandRunner.dossier(["check", "--check-metaschema", "-q", "good.json"], in: dir)
    #expect(quiet.exitCode == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
  }
}
