/// Makes user text safe to print on one terminal line: line breaks as `⏎`, tabs as `\t`, other control
/// characters (C0, DEL, C1) and bidirectional controls as `\u{…}`, so printed text can never drive the
/// terminal or appear reordered. Used by `DocumentOutline` and by `dossier explain`'s messages; the
/// text reporter's caret-aligned source lines use `TerminalCells` instead.
public enum TerminalEscape {
  /// The escaped form of `scalar`, or `nil` when it is printed as is.
  public static func escape(_ scalar: Unicode.Scalar) -> String? {
    if scalar == "\n" { return "⏎" }
    if scalar == "\t" { return "\\t" }
    switch scalar.value {
    case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
      return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    default:
      return nil
    }
  }

  /// `text` with every scalar `escape(_:)` changes replaced.
  public static func visible(_ text: String) -> String {
    text.unicodeScalars.map { escape($0) ?? String($0) }.joined()
  }

  /// At most `limit` scalars of `text`, escaped, with `…` when shortened.
  public static func preview(_ text: String, limit: Int) -> String {
    var result = String.UnicodeScalarView()
    var count = 0
    for scalar in text.unicodeScalars {
      if count == limit {
        result.append("…")
        break
      }
      if let escaped = escape(scalar) {
        result.append(contentsOf: escaped.unicodeScalars)
      } else {
        result.append(scalar)
      }
      count += 1
    }
    return String(result)
  }
}
