import Foundation

/// Options for compiling and running a schema.
public struct ValidationOptions: Sendable {
  /// Treat `format` as an assertion (default: annotation only, as 2020-12 specifies). A
  /// meta-schema that declares the format-assertion vocabulary turns assertion on regardless.
  public var formatAssertion = false
  /// Formats never asserted even when `formatAssertion` is on (`--disable-formats a,b`).
  public var disabledFormats: Set<String> = []
  /// The draft of schemas without `$schema` (and of documents they reference that have none).
  public var defaultDraft: Draft = .draft2020_12
  /// Compile a `$ref` to a document nobody provides (not registered, not under a mapped prefix,
  /// not fetched), and a `$ref` cycle that never moves into the instance, into a schema that
  /// fails every instance reaching it, and list each in `SchemaValidator.warnings`, instead of
  /// refusing the whole schema (peers only fail when an instance reaches them; `dossier check`
  /// turns this on). A pointer or anchor missing from a known document stays an error.
  public var toleratesBrokenReferences = false
  /// Check schemas against their meta-schema before compiling them (default on).
  public var validatesSchema = true
  /// Stack space, in bytes, one validation may use before it stops with an error (guards
  /// against overflowing the thread's stack on very deep instances). `nil` (the default): what
  /// the calling thread has left, less a safety margin; where the platform does not tell,
  /// 384 KiB (safe on 512 KiB secondary threads).
  public var stackBudget: Int?

  public init(
    formatAssertion: Bool = false, validatesSchema: Bool = true, defaultDraft: Draft = .draft2020_12
  ) {
    self.formatAssertion = formatAssertion
    self.validatesSchema = validatesSchema
    self.defaultDraft = defaultDraft
  }

  /// True when `format: name` is asserted under these options (without a format-assertion vocabulary).
  func asserts(format name: String) -> Bool {
    formatAssertion && !disabledFormats.contains(name)
  }
}

/// A JSON Schema (drafts 4, 6, 7, 2019-09 and 2020-12, chosen by `$schema`) compiled into a
/// validator tree.
///
/// Compile once, validate many instances: references, anchors and regular expressions are
/// resolved at compile time. A validator is immutable and safe to use from several threads.
///
/// ```swift
/// let validator = try SchemaValidator(contentsOf: schemaURL, options: .init(formatAssertion: true))
/// let result = validator.validate(try JSONReader().read(data))
/// for error in result.errors { print(error.instanceLocation, error.message) }
/// ```
public final class SchemaValidator: Sendable {
  let root: NodeRef
  let nodes: [SchemaNode]
  let resources: [SchemaResource]
  /// The options the schema was compiled with.
  public let options: ValidationOptions
  /// The schema's base URI.
  public let baseURI: String
  /// References left unresolved under `ValidationOptions.toleratesBrokenReferences`: one
  /// problem per reference, located in its schema file when known.
  public let warnings: [SchemaError]

  /// Compiles a schema value. `baseURI` is the retrieval URI that relative `$id`s and `$ref`s
  /// resolve against (for a schema read from a file, its file URL).
  public convenience init(
    schema: JSONValue, baseURI: String = "urn:dossier:schema", registry: SchemaRegistry = SchemaRegistry(),
    options: ValidationOptions = ValidationOptions()
  ) throws(SchemaError) {
    try self.init(
      document: schema, uri: URIReference(baseURI).withoutFragment.description, file: nil, sourceMap: nil,
      registry: registry, options: options)
  }

