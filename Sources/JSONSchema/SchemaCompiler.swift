import Foundation

/// Vocabularies of draft 2020-12 that change what a schema's keywords do.
struct Vocabularies: OptionSet, Sendable {
  let rawValue: UInt8
  static let applicator = Vocabularies(rawValue: 1)
  static let validation = Vocabularies(rawValue: 2)
  static let unevaluated = Vocabularies(rawValue: 4)
  static let formatAssertion = Vocabularies(rawValue: 8)
  static let all: Vocabularies = [.applicator, .validation, .unevaluated]

  static let known: [String: Vocabularies] = [
    "https://json-schema.org/draft/2020-12/vocab/core": [],
    "https://json-schema.org/draft/2020-12/vocab/applicator": .applicator,
    "https://json-schema.org/draft/2020-12/vocab/unevaluated": .unevaluated,
    "https://json-schema.org/draft/2020-12/vocab/validation": .validation,
    "https://json-schema.org/draft/2020-12/vocab/meta-data": [],
    "https://json-schema.org/draft/2020-12/vocab/format-annotation": [],
    "https://json-schema.org/draft/2020-12/vocab/format-assertion": .formatAssertion,
    "https://json-schema.org/draft/2020-12/vocab/content": [],
    "https://json-schema.org/draft/2019-09/vocab/core": [],
    "https://json-schema.org/draft/2019-09/vocab/applicator": [.applicator, .unevaluated],
    "https://json-schema.org/draft/2019-09/vocab/validation": .validation,
    "https://json-schema.org/draft/2019-09/vocab/meta-data": [],
    "https://json-schema.org/draft/2019-09/vocab/format": [],
    "https://json-schema.org/draft/2019-09/vocab/content": [],
  ]
}

/// Compiles schema documents into a tree of `SchemaNode`s: resolves every `$id`, `$anchor`,
/// `$dynamicAnchor` and `$ref` once, compiles regular expressions once, and checks for
/// reference cycles that would never consume any of the instance.
final class SchemaCompiler {
  struct Location: Hashable {
    var document: String
    var pointer: [String]
  }

  struct Document {
    var value: JSONValue
    var file: URL?
    var sourceMap: JSONPositionMap?
    var vocabularies: Vocabularies
    var draft: Draft
  }

  var registry: SchemaRegistry
  let options: ValidationOptions
  var documents: [String: Document] = [:]
  var resourceRoots: [String: Location] = [:]
  var anchors: [String: Location] = [:]
  var dynamicAnchorNames: [String: [String: Location]] = [:]
  var resources: [String: SchemaResource] = [:]
  var nodes: [Location: SchemaNode] = [:]
  var store: [SchemaNode] = []
  /// Unresolvable references compiled into failing nodes (`toleratesBrokenReferences`).
  var warnings: [SchemaError] = []
  static let maxSchemaDepth = 300
  /// Documents no source provides (see `toleratesBrokenReferences`).
  static let unresolvedDocument = "urn:dossier:unresolved"

  init(registry: SchemaRegistry, options: ValidationOptions) {
    self.registry = registry
    self.options = options
  }

  // MARK: Documents and indexing

  /// Adds a document under its retrieval URI, checks it against its meta-schema and indexes it.
  /// A document without `$schema` is read in `inheritedDraft` (the draft of the document that
  /// refers to it), else in the default draft.
  func addDocument(
    _ value: JSONValue, uri: String, file: URL?, sourceMap: JSONPositionMap?, inheritedDraft: Draft? = nil
  ) throws(SchemaError) {
    let (draft, vocabularies, custom) = try dialect(
      of: value, uri: uri, file: file, inheritedDraft: inheritedDraft)
    documents[uri] = Document(
      value: value, file: file, sourceMap: sourceMap, vocabularies: vocabularies, draft: draft)
    if options.validatesSchema && MetaSchemas.documents[uri] == nil {
      try checkAgainstMetaSchema(
        value, uri: uri, file: file, sourceMap: sourceMap, draft: draft, custom: custom)
    }
    try index(value, pointer: [], base: URIReference(uri), document: uri, draft: draft, depth: 0)
    if resourceRoots[uri] == nil {
      resourceRoots[uri] = Location(document: uri, pointer: [])
    }
  }

