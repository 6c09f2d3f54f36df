import Foundation

/// Splits a byte stream into the messages of the Language Server Protocol's base protocol: a header
/// part (`Name: value` lines ended by CR LF, closed by an empty line) and a content part of exactly
/// `Content-Length` bytes.
///
/// The decoder never trusts the peer. A header part longer than `maximumHeaderLength`, a missing or
/// malformed `Content-Length`, or a `Content-Type` with a charset other than UTF-8 is a fatal
/// ``FramingError`` (the stream cannot be resynchronized, so the server answers and closes). A
/// content part longer than `maximumContentLength` is skipped without being buffered and reported
/// as a recoverable error, so one huge message costs no memory and the session goes on. Bare LF line
/// ends in the header part are accepted too.
public struct FrameDecoder: Sendable {
  /// What the decoder found next.
  public enum Event: Sendable, Equatable {
    /// The content part of one message (not yet checked to be UTF-8 or JSON).
    case message([UInt8])
    /// A message whose content was too long and was skipped; the stream stays usable.
    case skipped(FramingError)
    /// The stream is unusable from here on.
    case fatal(FramingError)
  }

  /// Why a frame could not be read.
  public struct FramingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
  }

  /// Longest accepted header part, in bytes.
  public var maximumHeaderLength: Int
  /// Longest accepted content part, in bytes.
  public var maximumContentLength: Int

  private var buffer: [UInt8] = []
  private var position = 0
  private var pendingLength: Int?
  private var skipRemaining = 0
  private var skipError: FramingError?
  private var failed = false

  /// The default limit on one message's content: 64 MiB (a very large document opened in full).
  public static let defaultMaximumContentLength = 64 << 20

  public init(maximumHeaderLength: Int = 8192, maximumContentLength: Int = defaultMaximumContentLength) {
    self.maximumHeaderLength = maximumHeaderLength
    self.maximumContentLength = maximumContentLength
  }

  /// True when bytes of an unfinished message are buffered (EOF now would truncate a message).
  public var hasPartialMessage: Bool {
    !failed && (position < buffer.count || pendingLength != nil || skipRemaining > 0)
  }

  /// Adds bytes read from the stream.
  public mutating func append(_ bytes: some Collection<UInt8>) {
    guard !failed else { return }
    if skipRemaining > 0 {
      let dropped = min(skipRemaining, bytes.count)
      skipRemaining -= dropped
      buffer.append(contentsOf: bytes.dropFirst(dropped))
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  /// The next complete event, or `nil` when more bytes are needed.
  public mutating func next() -> Event? {
    guard !failed else { return nil }
    if skipRemaining > 0 { return nil }
    if let error = skipError {
      skipError = nil
      return .skipped(error)
    }
    if pendingLength == nil {
      switch parseHeader() {
      case .needMore: return nil
      case .failure(let error):
        failed = true
        buffer = []
        position = 0
        return .fatal(error)
      case .length(let length):
        if length > maximumContentLength {
          let available = buffer.count - position
          let dropped = min(available, length)
          position += dropped
          skipRemaining = length - dropped
          compact()
          let error = FramingError(
            "message of \(length) bytes exceeds the limit of \(maximumContentLength) bytes; it was skipped")
          if skipRemaining > 0 {
            skipError = error
            return nil
          }
          return .skipped(error)
        }
        pendingLength = length
      }
    }
    guard let length = pendingLength, buffer.count - position >= length else { return nil }
    let content = Array(buffer[position..<(position + length)])
    position += length
    pendingLength = nil
    compact()
    return .message(content)
  }

  private enum HeaderResult {
    case needMore
    case failure(FramingError)
    case length(Int)
  }

  /// Parses the header part starting at `position`; on success moves `position` past it.
  private mutating func parseHeader() -> HeaderResult {
    // Find the empty line that ends the header part.
    var lines: [ArraySlice<UInt8>] = []
    var lineStart = position
    var index = position
    var end: Int?
    while index < buffer.count {
      if index - position > maximumHeaderLength {
        return .failure(FramingError("header part longer than \(maximumHeaderLength) bytes"))
      }
      if buffer[index] == 0x0A {
        var lineEnd = index
        if lineEnd > lineStart, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        if lineEnd == lineStart {
          if lines.isEmpty {
            // Tolerate blank lines before a header part (e.g. a stray CR LF after a body).
            lineStart = index + 1
            index += 1
            continue
          }
          end = index + 1
          break
        }
        lines.append(buffer[lineStart..<lineEnd])
        lineStart = index + 1
      }
      index += 1
    }
    guard let end else {
      if buffer.count - position > maximumHeaderLength {
        return .failure(FramingError("header part longer than \(maximumHeaderLength) bytes"))
      }
      return .needMore
    }
    var length: Int?
    for line in lines {
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
        return .failure(FramingError("malformed header line '\(Self.show(line))' (no ':')"))
      }
      let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
        .trimmingASCIISpaces().lowercased()
      let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingASCIISpaces()
      switch name {
      case "content-length":
        guard length == nil else { return .failure(FramingError("Content-Length given twice")) }
        guard !value.isEmpty, value.utf8.count <= 18, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
          let parsed = Int(value)
        else {
          return .failure(FramingError("invalid Content-Length '\(Self.show(line[(colon + 1)...]))'"))
        }
        length = parsed
      case "content-type":
        let lowered = value.lowercased()
        if let range = lowered.range(of: "charset=") {
          let charset = lowered[range.upperBound...].prefix { $0 != ";" }
            .trimmed(of: " \"'")
          guard charset == "utf-8" || charset == "utf8" else {
            return .failure(FramingError("unsupported charset '\(charset)' (only utf-8)"))
          }
        }
      default:
        break  // Unknown headers are ignored, as the protocol allows.
      }
    }
    guard let length else { return .failure(FramingError("header part without Content-Length")) }
    position = end
    return .length(length)
  }

  /// Drops consumed bytes once they make up most of the buffer.
  private mutating func compact() {
    if position == buffer.count {
      buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
      position = 0
    } else if position > 65536 && position * 2 > buffer.count {
      buffer.removeFirst(position)
      position = 0
    }
  }

  private static func show(_ bytes: ArraySlice<UInt8>) -> String {
    let text = String(decoding: bytes.prefix(80), as: UTF8.self)
    return String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
  }
}

extension String {
  fileprivate func trimmingASCIISpaces() -> String { trimmed(of: " \t") }

  fileprivate func trimmed(of set: String) -> String {
    let drop = Set(set.unicodeScalars)
    var scalars = Substring(self).unicodeScalars[...]
    while let first = scalars.first, drop.contains(first) { scalars = scalars.dropFirst() }
    while let last = scalars.last, drop.contains(last) { scalars = scalars.dropLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}

extension Substring {
  fileprivate func trimmed(of set: String) -> String { String(self).trimmed(of: set) }
}

/// Writes messages with the base protocol's header.
public enum FrameEncoder {
  /// `Content-Length: N\r\n\r\n` followed by the content.
  public static func frame(_ content: [UInt8]) -> [UInt8] {
    Array("Content-Length: \(content.count)\r\n\r\n".utf8) + content
  }
}
