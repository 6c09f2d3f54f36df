/// Where a quote is searched: one or more scalar ranges of the document text (a section, a list
/// item, all text of one language), with a name for messages (docs/annotations.md §4).
struct QuoteScope: Sendable {
  var name: String
  var ranges: [Range<Int>]
}
