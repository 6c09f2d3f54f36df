import JSONSchema

/// The characters the exports cannot hold, checked where they are written (one set of checks:
/// whatever `build` would refuse, `validate` reports first, at the value's line and column).
///
/// XML 1.0 allows tab, LF, CR and U+0020…U+FFFD (minus surrogates) and the supplementary planes;
/// everything else — NUL, the other C0 controls (escape, form feed, …), U+FFFE and U+FFFF — has no
/// representation, not even as a character reference. TSV exports refuse the same set (a raw NUL
/// breaks PostgreSQL's `COPY`), so one rule serves every format.
public enum ExportableCharacters {
  /// True when no key or string in the value holds a character the exports cannot hold (the fast
  /// pass: no pointers are built unless something is found).
  static func isPlain(_ value: JSONValue) -> Bool {
    var stack = [value]
    while let current = stack.popLast() {
      switch current {
      case .string(let s): if !isPlain(s) { return false }
      case .array(let items): stack.append(contentsOf: items)
      case .object(let object):
        for key in object.keys where !isPlain(key) { return false }
        stack.append(contentsOf: object.values)
      default: break
      }
    }
    return true
  }

  /// A fast byte test: true when the text has no C0 control other than tab, LF, CR and no
  /// U+FFFE/U+FFFF (whose UTF-8 forms are EF BF BE and EF BF BF).
  static func isPlain(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { bytes in
      var previous: (UInt8, UInt8) = (0, 0)
      for b in bytes {
        if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return false }
        if (b == 0xBE || b == 0xBF) && previous == (0xEF, 0xBF) { return false }
        previous = (previous.1, b)
      }
      return true
    }
  }

  /// True when every export format can hold the scalar.
  public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool { XMLWriter.isXMLChar(scalar) }

  /// An `X001` error at the first character of a document's text the exports cannot hold (form
  /// feed, escape, U+FFFE, …; ingest only warns, `I004`), counting the others; `nil` when there is none.
  public static func check(text source: SourceDocument) -> Diagnostic? {
    var line = 1
    var column = 1
    var first: (line: Int, column: Int, scalar: Unicode.Scalar)?
    var count = 0
    for scalar in source.text.unicodeScalars {
      if scalar == "\n" {
        line += 1
        column = 1
        continue
      }
      // NUL is refused by ingest already (I003).
      if !isAllowed(scalar) && scalar != "\0" {
        count += 1
        if first == nil { first = (line, column, scalar) }
      }
      column += 1
    }
    guard let first else { return nil }
    let hex = String(first.scalar.value, radix: 16, uppercase: true)
    let more = count > 1 ? " (\(count) in all)" : ""
    return .error(
      .xmlCharacterNotAllowed,
      "the text contains U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)\(more), which the XML and "
        + "TSV exports cannot hold",
      at: SourceLocation(file: source.path, line: first.line, column: first.column),
      help: "remove the character (a form feed, another control character, or the noncharacter U+FFFE/U+FFFF)"
    )
  }

  /// `X001` errors for every key or string value of an annotation holding a character the exports
  /// cannot hold, located at the value (at most `limit`, then one `L001` entry).
  public static func check(
    _ value: JSONValue, locator: InstanceLocator, limit: Int = DiagnosticCap.defaultLimit
  ) -> [Diagnostic] {
    guard !isPlain(value) else { return [] }
    var found: [Diagnostic] = []
    var stack: [(JSONValue, JSONPointer)] = [(value, JSONPointer(tokens: []))]
    func report(_ text: String, _ what: String, at pointer: JSONPointer, key: Bool) {
      guard !isPlain(text) else { return }
      guard let (offset, scalar) = text.unicodeScalars.enumerated().first(where: { !isAllowed($0.1) }) else {
        return
      }
      let hex = String(scalar.value, radix: 16, uppercase: true)
      let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      found.append(
        .error(
          .xmlCharacterNotAllowed,
          "\(what) contains \(code) at character \(offset + 1), which the XML and TSV exports cannot hold",
          at: key ? locator.keyLocation(of: pointer) : locator.location(of: pointer),
          pointer: pointer.description.isEmpty ? "/" : pointer.description,
          help:
            "remove the character; in YAML, escapes such as \"\\0\", \"\\x01\" or \"\\e\" write control characters"
        ))
    }
    while let (current, pointer) = stack.popLast() {
      switch current {
      case .string(let s): report(s, "the value", at: pointer, key: false)
      case .array(let items):
        for (i, item) in items.enumerated().reversed() { stack.append((item, pointer.appending(i))) }
      case .object(let object):
        for (key, member) in zip(object.keys, object.values).reversed() {
          report(key, "the key", at: pointer.appending(key), key: true)
          stack.append((member, pointer.appending(key)))
        }
      default: break
      }
    }
    return DiagnosticCap.cap(found, limit: limit, file: locator.file)
  }
}
