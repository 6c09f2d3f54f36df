import Foundation

/// Options for compiling and running a schema.
public struct ValidationOptions: Sendable {
  /// Treat `format` as an assertion (default: annotation only, as 2020-12 specifies).
  public var formatAssertion = false
  /// Check schemas against their meta-schema before compiling them (default on).
  public var validatesSchema = true
  /// Stack space, in bytes, one validation may use before it stops with an error
  /// (guards against overflowing small thread stacks on very deep instances).
  public var stackBudget = 384 * 1024

  public init(formatAssertion: Bool = false, validatesSchema: Bool = true) {
    self.formatAssertion = formatAssertion
    self.validatesSchema = validatesSchema
  }
}

/// A JSON Schema (draft 2020-12) compiled into a validator tree.
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

  /// Reads and compiles a schema file (strict JSON). Relative references resolve against the
  /// file's URL (or its `$id`); other local files are read through the registry.
  public convenience init(
    contentsOf url: URL, registry: SchemaRegistry = SchemaRegistry(),
    options: ValidationOptions = ValidationOptions()
  ) throws(SchemaError) {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw SchemaError(message: "cannot read schema file: \(error.localizedDescription)", file: url)
    }
    let read: (value: JSONValue, locations: JSONSourceMap)
    do {
      read = try JSONReader().readWithLocations(data)
    } catch {
      throw SchemaError(
        message: "invalid JSON in schema: \(error.message)", file: url, position: error.position)
    }
    try self.init(
      document: read.value, uri: url.absoluteURL.absoluteString, file: url, sourceMap: read.locations,
      registry: registry, options: options)
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
    document: JSONValue, uri: String, file: URL?, sourceMap: JSONSourceMap?, registry: SchemaRegistry,
    options: ValidationOptions
  ) throws(SchemaError) {
    let compiler = SchemaCompiler(registry: registry, options: options)
    try compiler.addDocument(document, uri: uri, file: file, sourceMap: sourceMap)
    let rootNode = try compiler.node(at: SchemaCompiler.Location(document: uri, pointer: []))
    try compiler.drain()
    try compiler.checkCycles()
    compiler.optimizeUnevaluated()
    compiler.markLeaves()
    self.root = NodeRef(rootNode)
    self.nodes = compiler.store
    self.resources = Array(compiler.resources.values)
    self.options = options
    self.baseURI = uri
  }

  /// Validates an instance and reports every error (at most `maxErrors` of them are collected; the
  /// rest are counted in `ValidationResult.omittedErrorCount`).
  public func validate(_ instance: JSONValue, maxErrors: Int = .max) -> ValidationResult {
    var evaluator = makeEvaluator(collect: true)
    evaluator.maxErrors = max(1, maxErrors)
    var annotations = Annotations()
    let valid = evaluator.evaluate(root.node, instance, &annotations, false)
    if valid { return ValidationResult(isValid: true, errors: []) }
    var seen = Set<ValidationError>()
    var errors: [ValidationError] = []
    for raw in evaluator.errors {
      let error = ValidationError(
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

  func makeEvaluator(collect: Bool) -> SchemaEvaluator {
    var marker: UInt8 = 0
    let base = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    return SchemaEvaluator(
      collect: collect, stackBase: base, stackBudget: UInt(max(16 * 1024, options.stackBudget)))
  }

  /// The 2020-12 meta-schema, compiled once.
  static let draft202012MetaSchema: SchemaValidator = {
    var options = ValidationOptions()
    options.validatesSchema = false
    do {
      return try SchemaValidator(reference: MetaSchemas.draft202012, options: options)
    } catch {
      fatalError("the built-in 2020-12 meta-schema does not compile: \(error)")
    }
  }()
}
