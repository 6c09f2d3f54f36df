/// A strict RFC 8259 JSON reader.
///
/// It rejects everything the RFC does not allow — trailing commas, comments, `NaN`/`Infinity`,
/// leading zeros, unescaped control characters, invalid UTF-8, lone surrogates — and also
/// duplicate object keys (RFC 8259 leaves them undefined; silently keeping one loses data).
/// Numbers keep their exact decimal value (`JSONNumber`). A leading byte order mark is skipped,
/// as RFC 8259 §8.1 allows.
///
/// The reader is iterative, so deep nesting never overflows the stack; nesting beyond
/// `maxDepth` is reported as an error (the default keeps values safe to compare, hash and
/// release on small thread stacks: Swift releases nested values recursively).
///
/// Errors carry 1-based line and column numbers; columns count Unicode scalars.
public struct JSONReader: Sendable {
  /// Deepest allowed nesting of arrays and objects.
  public var maxDepth: Int
  /// Accept `//` line comments and `/* */` block comments wherever whitespace may appear
  /// (JSON with comments, `.jsonc`). Off by default: strict JSON.
  public var allowsComments: Bool

  /// Creates a reader. `maxDepth` limits the nesting of arrays and objects.
  public init(maxDepth: Int = 256, allowsComments: Bool = false) {
    self.maxDepth = maxDepth
    self.allowsComments = allowsComments
  }

  /// Reads a JSON text.
  public func read(_ bytes: some Sequence<UInt8>) throws(JSONReadError) -> JSONValue {
    var parser = Parser(
      bytes: Array(bytes), maxDepth: maxDepth, recordLocations: false, comments: allowsComments)
    return try parser.parseDocument()
  }

  /// Reads a JSON text given as a string.
  public func read(_ text: String) throws(JSONReadError) -> JSONValue {
    try read(Array(text.utf8))
  }

  /// Reads zero or more JSON texts written one after another, such as a file with one value
  /// per document or a log of concatenated values. Texts may be separated by whitespace; a
  /// number or literal must be followed by whitespace (or the end) before the next text, so
  /// `1 2` is two texts and `1[2]` is an error. Empty or all-whitespace input gives no values.
  public func readAll(_ bytes: some Sequence<UInt8>) throws(JSONReadError) -> [JSONValue] {
    var parser = Parser(
      bytes: Array(bytes), maxDepth: maxDepth, recordLocations: false, comments: allowsComments)
    return try parser.parseTexts()
  }

  /// Reads zero or more JSON texts, given as a string, written one after another.
  public func readAll(_ text: String) throws(JSONReadError) -> [JSONValue] {
    try readAll(Array(text.utf8))
  }

  /// Reads a JSON text and also returns where each value and each member key starts.
  public func readWithLocations(_ bytes: some Sequence<UInt8>) throws(JSONReadError) -> (
    value: JSONValue, locations: JSONPositionMap
  ) {
    var parser = Parser(
      bytes: Array(bytes), maxDepth: maxDepth, recordLocations: true, comments: allowsComments)
    let value = try parser.parseDocument()
    return (value, JSONPositionMap(valueStarts: parser.valueStarts, keyStarts: parser.keyStarts))
  }

  /// Reads a JSON text given as a string and returns the value and its source map.
  public func readWithLocations(_ text: String) throws(JSONReadError) -> (
    value: JSONValue, locations: JSONPositionMap
  ) {
    try readWithLocations(Array(text.utf8))
  }
}

/// A position in a JSON text: 1-based line and column (columns count Unicode scalars),
/// and the 0-based byte offset.
public struct JSONSourcePosition: Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var offset: Int

  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  public var description: String { "\(line):\(column)" }
}

/// Where the values and member keys of a JSON text start, by JSON Pointer.
public struct JSONPositionMap: Sendable {
  /// Start of each value (the root is at the empty pointer).
  public var valueStarts: [JSONPointer: JSONSourcePosition]
  /// Start of the key (its opening quote) of each object member, by the member's pointer.
  public var keyStarts: [JSONPointer: JSONSourcePosition]

  public init(
    valueStarts: [JSONPointer: JSONSourcePosition] = [:],
    keyStarts: [JSONPointer: JSONSourcePosition] = [:]
  ) {
    self.valueStarts = valueStarts
    self.keyStarts = keyStarts
  }

