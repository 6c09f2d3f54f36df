import Foundation

/// The key country and organization names are looked up by (docs/vocabularies.md, "Name matching
/// key"): NFKC, U+2018/U+2019 → `'`, runs of white space → one space, trimmed, lower-cased with each
/// scalar's Unicode lowercase mapping (so `ß` stays `ß`: no full case folding). The one place names
/// are folded: validation, the vocabulary catalog and `dossier vocab --search` all use it.
enum NameKey {
  static func of(_ text: String) -> String {
    // ASCII (most names): NFKC changes nothing and case folding is per byte.
    var text = text
    if let key = text.withUTF8({ utf8 in
      ASCIIWhiteSpace.fold(utf8, separator: 0x20) { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
    }) {
      return String(decoding: key, as: UTF8.self)
    }
    let compatible = text.precomposedStringWithCompatibilityMapping
    var out = ""
    var pendingSpace = false
    for scalar in compatible.unicodeScalars {
      if scalar.properties.isWhitespace {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      if scalar == "\u{2018}" || scalar == "\u{2019}" {
        out.append("'")
      } else {
        out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return out
  }
}
