import JSONSchema

/// Maps JSON Pointers into a value back to where its parts were written.
///
/// A map is made of YAML documents, each mounted at a pointer (the root for a loaded file), plus
/// explicit entries. Lookups walk the composed node tree (O(depth × keys per mapping)), so building
/// the map costs nothing while loading. The location of a value is its start (with its end); an object
/// member also has the location of its key, so an error about a member can point at the key.
///
/// Later stages combine maps: `mounted(at:)` places a file's map under a member of a larger value,
/// `merging(_:)` combines maps, and `setLocation(_:keyLocation:at:)` records values that come from
/// elsewhere (for example from the document text). Explicit entries win over document lookups, and
/// earlier layers over later ones.
public struct JSONSourceMap: Sendable {
  /// A location, and for object members the location of the key.
  public struct Entry: Hashable, Sendable {
    /// Where the value starts (with its end).
    public var location: SourceLocation
    /// Where the member's key is written, for object members.
    public var keyLocation: SourceLocation?

    public init(location: SourceLocation, keyLocation: SourceLocation? = nil) {
      self.location = location
      self.keyLocation = keyLocation
    }
  }

  struct Layer: Sendable {
    var document: YAMLDocument
    var mount: [String]
  }

  var layers: [Layer]
  var explicit: [JSONPointer: Entry]

  /// A map over a composed document, mounted at the root.
  public init(document: YAMLDocument) {
    layers = [Layer(document: document, mount: [])]
    explicit = [:]
  }

  /// A map that knows no locations.
  public static let empty = JSONSourceMap(layers: [], explicit: [:])

  private init(layers: [Layer], explicit: [JSONPointer: Entry]) {
    self.layers = layers
    self.explicit = explicit
  }

  /// The files the locations refer to, in layer order.
  public var files: [String] { layers.map(\.document.file) }

  /// This map with every pointer moved under `prefix` (`/a` in this map becomes `/prefix/a`).
  public func mounted(at prefix: JSONPointer) -> JSONSourceMap {
    var moved = JSONSourceMap(
      layers: layers.map { Layer(document: $0.document, mount: prefix.tokens + $0.mount) }, explicit: [:])
    for (pointer, entry) in explicit {
      moved.explicit[JSONPointer(tokens: prefix.tokens + pointer.tokens)] = entry
    }
    return moved
  }

  /// This map combined with `other`; where both know a pointer, this map wins.
  public func merging(_ other: JSONSourceMap) -> JSONSourceMap {
    JSONSourceMap(
      layers: layers + other.layers, explicit: explicit.merging(other.explicit) { mine, _ in mine })
  }

  /// Records the location of the value at `pointer` (and of its key), overriding document lookups.
  public mutating func setLocation(
    _ location: SourceLocation, keyLocation: SourceLocation? = nil, at pointer: JSONPointer
  ) {
    explicit[pointer] = Entry(location: location, keyLocation: keyLocation)
  }

  /// Where the value at `pointer` starts (and ends); `nil` when no layer knows the pointer.
  public func location(at pointer: JSONPointer) -> SourceLocation? { entry(at: pointer)?.location }

  /// Where the key of the object member at `pointer` is written; `nil` for array items, the root and
  /// unknown pointers.
  public func keyLocation(at pointer: JSONPointer) -> SourceLocation? { entry(at: pointer)?.keyLocation }

  /// The location and key location of `pointer`.
  public func entry(at pointer: JSONPointer) -> Entry? {
    if let entry = explicit[pointer] { return entry }
    for layer in layers {
      guard let rest = Self.remainder(of: pointer.tokens, after: layer.mount),
        let found = Self.find(rest, in: layer.document)
      else { continue }
      let storage = layer.document.storage
      return Entry(
        location: YAMLNode(storage: storage, index: found.node).location,
        keyLocation: found.key.map { YAMLNode(storage: storage, index: $0).location })
    }
    return nil
  }

  /// The location of the deepest known value along `pointer`: the value itself when known, else its
  /// nearest known ancestor (for errors such as a missing required member).
  public func nearestLocation(at pointer: JSONPointer) -> SourceLocation? {
    var tokens = pointer.tokens[...]
    while true {
      if let location = location(at: JSONPointer(tokens: Array(tokens))) { return location }
      if tokens.isEmpty { return nil }
      tokens = tokens.dropLast()
    }
  }

  /// The YAML node for `pointer` in the first layer that has it, aliases followed.
  public func node(at pointer: JSONPointer) -> YAMLNode? {
    for layer in layers {
      guard let rest = Self.remainder(of: pointer.tokens, after: layer.mount),
        let found = Self.find(rest, in: layer.document)
      else { continue }
      return YAMLNode(storage: layer.document.storage, index: found.node).resolved
    }
    return nil
  }

