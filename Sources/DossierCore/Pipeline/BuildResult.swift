/// What building a corpus gave: every diagnostic (validation, transform, export), and the complete
/// bag (`Exports/`) as files — `nil` when any error remains, so nothing partial is ever produced.
public struct BuildResult: Sendable {
  /// Every diagnostic, sorted by location (after `--strict` is applied by the caller's policy).
  public var diagnostics: [Diagnostic]
  /// The bag's files (tag files and `data/…`), sorted by path; `nil` when the build failed.
  public var files: [ExportFile]?
  /// Path → text of each input file, for reporters that show source lines.
  public var sources: [String: String]
  /// The ids of the documents exported, sorted.
  public var documentIDs: [String]
  /// True when the bag is complete: every file went to the sink (for the value API, `files` is set).
  public var exported = false
  /// Files in the bag (payload and tag files) when `exported`.
  public var fileCount = 0
  /// An input file that could not be read: the build stopped there (an I/O problem, exit status 2).
  public var readError: CorpusSourceError?
  /// The sink failed (an I/O problem, exit status 2): what it reported.
  public var writeError: String?
  /// Time spent in each stage.
  public var timings = StageTimings()
  /// Each document's activity ids, when the corpus-wide checks were left to `merge` (a shard).
  public var activities: [String: [PartIndex.Activity]] = [:]
  /// The document the quoted area labels come from, when the vocabularies name one.
  public var areaSource: PartIndex.AreaSource?

  public init(
    diagnostics: [Diagnostic], files: [ExportFile]?, sources: [String: String], documentIDs: [String] = []
  ) {
    self.diagnostics = diagnostics
    self.files = files
    self.sources = sources
    self.documentIDs = documentIDs
  }
}