  /// Finds the draft and the active vocabularies from the document's `$schema`, and the URI of
  /// its meta-schema when that is a custom (registered) one. An unknown `$schema` is an error.
  func dialect(of value: JSONValue, uri: String, file: URL?, inheritedDraft: Draft? = nil) throws(SchemaError)
    -> (draft: Draft, vocabularies: Vocabularies, custom: String?)
  {
    guard case .string(let declared) = value["$schema"] ?? .null else {
      return (inheritedDraft ?? options.defaultDraft, .all, nil)
    }
    if let draft = Draft(metaSchema: declared) { return (draft, .all, nil) }
    let dialectURI = URIReference(declared).withoutFragment.description
    if dialectURI == uri { return (inheritedDraft ?? options.defaultDraft, .all, nil) }
    guard URIReference(declared).isAbsolute, let (meta, _) = try registry.lookup(dialectURI) else {
      let known = Draft.allCases.map(\.metaSchemaURI).joined(separator: ", ")
      throw SchemaError(
        message:
          "unknown $schema \"\(declared)\": it is not one of the supported drafts (\(known)) and no meta-schema is registered at that URI (register one with --ref FILE or --ref-map)",
        schemaLocation: uri + "#/$schema", file: file)
    }
    // A custom meta-schema: its own `$schema` gives the draft, its `$vocabulary` the keywords.
    var draft = options.defaultDraft
    if case .string(let metaDialect) = meta["$schema"] ?? .null, let known = Draft(metaSchema: metaDialect) {
      draft = known
    }
    guard draft >= .draft2019_09, case .object(let declaredVocabularies) = meta["$vocabulary"] ?? .null else {
      return (draft, .all, dialectURI)
    }
    var result: Vocabularies = []
    for (vocabulary, required) in declaredVocabularies {
      if vocabulary == "https://json-schema.org/draft/2019-09/vocab/format" && required == .bool(true) {
        result.insert(.formatAssertion)
      } else if let known = Vocabularies.known[vocabulary] {
        result.formUnion(known)
      } else if required == .bool(true) {
        throw SchemaError(
          message: "the meta-schema \(dialectURI) requires the unsupported vocabulary \(vocabulary)",
          schemaLocation: uri + "#/$schema", file: file)
      }
    }
    return (draft, result, dialectURI)
  }

  func checkAgainstMetaSchema(
    _ value: JSONValue, uri: String, file: URL?, sourceMap: JSONPositionMap?, draft: Draft, custom: String?
  ) throws(SchemaError) {
    let validator: SchemaValidator
    if let custom {
      var metaOptions = ValidationOptions(defaultDraft: draft)
      metaOptions.validatesSchema = false
      do {
        validator = try SchemaValidator(reference: custom, registry: registry, options: metaOptions)
      } catch {
        return  // an unusable custom meta-schema is reported when it is compiled as a schema
      }
    } else {
      validator = SchemaValidator.metaSchema(of: draft)
    }
    let result = validator.validate(value)
    if !result.isValid {
      let first = result.errors[0]
      let where_ = first.instanceLocation.tokens.isEmpty ? "" : " at \(first.instanceLocation)"
      throw SchemaError(
        message: "the schema does not conform to its meta-schema\(where_): \(first.message)",
        schemaLocation: uri + "#" + first.instanceLocation.description, file: file,
        position: sourceMap?.position(of: first.instanceLocation), details: result.errors)
    }
  }

  static let singleSchemaKeywords = [
    "additionalProperties", "propertyNames", "items", "additionalItems", "contains", "not", "if", "then",
    "else", "unevaluatedItems", "unevaluatedProperties",
  ]
  static let arraySchemaKeywords = ["prefixItems", "items", "allOf", "anyOf", "oneOf"]
  static let mapSchemaKeywords = [
    "$defs", "definitions", "properties", "patternProperties", "dependentSchemas", "dependencies",
  ]

  /// The identifier an object declares under its draft's rules: the new base URI (when the
  /// identifier changes it) and a plain-name anchor (drafts 4 to 7 spell anchors as `$id: "#name"`).
  /// Drafts 4 to 7 ignore an identifier beside `$ref`.
  static func identifier(of object: JSONObject, draft: Draft, base: URIReference) -> (
    base: URIReference?, anchor: String?
  ) {
    guard case .string(let id) = object[draft.idKeyword] ?? .null else { return (nil, nil) }
    if draft.refOverridesSiblings, case .string = object["$ref"] ?? .null { return (nil, nil) }
    let reference = URIReference(id)
    var anchor: String?
    if draft.refOverridesSiblings, let fragment = reference.fragment, !fragment.isEmpty,
      !fragment.hasPrefix("/")
    {
      anchor = fragment
    }
    if id.hasPrefix("#") { return (nil, anchor) }
    return (reference.resolved(against: base).withoutFragment, anchor)
  }

