/// A deterministic XML writer: UTF-8, LF line ends, two-space indentation, one element per line,
/// text only in leaf elements. Every string is checked against the XML 1.0 `Char` production before it
/// is written (libxml2's writer does not do this), and escaped so that it reads back unchanged:
/// `& < >` always, `"` and TAB/LF in attributes, CR everywhere as `&#13;`.
struct XMLWriter {
  /// A string holds a character XML 1.0 cannot represent.
  struct InvalidCharacter: Error, Hashable, Sendable {
    /// The offending character.
    var scalar: Unicode.Scalar
    /// Its 0-based position in the string, in Unicode scalars.
    var offset: Int
  }

  private(set) var bytes: [UInt8] = []
  private var open: [String] = []

  init() {
    bytes.reserveCapacity(4096)
    append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
  }

  /// The first character of `text` outside `Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
  /// [#x10000-#x10FFFF]`, if any. (Swift strings cannot hold surrogates.)
  static func firstInvalidCharacter(in text: String) -> InvalidCharacter? {
    // Fast path on the UTF-8 bytes: only C0 controls (other than TAB, LF, CR) and U+FFFE/U+FFFF
    // (EF BF BE, EF BF BF) are outside `Char`; the scalar walk below runs only when one may be there.
    var text = text
    let suspicious = text.withUTF8 { utf8 -> Bool in
      for (index, byte) in utf8.enumerated() {
        if byte < 0x20 {
          if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
        } else if byte == 0xEF, index + 2 < utf8.count, utf8[index + 1] == 0xBF, utf8[index + 2] >= 0xBE {
          return true
        }
      }
      return false
    }
    guard suspicious else { return nil }
    for (offset, scalar) in text.unicodeScalars.enumerated() where !isXMLChar(scalar) {
      return InvalidCharacter(scalar: scalar, offset: offset)
    }
    return nil
  }

  static func isXMLChar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: return true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  /// Opens an element on its own line.
  mutating func start(_ name: String, attributes: [(String, String)] = []) throws(InvalidCharacter) {
    indent()
    bytes.append(UInt8(ascii: "<"))
    append(name)
    try writeAttributes(attributes)
    bytes.append(UInt8(ascii: ">"))
    bytes.append(0x0A)
    open.append(name)
  }

  /// Writes `<name attributes>text</name>` on one line.
  mutating func leaf(_ name: String, attributes: [(String, String)] = [], text: String)
    throws(InvalidCharacter)
  {
    if let bad = Self.firstInvalidCharacter(in: text) { throw bad }
    indent()
    bytes.append(UInt8(ascii: "<"))
    append(name)
    try writeAttributes(attributes)
    bytes.append(UInt8(ascii: ">"))
    appendEscaped(text, attribute: false)
    bytes.append(UInt8(ascii: "<"))
    bytes.append(UInt8(ascii: "/"))
    append(name)
    bytes.append(UInt8(ascii: ">"))
    bytes.append(0x0A)
  }

  /// Closes the innermost open element.
  mutating func end() {
    guard let name = open.popLast() else { return }
    indent()
    bytes.append(UInt8(ascii: "<"))
    bytes.append(UInt8(ascii: "/"))
    append(name)
    bytes.append(UInt8(ascii: ">"))
    bytes.append(0x0A)
  }

  private mutating func writeAttributes(_ attributes: [(String, String)]) throws(InvalidCharacter) {
    for (name, value) in attributes {
      if let bad = Self.firstInvalidCharacter(in: value) { throw bad }
      bytes.append(UInt8(ascii: " "))
      append(name)
      bytes.append(UInt8(ascii: "="))
      bytes.append(UInt8(ascii: "\""))
      appendEscaped(value, attribute: true)
      bytes.append(UInt8(ascii: "\""))
    }
  }

  /// Appends text escaped for content (`& < >`, CR) or for an attribute value (also `"`, TAB, LF).
  private mutating func appendEscaped(_ text: String, attribute: Bool) {
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      for (index, byte) in utf8.enumerated() {
        let replacement: StaticString
        switch byte {
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case 0x0D: replacement = "&#13;"
        case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
        case 0x09 where attribute: replacement = "&#9;"
        case 0x0A where attribute: replacement = "&#10;"
        default: continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        bytes.append(
          contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
        start = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
  }

  private mutating func indent() {
    bytes.append(contentsOf: repeatElement(0x20, count: open.count * 2))
  }

  private mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }
}
