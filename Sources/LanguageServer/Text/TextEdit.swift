/// Applies the protocol's incremental text changes.
public enum TextEdit {
  /// `text` with the UTF-16 range `[start, end)` replaced by `replacement` (positions are clamped to
  /// the text; a reversed range is treated as empty at `start`).
  public static func apply(
    _ replacement: String, from start: LSPPosition, to end: LSPPosition, in text: String
  )
    -> String
  {
    let table = LineTable(text)
    let lower = table.scalarOffset(of: start)
    let upper = max(lower, table.scalarOffset(of: end))
    let scalars = text.unicodeScalars
    let lowerIndex = scalars.index(scalars.startIndex, offsetBy: lower)
    let upperIndex = scalars.index(lowerIndex, offsetBy: upper - lower)
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars[..<lowerIndex])
    result.append(contentsOf: replacement.unicodeScalars)
    result.append(contentsOf: scalars[upperIndex...])
    return String(result)
  }
}
