/// Maps Unicode-scalar offsets in a normalized text to 1-based lines and columns, and to UTF-8 offsets.
///
/// Lines are separated by LF (the text is normalized before the index is built). A text of `n` line
/// feeds has `n + 1` lines; the last one may be empty. Columns count Unicode scalars and start at 1.
/// Every lookup is O(log lines) or O(1) plus a bounded scan, so it stays fast on a 50 MB single line.
public struct LineIndex: Sendable, Equatable {
  /// How many scalars lie between two UTF-8 checkpoints.
  static let checkpointStride = 1024

  /// Scalar offset of the first scalar of each line; `lineStarts[0] == 0`.
  public let lineStarts: [Int]
  /// Number of Unicode scalars in the text.
  public let scalarCount: Int
  /// Number of UTF-8 bytes in the text.
  public let utf8Count: Int
  /// UTF-8 offset of each line start.
  let lineUTF8Starts: [Int]
  /// UTF-8 offset of every `checkpointStride`-th scalar.
  let checkpoints: [Int]

  /// Builds the index of a text whose line breaks are all LF.
  public init(normalizedText text: String) {
    var lineStarts = [0]
    var lineUTF8Starts = [0]
    var checkpoints: [Int] = []
    var scalarOffset = 0
    var byteOffset = 0
    for scalar in text.unicodeScalars {
      if scalarOffset % Self.checkpointStride == 0 { checkpoints.append(byteOffset) }
      scalarOffset += 1
      byteOffset += UTF8.width(scalar)
      if scalar == "\n" {
        lineStarts.append(scalarOffset)
        lineUTF8Starts.append(byteOffset)
      }
    }
    self.init(
      lineStarts: lineStarts, lineUTF8Starts: lineUTF8Starts, checkpoints: checkpoints,
      scalarCount: scalarOffset, utf8Count: byteOffset)
  }

  init(lineStarts: [Int], lineUTF8Starts: [Int], checkpoints: [Int], scalarCount: Int, utf8Count: Int) {
    self.lineStarts = lineStarts
    self.lineUTF8Starts = lineUTF8Starts
    self.checkpoints = checkpoints
    self.scalarCount = scalarCount
    self.utf8Count = utf8Count
  }

  /// Number of lines (at least 1).
  public var lineCount: Int { lineStarts.count }

  /// The 1-based line holding the scalar at `offset` (an offset equal to `scalarCount` is on the last line).
  public func line(containing offset: Int) -> Int {
    let clamped = min(max(offset, 0), scalarCount)
    // Last line start that is <= clamped.
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  /// The 1-based line and column (in scalars) of a scalar offset.
  public func position(of offset: Int) -> (line: Int, column: Int) {
    let clamped = min(max(offset, 0), scalarCount)
    let line = line(containing: clamped)
    return (line, clamped - lineStarts[line - 1] + 1)
  }

  /// The scalar offset of a 1-based line and column, or `nil` when the position is outside the text.
  /// Column `length + 1` (just after the last scalar of the line) is valid.
  public func offset(line: Int, column: Int) -> Int? {
    guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
    let range = scalarRange(ofLine: line)
    let offset = range.lowerBound + column - 1
    return offset <= range.upperBound ? offset : nil
  }

  /// The scalar range of a 1-based line, without its line feed.
  public func scalarRange(ofLine line: Int) -> Range<Int> {
    precondition(line >= 1 && line <= lineStarts.count, "line \(line) is outside 1...\(lineStarts.count)")
    let start = lineStarts[line - 1]
    let end = line < lineStarts.count ? lineStarts[line] - 1 : scalarCount
    return start..<end
  }

  /// The UTF-8 range of a 1-based line, without its line feed.
  func utf8Range(ofLine line: Int) -> Range<Int> {
    let start = lineUTF8Starts[line - 1]
    let end = line < lineUTF8Starts.count ? lineUTF8Starts[line] - 1 : utf8Count
    return start..<end
  }

  /// The UTF-8 offset of a scalar offset: direct on an ASCII text or line, otherwise found from the
  /// line start or the nearest checkpoint (at most `checkpointStride` scalars are skipped).
  func utf8Offset(ofScalar offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let clamped = min(max(offset, 0), scalarCount)
    if clamped == scalarCount { return utf8Count }
    // An ASCII text, or line, maps scalars to bytes one to one.
    if scalarCount == utf8Count { return clamped }
    let line = line(containing: clamped)
    let lineStart = lineStarts[line - 1]
    let lineEnd = line < lineStarts.count ? lineStarts[line] : scalarCount
    let lineUTF8End = line < lineUTF8Starts.count ? lineUTF8Starts[line] : utf8Count
    if lineEnd - lineStart == lineUTF8End - lineUTF8Starts[line - 1] {
      return lineUTF8Starts[line - 1] + clamped - lineStart
    }
    // Otherwise scan from the line start or the nearest checkpoint, whichever is closer.
    let checkpoint = clamped / Self.checkpointStride
    var byte = checkpoints[checkpoint]
    var remaining = clamped - checkpoint * Self.checkpointStride
    if lineStart > checkpoint * Self.checkpointStride {
      byte = lineUTF8Starts[line - 1]
      remaining = clamped - lineStart
    }
    while remaining > 0 {
      byte += UTF8Scanner.sequenceLength(lead: bytes[byte])
      remaining -= 1
    }
    return byte
  }
}
