import Testing

@testable import DossierCore

@Suite struct QuoteMatcherTests {
  private func slice(_ text: String, _ range: Range<Int>) -> String {
    let scalars = Array(text.unicodeScalars)
    return String(String.UnicodeScalarView(scalars[range]))
  }

  @Test func foldsApostrophesBothWays() {
    let text = "Leaders of China’s CMC met. China's navy sailed."
    let matcher = QuoteMatcher(text: text)
    let curly = matcher.occurrences(of: "China's CMC")
    #expect(curly == [11..<22])
    #expect(slice(text, curly[0]) == "China’s CMC")
    #expect(matcher.occurrences(of: "China’s navy").count == 1)
  }

  @Test func foldsWhitespaceRunsAndNewlines() {
    let text = "the two navies have held\n  the Joint Sea-2021\texercise"
    let matcher = QuoteMatcher(text: text)
    let found = matcher.occurrences(of: "  have held the Joint   Sea-2021 exercise ")
    #expect(found.count == 1)
    #expect(slice(text, found[0]) == "have held\n  the Joint Sea-2021\texercise")
  }

  @Test func matchesCanonicallyEquivalentText() {
    let text = "military attach\u{E9}s in China"
    let decomposedQuote = "attache\u{301}s"
    let found = QuoteMatcher(text: text).occurrences(of: decomposedQuote)
    #expect(found == [9..<17])
  }

  @Test func reportsEveryOccurrenceIncludingOverlaps() {
    let matcher = QuoteMatcher(text: "Guinea, Equatorial Guinea, aaa")
    #expect(matcher.occurrences(of: "Guinea") == [0..<6, 19..<25])
    #expect(matcher.occurrences(of: "aa") == [27..<29, 28..<30])
  }

  /// Texts with few distinct non-ASCII characters are searched as bytes (`memmem`), texts with many
  /// (here 300 distinct CJK characters) with the general scan: both give every occurrence, overlaps
  /// included, with the same ranges.
  @Test func bothSearchesReportTheSameOccurrences() {
    let tail = "Guinea, Equatorial Guinea, aaa, 国际 国际"
    let wide = String(String.UnicodeScalarView((0..<300).compactMap { Unicode.Scalar(0x4E00 + $0) })) + tail
    let narrow = String(repeating: "x", count: 300) + tail
    for text in [wide, narrow] {
      let matcher = QuoteMatcher(text: text)
      #expect(matcher.occurrences(of: "Guinea") == [300..<306, 319..<325])
      #expect(matcher.occurrences(of: "aa") == [327..<329, 328..<330])
      #expect(matcher.occurrences(of: "国际") == [332..<334, 335..<337])
      #expect(matcher.occurrences(of: "aa, 国际   国") == [328..<336])
    }
  }

  @Test func restrictsToTheScalarRange() {
    let text = "国际军事合作\n国际军事合作是中国"
    let matcher = QuoteMatcher(text: text, scalarRange: 7..<16)
    #expect(matcher.occurrences(of: "国际军事合作") == [7..<13])
  }

  @Test func emptyAndLongQuotesMatchNothing() {
    let matcher = QuoteMatcher(text: "short")
    #expect(matcher.occurrences(of: "   ").isEmpty)
    #expect(matcher.occurrences(of: "much longer than the text").isEmpty)
  }

  /// The byte path for ASCII quotes gives what the character path gives: white space runs (tabs, CR LF)
  /// as one space, leading and trailing space dropped, every other byte as itself.
  @Test(arguments: [
    "plain words", "  lead and trail\t", "line\r\nbreak", "a\t \n b", "", "   ", "it's \"x\"",
  ])
  func asciiQuotesFoldAsCharactersDo(_ quote: String) {
    let expected = QuoteMatcher.foldQuote(quote, .rightSingleQuotationMark).map { character -> Int32 in
      character == " " ? 0 : Int32(character.asciiValue!) + 1
    }
    #expect(QuoteMatcher.asciiPattern(quote) == expected)
  }

  @Test func asciiQuotesMatchAcrossWhiteSpaceRuns() {
    #expect(QuoteMatcher.asciiPattern("caf\u{E9}") == nil)
    let matcher = QuoteMatcher(text: "say line\nbreak and   a \t b here", folding: .rightSingleQuotationMark)
    #expect(matcher.occurrences(of: "line\r\nbreak") == [4..<14])
    #expect(matcher.occurrences(of: " a\t \n b ") == [21..<26])
  }
}
