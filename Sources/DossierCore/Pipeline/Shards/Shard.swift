import Crypto

/// One shard of a corpus split N ways (`--shard K/N`, K from 1 to N).
///
/// A document belongs to shard `1 + (h mod N)`, where `h` is the first eight bytes, big-endian, of the
/// SHA-256 of its id's UTF-8 bytes. The assignment depends on the id and N alone, so adding or removing
/// a document never moves another one between shards (CI caches and workflow reruns stay small), and
/// every machine computes the same split. See docs/scaling.md.
public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
  /// This shard's number, 1 to `count`.
  public var index: Int
  /// How many shards the corpus is split into.
  public var count: Int

  /// A shard; `nil` unless 1 ≤ index ≤ count.
  public init?(index: Int, count: Int) {
    guard count >= 1, index >= 1, index <= count else { return nil }
    self.index = index
    self.count = count
  }

  /// Parses `K/N` (`2/7`); `nil` for anything else.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
    self.init(index: k, count: n)
  }

  public var description: String { "\(index)/\(count)" }

  /// The shard (1-based) a document id belongs to when the corpus is split `count` ways.
  public static func number(of id: String, count: Int) -> Int {
    let digest = SHA256.hash(data: Array(id.utf8))
    var h: UInt64 = 0
    for byte in digest.prefix(8) { h = h << 8 | UInt64(byte) }
    return Int(h % UInt64(max(1, count))) + 1
  }

  /// Whether the document `id` belongs to this shard.
  public func contains(_ id: String) -> Bool { Self.number(of: id, count: count) == index }
}

/// The documents of one shard of another source, in the same (sorted) order.
public struct ShardedCorpusSource<Base: CorpusSource>: CorpusSource {
  public let base: Base
  public let shard: Shard
  private let indexes: [Int]
  public let documentIDs: [String]

  public init(_ base: Base, shard: Shard) {
    self.base = base
    self.shard = shard
    let all = base.documentIDs
    indexes = all.indices.filter { shard.contains(all[$0]) }
    documentIDs = indexes.map { all[$0] }
  }

  public func load(_ index: Int) throws(CorpusSourceError) -> CorpusDocumentInput {
    try base.load(indexes[index])
  }
}