  /// Records resources and anchors of a document.
  func index(
    _ value: JSONValue, pointer: [String], base: URIReference, document: String, draft: Draft, depth: Int
  ) throws(SchemaError) {
    guard case .object(let object) = value else { return }
    if depth > SchemaCompiler.maxSchemaDepth {
      throw SchemaError(
        message: "the schema is nested deeper than \(SchemaCompiler.maxSchemaDepth) levels",
        schemaLocation: document + "#" + JSONPointer(tokens: pointer).description,
        file: documents[document]?.file)
    }
    var base = base
    let location = Location(document: document, pointer: pointer)
    let identifier = SchemaCompiler.identifier(of: object, draft: draft, base: base)
    if let resolved = identifier.base {
      base = resolved
      resourceRoots[resolved.description] = location
    }
    let baseText = base.description
    if let name = identifier.anchor { anchors[baseText + "#" + name] = location }
    if draft >= .draft2019_09, case .string(let name) = object["$anchor"] ?? .null {
      anchors[baseText + "#" + name] = location
    }
    if draft == .draft2019_09, object["$recursiveAnchor"] == .bool(true) {
      // `$recursiveAnchor: true` is a dynamic anchor with an empty name at the resource root.
      dynamicAnchorNames[baseText, default: [:]][""] = location
    }
    if draft >= .draft2020_12, case .string(let name) = object["$dynamicAnchor"] ?? .null {
      anchors[baseText + "#" + name] = location
      dynamicAnchorNames[baseText, default: [:]][name] = location
    }
    for keyword in SchemaCompiler.singleSchemaKeywords {
      if let sub = object[keyword] {
        try index(
          sub, pointer: pointer + [keyword], base: base, document: document, draft: draft, depth: depth + 1)
      }
    }
    for keyword in SchemaCompiler.arraySchemaKeywords {
      if case .array(let subs) = object[keyword] ?? .null {
        for (i, sub) in subs.enumerated() {
          try index(
            sub, pointer: pointer + [keyword, String(i)], base: base, document: document, draft: draft,
            depth: depth + 1)
        }
      }
    }
    for keyword in SchemaCompiler.mapSchemaKeywords {
      if case .object(let subs) = object[keyword] ?? .null {
        for (name, sub) in subs {
          try index(
            sub, pointer: pointer + [keyword, name], base: base, document: document, draft: draft,
            depth: depth + 1)
        }
      }
    }
  }

  /// Makes sure the document for an absolute URI (without fragment) is loaded.
  func ensureLoaded(_ uri: String, inheritedDraft: Draft? = nil) throws(SchemaError) -> Bool {
    if resourceRoots[uri] != nil { return true }
    guard let (value, file) = try registry.lookup(uri) else { return false }
    var sourceMap: JSONPositionMap?
    if let file, let data = try? Data(contentsOf: file),
      let read = try? JSONReader().readWithLocations(data)
    {
      sourceMap = read.locations
    }
    try addDocument(value, uri: uri, file: file, sourceMap: sourceMap, inheritedDraft: inheritedDraft)
    return resourceRoots[uri] != nil
  }

  /// Resolves an absolute URI reference to a schema location.
  func resolve(_ reference: URIReference, from: Location, keyword: String) throws(SchemaError) -> Location {
    let baseText = reference.withoutFragment.description
    let fragment = URIReference.percentDecoded(reference.fragment ?? "")
    func failure(_ message: String) -> SchemaError {
      error(message, at: Location(document: from.document, pointer: from.pointer + [keyword]))
    }
    guard try ensureLoaded(baseText, inheritedDraft: documents[from.document]?.draft),
      let root = resourceRoots[baseText]
    else {
      if options.toleratesBrokenReferences {
        return Location(document: SchemaCompiler.unresolvedDocument, pointer: [reference.description])
      }
      var hint = "register the schema with --ref FILE or serve its folder with --ref-map PREFIX=DIR"
      if baseText.hasPrefix("http://") || baseText.hasPrefix("https://") {
        hint += ", or allow downloads with --allow-network"
      }
      throw failure("unresolvable reference \(reference): no schema is known at \(baseText) (\(hint))")
    }
    if fragment.isEmpty { return root }
    if fragment.hasPrefix("/") {
      guard let pointer = JSONPointer(fragment) else {
        throw failure("invalid JSON Pointer in reference \(reference)")
      }
      let target = Location(document: root.document, pointer: root.pointer + pointer.tokens)
      guard let document = documents[root.document],
        JSONPointer(tokens: target.pointer).resolve(in: document.value) != nil
      else {
        throw failure("unresolvable reference \(reference): \(fragment) does not exist in \(baseText)")
      }
      return target
    }
    guard let target = anchors[baseText + "#" + fragment] else {
      throw failure("unresolvable reference \(reference): no anchor \"\(fragment)\" in \(baseText)")
    }
    return target
  }

