/// One compiled schema (an object or boolean schema) inside a validator tree.
///
/// Nodes are created and filled by `SchemaCompiler` and never change afterwards, which is why
/// they can be shared between threads.
final class SchemaNode: @unchecked Sendable {
  /// `true`/`false` for boolean schemas; `nil` for object schemas.
  @exclusivity(unchecked) var boolean: Bool?
  /// Keywords in evaluation order (`unevaluated*` last).
  @exclusivity(unchecked) var keywords: [Keyword] = []
  /// Canonical absolute location (`uri#/json/pointer`), used for `absoluteKeywordLocation`.
  let absoluteLocation: String
  /// The schema resource this node belongs to (for `$dynamicRef`).
  unowned(unsafe) let resource: SchemaResource
  /// True when a keyword of this node needs annotations of adjacent keywords.
  @exclusivity(unchecked) var needsAnnotations = false
  /// True when no keyword applies a subschema (evaluation skips scope and stack bookkeeping).
  @exclusivity(unchecked) var isLeaf = false

  init(absoluteLocation: String, resource: SchemaResource) {
    self.absoluteLocation = absoluteLocation
    self.resource = resource
  }
}

/// A reference to a node owned by the validator's node store (avoids reference cycles).
struct NodeRef: @unchecked Sendable {
  unowned(unsafe) let node: SchemaNode
  init(_ node: SchemaNode) { self.node = node }
}

/// A schema resource (a document root or a subschema with `$id`).
final class SchemaResource: @unchecked Sendable {
  let uri: String
  /// `$dynamicAnchor` names declared in this resource and their nodes (filled at compile time).
  @exclusivity(unchecked) var dynamicAnchors: [String: NodeRef] = [:]
  init(uri: String) { self.uri = uri }
}

/// The JSON types as a bit set.
struct TypeSet: OptionSet, Sendable {
  let rawValue: UInt8
  static let null = TypeSet(rawValue: 1)
  static let boolean = TypeSet(rawValue: 2)
  static let integer = TypeSet(rawValue: 4)
  static let number = TypeSet(rawValue: 8)
  static let string = TypeSet(rawValue: 16)
  static let array = TypeSet(rawValue: 32)
  static let object = TypeSet(rawValue: 64)

  static func named(_ name: String) -> TypeSet? {
    switch name {
    case "null": return .null
    case "boolean": return .boolean
    case "integer": return .integer
    case "number": return .number
    case "string": return .string
    case "array": return .array
    case "object": return .object
    default: return nil
    }
  }

  var names: [String] {
    var result: [String] = []
    let all: [(TypeSet, String)] = [
      (.null, "null"), (.boolean, "boolean"), (.integer, "integer"), (.number, "number"),
      (.string, "string"), (.array, "array"), (.object, "object"),
    ]
    for (t, n) in all where contains(t) { result.append(n) }
    return result
  }
}

/// A pattern with the subschema it applies (`patternProperties`).
struct PatternSchema: Sendable {
  let source: String
  let regex: ECMARegex
  let schema: NodeRef
}

/// Subschemas by name, searched linearly when there are few (faster than hashing short keys).
struct NameTable: @unchecked Sendable {
  let names: [String]
  let schemas: [NodeRef]
  let index: [String: Int]?

  init(_ pairs: [(String, NodeRef)]) {
    names = pairs.map(\.0)
    schemas = pairs.map(\.1)
    if pairs.count > 16 {
      var map: [String: Int] = [:]
      for (i, name) in names.enumerated() { map[name] = i }
      index = map
    } else {
      index = nil
    }
  }

  /// The schema of `name`, trying `names[hint]` first: objects often list their keys in the order the
  /// schema declares them (exported records always do), so one comparison usually finds it. `hint`
  /// moves just past the name found.
  func lookup(_ name: String, hint: inout Int) -> SchemaNode? {
    if hint < names.count, JSONValue.keyEqual(names[hint], name) {
      hint += 1
      return schemas[hint - 1].node
    }
    if let index {
      guard let found = index[name] else { return nil }
      hint = found + 1
      return schemas[found].node
    }
    for i in 0..<names.count where JSONValue.keyEqual(names[i], name) {
      hint = i + 1
      return schemas[i].node
    }
    return nil
  }
}

/// `properties` + `patternProperties` + `additionalProperties` of one schema.
final class PropertiesKeyword: Sendable {
  let named: NameTable
  let patterns: [PatternSchema]
  let additional: NodeRef?

  init(named: NameTable, patterns: [PatternSchema], additional: NodeRef?) {
    self.named = named
    self.patterns = patterns
    self.additional = additional
  }
}

