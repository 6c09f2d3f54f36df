import Synchronization

/// The per-file limits that keep one hostile or unlucky input cheap (docs/reliability.md, "Limits"):
/// every document and annotation stays under a few seconds and a few hundred MB, and a file over a
/// limit is refused with one located `L…` error instead of being processed.
///
/// The limits are checked where the bytes enter (`SourceDocument`, `YAMLLoader`, the per-file
/// diagnostic cap), so `validate`, `build`, `inspect` and the language server refuse the same files.
/// `InputLimits.current` is the process-wide setting the CLI's `--max-…` options change once at start.
public struct InputLimits: Sendable, Hashable {
  /// Largest document or annotation file, in bytes (`L002`; `--max-file-size`, default 8 MiB).
  public var maxFileSize: Int
  /// Most lines in a document (`L003`; `--max-lines`, default 100,000).
  public var maxLines: Int
  /// Most blocks (paragraphs, list items, headings) in a document (`L004`; `--max-blocks`, default
  /// 20,000).
  public var maxBlocks: Int
  /// Problems reported per file and stage before one `L001` counts the rest (`--max-errors-per-file`,
  /// default 1,000).
  public var maxErrorsPerFile: Int

  /// Creates limits; each must be at least 1.
  public init(
    maxFileSize: Int = 8 << 20, maxLines: Int = 100_000, maxBlocks: Int = 20_000, maxErrorsPerFile: Int = 1000
  ) {
    self.maxFileSize = max(1, maxFileSize)
    self.maxLines = max(1, maxLines)
    self.maxBlocks = max(1, maxBlocks)
    self.maxErrorsPerFile = max(1, maxErrorsPerFile)
  }

  private static let storage = Mutex(InputLimits())

  /// The limits in force in this process (the defaults unless the CLI set others).
  public static var current: InputLimits {
    get { storage.withLock { $0 } }
    set { storage.withLock { $0 = newValue } }
  }

  /// The `L002` error when `bytes` is larger than `maxFileSize`.
  public func sizeProblem(_ bytes: some Collection<UInt8>, file: String) -> Diagnostic? {
    guard bytes.count > maxFileSize else { return nil }
    return .error(
      .fileTooLarge,
      "the file is \(Self.size(bytes.count)); files larger than \(Self.size(maxFileSize)) are not read",
      at: SourceLocation(file: file, line: 1, column: 1),
      help: "split the file, or raise the limit with --max-file-size \(bytes.count)")
  }

  /// The `L003` error, at the first line past the limit, when `bytes` has more than `maxLines` lines
  /// (LF, CRLF or a lone CR end a line). Counting stops at the limit.
  public func lineProblem(_ bytes: some Collection<UInt8>, file: String) -> Diagnostic? {
    var lines = 1
    var previous: UInt8 = 0
    for byte in bytes {
      if byte == 0x0A {
        if previous != 0x0D { lines += 1 }
      } else if byte == 0x0D {
        lines += 1
      } else if lines > maxLines {
        return .error(
          .tooManyLines, "the document has more than \(maxLines) lines",
          at: SourceLocation(file: file, line: maxLines + 1, column: 1),
          help: "split the document, or raise the limit with --max-lines")
      }
      previous = byte
    }
    return nil
  }

  /// The `L004` error when a document has more than `maxBlocks` blocks.
  public func blockProblem(_ count: Int, file: String, at line: Int) -> Diagnostic? {
    guard count > maxBlocks else { return nil }
    return .error(
      .tooManyBlocks,
      "the document has \(count) blocks (paragraphs, list items, headings); at most \(maxBlocks) are processed",
      at: SourceLocation(file: file, line: line, column: 1),
      help: "split the document, or raise the limit with --max-blocks")
  }

  static func size(_ bytes: Int) -> String {
    if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    let tenths = (bytes >> 20) * 10 + ((bytes & 0xF_FFFF) * 10) >> 20
    if bytes >= 1 << 20 { return "\(bytes) bytes (\(tenths / 10).\(tenths % 10) MiB)" }
    return "\(bytes) bytes"
  }
}
