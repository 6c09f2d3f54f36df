/// "Nearest by meaning": finds the vocabulary entry a name probably means when no id is spelled
/// closely — from the entry's labels, aliases, crosswalk names (NDU, CAMEO), narrower terms,
/// organizations' short and long names, in English or Chinese.
///
/// Each entry is known by phrases. A name matches a phrase exactly after folding (case, width,
/// `_`/`-` as spaces, traditional Chinese as simplified), or else by the words they share: Latin
/// words, or single Han characters. The best phrase covers at least half of the name's words (two Han
/// characters at least, one content word at least), preferring more coverage, then the closer length
/// (Dice coefficient), then the first entry added.
public struct MeaningIndex: Sendable {
  struct Phrase: Sendable {
    var text: String
    var key: String
    var words: Set<String>
    var target: String
  }

  var phrases: [Phrase] = []

  public init() {}

  /// Words too common to make two names mean the same.
  static let stopwords: Set<String> = [
    "a", "an", "and", "of", "the", "for", "in", "on", "to", "with", "s", "by", "at",
  ]

  /// Adds `phrase` as a way of naming `target`.
  public mutating func add(_ phrase: String, for target: String) {
    let key = Self.key(phrase)
    guard !key.isEmpty else { return }
    phrases.append(Phrase(text: phrase, key: key, words: Self.words(of: key), target: target))
  }

  /// The entry `name` most probably means, with the phrase that matched, or `nil`.
  public func best(for name: String) -> (target: String, phrase: String)? {
    let key = Self.key(name)
    guard !key.isEmpty else { return nil }
    if let exact = phrases.first(where: { $0.key == key }) { return (exact.target, exact.text) }
    let words = Self.words(of: key)
    let isHan = Suggestion.isHan(Array(key.unicodeScalars))
    let content = words.subtracting(Self.stopwords)
    guard !content.isEmpty else { return nil }
    var best: (coverage: Double, dice: Double, phrase: Phrase)?
    for phrase in phrases {
      let shared = content.intersection(phrase.words)
      guard !shared.isEmpty, !(isHan && shared.count < 2) else { continue }
      let coverage = Double(shared.count) / Double(content.count)
      guard coverage >= 0.5 else { continue }
      let dice =
        2 * Double(shared.count) / Double(content.count + phrase.words.subtracting(Self.stopwords).count)
      if let current = best, (current.coverage, current.dice) >= (coverage, dice) { continue }
      best = (coverage, dice, phrase)
    }
    return best.map { ($0.phrase.target, $0.phrase.text) }
  }

  /// The folded form of a phrase, as one string.
  static func key(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: Suggestion.fold(Suggestion.simplified(text)))
    return String(scalars)
  }

  /// Latin words and single Han characters of a folded phrase.
  static func words(of key: String) -> Set<String> {
    var words: Set<String> = []
    var word = ""
    for scalar in key.unicodeScalars {
      if scalar.properties.isIdeographic {
        if !word.isEmpty { words.insert(word) }
        word = ""
        words.insert(String(scalar))
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        word.unicodeScalars.append(scalar)
      } else if !word.isEmpty {
        words.insert(word)
        word = ""
      }
    }
    if !word.isEmpty { words.insert(word) }
    return words
  }
}
