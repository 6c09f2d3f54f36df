/// One compiled schema (an object or boolean schema) inside a validator tree.
///
/// Nodes are created and filled by `SchemaCompiler` and never change afterwards, which is why
/// they can be shared between threads.
final class SchemaNode: @unchecked Sendable {
  /// `true`/`false` for boolean schemas; `nil` for object schemas.
  var boolean: Bool?
  /// Keywords in evaluation order (`unevaluated*` last).
  var keywords: [Keyword] = []
  /// Canonical absolute location (`uri#/json/pointer`), used for `absoluteKeywordLocation`.
  let absoluteLocation: String
  /// The schema resource this node belongs to (for `$dynamicRef`).
  unowned(unsafe) let resource: SchemaResource
  /// True when a keyword of this node needs annotations of adjacent keywords.
  var needsAnnotations = false
  /// True when this node, or something it applies in place, produces annotations.
  var hasAnnotations = true

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
  var dynamicAnchors: [String: NodeRef] = [:]
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

/// A compiled keyword. Keywords that depend on siblings are combined
/// (`properties`/`patternProperties`/`additionalProperties`, `prefixItems`/`items`,
/// `contains`/`minContains`/`maxContains`, `if`/`then`/`else`).
enum Keyword: Sendable {
  case type(TypeSet)
  case enumeration([JSONValue], Set<JSONValue>)
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
  case properties(
    named: [String: NodeRef], order: [String], patterns: [PatternSchema], additional: NodeRef?,
    declaredNames: [String])
  case propertyNames(NodeRef)
  case dependentSchemas([(String, NodeRef)])
  case items(prefix: [NodeRef], rest: NodeRef?)
  case contains(NodeRef, min: Int, max: Int?, hasMin: Bool)
  case allOf([NodeRef])
  case anyOf([NodeRef])
  case oneOf([NodeRef])
  case not(NodeRef)
  case conditional(condition: NodeRef, then: NodeRef?, otherwise: NodeRef?)
  case ref(NodeRef)
  case dynamicRef(NodeRef, anchor: String?)
  case format(FormatChecker)
  case unevaluatedProperties(NodeRef)
  case unevaluatedItems(NodeRef)
}
