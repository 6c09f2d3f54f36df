/// Renders a text with elements over scalar ranges (language spans, evidence highlights) as properly
/// nested HTML, whatever the ranges: nested ranges nest; when a range ends inside another that began
/// after it, the inner element is closed and continued after the boundary with its continuation tag
/// (which carries no id, so each range keeps exactly one element with its id).
struct SpanMarkup {
  /// One element over `[start, end)` of the text's scalars.
  struct Element {
    var start: Int
    var end: Int
    /// Opening tag of the first part (with the element's id).
    var open: String
    /// Opening tag of a continuation part.
    var reopen: String
    /// Closing tag.
    var close: String
    /// Tags inserted just before the close of the last part (e.g. the links to cards); empty for none.
    var trailer: String = ""
    /// Among elements with the same start and end, lower ranks open first (outermost).
    var rank: Int = 0
  }

  /// The HTML of `scalars` with `elements` applied. Empty ranges and ranges outside the text are
  /// dropped.
  static func render(_ scalars: [Unicode.Scalar], elements: [Element]) -> String {
    let count = scalars.count
    let valid = elements.enumerated().filter { $0.element.start < $0.element.end && $0.element.start >= 0 }
      .map { (index: $0.offset, element: clamped($0.element, count)) }
      .filter { $0.element.start < $0.element.end }
    // Outer first: earlier start, then later end, then rank, then input order.
    let sorted = valid.sorted { a, b in
      if a.element.start != b.element.start { return a.element.start < b.element.start }
      if a.element.end != b.element.end { return a.element.end > b.element.end }
      if a.element.rank != b.element.rank { return a.element.rank < b.element.rank }
      return a.index < b.index
    }.map(\.element)
    var boundaries = Set([0, count])
    for element in sorted {
      boundaries.insert(element.start)
      boundaries.insert(element.end)
    }
    let points = boundaries.sorted()
    var out = ""
    var stack: [(element: Element, first: Bool)] = []
    var next = 0
    for (position, point) in points.enumerated() {
      // Close what ends here; reopen what was above it and goes on.
      if let lowest = stack.firstIndex(where: { $0.element.end <= point }) {
        var reopen: [Element] = []
        while stack.count > lowest {
          let (element, _) = stack.removeLast()
          if element.end <= point { out += element.trailer }
          out += element.close
          if element.end > point { reopen.insert(element, at: 0) }
        }
        for element in reopen {
          out += element.reopen
          stack.append((element, false))
        }
      }
      while next < sorted.count && sorted[next].start == point {
        out += sorted[next].open
        stack.append((sorted[next], true))
        next += 1
      }
      if position + 1 < points.count {
        for scalar in scalars[point..<points[position + 1]] { HTMLText.append(scalar, to: &out) }
      }
    }
    while let (element, _) = stack.popLast() {
      out += element.trailer
      out += element.close
    }
    return out
  }

  private static func clamped(_ element: Element, _ count: Int) -> Element {
    var copy = element
    copy.start = min(max(0, copy.start), count)
    copy.end = min(max(0, copy.end), count)
    return copy
  }
}