  /// Every pointer the map knows with its entry: explicit entries first (sorted by pointer), then each
  /// layer's values in document order. Aliased subtrees are listed under each alias, at the anchored
  /// node's positions.
  public func entries() -> [(pointer: JSONPointer, entry: Entry)] {
    var out: [(pointer: JSONPointer, entry: Entry)] = explicit.sorted { $0.key < $1.key }.map {
      ($0.key, $0.value)
    }
    for layer in layers {
      let storage = layer.document.storage
      var stack: [(node: Int32, key: Int32?, pointer: JSONPointer)] = [
        (layer.document.rootIndex, nil, JSONPointer(tokens: layer.mount))
      ]
      while let (index, key, pointer) = stack.popLast() {
        out.append(
          (
            pointer,
            Entry(
              location: YAMLNode(storage: storage, index: index).location,
              keyLocation: key.map { YAMLNode(storage: storage, index: $0).location })
          ))
        var r = storage.nodes[Int(index)]
        while r.kind == .alias { r = storage.nodes[Int(r.payload)] }
        let start = Int(r.payload)
        var next: [(node: Int32, key: Int32?, pointer: JSONPointer)] = []
        switch r.kind {
        case .sequence:
          for k in 0..<Int(r.count) { next.append((storage.children[start + k], nil, pointer.appending(k))) }
        case .mapping:
          for k in stride(from: start, to: start + Int(r.count), by: 2) {
            guard let text = Self.stringKey(storage.children[k], in: storage) else { continue }
            next.append((storage.children[k + 1], storage.children[k], pointer.appending(text)))
          }
        default:
          break
        }
        stack.append(contentsOf: next.reversed())
      }
    }
    return out
  }

  private static func remainder(of tokens: [String], after mount: [String]) -> ArraySlice<String>? {
    guard tokens.count >= mount.count, tokens.starts(with: mount) else { return nil }
    return tokens[mount.count...]
  }

  private static func find(_ tokens: ArraySlice<String>, in document: YAMLDocument) -> (
    node: Int32, key: Int32?
  )? {
    let storage = document.storage
    var current = document.rootIndex
    var key: Int32?
    for token in tokens {
      var r = storage.nodes[Int(current)]
      while r.kind == .alias { r = storage.nodes[Int(r.payload)] }
      let start = Int(r.payload)
      switch r.kind {
      case .sequence:
        guard let k = Int(token), String(k) == token, k >= 0, k < Int(r.count) else { return nil }
        current = storage.children[start + k]
        key = nil
      case .mapping:
        if Int(r.count) / 2 > MappingKeyIndex.threshold {
          var node = current
          while storage.nodes[Int(node)].kind == .alias { node = storage.nodes[Int(node)].payload }
          if let k = storage.keyIndex.keyPosition(
            of: token, in: node, record: r, storage: storage, stringKey: { stringKey($0, in: storage) })
          {
            key = storage.children[k]
            current = storage.children[k + 1]
            continue
          }
          // Large mappings (hostile input) are only searched through the index: linear.
          return nil
        }
        guard let (keyIndex, valueIndex) = member(token, of: r, in: storage, depth: 0) else { return nil }
        key = keyIndex
        current = valueIndex
      default:
        return nil
      }
    }
    return (current, key)
  }

  /// The key and value nodes of member `token` of a mapping: a key written as `token` (scalar keys
  /// of any type, as `dossier check` converts them), else a member merged in with `<<`.
  private static func member(
    _ token: String, of mapping: YAMLNodeRecord, in storage: YAMLDocument.Storage, depth: Int
  ) -> (key: Int32, value: Int32)? {
    let start = Int(mapping.payload)
    var merges: [Int32] = []
    for k in stride(from: start, to: start + Int(mapping.count), by: 2) {
      let keyRecord = storage.nodes[Int(storage.children[k])]
      if YAMLJSONConverter.isMergeKey(keyRecord, storage.texts) {
        merges.append(storage.children[k + 1])
      } else if scalarKey(storage.children[k], in: storage) == token {
        return (storage.children[k], storage.children[k + 1])
      }
    }
    guard depth < 32 else { return nil }
    for merge in merges {
      var r = storage.nodes[Int(merge)]
      while r.kind == .alias { r = storage.nodes[Int(r.payload)] }
      var sources: [YAMLNodeRecord] = []
      if r.kind == .mapping { sources = [r] }
      if r.kind == .sequence {
        for k in 0..<Int(r.count) {
          var item = storage.nodes[Int(storage.children[Int(r.payload) + k])]
          while item.kind == .alias { item = storage.nodes[Int(item.payload)] }
          if item.kind == .mapping { sources.append(item) }
        }
      }
      for source in sources {
        if let found = member(token, of: source, in: storage, depth: depth + 1) { return found }
      }
    }
    return nil
  }

  private static func scalarKey(_ index: Int32, in storage: YAMLDocument.Storage) -> String? {
    var r = storage.nodes[Int(index)]
    while r.kind == .alias { r = storage.nodes[Int(r.payload)] }
    guard r.kind == .scalar else { return nil }
    return storage.texts[Int(r.payload)]
  }

  private static func stringKey(_ index: Int32, in storage: YAMLDocument.Storage) -> String? {
    var r = storage.nodes[Int(index)]
    while r.kind == .alias { r = storage.nodes[Int(r.payload)] }
    guard r.kind == .scalar, r.scalarKind == .string else { return nil }
    return storage.texts[Int(r.payload)]
  }
}
