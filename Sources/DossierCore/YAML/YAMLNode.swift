/// A node of a composed YAML document: a scalar, a sequence, a mapping (ordered pairs), or an alias.
///
/// Every node, keys included, knows where it starts and ends in the file.
public struct YAMLNode: Sendable {
  /// What kind of node this is.
  public enum Kind: Sendable, Hashable {
    case scalar
    case sequence
    case mapping
    case alias
  }

  let storage: YAMLDocument.Storage
  let index: Int32

  var record: YAMLNodeRecord { storage.nodes[Int(index)] }

  /// What kind of node this is (an alias stays an alias; see `resolved`).
  public var kind: Kind {
    switch record.kind {
    case .scalar: return .scalar
    case .sequence: return .sequence
    case .mapping: return .mapping
    case .alias: return .alias
    }
  }

  /// Start of the node (its first property, `&anchor` or `!tag`, when it has one), 1-based, with the end
  /// position (exclusive) as `endLine`/`endColumn`.
  public var location: SourceLocation { record.start.location(in: storage.file, end: record.end) }

  /// The start mark alone.
  public var start: YAMLMark { record.start }
  /// The end mark (exclusive).
  public var end: YAMLMark { record.end }

  /// The explicit tag, or `.implicit`.
  public var tag: YAMLTag { YAMLTag(code: record.tag, other: storage.otherTags[index]) }

  /// The anchor name defined on this node, if any.
  public var anchor: String? {
    record.flags & YAMLNodeRecord.flagAnchored != 0 ? storage.anchors[index] : nil
  }

  /// The text of a scalar (after YAML unescaping and folding); `nil` for other kinds.
  public var text: String? { record.kind == .scalar ? storage.texts[Int(record.payload)] : nil }

  /// How a scalar was written; `nil` for other kinds.
  public var scalarStyle: YAMLScalarStyle? {
    record.kind == .scalar ? YAMLScalarStyle(rawValue: record.style) : nil
  }

  /// The resolved type of a scalar; `nil` for other kinds.
  public var scalarKind: YAMLScalarKind? { record.kind == .scalar ? record.scalarKind : nil }

  /// True for a flow collection (`[…]`, `{…}`).
  public var isFlow: Bool { record.flags & YAMLNodeRecord.flagFlow != 0 }

  /// The items of a sequence; empty for other kinds.
  public var items: [YAMLNode] {
    let r = record
    guard r.kind == .sequence else { return [] }
    let start = Int(r.payload)
    return (start..<start + Int(r.count)).map { YAMLNode(storage: storage, index: storage.children[$0]) }
  }

  /// The key/value pairs of a mapping, in source order; empty for other kinds.
  public var pairs: [(key: YAMLNode, value: YAMLNode)] {
    let r = record
    guard r.kind == .mapping else { return [] }
    let start = Int(r.payload)
    return stride(from: start, to: start + Int(r.count), by: 2).map {
      (
        YAMLNode(storage: storage, index: storage.children[$0]),
        YAMLNode(storage: storage, index: storage.children[$0 + 1])
      )
    }
  }

  /// The anchored node an alias refers to; `nil` for other kinds.
  public var target: YAMLNode? {
    let r = record
    return r.kind == .alias ? YAMLNode(storage: storage, index: r.payload) : nil
  }

  /// This node with aliases followed.
  public var resolved: YAMLNode {
    var node = self
    while let next = node.target { node = next }
    return node
  }

  /// Number of nodes this node stands for once every alias inside it is expanded.
  public var expandedSize: Int { record.size }
}
