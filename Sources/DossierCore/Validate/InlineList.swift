/// Finds a list written inline in a paragraph, as in the Chinese version of a definition document:
/// `…主要方式包括:a,b,c,等等。` — the items follow the first colon (`:` or `：`) that is followed by at
/// least two commas before the sentence ends (`。` or `.`), are separated by ASCII or full-width
/// commas, and a final "etc." item (`等等`, `等`) is not an item.
enum InlineList {
  /// The items' scalar ranges relative to the start of `text`.
  static func items(in text: String) -> [Range<Int>] {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      defer { index += 1 }
      guard scalars[index] == ":" || scalars[index] == "：" else { continue }
      var items: [Range<Int>] = []
      var start = index + 1
      var position = start
      var ended = false
      while position < scalars.count {
        let scalar = scalars[position]
        if scalar == "," || scalar == "，" || scalar == "。" || scalar == ";" || scalar == "；" {
          if position > start { items.append(start..<position) }
          start = position + 1
          if scalar == "。" {
            ended = true
            break
          }
        } else if scalar == "\n" {
          break
        }
        position += 1
      }
      if !ended && position > start { items.append(start..<position) }
      if let last = items.last {
        let word = String(String.UnicodeScalarView(scalars[last]))
        if word == "等等" || word == "等" || word == "etc" { items.removeLast() }
      }
      if items.count >= 2 { return items }
    }
    return []
  }
}
