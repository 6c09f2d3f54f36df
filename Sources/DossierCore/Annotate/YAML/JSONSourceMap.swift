import JSONSchema

/// Maps JSON Pointers into a loaded value back to where the value was written in the YAML file.
///
/// Lookups walk the composed node tree (O(depth × keys per mapping)), so building the map costs
/// nothing while loading. The location of a node is its start (with its end); an object member also
/// has the location of its key, so an error about a member can point at the key.
public struct JSONSourceMap: Sendable {
  let document: YAMLDocument?

  /// A map over a composed document.
  public init(document: YAMLDocument) { self.document = document }

  /// A map that knows no locations.
  public static let empty = JSONSourceMap(nothing: ())
  private init(nothing: Void) { self.document = nil }

  /// The file the locations refer to.
  public var file: String? { document?.file }

  /// Where the value at `pointer` starts (and ends); `nil` when the pointer does not exist.
  public func location(at pointer: JSONPointer) -> SourceLocation? {
    guard let document, let found = find(pointer.tokens[...]) else { return nil }
    return YAMLNode(storage: document.storage, index: found.node).location
  }

  /// Where the key of the object member at `pointer` is written; `nil` for array items, the root and
  /// pointers that do not exist.
  public func keyLocation(at pointer: JSONPointer) -> SourceLocation? {
    guard let document, let found = find(pointer.tokens[...]), let key = found.key else { return nil }
    return YAMLNode(storage: document.storage, index: key).location
  }

  /// The location of the deepest existing value along `pointer`: the value itself when it exists, else
  /// its nearest existing ancestor (for errors such as a missing required member).
  public func nearestLocation(at pointer: JSONPointer) -> SourceLocation? {
    var tokens = pointer.tokens[...]
    while true {
      if let location = location(at: JSONPointer(tokens: Array(tokens))) { return location }
      if tokens.isEmpty { return nil }
      tokens = tokens.dropLast()
    }
  }

  /// The YAML node for `pointer`, aliases followed.
  public func node(at pointer: JSONPointer) -> YAMLNode? {
    guard let document, let found = find(pointer.tokens[...]) else { return nil }
    return YAMLNode(storage: document.storage, index: found.node).resolved
  }

  /// Every pointer of the value with its location and (for object members) its key location, in
  /// document order. Aliased subtrees are listed under each alias, at the anchored node's positions.
  public func entries() -> [(pointer: JSONPointer, location: SourceLocation, keyLocation: SourceLocation?)] {
    guard let document else { return [] }
    let storage = document.storage
    var out: [(pointer: JSONPointer, location: SourceLocation, keyLocation: SourceLocation?)] = []
    var stack: [(node: Int32, key: Int32?, pointer: JSONPointer)] = [(document.rootIndex, nil, .root)]
    while let (index, key, pointer) = stack.popLast() {
      out.append(
        (
          pointer, YAMLNode(storage: storage, index: index).location,
          key.map { YAMLNode(storage: storage, index: $0).location }
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
          guard let text = stringKey(storage.children[k], in: storage) else { continue }
          next.append((storage.children[k + 1], storage.children[k], pointer.appending(text)))
        }
      default:
        break
      }
      stack.append(contentsOf: next.reversed())
    }
    return out
  }

  private func find(_ tokens: ArraySlice<String>) -> (node: Int32, key: Int32?)? {
    guard let storage = document?.storage, let root = document?.rootIndex else { return nil }
    var current = root
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
        var found = false
        for k in stride(from: start, to: start + Int(r.count), by: 2)
        where stringKey(storage.children[k], in: storage) == token {
          key = storage.children[k]
          current = storage.children[k + 1]
          found = true
          break
        }
        if !found { return nil }
      default:
        return nil
      }
    }
    return (current, key)
  }

  private func stringKey(_ index: Int32, in storage: YAMLDocument.Storage) -> String? {
    var r = storage.nodes[Int(index)]
    while r.kind == .alias { r = storage.nodes[Int(r.payload)] }
    guard r.kind == .scalar, r.scalarKind == .string else { return nil }
    return storage.texts[Int(r.payload)]
  }
}
