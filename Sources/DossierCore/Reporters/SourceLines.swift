/// The lines of one source text, found once so that many diagnostics in a file can show theirs.
///
/// Lines end at LF, CR LF or a lone CR (the line breaks of YAML 1.2 and of the ingest stage, which
/// normalizes CR LF and CR to LF); the break is not part of the line. A leading byte-order mark is
/// skipped.
struct SourceLines {
  private let text: String
  private var starts: [String.Index] = []
  private var ends: [String.Index] = []

  init(_ text: String) {
    self.text = text
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    // A leading byte-order mark is not part of line 1: the ingest stage and libyaml count columns
    // after it.
    if start < scalars.endIndex, scalars[start] == "\u{FEFF}" { start = scalars.index(after: start) }
    var index = start
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if scalar == "\n" || scalar == "\r" {
        starts.append(start)
        ends.append(index)
        var next = scalars.index(after: index)
        if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" {
          next = scalars.index(after: next)
        }
        start = next
        index = next
      } else {
        index = scalars.index(after: index)
      }
    }
    starts.append(start)
    ends.append(scalars.endIndex)
  }

  var count: Int { starts.count }

  /// Line `number` (1-based) without its line break, or `nil` when there is no such line.
  func line(_ number: Int) -> Substring.UnicodeScalarView? {
    guard number >= 1, number <= starts.count else { return nil }
    return text.unicodeScalars[starts[number - 1]..<ends[number - 1]]
  }
}
