/// What is being typed at a position of an annotation, read from the lines around it (the YAML may
/// be incomplete while the annotator types, so the loader cannot be relied on).
struct YAMLLineContext: Equatable {
  /// The member whose value is being typed (`type`, `areas`, `country`, …); for an item of a block
  /// or flow sequence, the sequence's key.
  var key: String
  /// The text typed so far for the value.
  var partial: String
  /// UTF-16 offset on the line where the value being typed starts.
  var partialStart: Int
  /// Whether the value is an item of a sequence.
  var inSequence: Bool

  /// The context at a 0-based line and UTF-16 character of `table`, or `nil` outside a value.
  static func at(line: Int, character: Int, in table: LineTable) -> YAMLLineContext? {
    let scalars = Array(table.lineScalars(line))
    var units = 0
    var cut = 0
    while cut < scalars.count, units + scalars[cut].utf16.count <= character {
      units += scalars[cut].utf16.count
      cut += 1
    }
    let prefix = Array(scalars[..<cut])
    if prefix.contains("#") && !prefix.contains("\"") && !prefix.contains("'") {
      // A comment (a '#' after a space or at the start) holds no value.
      for (index, scalar) in prefix.enumerated()
      where scalar == "#" && (index == 0 || prefix[index - 1] == " ") {
        return nil
      }
    }
    // Inside a flow collection on this line: the innermost unclosed `[` or `{`.
    var stack: [(Unicode.Scalar, Int)] = []
    var inQuote: Unicode.Scalar?
    for (index, scalar) in prefix.enumerated() {
      if let quote = inQuote {
        if scalar == quote { inQuote = nil }
        continue
      }
      switch scalar {
      case "\"", "'": inQuote = scalar
      case "[", "{": stack.append((scalar, index))
      case "]", "}": _ = stack.popLast()
      default: break
      }
    }
    let partialStartIndex = Self.valueStart(in: prefix)
    let partial = String(String.UnicodeScalarView(prefix[partialStartIndex...]))
    let partialStart = prefix[..<partialStartIndex].reduce(0) { $0 + $1.utf16.count }
    if let (opener, openIndex) = stack.last {
      let inside = Array(prefix[(openIndex + 1)...])
      if opener == "{" {
        // `{country: Rus` — the last key before the cursor inside this mapping.
        guard let key = Self.lastFlowKey(in: inside), Self.afterColon(inside) else { return nil }
        return YAMLLineContext(key: key, partial: partial, partialStart: partialStart, inSequence: false)
      }
      // `areas: [a, b` — the key before the `[`, or the sequence's key above.
      let before = Array(prefix[..<openIndex])
      let key =
        Self.blockKey(in: before).map(\.key)
        ?? Self.parentKey(above: line, indent: Self.indent(of: scalars), in: table)
      guard let key else { return nil }
      return YAMLLineContext(key: key, partial: partial, partialStart: partialStart, inSequence: true)
    }
    if let (key, afterColon) = Self.blockKey(in: prefix), afterColon {
      return YAMLLineContext(key: key, partial: partial, partialStart: partialStart, inSequence: false)
    }
    // `  - val` — an item of a block sequence: the key of the sequence above.
    var index = 0
    while index < prefix.count, prefix[index] == " " { index += 1 }
    guard index < prefix.count, prefix[index] == "-", !prefix[(index + 1)...].contains(":") else {
      return nil
    }
    guard let key = parentKey(above: line, indent: index, in: table) else { return nil }
    return YAMLLineContext(key: key, partial: partial, partialStart: partialStart, inSequence: true)
  }

  /// Where the value being typed starts: after the last `: `, `[`, `{`, `,`, `- ` or leading spaces.
  static func valueStart(in prefix: [Unicode.Scalar]) -> Int {
    var index = prefix.count
    while index > 0 {
      let scalar = prefix[index - 1]
      if scalar == "[" || scalar == "{" || scalar == "," { break }
      if scalar == " " {
        let before = index >= 2 ? prefix[index - 2] : " "
        if before == ":" || before == "-" || before == "," || before == " " || index == 1 { break }
        // A space inside a value typed so far (e.g. `Sri Lan`).
        if prefix[..<(index - 1)].allSatisfy({ $0 == " " }) { break }
      }
      index -= 1
    }
    while index < prefix.count, prefix[index] == " " { index += 1 }
    return index
  }

