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
  /// `YAMLTag.code`; the text of an unsupported tag is in the document's side table.
  var tag: UInt8
  private var storedHeight: UInt16
  var start: YAMLMark
  var end: YAMLMark
  /// Scalar: index into the scalar text table. Collection: first index into the child table.
  /// Alias: index of the target node.
  var payload: Int32
  /// Collection: number of child entries (twice the pair count for a mapping).
  var count: Int32
  private var storedSize: UInt32

  /// Height of the expanded subtree (a scalar is 0); the depth limit keeps it far below 65 535.
  var height: Int32 {
    get { Int32(storedHeight) }
    set { storedHeight = UInt16(clamping: newValue) }
  }

  /// Number of nodes in the expanded subtree, aliases counted as their target (saturating).
  var size: Int {
    get { Int(storedSize) }
    set { storedSize = UInt32(clamping: newValue) }
  }

  init(
    kind: Kind, style: UInt8, scalarKind: YAMLScalarKind, flags: UInt8, tag: UInt8, start: YAMLMark,
    end: YAMLMark, payload: Int32, count: Int32, height: Int32, size: Int
  ) {
    self.kind = kind
    self.style = style
    self.scalarKind = scalarKind
    self.flags = flags
    self.tag = tag
    self.storedHeight = UInt16(clamping: height)
    self.start = start
    self.end = end
    self.payload = payload
    self.count = count
    self.storedSize = UInt32(clamping: size)
  }
}
