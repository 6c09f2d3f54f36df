/// How metadata values are compared with the text (docs/annotations.md §3): NFC (Swift compares
/// strings by canonical equivalence), U+2019 → `'`, every run of white space → one space, trimmed;
/// case matters.
enum MetadataText {
  /// The normalized form of a value.
  static func normalize(_ text: String) -> String {
    var out = ""
    var pendingSpace = false
    for character in text {
      if character.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.append(character == "\u{2019}" ? "'" : character)
    }
    return out
  }

  /// True when two values agree after normalization.
  static func agree(_ a: String, _ b: String) -> Bool { normalize(a) == normalize(b) }

  /// A value shortened for a message.
  static func quoted(_ text: String, limit: Int = 80) -> String {
    let flat = normalize(text)
    return "“" + (flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat) + "”"
  }
}