  /// Reads and compiles a schema file (strict JSON). Relative references resolve against
  /// `baseURI` when given (`--base-uri`), else the file's URL (or, in both cases, its `$id`);
  /// other local files are read through the registry.
  public convenience init(
    contentsOf url: URL, baseURI: String? = nil, registry: SchemaRegistry = SchemaRegistry(),
    options: ValidationOptions = ValidationOptions()
  ) throws(SchemaError) {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw SchemaError(message: "cannot read schema file: \(error.localizedDescription)", file: url)
    }
    let read: (value: JSONValue, locations: JSONPositionMap)
    do {
      read = try JSONReader().readWithLocations(data)
    } catch {
      throw SchemaError(
        message: "invalid JSON in schema: \(error.message)", file: url, position: error.position)
    }
    let uri = baseURI.map { URIReference($0).withoutFragment.description } ?? url.absoluteURL.absoluteString
    try self.init(
      document: read.value, uri: uri, file: url, sourceMap: read.locations, registry: registry,
      options: options)
  }

  /// Compiles the schema registered (or built in) at an absolute URI.
  public convenience init(
    reference uri: String, registry: SchemaRegistry = SchemaRegistry(),
    options: ValidationOptions = ValidationOptions()
  ) throws(SchemaError) {
    let base = URIReference(uri).withoutFragment.description
    guard let (document, file) = try registry.lookup(base) else {
      throw SchemaError(message: "no schema is known at \(uri)")
    }
    try self.init(
      document: document, uri: base, file: file, sourceMap: nil, registry: registry, options: options)
  }

  init(
    document: JSONValue, uri: String, file: URL?, sourceMap: JSONPositionMap?, registry: SchemaRegistry,
    options: ValidationOptions
  ) throws(SchemaError) {
    let compiler = SchemaCompiler(registry: registry, options: options)
    try compiler.addDocument(document, uri: uri, file: file, sourceMap: sourceMap)
    let rootNode = try compiler.node(at: SchemaCompiler.Location(document: uri, pointer: []))
    try compiler.drain()
    try compiler.checkCycles(tolerate: options.toleratesBrokenReferences)
    compiler.optimizeUnevaluated()
    compiler.markLeaves()
    self.root = NodeRef(rootNode)
    self.nodes = compiler.store
    self.resources = Array(compiler.resources.values)
    self.options = options
    self.baseURI = uri
    self.warnings = compiler.warnings
  }

  /// Validates an instance and reports every error (at most `maxErrors` of them are collected; the
  /// rest are counted in `ValidationResult.omittedErrorCount`).
  public func validate(_ instance: JSONValue, maxErrors: Int = .max) -> ValidationResult {
    // Most instances are valid: a quiet pass (stops at the first failure, builds no messages, and
    // lets `oneOf`/`anyOf` drop failed branches without describing them) answers those alone.
    var quiet = makeEvaluator(collect: false)
    var unused = Annotations()
    if quiet.evaluate(root.node, instance, &unused, false) && !quiet.exhausted {
      return ValidationResult(isValid: true, errors: [])
    }
    var evaluator = makeEvaluator(collect: true)
    evaluator.maxErrors = max(1, maxErrors)
    var annotations = Annotations()
    let valid = evaluator.evaluate(root.node, instance, &annotations, false)
    if valid { return ValidationResult(isValid: true, errors: []) }
    if evaluator.errors.isEmpty {
      // Only a quiet evaluation (`not`, `if`, `contains`) stopped: the stack budget ran out there.
      let message =
        evaluator.exhausted
        ? "the instance or the schema's references nest too deeply to evaluate (stack budget exhausted)"
        : "the value does not match the schema"
      return ValidationResult(
        isValid: false,
        errors: [
          SchemaValidationError(
            instanceLocation: JSONPointer(tokens: []), keywordLocation: "",
            absoluteKeywordLocation: root.node
              .absoluteLocation, keyword: "$ref", message: message)
        ])
    }
    var seen = Set<SchemaValidationError>()
    var errors: [SchemaValidationError] = []
    for raw in evaluator.errors {
      let error = SchemaValidationError(
        instanceLocation: JSONPointer(tokens: raw.instanceReversed.reversed()),
        keywordLocation: JSONPointer(tokens: raw.keywordReversed.reversed()).description,
        absoluteKeywordLocation: raw.absoluteLocation, keyword: raw.keyword, message: raw.message)
      if evaluator.errors.count == 1 || seen.insert(error).inserted { errors.append(error) }
    }
    return ValidationResult(isValid: false, errors: errors, omittedErrorCount: evaluator.omitted)
  }

  /// True when the instance is valid (stops at the first failure; fastest).
  public func isValid(_ instance: JSONValue) -> Bool {
    var evaluator = makeEvaluator(collect: false)
    var annotations = Annotations()
    return evaluator.evaluate(root.node, instance, &annotations, false)
  }

  /// The stack budget of a validation started here: the thread's remaining stack less a margin
  /// of an eighth (at least 64 KiB), capped by `options.stackBudget`.
  func stackBudget() -> Int {
    let fallback = 384 * 1024
    guard let remaining = ThreadStack.remaining() else { return options.stackBudget ?? fallback }
    let usable = remaining - max(64 * 1024, remaining / 8)
    return min(usable, options.stackBudget ?? Int.max)
  }

  func makeEvaluator(collect: Bool) -> SchemaEvaluator {
    var marker: UInt8 = 0
    let base = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    return SchemaEvaluator(
      collect: collect, stackBase: base, stackBudget: UInt(max(16 * 1024, stackBudget())))
  }

  /// The built-in meta-schema of a draft, compiled once.
  public static func metaSchema(of draft: Draft) -> SchemaValidator {
    switch draft {
    case .draft4: return draft4MetaSchema
    case .draft6: return draft6MetaSchema
    case .draft7: return draft7MetaSchema
    case .draft2019_09: return draft201909MetaSchema
    case .draft2020_12: return draft202012MetaSchema
    }
  }

  static let draft4MetaSchema = compileMetaSchema(.draft4)
  static let draft6MetaSchema = compileMetaSchema(.draft6)
  static let draft7MetaSchema = compileMetaSchema(.draft7)
  static let draft201909MetaSchema = compileMetaSchema(.draft2019_09)
  static let draft202012MetaSchema = compileMetaSchema(.draft2020_12)

  static func compileMetaSchema(_ draft: Draft) -> SchemaValidator {
    var options = ValidationOptions(defaultDraft: draft)
    options.validatesSchema = false
    do {
      return try SchemaValidator(reference: draft.metaSchemaDocument, options: options)
    } catch {
      fatalError("the built-in \(draft.displayName) meta-schema does not compile: \(error)")
    }
  }

  /// Validates a schema document against the meta-schema its `$schema` names (the built-in one
  /// of its draft, or a registered custom meta-schema), as `--check-metaschema` does.
  /// Throws when `$schema` names an unknown meta-schema.
  public static func checkMetaSchema(
    of schema: JSONValue, registry: SchemaRegistry = SchemaRegistry(),
    options: ValidationOptions = ValidationOptions()
  ) throws(SchemaError) -> ValidationResult {
    let compiler = SchemaCompiler(registry: registry, options: options)
    let (draft, _, custom) = try compiler.dialect(of: schema, uri: "urn:dossier:schema", file: nil)
    if let custom {
      var metaOptions = options
      metaOptions.validatesSchema = false
      metaOptions.formatAssertion = false
      metaOptions.defaultDraft = draft
      return try SchemaValidator(reference: custom, registry: registry, options: metaOptions).validate(schema)
    }
    return metaSchema(of: draft).validate(schema)
  }

  /// The draft a schema document is written in: its `$schema` (a built-in draft, or a registered
  /// meta-schema's own draft), else `options.defaultDraft`. Throws for an unknown `$schema`.
  public static func draft(
    of schema: JSONValue, registry: SchemaRegistry = SchemaRegistry(),
    options: ValidationOptions = ValidationOptions()
  ) throws(SchemaError) -> Draft {
    try SchemaCompiler(registry: registry, options: options).dialect(
      of: schema, uri: "urn:dossier:schema", file: nil
    ).draft
  }
}
