import Foundation

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
/// With `Folding.rightSingleQuotationMark` (the annotation format's rule, used by the validator) only
/// U+2019 folds to `'`; other quotation marks must match as printed.
///
/// Matches are reported as half-open ranges of Unicode-scalar offsets into the original text.
/// Search is linear in the length of the text plus the quote (Knuth–Morris–Pratt).
public struct QuoteMatcher: Sendable {
  /// Which characters fold besides white space.
  public enum Folding: Sendable, Hashable {
    /// Apostrophes and single quotation marks `’ ‘ ʼ ＇ ′` fold to `'`, double quotation marks
    /// `“ ” ＂ ″` to `"` (the default).
    case quotationMarks
    /// Only U+2019 (’) folds to `'`: the annotation format's rule (docs/annotations.md §5).
    case rightSingleQuotationMark
    /// For hints, never for matching: case and width are ignored too, and every quotation mark (single
    /// or double, straight or curly) folds to `'`.
    case loose
  }

  /// The folded text as small integers, for fast comparison: 0 for a run of white space, an ASCII
  /// character's byte value plus one, and ids from 129 up for the other distinct folded characters.
  private let folded: [Int32]
  /// `folded` as bytes when every id fits in one (text without many distinct non-ASCII characters,
  /// such as any ASCII text), so a quote is found with `memmem` instead of a scan in Swift.
  private let foldedBytes: [UInt8]?
  /// The id of each distinct folded non-ASCII character of the text.
  private let alphabet: [Character: Int32]
  private let folding: Folding
  /// Scalar offset in the original text where each folded character starts, plus one final entry
  /// for the end of the last folded character.
  private let starts: [Int]
  private let ends: [Int]

  /// The id of an ASCII character that folds to itself (every one but under `.loose`).
  private static func asciiID(_ byte: UInt8) -> Int32 { Int32(byte) + 1 }

  /// Prepares the part of `text` that lies in the scalar range `range` (the whole text when `nil`).
  public init(text: String, scalarRange range: Range<Int>? = nil, folding: Folding = .quotationMarks) {
    var folded: [Int32] = []
    var alphabet: [Character: Int32] = [:]
    var starts: [Int] = []
    var ends: [Int] = []
    var offset = 0
    var pendingSpace: (start: Int, end: Int)?
    func add(_ id: Int32, width: Int) {
      if let pending = pendingSpace {
        if !folded.isEmpty {
          folded.append(0)
          starts.append(pending.start)
          ends.append(pending.end)
        }
        pendingSpace = nil
      }
      folded.append(id)
      starts.append(offset)
      ends.append(offset + width)
    }
    func space(width: Int) {
      if let pending = pendingSpace {
        pendingSpace = (pending.start, offset + width)
      } else {
        pendingSpace = (offset, offset + width)
      }
    }
    // An ASCII byte followed by another ASCII byte (or the end) is a character of its own: it is
    // folded straight from the byte, with no grapheme breaking (CR LF, the one two-byte ASCII
    // cluster, is white space either way). Anything else is read as a `Character`.
    let utf8 = text.utf8
    folded.reserveCapacity(utf8.count)
    starts.reserveCapacity(utf8.count)
    ends.reserveCapacity(utf8.count)
    var index = utf8.startIndex
    let end = utf8.endIndex
    while index < end {
      let byte = utf8[index]
      let next = utf8.index(after: index)
      if folding != .loose, byte < 0x80, next == end || utf8[next] < 0x80 {
        defer {
          offset += 1
          index = next
        }
        if let range, offset < range.lowerBound || offset >= range.upperBound { continue }
        if ASCIIWhiteSpace.isSpace(byte) {
          space(width: 1)
        } else {
          add(QuoteMatcher.asciiID(byte), width: 1)
        }
        continue
      }
      let characterEnd = text.index(after: index)
      let character = text[index..<characterEnd].first ?? " "
      let width = text.unicodeScalars[index..<characterEnd].count
      defer {
        offset += width
        index = characterEnd
      }
      if let range, offset < range.lowerBound || offset + width > range.upperBound { continue }
      if QuoteMatcher.isSpace(character) {
        space(width: width)
        continue
      }
      let foldedCharacter = QuoteMatcher.fold(character, folding)
      if folding != .loose, let ascii = foldedCharacter.asciiValue, foldedCharacter.unicodeScalars.count == 1
      {
        add(QuoteMatcher.asciiID(ascii), width: width)
      } else if let known = alphabet[foldedCharacter] {
        add(known, width: width)
      } else {
        let id = Int32(129 + alphabet.count)
        alphabet[foldedCharacter] = id
        add(id, width: width)
      }
    }
    self.folded = folded
    foldedBytes = alphabet.count <= 255 - 129 ? folded.map { UInt8(truncatingIfNeeded: $0) } : nil
    self.alphabet = alphabet
    self.folding = folding
    self.starts = starts
    self.ends = ends
  }

