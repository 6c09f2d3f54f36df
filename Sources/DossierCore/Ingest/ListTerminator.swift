/// The end of a list-item line that is not part of the item: `;`, `; and`, `; or` (the list goes on)
/// or `.` (the last item). Full-width `；` and `。` count too.
struct ListTerminator: Equatable {
  /// Whether more items follow (`;`, `; and`) or this is the last item (`.`).
  let isFinal: Bool
  /// Index into the tail where the terminator (with the whitespace before it) starts.
  let tailIndex: Int

  /// How many scalars of a line's end `parse` needs at most.
  static let lookback = 16

  /// Finds the terminator at the end of a line's tail; `nil` when the line does not end in one or no
  /// item text would remain.
  static func parse(_ tail: [Unicode.Scalar]) -> ListTerminator? {
    guard let last = tail.last else { return nil }
    var index = tail.count - 1
    let isFinal: Bool
    switch last {
    case ";", "\u{FF1B}":
      isFinal = false
    case ".", "\u{3002}":
      isFinal = true
    default:
      // `; and` / `; or`: a conjunction after a semicolon and whitespace.
      guard let conjunction = conjunctionStart(tail) else { return nil }
      index = conjunction - 1
      while index >= 0, TextLine.isBlank(tail[index]) { index -= 1 }
      guard index >= 0, tail[index] == ";" || tail[index] == "\u{FF1B}", index < conjunction - 1 else {
        return nil
      }
      isFinal = false
    }
    // The whitespace before the terminator is not part of the item either.
    var start = index
    while start > 0, TextLine.isBlank(tail[start - 1]) { start -= 1 }
    // Some item text must remain before it (a tail that is all terminator means an empty item
    // when the whole line fitted in the tail).
    guard start > 0 || tail.count >= lookback else { return nil }
    return ListTerminator(isFinal: isFinal, tailIndex: start)
  }

  /// Index of `and`/`or` ending the tail, when it is a whole word.
  private static func conjunctionStart(_ tail: [Unicode.Scalar]) -> Int? {
    for word in ["and", "or"] {
      let scalars = Array(word.unicodeScalars)
      guard tail.count > scalars.count else { continue }
      let start = tail.count - scalars.count
      if Array(tail[start...]) == scalars, TextLine.isBlank(tail[start - 1]) { return start }
    }
    return nil
  }
}
