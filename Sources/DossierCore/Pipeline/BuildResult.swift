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

  public init(
    diagnostics: [Diagnostic], files: [ExportFile]?, sources: [String: String], documentIDs: [String] = []
  ) {
    self.diagnostics = diagnostics
    self.files = files
    self.sources = sources
    self.documentIDs = documentIDs
  }
}
