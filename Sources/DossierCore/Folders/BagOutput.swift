/// Where `build` and `merge` send the bag: a `BagFolderSink` that writes the output folder
/// atomically, or, with `--check`, a `BagFolderComparer` that writes nothing. What an interrupted
/// run left beside the output folder is recovered first.
public struct BagOutput {
  /// The output folder as the user named it (in messages).
  public let output: String
  /// The writer of the output folder.
  public let writer: BagFolderWriter
  /// The comparer (used as the sink with `--check`).
  public let comparer: BagFolderComparer
  /// The folder sink, or `nil` with `--check`.
  public let folderSink: BagFolderSink?

  /// The sink the engine writes to.
  public var sink: any BagSink { folderSink ?? comparer }

  /// Recovers the output folder `output` and opens the sink (`check`: the comparer).
  public init(output: String, check: Bool) throws {
    self.output = output
    writer = BagFolderWriter(output: output)
    comparer = BagFolderComparer(output: writer.output)
    try writer.recover()
    folderSink = check ? nil : try BagFolderSink(writer: writer)
  }

  /// Removes what the folder sink wrote (a failed run); nothing with `--check`.
  public func discard() { folderSink?.discard() }

  /// With `--check`, once the engine is done and when the bag was `exported` and `diagnostics` pass
  /// `policy`: every stale, missing or extra file of the output folder as a diagnostic
  /// (`ExportDifference`), and notes naming the inputs that changed since the bag there was built.
  /// Nothing when the folder is up to date, when writing, or when the run already fails.
  public func staleFiles(after diagnostics: [Diagnostic], exported: Bool, policy: DiagnosticPolicy) throws
    -> (diagnostics: [Diagnostic], notes: [String])
  {
    guard folderSink == nil, exported, !policy.fails(diagnostics) else { return ([], []) }
    let differences = try comparer.differences()
    if differences.isEmpty { return ([], []) }
    return (ExportDifference.diagnostics(for: differences, in: output), comparer.changedInputs())
  }

  /// Swaps the new bag in and returns what changed against the bag it replaced (`nil` with
  /// `--check`, which writes nothing).
  public func commit(fileCount: Int) throws -> BuildSummary? {
    guard let folderSink else { return nil }
    let previous = try? DiskFile.bytes(atPath: DiskFile.join(writer.output, BagFolderComparer.documentsTable))
    try folderSink.commit()
    return BuildSummary(
      documents: folderSink.documents, activities: folderSink.activityRows, files: fileCount,
      output: output, previous: previous.map { BuildSummary.Fingerprints(table: $0) })
  }
}

extension BagFolderComparer {
  /// Notes naming the inputs whose SHA-256 differs from the one recorded in the compared bag's
  /// `documents` table (so a stale bag points back at the edited file).
  public func changedInputs() -> [String] {
    let path = Self.documentsTable
    guard let data = try? DiskFile.bytes(atPath: DiskFile.join(root, path)),
      let before = try? JSONRecordReader.readLines([ExportFile(path: "jsonl/documents.jsonl", bytes: data)]),
      let after = try? JSONRecordReader.readLines([
        ExportFile(path: "jsonl/documents.jsonl", bytes: documentsTable)
      ])
    else { return [] }
    let old = Dictionary(before.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let new = Dictionary(after.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var notes: [String] = []
    for id in Set(old.keys).union(new.keys).sorted() {
      switch (old[id], new[id]) {
      case (let o?, let n?):
        if o.sourceSHA256 != n.sourceSHA256 {
          notes.append("note: \(n.sourceFile) changed since the bag was built")
        }
        if o.annotationSHA256 != n.annotationSHA256 {
          notes.append("note: \(n.annotationFile ?? o.annotationFile ?? id) changed since the bag was built")
        }
      case (nil, let n?): notes.append("note: \(n.sourceFile) is new since the bag was built")
      case (let o?, nil): notes.append("note: \(o.sourceFile) is no longer exported")
      default: break
      }
    }
    return notes
  }
}