  /// The best position for a pointer: where its value starts; if the pointer does not exist
  /// (for example a missing required member), the nearest existing ancestor's value.
  public func position(of pointer: JSONPointer) -> JSONSourcePosition? {
    var p = pointer
    while true {
      if let found = valueStarts[p] { return found }
      if p.tokens.isEmpty { return nil }
      p = p.parent
    }
  }
}

/// A JSON syntax error with its location.
public struct JSONReadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, for a person.
  public var message: String
  /// Where the problem is.
  public var position: JSONSourcePosition
  /// A related earlier position (the first occurrence of a duplicate key), if any.
  public var relatedPosition: JSONSourcePosition?
  /// The repeated member name, when the error is a duplicate key.
  public var duplicateKey: String? = nil

  public var line: Int { position.line }
  public var column: Int { position.column }

  public var description: String { "\(position.line):\(position.column): \(message)" }
}

private struct Parser {
  let bytes: [UInt8]
  let maxDepth: Int
  let recordLocations: Bool
  let comments: Bool
  var pos = 0
  var line = 1
  var lineStart = 0
  // Column cache on the current line: column of byte `cacheOffset`.
  var cacheOffset = 0
  var cacheColumn = 1
  var valueStarts: [JSONPointer: JSONSourcePosition] = [:]
  var keyStarts: [JSONPointer: JSONSourcePosition] = [:]
  var pathTokens: [String] = []
  var stringBuffer: [UInt8] = []

  init(bytes: [UInt8], maxDepth: Int, recordLocations: Bool, comments: Bool = false) {
    self.bytes = bytes
    self.maxDepth = max(1, maxDepth)
    self.recordLocations = recordLocations
    self.comments = comments
    stringBuffer.reserveCapacity(64)
  }

