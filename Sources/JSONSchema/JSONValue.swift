#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    case (.string(let a), .string(let b)): return JSONValue.sameScalars(a, b)
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)): return a == b
    default: return false
    }
  }

  /// Code-point equality of two strings (Swift's `==` also equates canonically equivalent strings).
  @inline(__always)
  static func sameScalars(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    return sameScalarsOfEqualLength(a, b)
  }

  /// Fast key comparison: equal UTF-8 length, then Swift equality (whose fast path is a bit
  /// comparison for identical small strings).
  @inline(__always)
  static func keyEqual(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a == b
  }

  static func sameScalarsOfEqualLength(_ a: String, _ b: String) -> Bool {
    var x = a
    var y = b
    return x.withUTF8 { bx in
      y.withUTF8 { by in
        bx.count == 0 || memcmp(bx.baseAddress!, by.baseAddress!, bx.count) == 0
      }
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
/// Members live in one copy-on-write buffer in insertion order, so copying an object is one
/// reference count and iteration allocates nothing. Small objects are searched linearly
/// (faster than hashing for short keys); larger ones have a hash index.
public struct JSONObject: Hashable, Sendable, Sequence {
  final class Storage: @unchecked Sendable {
    // Mutated only while uniquely referenced (copy-on-write), so dynamic exclusivity checks
    // are not needed.
    @exclusivity(unchecked) var keys: [String]
    @exclusivity(unchecked) var values: [JSONValue]
    @exclusivity(unchecked) var index: [String: Int]?

    init(keys: [String], values: [JSONValue], index: [String: Int]?) {
      self.keys = keys
      self.values = values
      self.index = index
    }

    static let indexThreshold = 16

    func position(of key: String) -> Int? {
      if let index { return index[key] }
      for i in 0..<keys.count where JSONValue.keyEqual(keys[i], key) { return i }
      return nil
    }

    func rebuildIndex() {
      if keys.count > Storage.indexThreshold {
        var map: [String: Int] = [:]
        map.reserveCapacity(keys.count)
        for (i, key) in keys.enumerated() { map[key] = i }
        index = map
      } else {
        index = nil
      }
    }
  }

  private var storage: Storage

  /// Keys in insertion order.
  public var keys: [String] { storage.keys }
  /// Values in the same order as `keys`.
  public var values: [JSONValue] { storage.values }

  public init() {
    storage = Storage(keys: [], values: [], index: nil)
  }

  /// Makes room for `capacity` members, so that adding them does not reallocate.
  public mutating func reserveCapacity(_ capacity: Int) {
    if !isKnownUniquelyReferenced(&storage) {
      storage = Storage(keys: storage.keys, values: storage.values, index: storage.index)
    }
    storage.keys.reserveCapacity(capacity)
    storage.values.reserveCapacity(capacity)
  }

  /// Creates an object from ordered pairs; a later duplicate key replaces the earlier value
  /// but keeps the first position. Readers check duplicates before calling this.
  public init(_ pairs: [(String, JSONValue)]) {
    storage = Storage(keys: [], values: [], index: nil)
    storage.keys.reserveCapacity(pairs.count)
    storage.values.reserveCapacity(pairs.count)
    for (key, value) in pairs { self[key] = value }
  }

  /// Creates an object from keys known to be unique, with their values in the same order (one
  /// value per key); no duplicate check, so building it costs no lookups.
  public init(uniqueKeys: [String], values: [JSONValue]) {
    precondition(uniqueKeys.count == values.count, "one value per key")
    storage = Storage(keys: uniqueKeys, values: values, index: nil)
    storage.rebuildIndex()
  }

  /// Creates an object from keys and values known to be unique (used by readers).
  init(uniqueKeys: [String], values: [JSONValue], index: [String: Int]) {
    storage = Storage(keys: uniqueKeys, values: values, index: nil)
    if uniqueKeys.count > Storage.indexThreshold {
      storage.index = index.count == uniqueKeys.count ? index : nil
      if storage.index == nil { storage.rebuildIndex() }
    }
  }

  public var count: Int { storage.keys.count }
  public var isEmpty: Bool { storage.keys.isEmpty }

  public subscript(key: String) -> JSONValue? {
    get {
      guard let i = storage.position(of: key) else { return nil }
      return storage.values[i]
    }
    set {
      if !isKnownUniquelyReferenced(&storage) {
        storage = Storage(keys: storage.keys, values: storage.values, index: storage.index)
      }
      if let newValue {
        if let i = storage.position(of: key) {
          storage.values[i] = newValue
        } else {
          storage.keys.append(key)
          storage.values.append(newValue)
          if storage.index != nil {
            storage.index![key] = storage.keys.count - 1
          } else if storage.keys.count > Storage.indexThreshold {
            storage.rebuildIndex()
          }
        }
      } else if let i = storage.position(of: key) {
        storage.keys.remove(at: i)
        storage.values.remove(at: i)
        storage.rebuildIndex()
      }
    }
  }

  /// True when the object has a member with this key.
  public func contains(key: String) -> Bool { storage.position(of: key) != nil }

  /// The position of `key` in `keys`, trying `hint` first: for keys looked up in the order the object
  /// holds them (one comparison each instead of a hash or a scan).
  public func position(of key: String, hint: Int) -> Int? {
    if hint >= 0 && hint < storage.keys.count && JSONValue.keyEqual(storage.keys[hint], key) { return hint }
    return storage.position(of: key)
  }

  /// The members in insertion order.
  public var pairs: [(key: String, value: JSONValue)] { Array(self) }

  public func makeIterator() -> Iterator { Iterator(storage: storage) }

  /// Iterates members in insertion order.
  public struct Iterator: IteratorProtocol {
    let storage: Storage
    var position = 0
    public mutating func next() -> (key: String, value: JSONValue)? {
      guard position < storage.keys.count else { return nil }
      defer { position += 1 }
      return (storage.keys[position], storage.values[position])
    }
  }

  /// Calls `body` with each member, in order, without copying the member arrays.
  func forEachMember(_ body: (String, JSONValue) throws -> Void) rethrows {
    let storage = self.storage
    for i in 0..<storage.keys.count { try body(storage.keys[i], storage.values[i]) }
  }

  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.count == rhs.count else { return false }
    if lhs.storage === rhs.storage { return true }
    for i in 0..<lhs.storage.keys.count {
      guard let other = rhs[lhs.storage.keys[i]], other == lhs.storage.values[i] else { return false }
    }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    // Order-independent: combine per-member hashes commutatively.
    var combined = 0
    for i in 0..<storage.keys.count {
      var h = Hasher()
      h.combine(storage.keys[i])
      h.combine(storage.values[i])
      combined = combined &+ h.finalize()
    }
    hasher.combine(count)
    hasher.combine(combined)
  }
}