  /// Every place the quote occurs, as scalar ranges into the original text, in text order.
  /// Overlapping occurrences are all reported. An empty (or all-space) quote matches nothing.
  public func occurrences(of quote: String) -> [Range<Int>] {
    var pattern: [Int32] = []
    if folding != .loose, let ascii = QuoteMatcher.asciiPattern(quote) {
      pattern = ascii
    } else {
      for character in QuoteMatcher.foldQuote(quote, folding) {
        if character == " " {
          pattern.append(0)
        } else if folding != .loose, let byte = character.asciiValue, character.unicodeScalars.count == 1 {
          pattern.append(QuoteMatcher.asciiID(byte))
        } else {
          // A character the text does not have cannot match.
          guard let known = alphabet[character] else { return [] }
          pattern.append(known)
        }
      }
    }
    guard !pattern.isEmpty, pattern.count <= folded.count else { return [] }
    if let foldedBytes {
      // Every occurrence, overlapping ones included, as with the scan below.
      let needle = pattern.map { UInt8(truncatingIfNeeded: $0) }
      return ByteSearch.offsets(of: needle, in: foldedBytes).map { starts[$0]..<ends[$0 + needle.count - 1] }
    }
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
    folded.withUnsafeBufferPointer { folded in
      pattern.withUnsafeBufferPointer { pattern in
        failure.withUnsafeBufferPointer { failure in
          for i in folded.indices {
            let scalar = folded[i]
            while matched > 0 && scalar != pattern[matched] { matched = failure[matched - 1] }
            if scalar == pattern[matched] { matched += 1 }
            if matched == pattern.count {
              let first = i - pattern.count + 1
              results.append(starts[first]..<ends[i])
              matched = failure[matched - 1]
            }
          }
        }
      }
    }
    return results
  }

  /// The folded ids of an all-ASCII quote, straight from its bytes (what `foldQuote` gives, without
  /// grapheme breaking: ASCII folds to itself unless `.loose`); `nil` when the quote is not ASCII.
  static func asciiPattern(_ quote: String) -> [Int32]? {
    ASCIIWhiteSpace.fold(quote.utf8, separator: 0, map: asciiID)
  }

  static func foldQuote(_ quote: String, _ folding: Folding = .quotationMarks) -> [Character] {
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
      out.append(fold(character, folding))
    }
    return out
  }

  static func fold(_ character: Character, _ folding: Folding = .quotationMarks) -> Character {
    if folding == .loose {
      if character == "\"" { return "'" }
      if character.isASCII { return Character(character.lowercased()) }
      let base = String(character).folding(options: [.caseInsensitive, .widthInsensitive], locale: nil)
      let folded = base.count == 1 ? Character(base) : character
      let quoted = fold(folded, .quotationMarks)
      return quoted == "\"" ? "'" : quoted
    }
    if character.isASCII { return character }
    if folding == .rightSingleQuotationMark { return character == "\u{2019}" ? "'" : character }
    switch character {
    case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{FF07}", "\u{2032}": return "'"
    case "\u{201C}", "\u{201D}", "\u{FF02}", "\u{2033}": return "\""
    default: return character
    }
  }

  static func isSpace(_ character: Character) -> Bool {
    if let ascii = character.asciiValue { return ASCIIWhiteSpace.isSpace(ascii) }
    return character.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
  }
}

/// Helpers for the hints of quotes that are not found.
enum QuoteHint {
  /// The scalar offset in `text` of the first character that differs from `quote` (runs of white space
  /// compared as one space, U+2019 as `'`, the annotation format's folding); the length of the common
  /// part when one is a prefix of the other.
  static func firstDifference(_ quote: String, _ text: String) -> Int {
    let wanted = QuoteMatcher.foldQuote(quote, .rightSingleQuotationMark)
    var index = 0
    var offset = 0
    var pendingSpace = false
    for character in text {
      let width = character.unicodeScalars.count
      if QuoteMatcher.isSpace(character) {
        if index > 0 { pendingSpace = true }
        offset += width
        continue
      }
      if pendingSpace {
        pendingSpace = false
        if index < wanted.count, wanted[index] == " " {
          index += 1
        } else {
          return offset - 1
        }
      }
      guard index < wanted.count, wanted[index] == QuoteMatcher.fold(character, .rightSingleQuotationMark)
      else { return offset }
      index += 1
      offset += width
    }
    return offset
  }
}
