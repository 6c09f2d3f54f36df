import ArgumentParser
import DossierCore
import Foundation
import JSONSchema

extension Draft: ExpressibleByArgument {
  public init?(argument: String) { self.init(name: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `dossier check --schemafile SCHEMA FILE...`: validates any YAML or JSON files against any JSON
/// Schema (drafts 4, 6, 7, 2019-09, 2020-12), with errors at the instance's line and column. Flag
/// names follow check-jsonschema where they mean the same (`--schemafile`, `--base-uri`,
/// `--disable-formats`, `--check-metaschema`, `-o`).
///
/// References resolve offline: files beside the schema, `--ref FILE`, `--ref-map PREFIX=DIR`;
/// `http(s)` only with `--allow-network`. Local files outside the schema's folder and the `--ref-map`
/// folders are not read unless `--allow-any-file` is given. Exit status: 0 all valid, 1 located errors, 2 an
/// unreadable or invalid schema, an unreadable file, or a usage error.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate YAML or JSON files against a JSON Schema (drafts 4, 6, 7, 2019-09, 2020-12).",
    discussion: """
      The schema's draft comes from its $schema (--default-draft when absent). Files ending in .json \
      are read as strict JSON, .jsonc as JSON with comments, every other file as YAML 1.2 (core \
      schema) with the leniencies configuration files need: merge keys (<<) and integer, boolean or \
      null keys, which become strings. Formats (date-time, email, uri, …) are asserted unless \
      --disable-formats turns them off. Nothing is fetched from the network without --allow-network.
      """)

  @Option(
    name: [.customLong("schemafile"), .customLong("schema")],
    help: ArgumentHelp("The JSON Schema file (JSON, or YAML when it ends in .yaml/.yml).", valueName: "file"))
  var schema: String?

  @Argument(help: "The YAML or JSON files to validate (the schemas themselves with --check-metaschema).")
  var files: [String] = []

  @Flag(
    name: .customLong("check-metaschema"),
    help:
      "Validate the schemas against their meta-schema: the FILEs are schemas (or --schemafile is checked).")
  var checkMetaSchema = false

  @Option(
    name: .customLong("default-draft"),
    help: ArgumentHelp(
      "The draft of schemas without $schema: 4, 6, 7, 2019-09 or 2020-12.", valueName: "draft"))
  var defaultDraft: Draft = .draft2020_12

  @Option(
    name: .customLong("base-uri"),
    help: ArgumentHelp(
      "The schema's base URI, for its relative $refs (default: its file URL).", valueName: "uri"))
  var baseURI: String?

  @Option(
    name: .customLong("ref"),
    help: ArgumentHelp(
      "Register a schema file under its $id so $refs to that URI use it (repeatable).", valueName: "file"))
  var refs: [String] = []

  @Option(
    name: .customLong("ref-map"),
    help: ArgumentHelp(
      "Serve every $ref under URL_PREFIX from the folder DIR, e.g. https://json.schemastore.org/=schemas/ (repeatable).",
      valueName: "prefix=dir"))
  var refMaps: [String] = []

  @Flag(name: .customLong("allow-network"), help: "Fetch http(s) $refs that nothing else resolves.")
  var allowNetwork = false

  @Flag(
    name: .customLong("allow-any-file"),
    help:
      "Let $ref and $schema read any local file (default: only the schema's folder and --ref-map folders).")
  var allowAnyFile = false

  @Option(
    name: .customLong("disable-formats"),
    help: ArgumentHelp(
      "Formats not to assert: '*' for all, or a comma list (date-time,email,…); repeatable.",
      valueName: "formats"))
  var disableFormats: [String] = []

  @Option(
    name: [.customShort("o"), .customLong("output-format")],
    help: ArgumentHelp(
      "Same as --reporter (check-jsonschema's name): text, json, github or sarif.", valueName: "format"))
  var outputFormat: ReporterKind?

  @Option(
    name: .customLong("color"),
    help: "Colour in the text report: auto (a terminal without NO_COLOR), always, never.")
  var color: ColorMode = .auto

  @Flag(name: [.customShort("v"), .customLong("verbose")], help: "Also list every file that is valid.")
  var verbose = false

  @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Print nothing when every file is valid.")
  var quiet = false

  @OptionGroup var reporting: ReportingOptions

  enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
  }