  func error(_ message: String, at location: Location) -> SchemaError {
    let document = documents[location.document]
    let pointer = JSONPointer(tokens: location.pointer)
    return SchemaError(
      message: message, schemaLocation: location.document + "#" + pointer.description, file: document?.file,
      position: document?.sourceMap?.position(of: pointer))
  }

  /// Base URI and the depth of its resource root along the pointer.
  func base(of location: Location) -> (base: URIReference, rootDepth: Int) {
    var base = URIReference(location.document)
    var rootDepth = 0
    guard let document = documents[location.document] else { return (base, 0) }
    var current = document.value
    for depth in 0...location.pointer.count {
      if case .object(let object) = current,
        let resolved = SchemaCompiler.identifier(of: object, draft: document.draft, base: base).base
      {
        base = resolved
        rootDepth = depth
      }
      if depth == location.pointer.count { break }
      let token = location.pointer[depth]
      switch current {
      case .object(let object): current = object[token] ?? .null
      case .array(let array):
        current = Int(token).flatMap { $0 >= 0 && $0 < array.count ? array[$0] : nil } ?? .null
      default: current = .null
      }
    }
    return (base, rootDepth)
  }

  func resource(for uri: String) -> SchemaResource {
    if let existing = resources[uri] { return existing }
    let created = SchemaResource(uri: uri)
    resources[uri] = created
    return created
  }

  // MARK: Compilation

  func node(at location: Location) throws(SchemaError) -> SchemaNode {
    if let existing = nodes[location] { return existing }
    if location.document == SchemaCompiler.unresolvedDocument, let uri = location.pointer.first {
      let message =
        "unresolvable reference \(uri): no schema is known at \(URIReference(uri).withoutFragment) (register it with --ref FILE, serve its folder with --ref-map PREFIX=DIR, or allow downloads with --allow-network)"
      let node = SchemaNode(absoluteLocation: uri, resource: resource(for: SchemaCompiler.unresolvedDocument))
      node.keywords = [.unresolvable(message)]
      nodes[location] = node
      store.append(node)
      return node
    }
    guard let document = documents[location.document],
      let value = JSONPointer(tokens: location.pointer).resolve(in: document.value)
    else {
      throw error("no schema at this location", at: location)
    }
    let (base, rootDepth) = base(of: location)
    let baseText = base.description
    let resource = resource(for: baseText)
    let relative = JSONPointer(tokens: Array(location.pointer[rootDepth...]))
    let node = SchemaNode(absoluteLocation: baseText + "#" + relative.description, resource: resource)
    nodes[location] = node
    store.append(node)
    if resource.dynamicAnchors.isEmpty, let names = dynamicAnchorNames[baseText] {
      // Placeholder entries first so that recursion sees the resource as being filled.
      for (name, anchorLocation) in names.sorted(by: { $0.key < $1.key }) {
        resource.dynamicAnchors[name] = NodeRef(
          anchorLocation == location ? node : try self.node(at: anchorLocation))
      }
    }
    switch value {
    case .bool(let b):
      node.boolean = b
    case .object(let object):
      // Compiled later by `drain()`: a work list instead of recursion, so long `$ref` chains
      // and deep schemas never exhaust the stack.
      pending.append((node, location, object, base, document.vocabularies, document.draft))
    default:
      throw error("a schema must be an object or a boolean, found \(value.typeName)", at: location)
    }
    return node
  }

  var pending: [(SchemaNode, Location, JSONObject, URIReference, Vocabularies, Draft)] = []

  /// Compiles every node created so far, and those their keywords create.
  func drain() throws(SchemaError) {
    while let (node, location, object, base, vocabularies, draft) = pending.popLast() {
      try compileKeywords(
        object, into: node, at: location, base: base, vocabularies: vocabularies, draft: draft)
    }
  }

  func child(_ location: Location, _ tokens: String...) throws(SchemaError) -> NodeRef {
    NodeRef(try node(at: Location(document: location.document, pointer: location.pointer + tokens)))
  }

