extension DiagnosticCode {
  /// U001: a file could not be read.
  public static let unreadableFile = DiagnosticCode(
    "U001", "unreadable file",
    """
    A file named on the command line, or found in the input or schemas folder, could not be read: it \
    does not exist, is a folder, or the process lacks permission to read it. Check the path (relative \
    paths are taken from the current folder) and the file's permissions. Dossier exits with status 2.
    """)

  /// U002: a path leads outside the folder it must stay in.
  public static let pathOutsideFolder = DiagnosticCode(
    "U002", "path outside the input folder",
    """
    A path given to Dossier, or reached through a symbolic link or a `..` component, resolves to a \
    place outside the folder it must stay in (for example an annotation's `source` outside `Input/`). \
    Dossier refuses to read or write there. Move the file into the folder, or give a path inside it.
    """)

  /// U003: a required folder is missing.
  public static let missingFolder = DiagnosticCode(
    "U003", "missing folder",
    """
    A folder Dossier needs (the input folder, the schemas folder, or the parent of the output folder) \
    does not exist or is not a folder. Run Dossier from the repository root, or pass the folder with \
    `--input`, `--schemas` or `--output`. Dossier exits with status 2.
    """)

  /// Codes of the Usage family (`U…`).
  static var usageCodes: [DiagnosticCode] { [unreadableFile, pathOutsideFolder, missingFolder] }
}