  func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one file to check") }
    if schema == nil && !checkMetaSchema {
      throw ValidationError(
        "give the schema with --schemafile FILE (or use --check-metaschema on schema files)")
    }
    if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be combined") }
    for entry in refMaps where !entry.contains("=") {
      throw ValidationError("--ref-map takes URL_PREFIX=DIR, found '\(entry)'")
    }
  }

  func run() async throws {
    let registry = try makeRegistry()
    let options = validationOptions()
    var diagnostics: [Diagnostic] = []
    var sources: [String: String] = [:]
    var ioFailure = false
    var checked: [String] = []

    if let schema {
      let validator = try compileSchema(schema, registry: registry, options: options)
      if !quiet {
        for warning in validator.warnings {
          let place = warning.position.map { ":\($0.line):\($0.column)" } ?? ""
          DocumentReader.printError("warning: \(warning.file?.path ?? schema)\(place): \(warning.message)")
        }
      }
      let schemaValue = (try? loadSchemaValue(schema)) ?? .null
      let mapper = SchemaDiagnostics(
        schema: schemaValue,
        documentURIs: [URL(fileURLWithPath: schema).absoluteURL.absoluteString, validator.baseURI])
      for path in files {
        guard let loaded = load(path, &diagnostics, &sources, &ioFailure) else { continue }
        let result = validator.validate(loaded.value)
        if result.isValid {
          checked.append(path)
        } else {
          diagnostics += mapper.diagnostics(for: result, instance: loaded.value, locator: loaded.locator)
        }
      }
    } else {
      // --check-metaschema without a schema: every FILE is a schema.
      for path in files {
        guard let loaded = load(path, &diagnostics, &sources, &ioFailure) else { continue }
        let before = diagnostics.count
        diagnostics += metaSchemaDiagnostics(loaded, path: path, registry: registry, options: options)
        if diagnostics.count == before { checked.append(path) }
      }
    }
    let kind = outputFormat ?? reporting.chosenReporter
    var status = reporting.report(
      diagnostics.sorted(), sources: sources, reporter: kind, color: colorOverride, quiet: quiet)
    if kind == .text && !quiet {
      if verbose { for path in checked { DocumentReader.printError("ok: \(path)") } }
      if status == 0 && !ioFailure {
        DocumentReader.printError("ok -- validation done (\(files.count) file\(files.count == 1 ? "" : "s"))")
      }
    }
    if ioFailure { status = 2 }
    if status != 0 { throw ExitCode(status) }
  }

  var colorOverride: Bool? {
    switch color {
    case .auto: return nil
    case .always: return true
    case .never: return false
    }
  }

  // MARK: Schema

  func makeRegistry() throws -> SchemaRegistry {
    var registry = SchemaRegistry()
    registry.allowsNetwork = allowNetwork
    if !allowAnyFile {
      // References read files only beside the schema(s) and in --ref-map folders (docs/reliability.md).
      let schemas = (schema.map { [$0] } ?? []) + (checkMetaSchema ? files : [])
      registry.fileRoots =
        schemas.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().deletingLastPathComponent() }
        + refMaps.compactMap { entry in
          entry.split(separator: "=", maxSplits: 1).dropFirst().first.map { URL(fileURLWithPath: String($0)) }
        }
    }
    for entry in refMaps {
      let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
      let prefix = parts[0]
      let directory = parts.count > 1 ? parts[1] : ""
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        DocumentReader.printError("error: --ref-map \(entry): '\(directory)' is not a folder")
        throw ExitCode(2)
      }
      registry.mapPrefix(prefix, to: URL(fileURLWithPath: directory, isDirectory: true))
    }
    for path in refs {
      do {
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        if try registry.addSchemaFile(at: url) == nil {
          DocumentReader.printError(
            "warning: --ref \(path): the schema has no absolute $id; it is only known by its file URL")
        }
      } catch {
        DocumentReader.printError("error: --ref \(path): \(error)")
        throw ExitCode(2)
      }
    }
    return registry
  }

  func validationOptions() -> ValidationOptions {
    var options = ValidationOptions(formatAssertion: true, defaultDraft: defaultDraft)
    options.toleratesBrokenReferences = true
    let disabled = Set(
      disableFormats.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty })
    if disabled.contains("*") { options.formatAssertion = false }
    options.disabledFormats = disabled
    return options
  }

  func loadSchemaValue(_ path: String) throws -> JSONValue {
    let bytes = try DocumentReader.bytes(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
    if isYAML(path) { return try YAMLLoader(options: .configuration).load(bytes, file: path).value }
    return try JSONReader(allowsComments: path.hasSuffix(".jsonc")).read(bytes)
  }

  func compileSchema(_ path: String, registry: SchemaRegistry, options: ValidationOptions) throws
    -> SchemaValidator
  {
    var options = options
    options.validatesSchema = true
    let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    do {
      if isYAML(path) || path.hasSuffix(".jsonc") {
        let value = try loadSchemaValue(path)
        return try SchemaValidator(
          schema: value, baseURI: baseURI ?? url.absoluteURL.absoluteString, registry: registry,
          options: options)
      }
      return try SchemaValidator(contentsOf: url, baseURI: baseURI, registry: registry, options: options)
    } catch let error as JSONReadError {
      DocumentReader.printError(
        "error: \(path):\(error.line):\(error.column): the schema is not valid JSON: \(error.message)")
    } catch let error as SchemaError {
      let place = error.position.map { ":\($0.line):\($0.column)" } ?? ""
      let file = error.file?.path ?? path
      DocumentReader.printError("error: \(file)\(place): the schema cannot be used: \(error.message)")
      for detail in error.details.prefix(10) where error.details.count > 1 {
        DocumentReader.printError("  at \(detail.instanceLocation): \(detail.message)")
      }
    } catch let error as DiagnosticError {
      DocumentReader.printDiagnostics(error.diagnostics)
    } catch {
      DocumentReader.printError("error: \(error)")
    }
    throw ExitCode(2)
  }

  /// `--check-metaschema` on one schema file: meta-schema violations at their line, then the
  /// problems only compiling finds (invalid regexes, unresolvable references).
  func metaSchemaDiagnostics(
    _ loaded: LoadedFile, path: String, registry: SchemaRegistry, options: ValidationOptions
  ) -> [Diagnostic] {
    let result: ValidationResult
    do {
      result = try SchemaValidator.checkMetaSchema(of: loaded.value, registry: registry, options: options)
    } catch {
      return [
        .error(
          .schemaUnusable, error.message, at: loaded.locator.location(of: JSONPointer(tokens: ["$schema"])))
      ]
    }
    if !result.isValid {
      let mapper = SchemaDiagnostics(schema: .null)
      return mapper.diagnostics(for: result, instance: loaded.value, locator: loaded.locator)
    }
    do {
      var compileOptions = options
      compileOptions.validatesSchema = false
      let base = baseURI ?? URL(fileURLWithPath: path).absoluteURL.absoluteString
      _ = try SchemaValidator(
        schema: loaded.value, baseURI: base, registry: registry, options: compileOptions)
    } catch {
      let pointer = error.schemaLocation.flatMap { location -> JSONPointer? in
        guard let hash = location.firstIndex(of: "#") else { return nil }
        return JSONPointer(String(location[location.index(after: hash)...]))
      }
      return [
        .error(
          .schemaUnusable, error.message, at: loaded.locator.location(of: pointer ?? JSONPointer(tokens: [])))
      ]
    }
    return []
  }

  // MARK: Instances

  struct LoadedFile {
    let value: JSONValue
    let locator: InstanceLocator
  }

  func isYAML(_ path: String) -> Bool {
    !(path.hasSuffix(".json") || path.hasSuffix(".jsonc"))
  }

  /// Reads one file (symlinks followed): `.json` strictly, `.jsonc` with comments, anything else
  /// as a configuration YAML file. Problems become diagnostics; the run goes on.
  func load(
    _ path: String, _ diagnostics: inout [Diagnostic], _ sources: inout [String: String],
    _ ioFailure: inout Bool
  ) -> LoadedFile? {
    let bytes: [UInt8]
    do {
      bytes = try DocumentReader.bytes(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
    } catch {
      let reason = (error as? DocumentReader.ReadError)?.reason ?? "\(error)"
      diagnostics.append(
        .error(
          .unreadableFile, "cannot read '\(path)': \(reason)",
          at: SourceLocation(file: path, line: 1, column: 1)))
      ioFailure = true
      return nil
    }
    sources[path] = String(decoding: bytes, as: UTF8.self)
    if !isYAML(path) {
      do {
        let read = try JSONReader(allowsComments: path.hasSuffix(".jsonc")).readWithLocations(bytes)
        return LoadedFile(value: read.value, locator: InstanceLocator(json: read.locations, file: path))
      } catch {
        diagnostics.append(
          .error(
            .schemaInvalidJSON, error.message,
            at: SourceLocation(file: path, line: error.line, column: error.column)))
        return nil
      }
    }
    do {
      let located = try YAMLLoader(options: .configuration).load(bytes, file: path)
      return LoadedFile(value: located.value, locator: InstanceLocator(yaml: located, file: path))
    } catch {
      diagnostics += error.diagnostics
      return nil
    }
  }
}
