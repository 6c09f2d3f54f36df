import Foundation
import JSONSchema

/// `dossier check`: any YAML or JSON files against any JSON Schema, every error at the instance's
/// line and column. References resolve offline (files beside the schema, registered files, mapped
/// prefixes); `http(s)` only when the registry allows the network.
public struct SchemaCheck {
  /// A schema, a `--ref` file or a `--ref-map` folder that cannot be used (for the command, exit
  /// status 2): the lines to print, or diagnostics.
  public struct Unusable: Error {
    /// `error: …` lines, each complete.
    public var lines: [String] = []
    /// Located problems (a schema given as YAML that does not load).
    public var diagnostics: [Diagnostic] = []
  }

  /// What checking the files found.
  public struct Report {
    /// Every problem of every file, sorted.
    public var diagnostics: [Diagnostic] = []
    /// The text of every file read, by path.
    public var sources: [String: String] = [:]
    /// The files that are valid, in the order given.
    public var valid: [String] = []
    /// Warnings about the schema (`warning: …` lines).
    public var warnings: [String] = []
    /// True when a file could not be read.
    public var hasUnreadableFile = false

    /// The `ok` lines of a text report: each valid file (with `verbose`), then `ok -- validation
    /// done (N files)` when the report passed (`status` 0) and every file was read.
    public func okLines(fileCount: Int, verbose: Bool, status: Int32) -> [String] {
      var lines = verbose ? valid.map { "ok: \($0)" } : []
      if status == 0 && !hasUnreadableFile {
        lines.append("ok -- validation done (\(fileCount) file\(fileCount == 1 ? "" : "s"))")
      }
      return lines
    }
  }

  /// Where references resolve.
  public var registry = SchemaRegistry()
  /// How the schemas assert.
  public var options: ValidationOptions
  /// The schema's base URI (default: its file URL).
  public var baseURI: String?
  /// Warnings about the registered files (`warning: …` lines): a `--ref` file without an absolute `$id`.
  public private(set) var warnings: [String] = []

