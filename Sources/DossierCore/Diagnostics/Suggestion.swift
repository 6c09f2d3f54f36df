import Foundation

/// "Did you mean …?": the closest candidates to a misspelled name.
///
/// Names are compared folded: case, diacritics and width are ignored (`Türkiye` ≈ `turkiye`,
/// `ＵＮ` ≈ `UN`), `-` and `_` count as spaces, and runs of white space as one space. The distance is
/// Damerau–Levenshtein (optimal string alignment: insertions, deletions, substitutions and swaps of two
/// neighbours each cost 1) over Unicode scalars. A candidate is close enough when its distance is at
/// most a third of the longer of the two folded names (at least 1, at most `maximumDistance`; for names
/// in Han characters, `threshold` allows fewer edits, and traditional characters are read as simplified
/// ones first), and is
/// not the whole name (`UN` is not suggested for `XY`). Names with the same words in another order
/// (`Korea, Republic of` / `Republic of Korea`) match too.
public enum Suggestion {
  /// No suggestion is further than this many edits, however long the names.
  public static let maximumDistance = 10

  /// The best candidate for `name`, or `nil` when none is close enough. Ties go to the candidate that
  /// sorts first, so the answer does not depend on the candidates' order.
  public static func bestMatch(for name: String, among candidates: some Sequence<String>) -> String? {
    closeMatches(for: name, among: candidates, limit: 1).first
  }

  /// Up to `limit` close candidates, best first (by distance, then by name). Duplicates are dropped.
  public static func closeMatches(
    for name: String, among candidates: some Sequence<String>, limit: Int = 3
  ) -> [String] {
    let folded = fold(simplified(name))
    guard !folded.isEmpty, limit > 0 else { return [] }
    let words = wordKey(folded)
    var scored: [(distance: Int, candidate: String)] = []
    var seen: Set<String> = []
    for candidate in candidates where seen.insert(candidate).inserted {
      let other = fold(candidate)
      guard !other.isEmpty else { continue }
      let threshold = Self.threshold(folded, other)
      if !words.isEmpty, words == wordKey(other) {
        scored.append((0, candidate))
        continue
      }
      if abs(folded.count - other.count) > threshold { continue }
      guard let d = distance(folded, other, limit: threshold) else { continue }
      if d >= min(folded.count, other.count) && d > 0 { continue }
      scored.append((d, candidate))
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate < $1.candidate }
    return scored.prefix(limit).map(\.candidate)
  }

  /// How many edits still make `b` a plausible spelling of `a`: a third of the longer name (at least
  /// 1, at most `maximumDistance`). Names written in Han characters carry a word in each character, so
  /// for them one edit is allowed only from three characters on, two from seven (`马利` is not `智利`,
  /// `柬埔塞` is `柬埔寨`).
  static func threshold(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    let longer = max(a.count, b.count)
    if isHan(a) || isHan(b) { return longer <= 2 ? 0 : (longer <= 6 ? 1 : 2) }
    return min(maximumDistance, max(1, longer / 3))
  }

  /// True when most of the scalars are Han ideographs.
  static func isHan(_ scalars: [Unicode.Scalar]) -> Bool {
    let han = scalars.filter { $0.properties.isIdeographic }.count
    return han > 0 && han * 2 >= scalars.count
  }

  /// A name with traditional Chinese characters written as simplified ones (`俄羅斯` → `俄罗斯`), so
  /// that a traditional spelling finds the simplified name; other names are returned unchanged.
  public static func simplified(_ name: String) -> String {
    guard name.unicodeScalars.contains(where: { $0.properties.isIdeographic }) else { return name }
    return name.applyingTransform(StringTransform(rawValue: "Traditional-Simplified"), reverse: false) ?? name
  }

  /// The folded form of a name: lower case, without diacritics, width-folded, `-`/`_` as spaces, runs of
  /// white space as one space, trimmed.
  public static func fold(_ name: String) -> [Unicode.Scalar] {
    let base = name.folding(
      options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil
    )
    .lowercased()
    var out: [Unicode.Scalar] = []
    var pendingSpace = false
    for scalar in base.unicodeScalars {
      let isSpace = scalar == "-" || scalar == "_" || scalar.properties.isWhitespace
      if isSpace {
        pendingSpace = !out.isEmpty
        continue
      }
      // Drop combining marks that folding left (e.g. on scripts without precomposed letters).
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.append(scalar)
    }
    return out
  }

  /// The optimal-string-alignment distance between two scalar arrays, or `nil` when it exceeds `limit`.
  ///
  /// Only the band of cells within `limit` of the diagonal is computed, so the cost is
  /// O(length × limit) rather than O(length²).
  public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max) -> Int? {
    let n = a.count
    let m = b.count
    let band = min(max(limit, 0), max(n, m))
    guard abs(n - m) <= band else { return nil }
    if n == 0 || m == 0 { return max(n, m) }
    let far = band + 1  // stands for "more than the limit"
    var previous2 = [Int](repeating: far, count: m + 1)
    var previous = (0...m).map { $0 <= band ? $0 : far }
    var current = [Int](repeating: far, count: m + 1)
    for i in 1...n {
      let low = max(1, i - band)
      let high = min(m, i + band)
      current[0] = i <= band ? i : far
      if low > 1 { current[low - 1] = far }
      var rowMinimum = far
      for j in low...high {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        value = min(value, far)
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if high < m { current[high + 1] = far }
      if rowMinimum > band { return nil }
      swap(&previous2, &previous)
      swap(&previous, &current)
    }
    return previous[m] <= band ? previous[m] : nil
  }

  /// Distance between two names after folding.
  public static func distance(_ a: String, _ b: String) -> Int {
    distance(fold(a), fold(b)) ?? .max
  }

  /// The sorted words of a folded name, without punctuation, for order-insensitive matching.
  private static func wordKey(_ folded: [Unicode.Scalar]) -> [String] {
    var words: [String] = []
    var word = ""
    for scalar in folded {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        word.unicodeScalars.append(scalar)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words.sorted()
  }
}