  /// Position of a byte offset on the current line.
  mutating func position(at offset: Int) -> JSONSourcePosition {
    if offset < lineStart {
      // Only happens for error positions computed before a newline; recount from scratch.
      return Parser.slowPosition(bytes: bytes, offset: offset)
    }
    if cacheOffset < lineStart || cacheOffset > offset {
      cacheOffset = lineStart
      cacheColumn = 1
    }
    var column = cacheColumn
    var i = cacheOffset
    while i < offset && i < bytes.count {
      if bytes[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    cacheOffset = offset
    cacheColumn = column
    return JSONSourcePosition(line: line, column: column, offset: offset)
  }

  static func slowPosition(bytes: [UInt8], offset: Int) -> JSONSourcePosition {
    var line = 1
    var column = 1
    var i = 0
    while i < offset && i < bytes.count {
      if bytes[i] == 0x0A {
        line += 1
        column = 1
      } else if bytes[i] & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    return JSONSourcePosition(line: line, column: column, offset: offset)
  }

  mutating func fail(
    _ message: String, at offset: Int, related: JSONSourcePosition? = nil, duplicateKey: String? = nil
  ) -> JSONReadError {
    JSONReadError(
      message: message, position: position(at: offset), relatedPosition: related, duplicateKey: duplicateKey)
  }

  mutating func skipWhitespace() {
    while pos < bytes.count {
      switch bytes[pos] {
      case 0x20, 0x09, 0x0D: pos += 1
      case 0x0A:
        pos += 1
        line += 1
        lineStart = pos
      case 0x2F where comments && pos + 1 < bytes.count && bytes[pos + 1] == 0x2F:
        while pos < bytes.count && bytes[pos] != 0x0A { pos += 1 }
      case 0x2F where comments && pos + 1 < bytes.count && bytes[pos + 1] == 0x2A:
        // An unterminated block comment runs to the end: the parser then reports the end of input.
        pos += 2
        while pos < bytes.count && !(bytes[pos] == 0x2A && pos + 1 < bytes.count && bytes[pos + 1] == 0x2F) {
          if bytes[pos] == 0x0A {
            line += 1
            lineStart = pos + 1
          }
          pos += 1
        }
        pos = min(pos + 2, bytes.count)
      default: return
      }
    }
  }

  enum Frame {
    case array([JSONValue])
    /// `index` is built only for objects with many members; small ones are searched linearly.
    case object(keys: [String], values: [JSONValue], index: [String: Int]?, keyOffsets: [Int])
  }

  mutating func skipByteOrderMark() {
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      pos = 3
      lineStart = 3
      cacheOffset = 3
    }
  }

  mutating func parseDocument() throws(JSONReadError) -> JSONValue {
    skipByteOrderMark()
    skipWhitespace()
    if pos >= bytes.count { throw fail("empty input: expected a JSON value", at: pos) }
    let value = try parseValue()
    skipWhitespace()
    if pos < bytes.count {
      throw fail("unexpected \(describe(at: pos)) after the JSON value", at: pos)
    }
    return value
  }

  /// Zero or more texts one after another (see `JSONReader.readAll`).
  mutating func parseTexts() throws(JSONReadError) -> [JSONValue] {
    skipByteOrderMark()
    skipWhitespace()
    var values: [JSONValue] = []
    while pos < bytes.count {
      values.append(try parseValue())
      let end = pos
      skipWhitespace()
      // Containers and strings end with a delimiter; numbers and literals need a separator.
      if pos == end && pos < bytes.count
        && ![UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\"")].contains(bytes[end - 1])
      {
        throw fail("unexpected \(describe(at: pos)) after the JSON value: expected whitespace", at: pos)
      }
    }
    return values
  }

  func describe(at offset: Int) -> String {
    guard offset < bytes.count else { return "end of input" }
    let b = bytes[offset]
    if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
    return "byte 0x\(String(b, radix: 16, uppercase: true))"
  }

  mutating func recordValueStart(_ offset: Int) {
    valueStarts[JSONPointer(tokens: pathTokens)] = position(at: offset)
  }

  /// Iterative value parser with an explicit stack of open containers.
  mutating func parseValue() throws(JSONReadError) -> JSONValue {
    var stack: [Frame] = []
    var current: JSONValue = .null
    while true {
      // Parse one value start (scalar, or open a container).
      skipWhitespace()
      guard pos < bytes.count else { throw fail("unexpected end of input: expected a value", at: pos) }
      if recordLocations { recordValueStart(pos) }
      let b = bytes[pos]
      var opened = false
      switch b {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        if stack.count >= maxDepth {
          throw fail("nesting is deeper than the limit of \(maxDepth) levels", at: pos)
        }
        pos += 1
        skipWhitespace()
        if b == UInt8(ascii: "[") {
          if pos < bytes.count && bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            current = .array([])
          } else {
            stack.append(.array([]))
            if recordLocations { pathTokens.append("0") }
            opened = true
          }
        } else {
          if pos < bytes.count && bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            current = .object(JSONObject())
          } else {
            let keyOffset = pos
            let key = try parseKey()
            stack.append(.object(keys: [key], values: [], index: nil, keyOffsets: [keyOffset]))
            if recordLocations {
              pathTokens.append(key)
              keyStarts[JSONPointer(tokens: pathTokens)] = position(at: keyOffset)
            }
            opened = true
          }
        }
        if opened { continue }
      case UInt8(ascii: "\""):
        current = .string(try parseString())
      case UInt8(ascii: "t"):
        try expectLiteral("true")
        current = .bool(true)
      case UInt8(ascii: "f"):
        try expectLiteral("false")
        current = .bool(false)
      case UInt8(ascii: "n"):
        try expectLiteral("null")
        current = .null
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        current = .number(try parseNumber())
      case UInt8(ascii: "N"), UInt8(ascii: "I"):
        throw fail("NaN and Infinity are not JSON numbers", at: pos)
      case UInt8(ascii: "/"):
        throw fail("comments are not allowed in JSON", at: pos)
      case UInt8(ascii: "'"):
        throw fail("strings must use double quotes", at: pos)
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        throw fail("unexpected \(describe(at: pos)): expected a value", at: pos)
      default:
        throw fail("unexpected \(describe(at: pos)): expected a value", at: pos)
      }

      // Attach `current` to the enclosing containers, closing those that end.
      while true {
        guard let top = stack.popLast() else { return current }
        skipWhitespace()
        switch top {
        case .array(var elements):
          elements.append(current)
          guard pos < bytes.count else {
            throw fail("unexpected end of input: expected ',' or ']'", at: pos)
          }
          if bytes[pos] == UInt8(ascii: ",") {
            let commaOffset = pos
            pos += 1
            skipWhitespace()
            if pos < bytes.count && bytes[pos] == UInt8(ascii: "]") {
              throw fail("trailing comma before ']'", at: commaOffset)
            }
            stack.append(.array(elements))
            if recordLocations { pathTokens[pathTokens.count - 1] = String(elements.count) }
            break
          } else if bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            if recordLocations { pathTokens.removeLast() }
            current = .array(elements)
            continue
          } else if bytes[pos] == UInt8(ascii: "/") {
            throw fail("comments are not allowed in JSON", at: pos)
          } else {
            throw fail("unexpected \(describe(at: pos)) in array: expected ',' or ']'", at: pos)
          }
        case .object(var keys, var values, var index, var keyOffsets):
          values.append(current)
          guard pos < bytes.count else {
            throw fail("unexpected end of input: expected ',' or '}'", at: pos)
          }
          if bytes[pos] == UInt8(ascii: ",") {
            let commaOffset = pos
            pos += 1
            skipWhitespace()
            if pos < bytes.count && bytes[pos] == UInt8(ascii: "}") {
              throw fail("trailing comma before '}'", at: commaOffset)
            }
            let keyOffset = pos
            let key = try parseKey()
            let first: Int?
            if let index {
              first = index[key]
            } else {
              first = keys.firstIndex { JSONValue.keyEqual($0, key) }
            }
            if let first {
              let firstPosition = Parser.slowPosition(bytes: bytes, offset: keyOffsets[first])
              throw fail(
                "duplicate key \"\(key)\" (first defined at line \(firstPosition.line), column \(firstPosition.column))",
                at: keyOffset, related: firstPosition, duplicateKey: key)
            }
            if index != nil {
              index![key] = keys.count
            } else if keys.count >= 16 {
              var map: [String: Int] = [:]
              for (i, k) in keys.enumerated() { map[k] = i }
              map[key] = keys.count
              index = map
            }
            keys.append(key)
            keyOffsets.append(keyOffset)
            stack.append(.object(keys: keys, values: values, index: index, keyOffsets: keyOffsets))
            if recordLocations {
              pathTokens[pathTokens.count - 1] = key
              keyStarts[JSONPointer(tokens: pathTokens)] = position(at: keyOffset)
            }
            break
          } else if bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            if recordLocations { pathTokens.removeLast() }
            current = .object(JSONObject(uniqueKeys: keys, values: values, index: index ?? [:]))
            continue
          } else if bytes[pos] == UInt8(ascii: "/") {
            throw fail("comments are not allowed in JSON", at: pos)
          } else {
            throw fail("unexpected \(describe(at: pos)) in object: expected ',' or '}'", at: pos)
          }
        }
        break  // a new element/member follows
      }
    }
  }

  /// Parses `"key"` followed by `:`; leaves `pos` after the colon.
  mutating func parseKey() throws(JSONReadError) -> String {
    guard pos < bytes.count else { throw fail("unexpected end of input: expected a member name", at: pos) }
    guard bytes[pos] == UInt8(ascii: "\"") else {
      if bytes[pos] == UInt8(ascii: "/") { throw fail("comments are not allowed in JSON", at: pos) }
      throw fail("expected a member name in double quotes, found \(describe(at: pos))", at: pos)
    }
    let key = try parseString()
    skipWhitespace()
    guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
      throw fail("expected ':' after member name, found \(describe(at: pos))", at: pos)
    }
    pos += 1
    return key
  }

  mutating func expectLiteral(_ word: StaticString) throws(JSONReadError) {
    let start = pos
    let count = word.utf8CodeUnitCount
    let matches = word.withUTF8Buffer { buffer -> Bool in
      guard start + count <= bytes.count else { return false }
      for i in 0..<count where bytes[start + i] != buffer[i] { return false }
      return true
    }
    if !matches {
      throw fail("invalid literal: expected '\(word)'", at: start)
    }
    pos += count
    if pos < bytes.count, isIdentifierByte(bytes[pos]) {
      throw fail("invalid literal: unexpected \(describe(at: pos)) after '\(word)'", at: pos)
    }
  }

  func isIdentifierByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
  }

  mutating func parseNumber() throws(JSONReadError) -> JSONNumber {
    let start = pos
    var negative = false
    if bytes[pos] == UInt8(ascii: "-") {
      negative = true
      pos += 1
      if pos < bytes.count, bytes[pos] == UInt8(ascii: "I") {
        throw fail("NaN and Infinity are not JSON numbers", at: start)
      }
    }
    guard pos < bytes.count, bytes[pos] >= 0x30 && bytes[pos] <= 0x39 else {
      throw fail("invalid number: expected a digit", at: pos)
    }
    var digits: [UInt8] = []
    var exponent = 0
    if bytes[pos] == 0x30 {
      pos += 1
      if pos < bytes.count, bytes[pos] >= 0x30 && bytes[pos] <= 0x39 {
        throw fail("invalid number: leading zeros are not allowed", at: start)
      }
    } else {
      while pos < bytes.count, bytes[pos] >= 0x30 && bytes[pos] <= 0x39 {
        digits.append(bytes[pos] - 0x30)
        pos += 1
      }
    }
    if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
      pos += 1
      var count = 0
      while pos < bytes.count, bytes[pos] >= 0x30 && bytes[pos] <= 0x39 {
        digits.append(bytes[pos] - 0x30)
        exponent -= 1
        count += 1
        pos += 1
      }
      if count == 0 { throw fail("invalid number: expected a digit after '.'", at: pos) }
    }
    if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
      pos += 1
      var expNegative = false
      if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") {
        expNegative = bytes[pos] == UInt8(ascii: "-")
        pos += 1
      }
      var value = 0
      var count = 0
      var overflowed = false
      while pos < bytes.count, bytes[pos] >= 0x30 && bytes[pos] <= 0x39 {
        JSONNumber.accumulateExponent(&value, digit: bytes[pos] - 0x30, overflowed: &overflowed)
        count += 1
        pos += 1
      }
      if count == 0 { throw fail("invalid number: expected a digit in the exponent", at: pos) }
      if overflowed { throw outOfRange(at: start) }
      exponent += expNegative ? -value : value
    }
    if pos < bytes.count, isIdentifierByte(bytes[pos]) || bytes[pos] == UInt8(ascii: ".") {
      throw fail("invalid number: unexpected \(describe(at: pos))", at: pos)
    }
    let number = JSONNumber(isNegative: negative, digits: digits, exponent: exponent)
    guard number.isWithinExponentLimit else { throw outOfRange(at: start) }
    return number
  }

  /// The error for a number whose exponent is beyond `JSONNumber.exponentLimit` (numbers are kept
  /// exactly, so one that cannot be written back is refused rather than rounded).
  mutating func outOfRange(at start: Int) -> JSONReadError {
    fail(
      "number out of range: its exponent is beyond ±\(JSONNumber.exponentLimit) "
        + "(numbers are kept exactly; write a smaller exponent or quote the value as a string)",
      at: start)
  }

  func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case 0x30...0x39: return UInt32(b - 0x30)
    case 0x41...0x46: return UInt32(b - 0x41 + 10)
    case 0x61...0x66: return UInt32(b - 0x61 + 10)
    default: return nil
    }
  }

  mutating func readHex4(at offset: Int) throws(JSONReadError) -> UInt32 {
    guard offset + 4 <= bytes.count else {
      throw fail("invalid \\u escape: expected four hex digits", at: offset - 2)
    }
    var v: UInt32 = 0
    for i in 0..<4 {
      guard let h = hexValue(bytes[offset + i]) else {
        throw fail("invalid \\u escape: expected four hex digits", at: offset - 2)
      }
      v = v << 4 | h
    }
    return v
  }

  mutating func appendScalar(_ v: UInt32) {
    switch v {
    case 0..<0x80: stringBuffer.append(UInt8(v))
    case 0x80..<0x800:
      stringBuffer.append(UInt8(0xC0 | (v >> 6)))
      stringBuffer.append(UInt8(0x80 | (v & 0x3F)))
    case 0x800..<0x10000:
      stringBuffer.append(UInt8(0xE0 | (v >> 12)))
      stringBuffer.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      stringBuffer.append(UInt8(0x80 | (v & 0x3F)))
    default:
      stringBuffer.append(UInt8(0xF0 | (v >> 18)))
      stringBuffer.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      stringBuffer.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      stringBuffer.append(UInt8(0x80 | (v & 0x3F)))
    }
  }

  /// Parses a string starting at the opening quote; validates UTF-8 and escapes.
  mutating func parseString() throws(JSONReadError) -> String {
    let open = pos
    pos += 1
    // Fast path: plain ASCII with no escapes.
    var i = pos
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        let s = String(decoding: bytes[pos..<i], as: UTF8.self)
        pos = i + 1
        return s
      }
      if b == UInt8(ascii: "\\") || b < 0x20 || b >= 0x80 { break }
      i += 1
    }
    stringBuffer.removeAll(keepingCapacity: true)
    stringBuffer.append(contentsOf: bytes[pos..<i])
    pos = i
    while true {
      guard pos < bytes.count else { throw fail("unterminated string", at: open) }
      let b = bytes[pos]
      if b == UInt8(ascii: "\"") {
        pos += 1
        return String(decoding: stringBuffer, as: UTF8.self)
      }
      if b < 0x20 {
        if b == 0x0A {
          throw fail("unescaped line break in string (write \\n)", at: pos)
        }
        throw fail("unescaped control character U+00\(hex2(b)) in string", at: pos)
      }
      if b == UInt8(ascii: "\\") {
        guard pos + 1 < bytes.count else { throw fail("unterminated string", at: open) }
        let e = bytes[pos + 1]
        switch e {
        case UInt8(ascii: "\""): stringBuffer.append(0x22)
        case UInt8(ascii: "\\"): stringBuffer.append(0x5C)
        case UInt8(ascii: "/"): stringBuffer.append(0x2F)
        case UInt8(ascii: "b"): stringBuffer.append(0x08)
        case UInt8(ascii: "f"): stringBuffer.append(0x0C)
        case UInt8(ascii: "n"): stringBuffer.append(0x0A)
        case UInt8(ascii: "r"): stringBuffer.append(0x0D)
        case UInt8(ascii: "t"): stringBuffer.append(0x09)
        case UInt8(ascii: "u"):
          let escapeStart = pos
          let v = try readHex4(at: pos + 2)
          pos += 6
          if v >= 0xD800 && v <= 0xDBFF {
            guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u")
            else {
              throw fail(
                "lone surrogate \\u\(hex4(v)) in string (a high surrogate must be followed by a low one)",
                at: escapeStart)
            }
            let low = try readHex4(at: pos + 2)
            guard low >= 0xDC00 && low <= 0xDFFF else {
              throw fail(
                "lone surrogate \\u\(hex4(v)) in string (a high surrogate must be followed by a low one)",
                at: escapeStart)
            }
            pos += 6
            appendScalar(0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00))
          } else if v >= 0xDC00 && v <= 0xDFFF {
            throw fail(
              "lone surrogate \\u\(hex4(v)) in string (a low surrogate without a high one)", at: escapeStart)
          } else {
            appendScalar(v)
          }
          continue
        default:
          throw fail("invalid escape sequence '\\\(describeEscape(e))' in string", at: pos)
        }
        pos += 2
        continue
      }
      if b < 0x80 {
        stringBuffer.append(b)
        pos += 1
        continue
      }
      // Multi-byte UTF-8 sequence: validate strictly (no overlongs, no surrogates, ≤ U+10FFFF).
      let length: Int
      var lowBound: UInt8 = 0x80
      var highBound: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        lowBound = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        highBound = 0x9F
      case 0xF0:
        length = 4
        lowBound = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        highBound = 0x8F
      default:
        throw fail("invalid UTF-8 byte 0x\(hex2(b)) in string", at: pos)
      }
      guard pos + length <= bytes.count else { throw fail("truncated UTF-8 sequence in string", at: pos) }
      let second = bytes[pos + 1]
      guard second >= lowBound && second <= highBound else {
        throw fail("invalid UTF-8 sequence in string", at: pos)
      }
      for k in 2..<max(2, length) where bytes[pos + k] & 0xC0 != 0x80 {
        throw fail("invalid UTF-8 sequence in string", at: pos)
      }
      stringBuffer.append(contentsOf: bytes[pos..<(pos + length)])
      pos += length
    }
  }

  func describeEscape(_ b: UInt8) -> String {
    if b >= 0x20 && b < 0x7F { return String(Character(Unicode.Scalar(b))) }
    return "\\x" + hex2(b)
  }

  func hex2(_ b: UInt8) -> String {
    let s = String(b, radix: 16, uppercase: true)
    return s.count == 1 ? "0" + s : s
  }

  func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
  }
}