  /// A check whose registry serves each `PREFIX=DIR` of `refMaps` from its folder and every schema
  /// file of `refs` under its `$id` (`http(s)` only when `allowsNetwork`; local files only inside the
  /// folders of `fileRoots` and of `refMaps` when `fileRoots` is given); formats are asserted except
  /// `disabledFormats` (comma lists; `*` turns them all off), broken references tolerated until used.
  public init(
    refMaps: [String] = [], refs: [String] = [], allowsNetwork: Bool = false,
    fileRoots: [String]? = nil, defaultDraft: Draft = .draft2020_12,
    disabledFormats: [String] = [], baseURI: String? = nil
  ) throws(Unusable) {
    options = ValidationOptions(formatAssertion: true, defaultDraft: defaultDraft)
    options.toleratesBrokenReferences = true
    let disabled = Set(
      disabledFormats.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty })
    if disabled.contains("*") { options.formatAssertion = false }
    options.disabledFormats = disabled
    self.baseURI = baseURI
    registry.allowsNetwork = allowsNetwork
    // References read files only inside `fileRoots` and the --ref-map folders (docs/reliability.md).
    registry.fileRoots = fileRoots.map { roots in
      roots.map { URL(fileURLWithPath: $0, isDirectory: true) }
        + refMaps.compactMap { entry in
          entry.split(separator: "=", maxSplits: 1).dropFirst().first.map {
            URL(fileURLWithPath: String($0), isDirectory: true)
          }
        }
    }
    for entry in refMaps {
      let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
      let directory = parts.count > 1 ? parts[1] : ""
      guard DiskFile.isFolder(directory) else {
        throw Unusable(lines: ["error: --ref-map \(entry): '\(directory)' is not a folder"])
      }
      registry.mapPrefix(parts[0], to: URL(fileURLWithPath: directory, isDirectory: true))
    }
    for path in refs {
      do {
        if try registry.addSchemaFile(at: URL(fileURLWithPath: InstanceFile.resolved(path))) == nil {
          warnings.append(
            "warning: --ref \(path): the schema has no absolute $id; it is only known by its file URL")
        }
      } catch {
        throw Unusable(lines: ["error: --ref \(path): \(error)"])
      }
    }
  }

  /// The folders `$ref` may read files from unless any file is allowed: the schema's, or with
  /// `checksMetaSchema` each checked schema's (docs/reliability.md, "`$ref` confinement").
  public static func schemaFolders(schema: String?, files: [String], checksMetaSchema: Bool) -> [String] {
    ((schema.map { [$0] } ?? []) + (checksMetaSchema ? files : [])).map {
      URL(fileURLWithPath: $0).resolvingSymlinksInPath().deletingLastPathComponent().path
    }
  }

  /// What is wrong with a check of `files` against `schema` (or, `checksMetaSchema`, of the files as
  /// schemas) with these `--ref-map` entries, as a usage error; `nil` when nothing is.
  public static func usageProblem(files: [String], schema: String?, checksMetaSchema: Bool, refMaps: [String])
    -> String?
  {
    if files.isEmpty { return "give at least one file to check" }
    if schema == nil && !checksMetaSchema {
      return "give the schema with --schemafile FILE (or use --check-metaschema on schema files)"
    }
    if let entry = refMaps.first(where: { !$0.contains("=") }) {
      return "--ref-map takes URL_PREFIX=DIR, found '\(entry)'"
    }
    return nil
  }

  /// Checks `files` against the schema at `schemaPath`, or, without one, checks each file as a
  /// schema against its meta-schema (`--check-metaschema`).
  public func run(_ files: [String], schema schemaPath: String?) throws(Unusable) -> Report {
    var report = Report()
    var check: (String, InstanceFile) -> [Diagnostic] = { path, file in
      self.metaSchemaDiagnostics(file, path: path)
    }
    if let schemaPath {
      let validator = try compile(schemaPath)
      for warning in validator.warnings {
        let place = warning.position.map { ":\($0.line):\($0.column)" } ?? ""
        report.warnings.append("warning: \(warning.file?.path ?? schemaPath)\(place): \(warning.message)")
      }
      let mapper = SchemaDiagnostics(
        schema: (try? InstanceFile.schemaValue(schemaPath)) ?? .null,
        documentURIs: [URL(fileURLWithPath: schemaPath).absoluteURL.absoluteString, validator.baseURI])
      check = { _, file in
        let result = validator.validate(file.value)
        return result.isValid
          ? [] : mapper.diagnostics(for: result, instance: file.value, locator: file.locator)
      }
    }
    for path in files {
      let reading = InstanceFile.read(path)
      report.sources[path] = reading.source
      report.diagnostics += reading.diagnostics
      report.hasUnreadableFile = report.hasUnreadableFile || reading.isUnreadable
      guard let file = reading.file else { continue }
      let found = check(path, file)
      if found.isEmpty { report.valid.append(path) }
      report.diagnostics += found
    }
    report.diagnostics.sort()
    return report
  }

  /// The validator of the schema file at `path` (JSON, JSON with comments, or YAML), itself checked
  /// against its meta-schema.
  public func compile(_ path: String) throws(Unusable) -> SchemaValidator {
    var options = options
    options.validatesSchema = true
    let url = URL(fileURLWithPath: InstanceFile.resolved(path))
    do {
      if InstanceFile.isYAML(path) || path.hasSuffix(".jsonc") {
        return try SchemaValidator(
          schema: try InstanceFile.schemaValue(path), baseURI: baseURI ?? url.absoluteURL.absoluteString,
          registry: registry, options: options)
      }
      return try SchemaValidator(contentsOf: url, baseURI: baseURI, registry: registry, options: options)
    } catch let error as JSONReadError {
      throw Unusable(
        lines: [
          "error: \(path):\(error.line):\(error.column): the schema is not valid JSON: \(error.message)"
        ])
    } catch let error as SchemaError {
      let place = error.position.map { ":\($0.line):\($0.column)" } ?? ""
      var lines = ["error: \(error.file?.path ?? path)\(place): the schema cannot be used: \(error.message)"]
      for detail in error.details.prefix(10) where error.details.count > 1 {
        lines.append("  at \(detail.instanceLocation): \(detail.message)")
      }
      throw Unusable(lines: lines)
    } catch let error as DiagnosticError {
      throw Unusable(diagnostics: error.diagnostics)
    } catch {
      throw Unusable(lines: ["error: \(error)"])
    }
  }

  /// One schema file against its meta-schema: violations at their line, then the problems only
  /// compiling finds (invalid regexes, unresolvable references).
  public func metaSchemaDiagnostics(_ file: InstanceFile, path: String) -> [Diagnostic] {
    let result: ValidationResult
    do {
      result = try SchemaValidator.checkMetaSchema(of: file.value, registry: registry, options: options)
    } catch {
      let location = file.locator.location(of: JSONPointer(tokens: ["$schema"]))
      return [.error(.schemaUnusable, error.message, at: location)]
    }
    if !result.isValid {
      return SchemaDiagnostics(schema: .null).diagnostics(
        for: result, instance: file.value, locator: file.locator)
    }
    do {
      var compileOptions = options
      compileOptions.validatesSchema = false
      let base = baseURI ?? URL(fileURLWithPath: path).absoluteURL.absoluteString
      _ = try SchemaValidator(schema: file.value, baseURI: base, registry: registry, options: compileOptions)
    } catch {
      let pointer = error.schemaLocation.flatMap { location -> JSONPointer? in
        guard let hash = location.firstIndex(of: "#") else { return nil }
        return JSONPointer(String(location[location.index(after: hash)...]))
      }
      return [
        .error(
          .schemaUnusable, error.message, at: file.locator.location(of: pointer ?? JSONPointer(tokens: [])))
      ]
    }
    return []
  }
}
