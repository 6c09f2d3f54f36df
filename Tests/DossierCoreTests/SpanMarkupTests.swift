import Testing

@testable import DossierCore

/// `SpanMarkup`: nested, identical, overlapping and out-of-range spans give well-nested HTML.
@Suite struct SpanMarkupTests {
  static func element(_ name: String, _ range: Range<Int>, rank: Int = 1) -> SpanMarkup.Element {
    SpanMarkup.Element(
      start: range.lowerBound, end: range.upperBound, open: "<\(name)>", reopen: "<\(name)+>",
      close: "</\(name)>",
      trailer: "[\(name)]", rank: rank)
  }

  @Test func overlappingSpansAreSplitWithContinuations() {
    let scalars = Array("abcdefghij".unicodeScalars)
    let html = SpanMarkup.render(scalars, elements: [Self.element("a", 1..<6), Self.element("b", 3..<8)])
    #expect(html == "a<a>bc<b>def</b>[a]</a><b+>gh[b]</b>ij")
  }

  @Test func nestedAndIdenticalSpansNest() {
    let scalars = Array("abcdef".unicodeScalars)
    let html = SpanMarkup.render(
      scalars,
      elements: [Self.element("x", 1..<5), Self.element("y", 2..<4), Self.element("z", 1..<5, rank: 2)])
    #expect(html == "a<x><z>b<y>cd[y]</y>e[z]</z>[x]</x>f")
  }

  @Test func emptyAndOutOfRangeSpansAreDropped() {
    let scalars = Array("a<b".unicodeScalars)
    let html = SpanMarkup.render(
      scalars, elements: [Self.element("e", 2..<2), Self.element("o", 2..<10), Self.element("n", 5..<9)])
    #expect(html == "a&lt;<o>b[o]</o>")
  }
}
