extension DiagnosticCode {
  /// L001: a file has more problems than are reported for one file.
  public static let tooManyProblems = DiagnosticCode(
    "L001", "more problems not shown",
    """
    A file has more problems than Dossier reports for one file and stage (1,000 by default, \
    `--max-errors-per-file`). The first ones are shown in full; this entry counts the rest, so a hostile \
    or badly damaged file still gives a readable report quickly. Fix the problems shown and run again.
    """)

  /// L002: a file is larger than the per-file size limit.
  public static let fileTooLarge = DiagnosticCode(
    "L002", "file too large",
    """
    A document or annotation is larger than the per-file size limit (8 MiB by default, \
    `--max-file-size`). The limit keeps one document under a few seconds and a few hundred MB; a plain-text \
    article is far smaller. Split the document, or raise the limit.
    """)

  /// L003: a document has more lines than the per-file line limit.
  public static let tooManyLines = DiagnosticCode(
    "L003", "too many lines",
    """
    A document has more lines than the per-file limit (100,000 by default, `--max-lines`). Such a \
    document is usually a data dump, not an article. Split it, or raise the limit.
    """)

  /// L004: a document has more blocks than the per-file block limit.
  public static let tooManyBlocks = DiagnosticCode(
    "L004", "too many blocks",
    """
    A document splits into more blocks (paragraphs, list items, headings) than the per-file limit \
    (20,000 by default, `--max-blocks`); every block becomes records in every export table. Split the \
    document, or raise the limit.
    """)

  /// L005: two input files map to ids that collide after Unicode normalization or case folding.
  public static let collidingIDs = DiagnosticCode(
    "L005", "document ids collide",
    """
    Two input files have names that differ only in Unicode normalization (`café` written precomposed \
    and decomposed) or in letter case. They would be the same file on macOS and Windows and in most \
    archives, and one would silently replace the other. Neither is processed until one is renamed.
    """)

  /// L006: a file name is not valid UTF-8.
  public static let undecodableFileName = DiagnosticCode(
    "L006", "file name is not UTF-8",
    """
    A file in the input folder has a name that is not valid UTF-8, so it cannot become a document id \
    or an export file name. The file is skipped and the rest of the corpus is processed. Rename it (the \
    message shows the bad bytes escaped).
    """)

  /// L007: a file in the input folder is not an input and is skipped.
  public static let skippedFile = DiagnosticCode(
    "L007", "file skipped",
    """
    A file in the input folder is not read: only `NAME.txt` documents and `NAME.yaml` annotations are \
    inputs (lower-case extensions). `.yml`, `.TXT`, `.YAML` and other spellings are reported rather \
    than guessed at, since two spellings of one sidecar would make one of them silently win. Rename \
    the file, or move it out of the input folder.
    """)

  /// Codes of the Limits and input family (`L…`).
  static var limitCodes: [DiagnosticCode] {
    [
      tooManyProblems, fileTooLarge, tooManyLines, tooManyBlocks, collidingIDs, undecodableFileName,
      skippedFile,
    ]
  }
}
