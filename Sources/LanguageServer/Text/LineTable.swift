import DossierCore

/// A position as the Language Server Protocol counts it: 0-based line, 0-based character offset in
/// UTF-16 code units.
public struct LSPPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var line: Int
  public var character: Int

  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  public static func < (lhs: LSPPosition, rhs: LSPPosition) -> Bool {
    (lhs.line, lhs.character) < (rhs.line, rhs.character)
  }

  public var description: String { "\(line):\(character)" }
}

/// A half-open range of LSP positions.
public struct LSPRange: Hashable, Sendable, CustomStringConvertible {
  public var start: LSPPosition
  public var end: LSPPosition

  public init(start: LSPPosition, end: LSPPosition) {
    self.start = start
    self.end = end
  }

  public var description: String { "\(start)-\(end)" }
}

/// Converts between Dossier's positions (1-based line, 1-based column counting Unicode scalars) and
/// the protocol's (0-based line, 0-based UTF-16 offset) for one text.
///
/// Lines end at LF, CR LF or a lone CR, as in the protocol and in Dossier's readers. A leading
/// U+FEFF (a byte order mark kept in the text) is not counted in Dossier's columns but is a UTF-16
/// unit of line 0 for the protocol; the table adds it back. Positions past the end of a line or of
/// the text are clamped to it.
public struct LineTable: Sendable {
  /// Scalars of the text (line breaks included).
  private let scalars: [Unicode.Scalar]
  /// Scalar offset of each line's first scalar.
  private let lineStarts: [Int]
  /// Scalar offset where each line's content ends (before its line break).
  private let lineEnds: [Int]
  /// Whether the text starts with U+FEFF.
  public let hasByteOrderMark: Bool

  public init(_ text: String) {
    let scalars = Array(text.unicodeScalars)
    var starts = [0]
    var ends: [Int] = []
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\n" || scalar == "\r" {
        ends.append(index)
        if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
        starts.append(index + 1)
      }
      index += 1
    }
    ends.append(scalars.count)
    self.scalars = scalars
    lineStarts = starts
    lineEnds = ends
    hasByteOrderMark = scalars.first == "\u{FEFF}"
  }

  /// Number of lines (at least 1).
  public var lineCount: Int { lineStarts.count }

  /// The scalars of a 0-based line, without its line break.
  public func lineScalars(_ line: Int) -> ArraySlice<Unicode.Scalar> {
    guard line >= 0, line < lineStarts.count else { return [] }
    return scalars[lineStarts[line]..<lineEnds[line]]
  }

  /// The text of a 0-based line, without its line break.
  public func lineText(_ line: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: lineScalars(line))
    return String(view)
  }

  /// The protocol position of a Dossier line and column (1-based, scalars). Line 0 or less (a whole
  /// file) gives the start of the text.
  public func position(line: Int, column: Int) -> LSPPosition {
    guard line >= 1 else { return LSPPosition(line: 0, character: 0) }
    guard line <= lineStarts.count else {
      let last = lineStarts.count - 1
      return LSPPosition(line: last, character: utf16Length(line: last, scalars: .max))
    }
    let index = line - 1
    let skip = (index == 0 && hasByteOrderMark) ? 1 : 0
    let units = utf16Length(line: index, scalars: max(0, column - 1) + skip)
    return LSPPosition(line: index, character: units)
  }

  /// The protocol range of a Dossier location: from its start to its end, or an empty range at the
  /// start when the location has no end.
  public func range(of location: SourceLocation) -> LSPRange {
    let start = position(line: location.line, column: location.column)
    guard let endColumn = location.endColumn else { return LSPRange(start: start, end: start) }
    let end = position(line: location.endLine ?? location.line, column: endColumn)
    return LSPRange(start: start, end: max(start, end))
  }

  /// The Dossier line and column (1-based, scalars) of a protocol position. A position inside a
  /// surrogate pair is moved to the start of its scalar.
  public func location(of position: LSPPosition) -> (line: Int, column: Int) {
    let offset = scalarOffset(of: position)
    let line = min(max(position.line, 0), lineStarts.count - 1)
    var column = offset - lineStarts[line] + 1
    if line == 0 && hasByteOrderMark { column = max(1, column - 1) }
    return (line + 1, column)
  }

  /// The scalar offset into the whole text (a byte order mark counts as one scalar) of a protocol
  /// position, clamped to its line.
  public func scalarOffset(of position: LSPPosition) -> Int {
    let line = min(max(position.line, 0), lineStarts.count - 1)
    if position.line >= lineStarts.count { return lineEnds[line] }
    var units = 0
    var offset = lineStarts[line]
    while offset < lineEnds[line] {
      let width = scalars[offset].utf16.count
      if units + width > position.character { break }
      units += width
      offset += 1
    }
    return offset
  }

  /// The protocol position of a scalar offset into the whole text.
  public func position(ofScalarOffset offset: Int) -> LSPPosition {
    let clamped = min(max(offset, 0), scalars.count)
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
    }
    let within = min(clamped, lineEnds[low]) - lineStarts[low]
    return LSPPosition(line: low, character: utf16Length(line: low, scalars: within))
  }

  /// UTF-16 units of the first `count` scalars of a 0-based line (clamped to the line).
  private func utf16Length(line: Int, scalars count: Int) -> Int {
    let start = lineStarts[line]
    let end = count >= lineEnds[line] - start ? lineEnds[line] : start + count
    var units = 0
    for offset in start..<end { units += scalars[offset].utf16.count }
    return units
  }
}
