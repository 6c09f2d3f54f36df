import Crypto
import JSONSchema

/// The short summary `dossier build` prints on stderr after writing a bag (`--quiet` removes it):
/// documents, activities, the documents new or changed since the previous bag, and the files written.
///
/// Computed from the bag's own `data/jsonl/documents.jsonl` (SHA-256 of each source and annotation)
/// and `data/jsonl/activities.jsonl`, old and new, so it needs nothing but the two bags' bytes.
public struct BuildSummary: Sendable, Hashable {
  /// Documents in the new bag.
  public var documents: Int
  /// Activities in the new bag, when it has the JSON Lines tables.
  public var activities: Int?
  /// Ids of documents the previous bag did not have (every document when there was none).
  public var added: [String]
  /// Ids of documents whose text or annotation changed since the previous bag.
  public var changed: [String]
  /// Ids of documents the previous bag had and the new one has not.
  public var removed: [String]
  /// Files written (the whole bag, tag files included).
  public var files: Int
  /// The folder written.
  public var output: String
  /// False when there was no previous bag to compare with.
  public var hadPreviousBag: Bool

  /// Documents listed by id at most, before `…and N more`.
  public static let listedIDs = 5

  /// Each document's id with its source and annotation SHA-256, read from `documents.jsonl` one line
  /// at a time: what the summary compares, and all it keeps of the table (lines that are not records
  /// of that shape are skipped: the summary never fails a build).
  public struct Fingerprints: Sendable, Hashable {
    /// Document id → the SHA-256 of its `source-sha256/annotation-sha256` pair, kept as 16 bytes (two
    /// words, no allocation): 10 000 documents cost a few hundred kilobytes.
    public private(set) var byID: [String: Pair] = [:]

    /// The first 128 bits of a SHA-256: equal for equal inputs, and a change goes unnoticed with
    /// probability 2^-128.
    public struct Pair: Hashable, Sendable {
      var high: UInt64
      var low: UInt64

      init(_ text: String) {
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in SHA256.hash(data: Array(text.utf8)).prefix(16).enumerated() {
          if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        self.high = high
        self.low = low
      }
    }
    private var partial: [UInt8] = []

    public init() {}

    /// The fingerprints of a whole `documents.jsonl`.
    public init(table bytes: [UInt8]) {
      add(bytes)
      finish()
    }

    /// Adds the lines of a piece of the table (a line may span two pieces).
    public mutating func add(_ bytes: [UInt8]) {
      var start = bytes.startIndex
      while let newline = bytes[start...].firstIndex(of: 0x0A) {
        if partial.isEmpty {
          addLine(bytes[start..<newline])
        } else {
          partial.append(contentsOf: bytes[start..<newline])
          addLine(partial[...])
          partial.removeAll()
        }
        start = newline + 1
      }
      partial.append(contentsOf: bytes[start...])
    }

    /// Reads a last line without a line feed.
    public mutating func finish() {
      if !partial.isEmpty { addLine(partial[...]) }
      partial.removeAll()
    }

    /// One line of `documents.jsonl`: its three fingerprint members are read from the JSON object
    /// (a whole record is not decoded: this runs once per document of every build).
    private mutating func addLine(_ line: ArraySlice<UInt8>) {
      guard !line.isEmpty, let object = (try? JSONReader().read(line))?.objectValue,
        let id = object[Self.idColumn]?.stringValue, let source = object["source_sha256"]?.stringValue
      else { return }
      let annotation: String
      switch object["annotation_sha256"] {
      case .string(let digest): annotation = digest
      case .null, nil: annotation = ""
      default: return
      }
      byID[id] = Pair(source + "/" + annotation)
    }

    private static let idColumn = RecordTable.documentIDColumn.name
  }

  /// The summary of writing `files` to `output`, given the previous bag's `documents.jsonl` bytes
  /// (`nil` when there was no previous bag, or it had no such table).
  public init(files: [ExportFile], output: String, previousDocuments: [UInt8]?) {
    let documentsPath = "data/jsonl/documents.jsonl"
    self.init(
      documents: files.first { $0.path == documentsPath }.map { Fingerprints(table: $0.bytes) }
        ?? Fingerprints(),
      activities: files.first { $0.path == "data/jsonl/activities.jsonl" }.map { file in
        file.bytes.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.count
      },
      files: files.count, output: output, previous: previousDocuments.map { Fingerprints(table: $0) })
  }

  /// The summary of a bag streamed to `output`: its documents' fingerprints (empty without the JSON
  /// Lines tables), its number of activity rows, its number of files, and the previous bag's
  /// fingerprints (`nil` when there was none).
  public init(
    documents new: Fingerprints, activities: Int?, files count: Int, output: String, previous: Fingerprints?
  ) {
    documents = new.byID.count
    self.activities = activities
    files = count
    self.output = output
    hadPreviousBag = previous != nil
    let before = previous?.byID ?? [:]
    let after = new.byID
    added = after.keys.filter { before[$0] == nil }.sorted(by: Self.utf8Less)
    changed = after.keys.filter { before[$0] != nil && before[$0] != after[$0] }.sorted(by: Self.utf8Less)
    removed = before.keys.filter { after[$0] == nil }.sorted(by: Self.utf8Less)
  }

  /// One line: `dossier build: 3 documents, 30 activities; since the last bag: 1 new (900_x), 0 changed;
  /// wrote 45 files to Exports`.
  public var text: String {
    var out = "dossier build: \(Self.count(documents, "document"))"
    if let activities { out += ", \(Self.count(activities, "activity", plural: "activities"))" }
    if hadPreviousBag {
      var parts = ["\(added.count) new" + Self.list(added), "\(changed.count) changed" + Self.list(changed)]
      if !removed.isEmpty { parts.append("\(removed.count) removed" + Self.list(removed)) }
      out += "; since the last bag: " + parts.joined(separator: ", ")
    } else {
      out += "; no previous bag"
    }
    return out + "; wrote \(Self.count(files, "file")) to \(output)"
  }

  static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(n) " + (n == 1 ? noun : plural ?? noun + "s")
  }

  static func list(_ ids: [String]) -> String {
    guard !ids.isEmpty else { return "" }
    let shown = ids.prefix(listedIDs).joined(separator: ", ")
    return " (" + shown + (ids.count > listedIDs ? ", …and \(ids.count - listedIDs) more" : "") + ")"
  }

  static func utf8Less(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
