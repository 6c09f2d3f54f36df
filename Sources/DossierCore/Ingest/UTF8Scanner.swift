/// Low-level UTF-8 helpers: validation of one sequence and decoding at a byte offset.
///
/// The ingest stage works on UTF-8 bytes with precomputed offsets instead of `String` indices, so every
/// pass over a document is linear, even for a single 50 MB line.
enum UTF8Scanner {
  /// Why a byte sequence is not UTF-8.
  enum Problem: Equatable {
    case unexpectedContinuation(UInt8)
    case invalidLeadByte(UInt8)
    case truncated(expected: Int)
    case overlong
    case surrogate
    case beyondUnicode

    var message: String {
      switch self {
      case .unexpectedContinuation(let byte):
        return "unexpected continuation byte \(hex(byte))"
      case .invalidLeadByte(let byte):
        return "byte \(hex(byte)) never occurs in UTF-8"
      case .truncated(let expected):
        return "truncated \(expected)-byte sequence"
      case .overlong:
        return "overlong encoding"
      case .surrogate:
        return "encoded UTF-16 surrogate"
      case .beyondUnicode:
        return "code point beyond U+10FFFF"
      }
    }
  }

  /// The result of validating the sequence that starts at one byte.
  enum Step: Equatable {
    /// A valid sequence of `length` bytes encoding `scalar`.
    case scalar(UInt32, length: Int)
    /// An invalid sequence; skip `length` bytes to resynchronize.
    case invalid(Problem, length: Int)
  }

  /// Two uppercase hex digits with a `0x` prefix.
  static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
  }

  /// The length of the sequence a valid lead byte starts (1 for continuation bytes, so scans never stall).
  @inline(__always)
  static func sequenceLength(lead: UInt8) -> Int {
    if lead < 0xC0 { return 1 }
    if lead < 0xE0 { return 2 }
    if lead < 0xF0 { return 3 }
    return 4
  }

  /// Validates the sequence at `offset` (which must be inside `bytes`).
  static func step(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Step {
    let lead = bytes[offset]
    if lead < 0x80 { return .scalar(UInt32(lead), length: 1) }
    let length: Int
    var value: UInt32
    switch lead {
    case 0x80...0xBF: return .invalid(.unexpectedContinuation(lead), length: 1)
    case 0xC0, 0xC1: return .invalid(.overlong, length: 1)
    case 0xC2...0xDF:
      length = 2
      value = UInt32(lead & 0x1F)
    case 0xE0...0xEF:
      length = 3
      value = UInt32(lead & 0x0F)
    case 0xF0...0xF4:
      length = 4
      value = UInt32(lead & 0x07)
    default: return .invalid(.invalidLeadByte(lead), length: 1)
    }
    var index = 1
    while index < length {
      guard offset + index < bytes.count, bytes[offset + index] & 0xC0 == 0x80 else {
        return .invalid(.truncated(expected: length), length: index)
      }
      value = (value << 6) | UInt32(bytes[offset + index] & 0x3F)
      index += 1
    }
    if length == 3 && value < 0x800 || length == 4 && value < 0x10000 {
      return .invalid(.overlong, length: length)
    }
    if value >= 0xD800 && value <= 0xDFFF { return .invalid(.surrogate, length: length) }
    if value > 0x10FFFF { return .invalid(.beyondUnicode, length: length) }
    return .scalar(value, length: length)
  }

  /// Decodes the scalar at `offset` of bytes already known to be valid UTF-8.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
    let lead = bytes[offset]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length = sequenceLength(lead: lead)
    var value: UInt32 =
      length == 2 ? UInt32(lead & 0x1F) : length == 3 ? UInt32(lead & 0x0F) : UInt32(lead & 0x07)
    for index in 1..<length { value = (value << 6) | UInt32(bytes[offset + index] & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// Decodes the scalar that ends just before `end` in valid UTF-8; returns it and its start offset.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> (Unicode.Scalar, Int) {
    var start = end - 1
    while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return (decode(bytes, at: start).0, start)
  }
}
