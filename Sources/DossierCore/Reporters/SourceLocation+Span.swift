extension SourceLocation {
  /// The end line, taking a lone `endColumn` to mean "on the start line".
  var resolvedEndLine: Int? {
    endLine ?? (endColumn == nil ? nil : line)
  }

  /// A location with line 0 (or less) names a whole file, not a place in it (e.g. a file that
  /// cannot be read). Reporters show the file without a line, column or source line.
  var isWholeFile: Bool { line < 1 }

  /// `file:line:column`, or just `file` for a whole-file location.
  var reportDescription: String {
    isWholeFile ? file : description
  }
}