  /// `key:` at the start of a block line (after indentation and `- `), and whether the cursor is past
  /// its colon.
  static func blockKey(in prefix: [Unicode.Scalar]) -> (key: String, afterColon: Bool)? {
    var index = 0
    while index < prefix.count, prefix[index] == " " || prefix[index] == "-" { index += 1 }
    var key = String.UnicodeScalarView()
    while index < prefix.count, Self.isKeyScalar(prefix[index]) {
      key.append(prefix[index])
      index += 1
    }
    guard !key.isEmpty, index < prefix.count, prefix[index] == ":" else { return nil }
    let afterColon = index + 1 < prefix.count && prefix[index + 1] == " "
    return (String(key), afterColon)
  }

  /// The last `key:` of a flow mapping's text before the cursor.
  static func lastFlowKey(in inside: [Unicode.Scalar]) -> String? {
    let text = String(String.UnicodeScalarView(inside))
    let segment = text.split(separator: ",", omittingEmptySubsequences: false).last ?? ""
    guard let colon = segment.firstIndex(of: ":") else { return nil }
    let key = segment[..<colon].trimmingCharacters(in: " ")
    return key.isEmpty ? nil : key
  }

  static func afterColon(_ inside: [Unicode.Scalar]) -> Bool {
    let text = String(String.UnicodeScalarView(inside))
    let segment = text.split(separator: ",", omittingEmptySubsequences: false).last ?? ""
    guard let colon = segment.firstIndex(of: ":") else { return false }
    return segment[segment.index(after: colon)...].hasPrefix(" ")
  }

  /// The key of the nearest line above with less indentation that ends in `key:` (the sequence's key).
  static func parentKey(above line: Int, indent: Int, in table: LineTable) -> String? {
    var index = line - 1
    while index >= 0 {
      let scalars = Array(table.lineScalars(index))
      let own = Self.indent(of: scalars)
      let isBlank = scalars.allSatisfy { $0 == " " }
      if !isBlank, scalars[own] != "#", own <= indent {
        guard let (key, _) = blockKey(in: scalars) else { return nil }
        var trimmed = scalars
        while trimmed.last == " " { trimmed.removeLast() }
        return trimmed.last == ":" ? key : nil
      }
      index -= 1
    }
    return nil
  }

  /// The value of `key:` written at the given indentation in the block around a line (used to find
  /// the activity's `type` for `subtype`).
  static func siblingValue(of key: String, near line: Int, indent: Int, in table: LineTable) -> String? {
    for step in [-1, 1] {
      var index = line + step
      while index >= 0, index < table.lineCount {
        let scalars = Array(table.lineScalars(index))
        let own = Self.indent(of: scalars)
        if scalars.allSatisfy({ $0 == " " }) || scalars[own] == "#" {
          index += step
          continue
        }
        // Leaving the mapping: less indentation, or a new item at the same indentation.
        let itemStart = own < scalars.count && scalars[own] == "-"
        if own < indent - 2 || (own == indent - 2 && itemStart && step == 1) { break }
        if let (found, _) = blockKey(in: scalars), found == key,
          own == indent || (itemStart && own + 2 == indent)
        {
          let text = String(String.UnicodeScalarView(scalars))
          guard let colon = text.firstIndex(of: ":") else { return nil }
          return text[text.index(after: colon)...].trimmingCharacters(in: " ")
        }
        if own < indent { break }
        index += step
      }
    }
    return nil
  }

  static func indent(of scalars: [Unicode.Scalar]) -> Int {
    var index = 0
    while index < scalars.count, scalars[index] == " " { index += 1 }
    return min(index, max(0, scalars.count - 1))
  }

  static func isKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
  }
}

extension Substring {
  func trimmingCharacters(in set: String) -> String {
    let drop = Set(set.unicodeScalars)
    var scalars = unicodeScalars[...]
    while let first = scalars.first, drop.contains(first) { scalars = scalars.dropFirst() }
    while let last = scalars.last, drop.contains(last) { scalars = scalars.dropLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