/// `prefixItems` + `items` (2020-12), or array-form `items` + `additionalItems` (earlier drafts).
final class ItemsKeyword: Sendable {
  let prefix: [NodeRef]
  let rest: NodeRef?
  /// The keyword names for error locations.
  let prefixKeyword: String
  let restKeyword: String
  init(
    prefix: [NodeRef], rest: NodeRef?, prefixKeyword: String = "prefixItems", restKeyword: String = "items"
  ) {
    self.prefix = prefix
    self.rest = rest
    self.prefixKeyword = prefixKeyword
    self.restKeyword = restKeyword
  }
}

/// `contains` + `minContains` + `maxContains`.
final class ContainsKeyword: Sendable {
  let schema: NodeRef
  let minimum: Int
  let maximum: Int?
  let hasMinimum: Bool
  init(schema: NodeRef, minimum: Int, maximum: Int?, hasMinimum: Bool) {
    self.schema = schema
    self.minimum = minimum
    self.maximum = maximum
    self.hasMinimum = hasMinimum
  }
}

/// `if` + `then` + `else`.
final class ConditionalKeyword: Sendable {
  let condition: NodeRef
  let then: NodeRef?
  let otherwise: NodeRef?
  init(condition: NodeRef, then: NodeRef?, otherwise: NodeRef?) {
    self.condition = condition
    self.then = then
    self.otherwise = otherwise
  }
}

/// `enum` values, with a hash set for long lists and a fast path for string-only lists.
final class EnumKeyword: Sendable {
  let values: [JSONValue]
  let set: Set<JSONValue>
  let strings: [String]?

  init(_ values: [JSONValue]) {
    self.values = values
    self.set = Set(values)
    let strings = values.compactMap(\.stringValue)
    self.strings = strings.count == values.count ? strings : nil
  }

  func contains(_ value: JSONValue) -> Bool {
    if let strings {
      guard case .string(let s) = value else { return false }
      for candidate in strings where JSONValue.keyEqual(candidate, s) {
        return JSONValue.sameScalarsOfEqualLength(candidate, s)
      }
      return false
    }
    if values.count <= 6 {
      for v in values where v == value { return true }
      return false
    }
    return set.contains(value) && values.contains(value)
  }
}

/// Names known statically to be evaluated by adjacent keywords (for `unevaluatedProperties`).
final class StaticNames: Sendable {
  let names: Set<String>
  let list: [String]
  init(_ names: Set<String>) {
    self.names = names
    self.list = names.sorted()
  }
  func contains(_ name: String) -> Bool {
    if list.count <= 16 {
      for n in list where JSONValue.keyEqual(n, name) { return true }
      return false
    }
    return names.contains(name)
  }
}

/// A compiled keyword. Keywords that depend on siblings are combined
/// (`properties`/`patternProperties`/`additionalProperties`, `prefixItems`/`items`,
/// `contains`/`minContains`/`maxContains`, `if`/`then`/`else`). Payloads with several parts
/// are boxed so evaluating a keyword costs one reference count at most.
enum Keyword: Sendable {
  case type(TypeSet)
  case enumeration(EnumKeyword)
  case constant(JSONValue)
  case multipleOf(JSONNumber)
  case maximum(JSONNumber)
  case exclusiveMaximum(JSONNumber)
  case minimum(JSONNumber)
  case exclusiveMinimum(JSONNumber)
  case maxLength(Int)
  case minLength(Int)
  case pattern(ECMARegex)
  case maxItems(Int)
  case minItems(Int)
  case uniqueItems
  case maxProperties(Int)
  case minProperties(Int)
  case required([String])
  case dependentRequired([(String, [String])])
  case properties(PropertiesKeyword)
  case propertyNames(NodeRef)
  case dependentSchemas([(String, NodeRef)])
  case items(ItemsKeyword)
  case contains(ContainsKeyword)
  case allOf([NodeRef])
  case anyOf([NodeRef])
  case oneOf([NodeRef])
  case not(NodeRef)
  case conditional(ConditionalKeyword)
  case ref(NodeRef)
  /// `$dynamicRef` (2020-12), or `$recursiveRef` (2019-09) with the empty anchor name.
  case dynamicRef(NodeRef, anchor: String?)
  case format(FormatChecker)
  case unevaluatedProperties(NodeRef)
  /// `unevaluatedProperties` when the evaluated names are known at compile time.
  case unevaluatedPropertiesStatic(StaticNames, NodeRef)
  case unevaluatedItems(NodeRef)
  /// A `$ref` whose document nobody provides: fails every instance (with the message).
  case unresolvable(String)
}
