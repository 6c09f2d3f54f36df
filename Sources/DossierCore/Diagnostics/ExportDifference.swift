/// One file of an export folder that differs from what a build would write (`dossier build --check`).
///
/// The CLI compares the folder on disk with the files the build produced and hands the differences
/// to `diagnostics(in:)`, so that stale files are reported through the chosen reporter like every
/// other problem (one JSON or SARIF document, one `::error` per file for GitHub).
public struct ExportDifference: Hashable, Sendable {
  /// How the file differs.
  public enum Kind: String, Hashable, Sendable {
    /// The build produces the file; the folder lacks it.
    case missing
    /// The file exists with other bytes.
    case stale
    /// The folder has the file; the build does not produce it.
    case extra
  }

  /// The file's path inside the export folder (`data/json/000.json`).
  public var path: String
  public var kind: Kind

  public init(path: String, kind: Kind) {
    self.path = path
    self.kind = kind
  }

  /// The line `--check` has always printed: `path: reason`.
  public var description: String {
    switch kind {
    case .missing: return "\(path): missing"
    case .stale: return "\(path): stale (content differs)"
    case .extra: return "\(path): extra (not produced by the build)"
    }
  }

  /// One `X010` error per difference, located at the file inside `folder` (whole file, line 0), in
  /// path order.
  public static func diagnostics(for differences: [ExportDifference], in folder: String) -> [Diagnostic] {
    var base = folder
    while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
    let prefix = base.isEmpty || base == "." ? "" : base + "/"
    return differences.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }.map { difference in
      let message: String
      switch difference.kind {
      case .missing: message = "missing: the build writes this file"
      case .stale: message = "stale: the content differs from what the build writes"
      case .extra: message = "extra: the build does not produce this file"
      }
      return .error(
        .staleExport, message, at: SourceLocation(file: prefix + difference.path, line: 0, column: 0),
        help: "run `dossier build` to update \(base.isEmpty ? "the export folder" : base)")
    }
  }
}
