/// The white-space folding that quote matching and name keys share, on ASCII text: runs of white space
/// (space, TAB, LF, VT, FF, CR) between other bytes become one separator, leading and trailing white
/// space is dropped. Both callers read the bytes directly, without grapheme breaking.
enum ASCIIWhiteSpace {
  /// True for the bytes folded as white space.
  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

  /// The bytes of an all-ASCII text, each mapped by `map`, with `separator` for every inner run of white
  /// space; `nil` when the text has a non-ASCII byte.
  static func fold<Element>(
    _ utf8: some Collection<UInt8>, separator: Element, map: (UInt8) -> Element
  ) -> [Element]? {
    var out: [Element] = []
    out.reserveCapacity(utf8.count)
    var pendingSpace = false
    for byte in utf8 {
      guard byte < 0x80 else { return nil }
      if isSpace(byte) {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(separator)
        pendingSpace = false
      }
      out.append(map(byte))
    }
    return out
  }
}
