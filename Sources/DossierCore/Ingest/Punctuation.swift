/// Punctuation the structure rules look at.
enum Punctuation {
  /// Closing quotes and brackets that may follow a sentence end.
  static let closers: Set<Unicode.Scalar> = [
    "\"", "'", ")", "]", "\u{2019}", "\u{201D}", "\u{FF09}", "\u{300D}", "\u{300F}", "\u{300B}", "\u{3011}",
  ]
  /// Marks that end a sentence or clause at the end of a line.
  static let terminals: Set<Unicode.Scalar> = [
    ".", "!", "?", ":", ";", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF1A}", "\u{FF1B}",
    "\u{FF0E}",
  ]

  /// Whether a line (given by its last scalars) ends a sentence or clause: a terminal mark, possibly
  /// followed by closing quotes or brackets.
  static func endsWithTerminal(_ tail: [Unicode.Scalar]) -> Bool {
    var index = tail.count - 1
    while index >= 0, closers.contains(tail[index]) { index -= 1 }
    return index >= 0 && terminals.contains(tail[index])
  }

  /// Whether a line ends with a colon (`:` or `：`), which introduces a list.
  static func endsWithColon(_ tail: [Unicode.Scalar]) -> Bool {
    tail.last == ":" || tail.last == "\u{FF1A}"
  }
}
