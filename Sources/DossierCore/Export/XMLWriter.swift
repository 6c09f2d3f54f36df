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
    append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
  }

  /// The first character of `text` outside `Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
  /// [#x10000-#x10FFFF]`, if any. (Swift strings cannot hold surrogates.)
  static func firstInvalidCharacter(in text: String) -> InvalidCharacter? {
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
    append("<" + name)
    try writeAttributes(attributes)
    append(">\n")
    open.append(name)
  }

  /// Writes `<name attributes>text</name>` on one line.
  mutating func leaf(_ name: String, attributes: [(String, String)] = [], text: String)
    throws(InvalidCharacter)
  {
    if let bad = Self.firstInvalidCharacter(in: text) { throw bad }
    indent()
    append("<" + name)
    try writeAttributes(attributes)
    append(">")
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": append("&amp;")
      case "<": append("&lt;")
      case ">": append("&gt;")
      case "\r": append("&#13;")
      default: appendScalar(scalar)
      }
    }
    append("</\(name)>\n")
  }

  /// Closes the innermost open element.
  mutating func end() {
    guard let name = open.popLast() else { return }
    indent()
    append("</\(name)>\n")
  }

  private mutating func writeAttributes(_ attributes: [(String, String)]) throws(InvalidCharacter) {
    for (name, value) in attributes {
      if let bad = Self.firstInvalidCharacter(in: value) { throw bad }
      append(" \(name)=\"")
      for scalar in value.unicodeScalars {
        switch scalar {
        case "&": append("&amp;")
        case "<": append("&lt;")
        case ">": append("&gt;")
        case "\"": append("&quot;")
        case "\t": append("&#9;")
        case "\n": append("&#10;")
        case "\r": append("&#13;")
        default: appendScalar(scalar)
        }
      }
      append("\"")
    }
  }

  private mutating func indent() {
    bytes += [UInt8](repeating: 0x20, count: open.count * 2)
  }

  private mutating func append(_ text: String) { bytes += Array(text.utf8) }

  private mutating func appendScalar(_ scalar: Unicode.Scalar) {
    if let encoded = UTF8.encode(scalar) { bytes.append(contentsOf: encoded) }
  }
}
