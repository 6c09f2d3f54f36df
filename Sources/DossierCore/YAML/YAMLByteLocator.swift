/// Converts between byte offsets and line/column marks in a YAML input, for error reporting only
/// (each call is one linear scan).
///
/// Line breaks are LF, CRLF and CR, as libyaml counts them; columns count Unicode scalars; a leading
/// byte order mark is not counted.
enum YAMLByteLocator {
  /// The 1-based mark of a byte offset.
  static func mark(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> YAMLMark {
    var line: Int32 = 1
    var column: Int32 = 1
    var i = bomLength(bytes)
    let limit = min(offset, bytes.count)
    while i < limit {
      let c = bytes[i]
      if c == 0x0A {
        line += 1
        column = 1
      } else if c == 0x0D {
        if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
        line += 1
        column = 1
      } else if c & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    return YAMLMark(line: line, column: column)
  }

  /// The byte offset of a 1-based mark, or `nil` when the mark is past the end.
  static func offset(of mark: YAMLMark, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var line: Int32 = 1
    var i = bomLength(bytes)
    while line < mark.line {
      guard i < bytes.count else { return nil }
      let c = bytes[i]
      i += 1
      if c == 0x0A {
        line += 1
      } else if c == 0x0D {
        if i < bytes.count && bytes[i] == 0x0A { i += 1 }
        line += 1
      }
    }
    var column: Int32 = 1
    while column < mark.column {
      guard i < bytes.count else { return nil }
      i += 1
      while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
      column += 1
    }
    return i
  }

  static func bomLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
  }
}
