/// Read access to the UTF-8 bytes of a normalized text by precomputed offsets (never by `String` index),
/// so every operation of the ingester is linear in the text it touches.
struct TextBuffer {
  let bytes: UnsafeBufferPointer<UInt8>
  let lineIndex: LineIndex

  /// Measures every line: trimmed bounds and script counts.
  func lines() -> [TextLine] {
    var result: [TextLine] = []
    result.reserveCapacity(lineIndex.lineCount)
    for number in 1...lineIndex.lineCount {
      result.append(measure(line: number))
    }
    return result
  }

  private func measure(line number: Int) -> TextLine {
    let scalars = lineIndex.scalarRange(ofLine: number)
    let utf8 = lineIndex.utf8Range(ofLine: number)
    var counts = ScriptCounts()
    var scalarOffset = scalars.lowerBound
    var byte = utf8.lowerBound
    var firstScalar = -1
    var firstByte = utf8.upperBound
    var lastScalarEnd = scalars.lowerBound
    var lastByteEnd = utf8.lowerBound
    while byte < utf8.upperBound {
      let (scalar, length) = UTF8Scanner.decode(bytes, at: byte)
      if !TextLine.isBlank(scalar) {
        if firstScalar < 0 {
          firstScalar = scalarOffset
          firstByte = byte
        }
        lastScalarEnd = scalarOffset + 1
        lastByteEnd = byte + length
      }
      if firstScalar >= 0 { counts.add(scalar) }
      byte += length
      scalarOffset += 1
    }
    if firstScalar < 0 {
      return TextLine(
        number: number, start: scalars.upperBound, end: scalars.upperBound, byteStart: utf8.upperBound,
        byteEnd: utf8.upperBound, counts: ScriptCounts())
    }
    return TextLine(
      number: number, start: firstScalar, end: lastScalarEnd, byteStart: firstByte, byteEnd: lastByteEnd,
      counts: counts)
  }

  /// Up to `limit` scalars from the start of a line, each with its UTF-8 offset.
  func head(of line: TextLine, limit: Int) -> [(scalar: Unicode.Scalar, byte: Int)] {
    var result: [(scalar: Unicode.Scalar, byte: Int)] = []
    var byte = line.byteStart
    while byte < line.byteEnd && result.count < limit {
      let (scalar, length) = UTF8Scanner.decode(bytes, at: byte)
      result.append((scalar, byte))
      byte += length
    }
    return result
  }

  /// Up to `limit` scalars from the end of a line, in text order, each with its UTF-8 offset.
  func tail(of line: TextLine, limit: Int) -> [(scalar: Unicode.Scalar, byte: Int)] {
    var result: [(scalar: Unicode.Scalar, byte: Int)] = []
    var end = line.byteEnd
    while end > line.byteStart && result.count < limit {
      let (scalar, start) = UTF8Scanner.decode(bytes, before: end)
      result.append((scalar, start))
      end = start
    }
    return result.reversed()
  }

  /// All scalars of a line.
  func scalars(of line: TextLine) -> [Unicode.Scalar] {
    head(of: line, limit: line.length).map(\.scalar)
  }

  /// The text between two UTF-8 offsets.
  func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}
