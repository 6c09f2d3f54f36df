import CLibYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks on the source bytes for invalid YAML that libyaml accepts (the yaml-test-suite's error cases
/// libyaml lets through), and the conversion of libyaml's character-based marks to byte offsets.
extension YAMLComposer {
  /// The byte offset of a libyaml character index (libyaml counts characters, not bytes, and does
  /// not count a byte order mark). Amortized O(1): event marks move forward.
  @inline(__always) mutating func byteOffset(ofCharacter index: Int) -> Int {
    let bytes = input
    var c = cursorChar
    var b = cursorByte
    if index >= c {
      // Eight bytes at a time: count the lead bytes (those that are not 10xxxxxx continuation bytes)
      // and take the block when it ends on a character boundary.
      if let base = bytes.baseAddress {
        while index - c >= 8 && bytes.count - b > 8 {
          let word = UnsafeRawPointer(base + b).loadUnaligned(as: UInt64.self)
          let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
          let leads = 8 - continuation.nonzeroBitCount
          if c + leads > index || base[b + 8] & 0xC0 == 0x80 { break }
          b += 8
          c += leads
        }
      }
      while c < index && b < bytes.count {
        b += 1
        while b < bytes.count && bytes[b] & 0xC0 == 0x80 { b += 1 }
        c += 1
      }
    } else {
      while c > index && b > bomLength {
        b -= 1
        while b > bomLength && bytes[b] & 0xC0 == 0x80 { b -= 1 }
        c -= 1
      }
    }
    cursorChar = c
    cursorByte = b
    return b
  }

  @inline(__always) static func isBlank(_ c: UInt8) -> Bool {
    c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
  }

  /// Bytes between events hold only whitespace, indicators and comments. A comment must be
  /// separated from what precedes it by whitespace (libyaml accepts `"a"#c` and `[a]#c`).
  mutating func scanGap(from start: Int, to end: Int) {
    guard let base = input.baseAddress else { return }
    var i = start
    while i < end {
      guard let hit = memchr(base + i, Int32(UInt8(ascii: "#")), end - i) else { return }
      i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      if i > bomLength && !Self.isBlank(base[i - 1]) {
        reportCommentWithoutSpace(at: i)
      }
      while i < end && base[i] != 0x0A && base[i] != 0x0D { i += 1 }
    }
  }

  /// `%YAML 1.1#comment`: the document start event covers the directives.
  mutating func checkDirectiveComments(from start: Int, to end: Int) {
    let bytes = input
    var i = start
    var lineIsYAMLDirective = false
    var atLineStart = true
    while i < end {
      let c = bytes[i]
      if atLineStart {
        lineIsYAMLDirective = i + 5 <= end && c == UInt8(ascii: "%") && bytes[i + 1] == UInt8(ascii: "Y")
      }
      atLineStart = c == 0x0A || c == 0x0D
      if c == UInt8(ascii: "#") && lineIsYAMLDirective && !Self.isBlank(bytes[i - 1]) {
        reportCommentWithoutSpace(at: i)
        lineIsYAMLDirective = false
      }
      i += 1
    }
  }

  mutating func reportCommentWithoutSpace(at offset: Int) {
    error(
      .yamlSyntax, "a comment must be separated from the preceding text by whitespace",
      at: locate(offset), help: "insert a space before '#'")
  }

  /// Inside flow content (`[…]`, `{…}`) nested in a block collection at column C, every line must be
  /// indented by at least C spaces (tabs do not count). libyaml does not check this.
  mutating func checkFlowLine(at offset: Int, mark: YAMLMark, blockColumn: Int32) {
    guard blockColumn > 0 else { return }
    let bytes = input
    var lineStart = offset
    while lineStart > bomLength && bytes[lineStart - 1] != 0x0A && bytes[lineStart - 1] != 0x0D {
      lineStart -= 1
    }
    var k = lineStart
    var spaces: Int32 = 0
    while k < offset && bytes[k] == 0x20 {
      k += 1
      spaces += 1
    }
    while k < offset {
      if bytes[k] != 0x20 && bytes[k] != 0x09 { return }  // not the first token of its line
      k += 1
    }
    if spaces < blockColumn { reportFlowIndentation(line: mark.line, spaces: spaces, needed: blockColumn) }
  }

  mutating func reportFlowIndentation(line: Int32, spaces: Int32, needed: Int32) {
    error(
      .yamlFlowIndentation,
      "this line continues a flow value or quoted scalar and must be indented by at least \(needed) space(s), "
        + "more than its parent collection",
      at: YAMLMark(line: line, column: spaces + 1),
      help: "indent the line with at least \(needed) space(s); tabs do not count as indentation")
  }

  /// Checks what libyaml leaves unchecked in a scalar's source: continuation lines of quoted and
  /// flow plain scalars must be indented past the parent block collection; a block scalar header
  /// comment needs a space; a plain scalar may not be a lone indicator (`-`, `?`, `:`).
  mutating func checkScalarSource(
    style: yaml_scalar_style_t, value: UnsafeBufferPointer<UInt8>, start: YAMLMark, end: YAMLMark,
    from startByte: Int, to endByte: Int
  ) {
    let bytes = input
    switch style {
    case YAML_PLAIN_SCALAR_STYLE:
      // A plain scalar cannot start with an indicator followed by a space, the end, or (in flow
      // context) a flow indicator: `[-]`, `- [-, -]`. `::` is fine (a key `:`).
      var i = startByte
      if value.first == UInt8(ascii: "!") || value.first == UInt8(ascii: "&") {
        i = endByte  // the value itself starts with the character; properties cannot be skipped reliably
      } else {
        while i < endByte && (bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "&")) {
          while i < endByte && !Self.isBlank(bytes[i]) { i += 1 }
          while i < endByte && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        }
      }
      if i < endByte, value.first == bytes[i],
        bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "?") || bytes[i] == UInt8(ascii: ":")
      {
        let next: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0x0A
        let inFlow = frames.last?.isFlow == true
        if Self.isBlank(next) || (inFlow && Self.isFlowIndicator(next)) {
          error(
            .yamlSyntax,
            "'\(Character(Unicode.Scalar(bytes[i])))' followed by a space or the end cannot start a plain scalar",
            at: start, end: end, help: "quote the value")
        }
      }
      if end.line > start.line, frames.last?.isFlow == true {
        checkContinuationLines(from: startByte, to: endByte, line: start.line)
      }
    case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE:
      if end.line > start.line { checkContinuationLines(from: startByte, to: endByte, line: start.line) }
    case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE:
      checkBlockScalarHeader(from: startByte, to: endByte)
    default:
      break
    }
  }

  mutating func checkContinuationLines(from startByte: Int, to endByte: Int, line firstLine: Int32) {
    guard let needed = frames.last?.blockColumn, needed > 0 else { return }
    let bytes = input
    var i = startByte
    var line = firstLine
    var reported = false
    while i < endByte && !reported {
      let c = bytes[i]
      i += 1
      guard c == 0x0A || c == 0x0D else { continue }
      if c == 0x0D && i < endByte && bytes[i] == 0x0A { i += 1 }
      line += 1
      var spaces: Int32 = 0
      while i < endByte && bytes[i] == 0x20 {
        spaces += 1
        i += 1
      }
      var k = i
      while k < endByte && (bytes[k] == 0x20 || bytes[k] == 0x09) { k += 1 }
      let blankLine = k >= endByte ? false : (bytes[k] == 0x0A || bytes[k] == 0x0D)
      if !blankLine && spaces < needed {
        reportFlowIndentation(line: line, spaces: spaces, needed: needed)
        reported = true
      }
    }
  }

  mutating func checkBlockScalarHeader(from startByte: Int, to endByte: Int) {
    let bytes = input
    var i = startByte
    // Skip properties (`!tag`, `&anchor`) before the indicator.
    while i < endByte && (bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "&")) {
      while i < endByte && !Self.isBlank(bytes[i]) { i += 1 }
      while i < endByte && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
    }
    guard i < endByte, bytes[i] == UInt8(ascii: "|") || bytes[i] == UInt8(ascii: ">") else { return }
    i += 1
    var explicitIndentation = false
    while i < endByte && Self.isDigitOrChomp(bytes[i]) {
      if bytes[i] != UInt8(ascii: "+") && bytes[i] != UInt8(ascii: "-") { explicitIndentation = true }
      i += 1
    }
    if i < endByte && bytes[i] == UInt8(ascii: "#") { reportCommentWithoutSpace(at: i) }
    guard !explicitIndentation else { return }
    // With auto-detected indentation, no leading empty line may hold more spaces than the first
    // non-empty content line (libyaml does not check this).
    while i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
    let needed = Int(frames.last?.blockColumn ?? 0)
    var longestEmpty = 0
    var line = YAMLMark(line: 0, column: 1)
    while i < bytes.count {
      if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
      i += 1
      line.line += 1
      var spaces = 0
      while i < bytes.count && bytes[i] == 0x20 {
        spaces += 1
        i += 1
      }
      if i >= bytes.count { return }
      if bytes[i] == 0x0A || bytes[i] == 0x0D {
        longestEmpty = max(longestEmpty, spaces)
        continue
      }
      if spaces >= needed && spaces < longestEmpty {
        let at = locate(i)
        error(
          .yamlSyntax,
          "a leading empty line of this block scalar holds \(longestEmpty) spaces, more than the \(spaces) of its first "
            + "content line", at: YAMLMark(line: at.line, column: 1),
          help: "remove the trailing spaces of the empty lines")
      }
      return
    }
  }

  @inline(__always) static func isFlowIndicator(_ c: UInt8) -> Bool {
    c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: "{")
      || c == UInt8(ascii: "}")
  }

  @inline(__always) static func isDigitOrChomp(_ c: UInt8) -> Bool {
    (c >= 0x31 && c <= 0x39) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
  }
}
