import Foundation

/// The key country and organization names are looked up by (docs/vocabularies.md, "Name matching
/// key"): NFKC, U+2018/U+2019 → `'`, runs of white space → one space, trimmed, case-folded.
enum NameKey {
  static func of(_ text: String) -> String {
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
