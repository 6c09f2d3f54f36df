extension InputLimits {
  /// The usage problem of limits given on the command line (a value below 1, named by its flag
  /// `--max-…`), or `nil` when every value can be used.
  public static func usageProblem(maxFileSize: Int, maxLines: Int, maxBlocks: Int, maxErrorsPerFile: Int)
    -> String?
  {
    let values = [
      ("--max-file-size", maxFileSize), ("--max-lines", maxLines), ("--max-blocks", maxBlocks),
      ("--max-errors-per-file", maxErrorsPerFile),
    ]
    return values.first { $0.1 < 1 }.map { "\($0.0) must be at least 1 (got \($0.1))" }
  }
}
