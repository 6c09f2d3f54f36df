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

  /// The summary of writing `files` to `output`, given the previous bag's `documents.jsonl` bytes
  /// (`nil` when there was no previous bag, or it had no such table).
  public init(files: [ExportFile], output: String, previousDocuments: [UInt8]?) {
    let documentsPath = "data/jsonl/documents.jsonl"
    let new = files.first { $0.path == documentsPath }.map { Self.fingerprints($0.bytes) } ?? [:]
    let old = previousDocuments.map(Self.fingerprints)
    documents = new.count
    activities = files.first { $0.path == "data/jsonl/activities.jsonl" }.map { file in
      file.bytes.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.count
    }
    self.files = files.count
    self.output = output
    hadPreviousBag = old != nil
    let before = old ?? [:]
    added = new.keys.filter { before[$0] == nil }.sorted(by: Self.utf8Less)
    changed = new.keys.filter { before[$0] != nil && before[$0] != new[$0] }.sorted(by: Self.utf8Less)
    removed = before.keys.filter { new[$0] == nil }.sorted(by: Self.utf8Less)
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

  /// Document id → its source and annotation SHA-256, from a `documents.jsonl` table (lines that are
  /// not records of that shape are skipped: the summary never fails a build).
  static func fingerprints(_ bytes: [UInt8]) -> [String: String] {
    guard
      let records = try? JSONRecordReader.readLines([ExportFile(path: "jsonl/documents.jsonl", bytes: bytes)])
    else { return [:] }
    var result: [String: String] = [:]
    for document in records.documents {
      result[document.id] = document.sourceSHA256 + "/" + (document.annotationSHA256 ?? "")
    }
    return result
  }
}
