import ArgumentParser
import DossierCore
import Foundation
import JSONSchema

extension ColorChoice.Mode: ExpressibleByArgument {}

extension Draft: ExpressibleByArgument {
  public init?(argument: String) { self.init(name: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `dossier check --schemafile SCHEMA FILE...`: any YAML or JSON files against any JSON Schema, with
/// flag names of check-jsonschema where they mean the same (`--help`).
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate YAML or JSON files against a JSON Schema (drafts 4, 6, 7, 2019-09, 2020-12).",
    discussion: """
      The schema's draft comes from its $schema (--default-draft when absent). Files ending in .json \
      are read as strict JSON, .jsonc as JSON with comments, every other file as YAML 1.2 (core \
      schema) with the leniencies configuration files need: merge keys (<<) and integer, boolean or \
      null keys, which become strings. Formats (date-time, email, uri, …) are asserted unless \
      --disable-formats turns them off. Nothing is fetched from the network without --allow-network. \
      References resolve offline: files beside the schema, --ref FILE, --ref-map PREFIX=DIR; http(s) \
      only with --allow-network.
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
    help: ArgumentHelp(
      "The draft of schemas without $schema: 4, 6, 7, 2019-09 or 2020-12.", valueName: "draft"))
  var defaultDraft: Draft = .draft2020_12

  @Option(
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

  @Flag(help: "Fetch http(s) $refs that nothing else resolves.")
  var allowNetwork = false

  @Flag(
    help:
      "Let $ref and $schema read any local file (default: only the schema's folder and --ref-map folders).")
  var allowAnyFile = false

  @Option(
    help: ArgumentHelp(
      "Formats not to assert: '*' for all, or a comma list (date-time,email,…); repeatable.",
      valueName: "formats"))
  var disableFormats: [String] = []

  @Option(
    name: [.customShort("o"), .customLong("output-format")],
    help: ArgumentHelp(
      "Same as --reporter (check-jsonschema's name): text, json, github or sarif.", valueName: "format"))
  var outputFormat: ReporterKind?

  @Option(help: "Colour in the text report: auto (a terminal without NO_COLOR), always, never.")
  var color: ColorChoice.Mode = .auto

  @Flag(name: [.customShort("v"), .customLong("verbose")], help: "Also list every file that is valid.")
  var verbose = false

  @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Print nothing when every file is valid.")
  var quiet = false

  @OptionGroup var reporting: ReportingOptions

  func validate() throws {
    let problem = SchemaCheck.usageProblem(
      files: files, schema: schema, checksMetaSchema: checkMetaSchema, refMaps: refMaps)
    if let problem { throw ValidationError(problem) }
    if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be combined") }
  }

  func run() async throws {
    let report = try await Console.orExit {
      let folders = SchemaCheck.schemaFolders(schema: schema, files: files, checksMetaSchema: checkMetaSchema)
      let check = try SchemaCheck(
        refMaps: refMaps, refs: refs, allowsNetwork: allowNetwork, fileRoots: allowAnyFile ? nil : folders,
        defaultDraft: defaultDraft, disabledFormats: disableFormats, baseURI: baseURI)
      check.warnings.forEach(Console.printError)
      return try check.run(files, schema: schema)
    }
    if !quiet { report.warnings.forEach(Console.printError) }
    let kind = outputFormat ?? reporting.chosenReporter
    var status = reporting.report(
      report.diagnostics, sources: report.sources, reporter: kind, color: color.forced, quiet: quiet)
    if kind == .text && !quiet {
      report.okLines(fileCount: files.count, verbose: verbose, status: status).forEach(Console.printError)
    }
    if report.hasUnreadableFile { status = 2 }
    if status != 0 { throw ExitCode(status) }
  }
}
