/// A JSON value as defined by RFC 8259, with exact numbers and insertion-ordered objects.
///
/// Equality follows JSON Schema's rules: numbers compare by mathematical value (`1.0 == 1`),
/// objects compare as unordered maps, arrays element by element.
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case number(JSONNumber)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// Creates an integer number value.
  public static func integer(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

  /// The JSON Schema type name of this value (`integer` for numbers with no fractional part).
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "boolean"
    case .number(let n): return n.isInteger ? "integer" : "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }

  /// The string payload, if this is a string.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The object payload, if this is an object.
  public var objectValue: JSONObject? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// The array payload, if this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// The number payload, if this is a number.
  public var numberValue: JSONNumber? {
    if case .number(let n) = self { return n }
    return nil
  }

  /// The boolean payload, if this is a boolean.
  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// Looks up a member of an object; `nil` for non-objects and absent keys.
  public subscript(key: String) -> JSONValue? {
    objectValue?[key]
  }
}

/// A JSON object that remembers the order its members were added in.
///
/// Keys are unique; readers that meet a duplicate report it instead of inserting.
public struct JSONObject: Hashable, Sendable, Sequence {
  public private(set) var keys: [String] = []
  private var storage: [String: JSONValue] = [:]

  public init() {}

  /// Creates an object from ordered pairs; a later duplicate key replaces the earlier value
  /// but keeps the first position. Readers check duplicates before calling this.
  public init(_ pairs: [(String, JSONValue)]) {
    for (key, value) in pairs { self[key] = value }
  }

  /// Makes room for `capacity` members, so that adding them does not reallocate.
  public mutating func reserveCapacity(_ capacity: Int) {
    keys.reserveCapacity(capacity)
    storage.reserveCapacity(capacity)
  }

  public var count: Int { keys.count }
  public var isEmpty: Bool { keys.isEmpty }

  public subscript(key: String) -> JSONValue? {
    get { storage[key] }
    set {
      if let newValue {
        if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
      } else if storage.removeValue(forKey: key) != nil {
        keys.removeAll { $0 == key }
      }
    }
  }

  /// The members in insertion order.
  public var pairs: [(key: String, value: JSONValue)] { keys.map { ($0, storage[$0]!) } }

  public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
    pairs.makeIterator()
  }

  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.storage == rhs.storage }
  public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}
