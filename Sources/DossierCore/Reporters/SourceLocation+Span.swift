extension SourceLocation {
  /// The end line, taking a lone `endColumn` to mean "on the start line".
  var resolvedEndLine: Int? {
    endLine ?? (endColumn == nil ? nil : line)
  }
}
