/// Finds verbatim quotes in a text, folding only what people cannot be expected to type exactly.
///
/// Folding (applied to both sides, only for matching — the stored text never changes):
/// - canonical equivalence (NFC): text and quote are compared as extended grapheme clusters, which
///   Swift compares by canonical equivalence, so a decomposed `é` in a quote matches a composed one;
/// - apostrophes and single quotation marks `’ ‘ ʼ ＇ ′` fold to `'`; double quotation marks `“ ” ＂ ″`
///   fold to `"`;
/// - every run of whitespace (spaces, tabs, newlines, no-break and ideographic spaces) folds to one space;
///   leading and trailing whitespace of the quote is ignored.
///
/// Matches are reported as half-open ranges of Unicode-scalar offsets into the original text.
/// Search is linear in the length of the text plus the quote (Knuth–Morris–Pratt).
public struct QuoteMatcher: Sendable {
  private let folded: [Character]
  /// Scalar offset in the original text where each folded character starts, plus one final entry
  /// for the end of the last folded character.
  private let starts: [Int]
  private let ends: [Int]

  /// Prepares the part of `text` that lies in the scalar range `range` (the whole text when `nil`).
  public init(text: String, scalarRange range: Range<Int>? = nil) {
    var folded: [Character] = []
    var starts: [Int] = []
    var ends: [Int] = []
    var offset = 0
    var pendingSpace: (start: Int, end: Int)?
    for character in text {
      let width = character.unicodeScalars.count
      defer { offset += width }
      if let range, offset < range.lowerBound || offset + width > range.upperBound { continue }
      if QuoteMatcher.isSpace(character) {
        if let pending = pendingSpace {
          pendingSpace = (pending.start, offset + width)
        } else {
          pendingSpace = (offset, offset + width)
        }
        continue
      }
      if let pending = pendingSpace {
        if !folded.isEmpty {
          folded.append(" ")
          starts.append(pending.start)
          ends.append(pending.end)
        }
        pendingSpace = nil
      }
      folded.append(QuoteMatcher.fold(character))
      starts.append(offset)
      ends.append(offset + width)
    }
    self.folded = folded
    self.starts = starts
    self.ends = ends
  }

  /// Every place the quote occurs, as scalar ranges into the original text, in text order.
  /// Overlapping occurrences are all reported. An empty (or all-space) quote matches nothing.
  public func occurrences(of quote: String) -> [Range<Int>] {
    let pattern = QuoteMatcher.foldQuote(quote)
    guard !pattern.isEmpty, pattern.count <= folded.count else { return [] }
    // KMP failure table.
    var failure = [Int](repeating: 0, count: pattern.count)
    var k = 0
    for i in 1..<max(pattern.count, 1) {
      while k > 0 && pattern[i] != pattern[k] { k = failure[k - 1] }
      if pattern[i] == pattern[k] { k += 1 }
      failure[i] = k
    }
    var results: [Range<Int>] = []
    var matched = 0
    for i in folded.indices {
      while matched > 0 && folded[i] != pattern[matched] { matched = failure[matched - 1] }
      if folded[i] == pattern[matched] { matched += 1 }
      if matched == pattern.count {
        let first = i - pattern.count + 1
        results.append(starts[first]..<ends[i])
        matched = failure[matched - 1]
      }
    }
    return results
  }

  static func foldQuote(_ quote: String) -> [Character] {
    var out: [Character] = []
    var pendingSpace = false
    for character in quote {
      if isSpace(character) {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.append(fold(character))
    }
    return out
  }

  static func fold(_ character: Character) -> Character {
    switch character {
    case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{FF07}", "\u{2032}": return "'"
    case "\u{201C}", "\u{201D}", "\u{FF02}", "\u{2033}": return "\""
    default: return character
    }
  }

  static func isSpace(_ character: Character) -> Bool {
    character.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
  }
}
