/// Plain words for libyaml's syntax errors: what was expected and at which column the parent
/// starts, instead of the parser's vocabulary ("did not find expected key", "mapping values are not
/// allowed in this context"). The location never falls on a blank line.
struct YAMLSyntaxMessage {
  var message: String
  var help: String?
  var at: YAMLMark

  /// The message for libyaml's `problem` at `at` (`context` and `contextMark`: the construct it was
  /// parsing), in the text of `bytes`.
  init(
    problem: String, context: String?, at: YAMLMark, contextMark: YAMLMark?, bytes: UnsafeBufferPointer<UInt8>
  ) {
    let lines = String(decoding: bytes, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    func line(_ n: Int32) -> Substring? { n >= 1 && Int(n) <= lines.count ? lines[Int(n) - 1] : nil }
    func isBlank(_ text: Substring) -> Bool {
      let trimmed = text.drop { $0 == " " || $0 == "\t" }
      return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
    func indent(_ text: Substring) -> Int32 { Int32(text.prefix { $0 == " " }.count) }
    // Never point at a blank line: move to the next line with content.
    var mark = at
    while let text = line(mark.line), isBlank(text), Int(mark.line) < lines.count {
      mark = YAMLMark(line: mark.line + 1, column: 1)
    }
    if let text = line(mark.line), mark.column == 1, !isBlank(text) {
      mark.column = indent(text) + 1
    }
    self.at = mark
    // The nearest line above with content.
    var above: Substring?
    var n = mark.line - 1
    while n >= 1, let text = line(n) {
      if !isBlank(text) {
        above = text
        break
      }
      n -= 1
    }
    let here = line(mark.line).map(indent) ?? 0
    let parentColumn = contextMark.map { $0.column }
    switch problem {
    case "mapping values are not allowed in this context":
      if let above, Self.keyColumn(above) < here + 1 {
        message =
          "this line is indented more than the key above (column \(here + 1), not \(Self.keyColumn(above))), "
          + "so YAML reads it as the continuation of that value, and the ': ' in it is not allowed there"
        help =
          "indent a new key like the keys above (column \(Self.keyColumn(above))); a value that contains "
          + "': ' must be quoted"
      } else {
        message = "a ': ' (colon and space) inside a plain value: YAML reads it as the start of another key"
        help = "put the whole value in quotes (\"…\"), or check the indentation of this line"
      }
    case "did not find expected key":
      message =
        "this line does not fit the mapping it is in: a key (`name: value`) was expected"
        + (parentColumn.map { " at column \($0), where the mapping's keys start" } ?? "")
      help =
        "indent the line like the other keys of the mapping, or, for a list item, under its key with '- '"
    case "did not find expected '-' indicator" where parentColumn.map({ here + 1 > $0 }) == true:
      let list = parentColumn ?? 1
      message =
        "this line is indented to column \(here + 1): between the list's '- ' (column \(list)) and the "
        + "keys of its items (column \(list + 2))"
      help =
        "indent it to column \(list + 2) to continue the item, or start a new item with '- ' at column \(list)"
    case "did not find expected '-' indicator":
      message =
        "a list item ('- ') was expected"
        + (parentColumn.map { " at column \($0), where the list starts" } ?? "")
        + ", or a line indented less to end the list"
      help = "align the '- ' of every item of the list at the same column"
    case "could not find expected ':'":
      message =
        "a key without ':' — YAML expected ': ' after the key"
        + (parentColumn.map { " that starts at column \($0)" } ?? "")
      help =
        "write `key: value`; if this line continues the value above, indent it more than its key, or quote the value"
    case "block sequence entries are not allowed in this context":
      message = "a list item ('- ') cannot start here, on the same line as a key's value"
      help = "start the list on the next line, indented under its key"
    case "found character that cannot start any token":
      message = "a character that cannot start a YAML value (such as ` ` ` , `@` or a tab)"
      help = "put the value in quotes"
    case "found undefined tag handle", "did not find URI escaped octet":
      message = problem
      help = "quote the value if the '!' belongs to it"
    case "did not find expected ',' or ']'":
      message = "a ',' or ']' was expected: the [ … ] list is not closed before this"
      help = "close the list with ']' on the line where it starts, or quote an item that contains ':' or ','"
    case "did not find expected ',' or '}'":
      message = "a ',' or '}' was expected: the { … } mapping is not closed before this"
      help =
        "close the mapping with '}' on the line where it starts, or quote a value that contains ':' or ','"
    case "found unexpected end of stream":
      message =
        "the file ends inside a quoted value or a flow collection ([ … ] or { … })"
        + (parentColumn.map { " that starts at column \($0)" } ?? "")
      help = "close the quote or the bracket"
    default:
      message = problem
      help = nil
    }
    if let context, help == nil { help = "YAML was reading: \(context)" }
  }

  /// The column where the key of a line starts (after a list item's '- ').
  static func keyColumn(_ text: Substring) -> Int32 {
    var column: Int32 = 1
    var rest = text[...]
    while let first = rest.first, first == " " || first == "-" {
      if first == "-" {
        guard rest.dropFirst().first == " " else { break }
      }
      column += 1
      rest = rest.dropFirst()
    }
    return column
  }

  /// The note at the construct libyaml was parsing, in plain words.
  static func note(forContext context: String) -> String {
    switch context {
    case "while parsing a block mapping": return "the mapping starts here"
    case "while parsing a block collection": return "the list starts here"
    case "while scanning a simple key": return "the key starts here"
    case "while parsing a flow mapping": return "the { … } mapping starts here"
    case "while parsing a flow sequence": return "the [ … ] list starts here"
    case "while scanning a quoted scalar": return "the quoted value starts here"
    case "while scanning a plain scalar": return "the value starts here"
    default: return "the part being read starts here (\(context))"
    }
  }
}
