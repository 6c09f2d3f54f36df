extension DiagnosticCode {
  /// M001: a part cannot be read or is not a part.
  public static let partUnreadable = DiagnosticCode(
    "M001", "part cannot be read",
    """
    `dossier merge` was given a folder that is not a part written by `dossier build --shard K/N`: its \
    index `dossier-part.json` is missing, malformed, of another format version, or a file the index or \
    the part's manifests name is missing. Rebuild the part with `dossier build --shard K/N --output PART`.
    """)

  /// M002: the parts do not belong to one build.
  public static let partsMismatch = DiagnosticCode(
    "M002", "parts do not belong together",
    """
    The parts given to `dossier merge` were not built as the shards of one build: a shard is missing or \
    given twice, the parts split the corpus a different number of ways, were built with other schemas, \
    vocabularies, export formats or another Dossier version, or the same document is in two parts. \
    Build every shard again with the same `--shard K/N`, schemas and formats, then merge all N parts.
    """)

  /// M003: a part's file changed after it was written.
  public static let partFixity = DiagnosticCode(
    "M003", "part changed after it was written",
    """
    A file of a part does not match the SHA-256 recorded when the part was built (in its \
    `manifest-sha256.txt`, `tagmanifest-sha256.txt` or `dossier-part.sha256`): it was edited, truncated \
    or damaged in transfer. Nothing is merged. Rebuild that shard, or copy the part again.
    """)

  /// M004: a shard's build had errors.
  public static let partIncomplete = DiagnosticCode(
    "M004", "part holds errors",
    """
    A part records that its shard had errors, so it holds those diagnostics and no exports. `dossier \
    merge` reports them as `dossier build` would and writes nothing. Fix the inputs named in the \
    diagnostics and build that shard again.
    """)

  /// Codes of the Merge family (`M…`).
  static var mergeCodes: [DiagnosticCode] { [partUnreadable, partsMismatch, partFixity, partIncomplete] }
}
