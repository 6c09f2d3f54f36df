/// One node in a document's flat node table (see `YAMLDocument`).
///
/// Children of a collection are stored contiguously in the document's child table; a mapping's
/// children alternate key, value. An alias stores the index of its target node.
struct YAMLNodeRecord: Sendable {
  enum Kind: UInt8, Sendable {
    case scalar
    case sequence
    case mapping
    case alias
  }

  static let flagAnchored: UInt8 = 1
  static let flagOpen: UInt8 = 2
  static let flagFlow: UInt8 = 4

  var kind: Kind
  /// Scalar style (raw value of `YAMLScalarStyle`), unused for other kinds.
  var style: UInt8
  var scalarKind: YAMLScalarKind
  var flags: UInt8
  var tag: YAMLTag
  var start: YAMLMark
  var end: YAMLMark
  /// Scalar: index into the scalar text table. Collection: first index into the child table.
  /// Alias: index of the target node.
  var payload: Int32
  /// Collection: number of child entries (twice the pair count for a mapping).
  var count: Int32
  /// Height of the expanded subtree (a scalar is 1).
  var height: Int32
  /// Number of nodes in the expanded subtree, aliases counted as their target.
  var size: Int
}
