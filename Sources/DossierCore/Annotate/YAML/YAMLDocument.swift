/// One composed YAML document: an immutable node tree with the source position of every node.
///
/// The nodes live in flat tables (no per-node allocation); `YAMLNode` is a cheap view into them.
/// Aliases are kept as alias nodes that refer to their anchored target, so shared subtrees are never
/// copied.
public struct YAMLDocument: Sendable {
  final class Storage: Sendable {
    let file: String
    let nodes: [YAMLNodeRecord]
    let children: [Int32]
    let texts: [String]
    let anchors: [Int32: String]
    let otherTags: [Int32: String]

    init(
      file: String, nodes: [YAMLNodeRecord], children: [Int32], texts: [String], anchors: [Int32: String],
      otherTags: [Int32: String]
    ) {
      self.otherTags = otherTags
      self.file = file
      self.nodes = nodes
      self.children = children
      self.texts = texts
      self.anchors = anchors
    }
  }

  let storage: Storage
  let rootIndex: Int32
  /// Where the document starts (its `---` marker when it has one).
  public let start: SourceLocation
  /// True when the document began with an explicit `---`.
  public let hasExplicitStart: Bool

  init(storage: Storage, rootIndex: Int32, start: SourceLocation, hasExplicitStart: Bool) {
    self.storage = storage
    self.rootIndex = rootIndex
    self.start = start
    self.hasExplicitStart = hasExplicitStart
  }

  /// The file name given to the loader.
  public var file: String { storage.file }

  /// The root node.
  public var root: YAMLNode { YAMLNode(storage: storage, index: rootIndex) }

  /// Number of nodes in the tree as written (aliases count once).
  public var nodeCount: Int { storage.nodes.count }
}