  func compileKeywords(
    _ object: JSONObject, into node: SchemaNode, at location: Location, base: URIReference,
    vocabularies: Vocabularies, draft: Draft
  ) throws(SchemaError) {
    var keywords: [Keyword] = []
    var trailing: [Keyword] = []
    func fail(_ keyword: String, _ message: String) -> SchemaError {
      error(message, at: Location(document: location.document, pointer: location.pointer + [keyword]))
    }
    func nonNegativeInt(_ keyword: String) throws(SchemaError) -> Int? {
      guard let value = object[keyword] else { return nil }
      guard case .number(let n) = value, n.isInteger, !n.isNegative else {
        throw fail(keyword, "\(keyword) must be a non-negative integer")
      }
      return n.intValue ?? Int.max
    }
    func number(_ keyword: String) throws(SchemaError) -> JSONNumber? {
      guard let value = object[keyword] else { return nil }
      guard case .number(let n) = value else { throw fail(keyword, "\(keyword) must be a number") }
      return n
    }
    func reference(_ keyword: String) throws(SchemaError) -> (NodeRef, Location, URIReference)? {
      guard let value = object[keyword] else { return nil }
      guard case .string(let text) = value else { throw fail(keyword, "\(keyword) must be a string") }
      let absolute = URIReference(text).resolved(against: base)
      let target = try resolve(absolute, from: location, keyword: keyword)
      if target.document == SchemaCompiler.unresolvedDocument {
        let warning = self.error(
          "unresolvable reference \(absolute): instances that reach it fail (register it with --ref FILE, serve its folder with --ref-map PREFIX=DIR, or allow downloads with --allow-network)",
          at: Location(document: location.document, pointer: location.pointer + [keyword]))
        warnings.append(warning)
      }
      return (NodeRef(try self.node(at: target)), target, absolute)
    }

    // Core: references. Drafts 4 to 7 ignore every keyword beside `$ref`.
    if let (target, _, _) = try reference("$ref") {
      keywords.append(.ref(target))
      if draft.refOverridesSiblings {
        node.keywords = keywords
        return
      }
    }
    if draft == .draft2019_09, let (target, targetLocation, _) = try reference("$recursiveRef") {
      let (targetBase, _) = self.base(of: targetLocation)
      let recursive = dynamicAnchorNames[targetBase.description]?[""] == targetLocation
      keywords.append(.dynamicRef(target, anchor: recursive ? "" : nil))
    }
    if draft >= .draft2020_12, let (target, targetLocation, absolute) = try reference("$dynamicRef") {
      var anchor: String?
      if let fragment = absolute.fragment, !fragment.isEmpty, !fragment.hasPrefix("/") {
        let (targetBase, _) = self.base(of: targetLocation)
        if dynamicAnchorNames[targetBase.description]?[fragment] == targetLocation {
          anchor = fragment
        }
      }
      keywords.append(.dynamicRef(target, anchor: anchor))
    }
    // Eagerly compile definitions so their problems (bad regex, cycles) are reported.
    for keyword in ["$defs", "definitions"] {
      if case .object(let defs) = object[keyword] ?? .null {
        for (name, _) in defs { _ = try child(location, keyword, name) }
      }
    }

    if vocabularies.contains(.validation) {
      if let value = object["type"] {
        var set: TypeSet = []
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let list): names = list
        default: throw fail("type", "type must be a string or an array of strings")
        }
        for name in names {
          guard case .string(let text) = name, let t = TypeSet.named(text) else {
            throw fail("type", "unknown type \(name)")
          }
          set.insert(t)
        }
        if set.contains(.number) { set.insert(.integer) }
        keywords.append(.type(set))
      }
      if let value = object["enum"] {
        guard case .array(let list) = value else { throw fail("enum", "enum must be an array") }
        keywords.append(.enumeration(EnumKeyword(list)))
      }
      if draft >= .draft6, let value = object["const"] { keywords.append(.constant(value)) }
      if let n = try number("multipleOf") {
        guard !n.isNegative && !n.isZero else {
          throw fail("multipleOf", "multipleOf must be greater than 0")
        }
        keywords.append(.multipleOf(n))
      }
      if draft == .draft4 {
        // Draft 4: boolean `exclusiveMaximum`/`exclusiveMinimum` make the limit exclusive.
        for keyword in ["exclusiveMaximum", "exclusiveMinimum"] {
          if let value = object[keyword], value.boolValue == nil {
            throw fail(keyword, "\(keyword) must be a boolean in draft 4")
          }
        }
        if let n = try number("maximum") {
          keywords.append(object["exclusiveMaximum"] == .bool(true) ? .exclusiveMaximum(n) : .maximum(n))
        }
        if let n = try number("minimum") {
          keywords.append(object["exclusiveMinimum"] == .bool(true) ? .exclusiveMinimum(n) : .minimum(n))
        }
      } else {
        if let n = try number("maximum") { keywords.append(.maximum(n)) }
        if let n = try number("exclusiveMaximum") { keywords.append(.exclusiveMaximum(n)) }
        if let n = try number("minimum") { keywords.append(.minimum(n)) }
        if let n = try number("exclusiveMinimum") { keywords.append(.exclusiveMinimum(n)) }
      }
      if let n = try nonNegativeInt("maxLength") { keywords.append(.maxLength(n)) }
      if let n = try nonNegativeInt("minLength") { keywords.append(.minLength(n)) }
      if let value = object["pattern"] {
        guard case .string(let text) = value else { throw fail("pattern", "pattern must be a string") }
        do {
          keywords.append(.pattern(try ECMARegex(text)))
        } catch {
          throw fail("pattern", error.message)
        }
      }
      if let n = try nonNegativeInt("maxItems") { keywords.append(.maxItems(n)) }
      if let n = try nonNegativeInt("minItems") { keywords.append(.minItems(n)) }
      if object["uniqueItems"] == .bool(true) { keywords.append(.uniqueItems) }
      if let n = try nonNegativeInt("maxProperties") { keywords.append(.maxProperties(n)) }
      if let n = try nonNegativeInt("minProperties") { keywords.append(.minProperties(n)) }
      if let value = object["required"] {
        guard case .array(let list) = value else {
          throw fail("required", "required must be an array of strings")
        }
        var names: [String] = []
        for item in list {
          guard case .string(let name) = item else {
            throw fail("required", "required must be an array of strings")
          }
          names.append(name)
        }
        if !names.isEmpty { keywords.append(.required(names)) }
      }
      if draft >= .draft2019_09, let value = object["dependentRequired"] {
        guard case .object(let map) = value else {
          throw fail("dependentRequired", "dependentRequired must be an object")
        }
        var entries: [(String, [String])] = []
        for (name, list) in map {
          guard case .array(let items) = list else {
            throw fail("dependentRequired", "dependentRequired values must be arrays of strings")
          }
          entries.append((name, items.compactMap(\.stringValue)))
        }
        keywords.append(.dependentRequired(entries))
      }
    }

    if vocabularies.contains(.applicator) {
      if case .array(let list) = object["allOf"] ?? .null {
        keywords.append(
          .allOf(try list.indices.map { i throws(SchemaError) in try child(location, "allOf", String(i)) }))
      }
      if case .array(let list) = object["anyOf"] ?? .null {
        keywords.append(
          .anyOf(try list.indices.map { i throws(SchemaError) in try child(location, "anyOf", String(i)) }))
      }
      if case .array(let list) = object["oneOf"] ?? .null {
        keywords.append(
          .oneOf(try list.indices.map { i throws(SchemaError) in try child(location, "oneOf", String(i)) }))
      }
      if object["not"] != nil { keywords.append(.not(try child(location, "not"))) }
      if draft >= .draft7, object["if"] != nil {
        let condition = try child(location, "if")
        let then = object["then"] != nil ? try child(location, "then") : nil
        let otherwise = object["else"] != nil ? try child(location, "else") : nil
        // `if` alone only produces annotations, which `unevaluated*` may need.
        keywords.append(
          .conditional(ConditionalKeyword(condition: condition, then: then, otherwise: otherwise)))
      }
      let properties = object["properties"]?.objectValue ?? JSONObject()
      let patternProperties = object["patternProperties"]?.objectValue ?? JSONObject()
      if !properties.isEmpty || !patternProperties.isEmpty || object["additionalProperties"] != nil {
        var named: [(String, NodeRef)] = []
        for (name, _) in properties { named.append((name, try child(location, "properties", name))) }
        var patterns: [PatternSchema] = []
        for (source, _) in patternProperties {
          let regex: ECMARegex
          do {
            regex = try ECMARegex(source)
          } catch {
            throw self.error(
              error.message,
              at: Location(
                document: location.document, pointer: location.pointer + ["patternProperties", source]))
          }
          patterns.append(
            PatternSchema(
              source: source, regex: regex, schema: try child(location, "patternProperties", source)))
        }
        let additional =
          object["additionalProperties"] != nil ? try child(location, "additionalProperties") : nil
        keywords.append(
          .properties(PropertiesKeyword(named: NameTable(named), patterns: patterns, additional: additional)))
      }
      if draft >= .draft2019_09, case .object(let map) = object["dependentSchemas"] ?? .null {
        var entries: [(String, NodeRef)] = []
        for (name, _) in map { entries.append((name, try child(location, "dependentSchemas", name))) }
        keywords.append(.dependentSchemas(entries))
      }
      if case .object(let map) = object["dependencies"] ?? .null {
        // Drafts 4 to 7; later drafts split it into `dependentRequired`/`dependentSchemas` and
        // it stays accepted there for compatibility.
        var schemas: [(String, NodeRef)] = []
        var required: [(String, [String])] = []
        for (name, value) in map {
          if case .array(let names) = value {
            required.append((name, names.compactMap(\.stringValue)))
          } else {
            schemas.append((name, try child(location, "dependencies", name)))
          }
        }
        if !required.isEmpty { keywords.append(.dependentRequired(required)) }
        if !schemas.isEmpty { keywords.append(.dependentSchemas(schemas)) }
      }
      if draft >= .draft6, object["propertyNames"] != nil {
        keywords.append(.propertyNames(try child(location, "propertyNames")))
      }
      if draft <= .draft2019_09 {
        // Array-form `items` with `additionalItems` for the rest; `additionalItems` is ignored
        // beside a single `items` schema.
        if case .array(let list) = object["items"] ?? .null {
          let prefix = try list.indices.map { i throws(SchemaError) in try child(location, "items", String(i))
          }
          let rest = object["additionalItems"] != nil ? try child(location, "additionalItems") : nil
          keywords.append(
            .items(
              ItemsKeyword(prefix: prefix, rest: rest, prefixKeyword: "items", restKeyword: "additionalItems")
            ))
        } else if object["items"] != nil {
          keywords.append(.items(ItemsKeyword(prefix: [], rest: try child(location, "items"))))
        }
      } else {
        var prefix: [NodeRef] = []
        if case .array(let list) = object["prefixItems"] ?? .null {
          prefix = try list.indices.map { i throws(SchemaError) in
            try child(location, "prefixItems", String(i))
          }
        }
        let rest = object["items"] != nil ? try child(location, "items") : nil
        if !prefix.isEmpty || rest != nil {
          keywords.append(.items(ItemsKeyword(prefix: prefix, rest: rest)))
        }
      }
      if draft >= .draft6, object["contains"] != nil {
        let sub = try child(location, "contains")
        var minimum = 1
        var maximum: Int?
        var hasMin = false
        if draft >= .draft2019_09, vocabularies.contains(.validation) {
          if let n = try nonNegativeInt("minContains") {
            minimum = n
            hasMin = true
          }
          maximum = try nonNegativeInt("maxContains")
        }
        keywords.append(
          .contains(ContainsKeyword(schema: sub, minimum: minimum, maximum: maximum, hasMinimum: hasMin)))
      }
    }

    if let value = object["format"], case .string(let name) = value {
      let asserts = options.asserts(format: name) || vocabularies.contains(.formatAssertion)
      if asserts, let checker = FormatChecker.named(name) {
        keywords.append(.format(checker))
      }
    }

    if draft >= .draft2019_09, vocabularies.contains(.unevaluated) {
      if object["unevaluatedProperties"] != nil {
        trailing.append(.unevaluatedProperties(try child(location, "unevaluatedProperties")))
        node.needsAnnotations = true
      }
      if object["unevaluatedItems"] != nil {
        trailing.append(.unevaluatedItems(try child(location, "unevaluatedItems")))
        node.needsAnnotations = true
      }
    }
    node.keywords = keywords + trailing
  }

  /// Marks nodes whose keywords never apply a subschema.
  func markLeaves() {
    for node in store where node.boolean == nil {
      node.isLeaf = node.keywords.allSatisfy { keyword in
        switch keyword {
        case .type, .enumeration, .constant, .multipleOf, .maximum, .exclusiveMaximum, .minimum,
          .exclusiveMinimum,
          .maxLength, .minLength, .pattern, .maxItems, .minItems, .uniqueItems, .maxProperties,
          .minProperties,
          .required, .dependentRequired, .format, .unresolvable:
          return true
        default:
          return false
        }
      }
    }
  }

  // MARK: Static annotations

  /// Replaces `unevaluatedProperties` by a static name check where the properties that
  /// adjacent keywords evaluate are known at compile time (only `properties`,
  /// `additionalProperties`, `allOf` and `$ref` contribute), so no annotations are collected
  /// while validating.
  func optimizeUnevaluated() {
    for node in store {
      var changed = false
      var keywords = node.keywords
      for (i, keyword) in keywords.enumerated() {
        guard case .unevaluatedProperties(let sub) = keyword else { continue }
        var visiting = Set<ObjectIdentifier>()
        guard let (names, all) = staticProperties(node, skipOwn: true, &visiting) else { continue }
        keywords[i] =
          all
          ? .unevaluatedPropertiesStatic(StaticNames([]), NodeRef(trueNode))
          : .unevaluatedPropertiesStatic(StaticNames(names), sub)
        changed = true
      }
      if changed {
        node.keywords = keywords
        node.needsAnnotations = keywords.contains {
          if case .unevaluatedProperties = $0 { return true }
          if case .unevaluatedItems = $0 { return true }
          return false
        }
      }
    }
  }

  lazy var trueNode: SchemaNode = {
    let node = SchemaNode(absoluteLocation: "urn:dossier:true#", resource: resource(for: "urn:dossier:true"))
    node.boolean = true
    store.append(node)
    return node
  }()

  func staticProperties(_ node: SchemaNode, skipOwn: Bool, _ visiting: inout Set<ObjectIdentifier>)
    -> (Set<String>, Bool)?
  {
    if node.boolean != nil { return ([], false) }
    // Long in-place chains fall back to collecting annotations at run time.
    guard visiting.count < 64, visiting.insert(ObjectIdentifier(node)).inserted else { return nil }
    defer { visiting.remove(ObjectIdentifier(node)) }
    var names = Set<String>()
    var all = false
    for keyword in node.keywords {
      switch keyword {
      case .properties(let p):
        if !p.patterns.isEmpty { return nil }
        if p.additional != nil { all = true }
        names.formUnion(p.named.names)
      case .allOf(let list):
        for sub in list {
          guard let (n, a) = staticProperties(sub.node, skipOwn: false, &visiting) else { return nil }
          names.formUnion(n)
          all = all || a
        }
      case .ref(let target):
        guard let (n, a) = staticProperties(target.node, skipOwn: false, &visiting) else { return nil }
        names.formUnion(n)
        all = all || a
      case .anyOf, .oneOf, .conditional, .dynamicRef, .dependentSchemas:
        return nil
      case .unevaluatedProperties, .unevaluatedPropertiesStatic:
        if !skipOwn { all = true }
      default:
        break
      }
    }
    return (names, all)
  }

  // MARK: Reference cycles

  /// Finds a cycle of in-place applicators (`$ref`, `allOf`, …) that never moves into the
  /// instance: evaluating it would never end.
  /// With `tolerate`, the node that closes each cycle fails every instance instead (a warning).
  func checkCycles(tolerate: Bool = false) throws(SchemaError) {
    var state: [ObjectIdentifier: Int] = [:]  // 1 visiting, 2 done
    var path: [SchemaNode] = []
    func inPlace(_ node: SchemaNode) -> [SchemaNode] {
      var result: [SchemaNode] = []
      for keyword in node.keywords {
        switch keyword {
        case .ref(let r): result.append(r.node)
        case .allOf(let list), .anyOf(let list), .oneOf(let list): result += list.map(\.node)
        case .not(let r): result.append(r.node)
        case .conditional(let c):
          result.append(c.condition.node)
          if let t = c.then { result.append(t.node) }
          if let e = c.otherwise { result.append(e.node) }
        case .dependentSchemas(let list): result += list.map(\.1.node)
        default: break
        }
      }
      return result
    }
    // Iterative depth-first search (long `$ref` chains must not exhaust the stack).
    func visit(_ root: SchemaNode) throws(SchemaError) {
      if state[ObjectIdentifier(root)] == 2 { return }
      var stack: [(node: SchemaNode, next: [SchemaNode], position: Int)] = []
      state[ObjectIdentifier(root)] = 1
      path.append(root)
      stack.append((root, inPlace(root), 0))
      while !stack.isEmpty {
        let top = stack.count - 1
        if stack[top].position == stack[top].next.count {
          state[ObjectIdentifier(stack[top].node)] = 2
          path.removeLast()
          stack.removeLast()
          continue
        }
        let child = stack[top].next[stack[top].position]
        stack[top].position += 1
        let id = ObjectIdentifier(child)
        if state[id] == 2 { continue }
        if state[id] == 1 {
          let start = path.firstIndex { $0 === child } ?? 0
          let cycle = (path[start...].map(\.absoluteLocation) + [child.absoluteLocation]).joined(
            separator: " → ")
          let message = "$ref cycle that never moves into the instance (evaluation would not end): \(cycle)"
          guard tolerate else { throw SchemaError(message: message, schemaLocation: child.absoluteLocation) }
          warnings.append(
            SchemaError(
              message: message + "; instances that reach it fail", schemaLocation: child.absoluteLocation))
          child.keywords = [.unresolvable(message)]
          continue
        }
        state[id] = 1
        path.append(child)
        stack.append((child, inPlace(child), 0))
      }
    }
    for node in store { try visit(node) }
  }
}
