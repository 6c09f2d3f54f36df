/// A source document as read from disk: its path, its original bytes, and the decoded text.
///
/// Decoding checks that the bytes are UTF-8 (rejecting invalid sequences with their byte offset and
/// line), strips a leading byte-order mark, and normalizes CRLF and lone CR line ends to LF. Every
/// offset the pipeline stores is a **Unicode-scalar offset into `text`**, the normalized text; the
/// `lineIndex` maps those offsets to 1-based lines and columns. The text is never rewritten otherwise
/// (no Unicode normalization, no quote folding).
public struct SourceDocument: Sendable {
  /// The path as given by the caller (used in diagnostics; the library never opens it).
  public let path: String
  /// The original bytes, unchanged.
  public let bytes: [UInt8]
  /// The decoded text after BOM removal and newline normalization.
  public let text: String
  /// Offsets ↔ lines and columns of `text`.
  public let lineIndex: LineIndex
  /// Whether the bytes started with a UTF-8 byte-order mark (which is not part of `text`).
  public let hadByteOrderMark: Bool
  /// How many CRLF or lone CR line ends were turned into LF.
  public let normalizedLineEnds: Int
  /// Warnings found while decoding (control characters); ingest passes them on.
  public let diagnostics: [Diagnostic]

  /// Decodes `bytes` read from `path`.
  ///
  /// - Throws: `DiagnosticError` with code `I001` (invalid UTF-8, located by byte offset, line and
  ///   column) and/or `I003` (a NUL character, usually a binary or UTF-16 file); `L002` or `L003` when
  ///   the file is over `InputLimits.current` (then nothing is decoded).
  public init(path: String, bytes: [UInt8]) throws {
    // A file over the size or line limit is refused before it is decoded (docs/reliability.md).
    let limits = InputLimits.current
    if let problem = limits.sizeProblem(bytes, file: path) ?? limits.lineProblem(bytes, file: path) {
      throw DiagnosticError([problem])
    }
    let decoded = SourceDecoder.decode(bytes, path: path)
    if !decoded.errors.isEmpty { throw DiagnosticError(decoded.errors) }
    self.path = path
    self.bytes = bytes
    self.text = decoded.text
    self.lineIndex = decoded.lineIndex
    self.hadByteOrderMark = decoded.hadByteOrderMark
    self.normalizedLineEnds = decoded.normalizedLineEnds
    self.diagnostics = decoded.warnings
  }

  /// Makes a document from text (its UTF-8 encoding becomes `bytes`); line ends are normalized and a
  /// leading U+FEFF is removed like a byte-order mark.
  ///
  /// - Throws: `DiagnosticError` (`I003`) when the text contains a NUL character.
  public init(path: String, text: String) throws {
    try self.init(path: path, bytes: Array(text.utf8))
  }

  /// The document id: the file name without its directory and extension (`Input/003_x.txt` → `003_x`).
  public var id: String {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  /// Number of Unicode scalars in `text`.
  public var scalarCount: Int { lineIndex.scalarCount }

  /// The text between two scalar offsets `[range.lowerBound, range.upperBound)` (clamped to the text).
  public func text(in range: Range<Int>) -> String {
    var text = self.text
    return text.withUTF8 { buffer in
      let start = lineIndex.utf8Offset(ofScalar: range.lowerBound, in: buffer)
      let end = lineIndex.utf8Offset(ofScalar: range.upperBound, in: buffer)
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<max(start, end)]), as: UTF8.self)
    }
  }

  /// The location (file, 1-based line and column) of a scalar offset, with an optional end offset.
  public func location(of offset: Int, end: Int? = nil) -> SourceLocation {
    let start = lineIndex.position(of: offset)
    guard let end else { return SourceLocation(file: path, line: start.line, column: start.column) }
    let stop = lineIndex.position(of: end)
    return SourceLocation(
      file: path, line: start.line, column: start.column, endLine: stop.line, endColumn: stop.column)
  }
}
