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

  /// Equality as JSON Schema defines it: numbers by value, strings by Unicode code points
  /// (not by Swift's canonical equivalence), objects as unordered maps.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)): return a == b
    default: return false
    }
  }

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
/// Members are stored in insertion order with a hash index, so iteration allocates nothing
/// and lookups are constant time.
public struct JSONObject: Hashable, Sendable, Sequence {
  public private(set) var keys: [String] = []
  /// Values in the same order as `keys`.
  public private(set) var values: [JSONValue] = []
  private var index: [String: Int] = [:]

  public init() {}

  /// Creates an object from ordered pairs; a later duplicate key replaces the earlier value
  /// but keeps the first position. Readers check duplicates before calling this.
  public init(_ pairs: [(String, JSONValue)]) {
    keys.reserveCapacity(pairs.count)
    values.reserveCapacity(pairs.count)
    index.reserveCapacity(pairs.count)
    for (key, value) in pairs { self[key] = value }
  }

  /// Creates an object from keys and values known to be unique (used by readers).
  init(uniqueKeys: [String], values: [JSONValue], index: [String: Int]) {
    self.keys = uniqueKeys
    self.values = values
    self.index = index
  }

  public var count: Int { keys.count }
  public var isEmpty: Bool { keys.isEmpty }

  public subscript(key: String) -> JSONValue? {
    get {
      guard let i = index[key] else { return nil }
      return values[i]
    }
    set {
      if let newValue {
        if let i = index[key] {
          values[i] = newValue
        } else {
          index[key] = keys.count
          keys.append(key)
          values.append(newValue)
        }
      } else if let i = index.removeValue(forKey: key) {
        keys.remove(at: i)
        values.remove(at: i)
        for j in i..<keys.count { index[keys[j]] = j }
      }
    }
  }

  /// True when the object has a member with this key.
  public func contains(key: String) -> Bool { index[key] != nil }

  /// The members in insertion order.
  public var pairs: [(key: String, value: JSONValue)] { Array(self) }

  public func makeIterator() -> Iterator { Iterator(object: self) }

  /// Iterates members in insertion order.
  public struct Iterator: IteratorProtocol {
    let object: JSONObject
    var position = 0
    public mutating func next() -> (key: String, value: JSONValue)? {
      guard position < object.keys.count else { return nil }
      defer { position += 1 }
      return (object.keys[position], object.values[position])
    }
  }

  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.count == rhs.count else { return false }
    for i in 0..<lhs.keys.count {
      guard let other = rhs[lhs.keys[i]], other == lhs.values[i] else { return false }
    }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    // Order-independent: combine per-member hashes commutatively.
    var combined = 0
    for i in 0..<keys.count {
      var h = Hasher()
      h.combine(keys[i])
      h.combine(values[i])
      combined = combined &+ h.finalize()
    }
    hasher.combine(count)
    hasher.combine(combined)
  }
}
