import Foundation

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
    /// Key tables of large mappings, built on first look-up (pointer → location stays linear).
    let keyIndex = MappingKeyIndex()

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

/// Hash tables from key text to key node for large mappings, built on demand and shared by every
/// look-up into one document. Looking up N keys of an N-key mapping (N unknown-key errors) would be
/// quadratic with a linear scan; with the table it is linear (issue 17: 200k keys in well under 2 s).
final class MappingKeyIndex: @unchecked Sendable {
  /// Mappings with at most this many keys are scanned.
  static let threshold = 32
  private let lock = NSLock()
  private var tables: [Int32: [String: Int32]] = [:]

  /// The key node (an index into `children`) of `token` in the mapping node `mapping`, whose record
  /// is `record`; `nil` when absent. The first of repeated keys wins (repeats are Y002 errors).
  func keyPosition(
    of token: String, in mapping: Int32, record: YAMLNodeRecord, storage: YAMLDocument.Storage,
    stringKey: (Int32) -> String?
  ) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    if let table = tables[mapping] { return table[token].map(Int.init) }
    var table: [String: Int32] = [:]
    let start = Int(record.payload)
    table.reserveCapacity(Int(record.count) / 2)
    for k in stride(from: start, to: start + Int(record.count), by: 2) {
      guard let text = stringKey(storage.children[k]) else { continue }
      if table[text] == nil { table[text] = Int32(k) }
    }
    tables[mapping] = table
    return table[token].map(Int.init)
  }
}
