/// The TSV files: one per record table (its one-value columns) plus one long table per list column
/// (`document_languages`, `activity_areas`), in a fixed order.
public struct TSVLayout: Hashable, Sendable {
  /// One TSV file.
  public struct Table: Hashable, Sendable {
    /// File stem (`participants`).
    public let name: String
    /// The record table the rows come from.
    public let recordTable: RecordTable
    /// For a list table: the list column it expands; `nil` for a record table's own file.
    public let listColumn: RecordColumn?
    /// Header, in order.
    public let columns: [Column]
    /// Primary key columns.
    public let key: [String]
    /// What a row is.
    public let description: String
    /// For a list table: the column holding the item's 1-based position (`ordinal`, or
    /// `item_ordinal` when the parent's key already has an `ordinal`).
    public let itemOrdinalColumn: String?
  }

  /// One TSV column.
  public struct Column: Hashable, Sendable {
    public let name: String
    public let kind: RecordColumn.Kind
    public let required: Bool
    public let format: RecordColumn.Format?
    public let description: String
  }

  /// Every TSV file, in order.
  public static let tables: [Table] = RecordTable.all.flatMap { table -> [Table] in
    let main = Table(
      name: table.name, recordTable: table, listColumn: nil,
      columns: table.scalarColumns.map {
        Column(
          name: $0.name, kind: $0.kind, required: $0.required, format: $0.format, description: $0.description)
      },
      key: table.key, description: table.description, itemOrdinalColumn: nil)
    let lists = table.listColumns.compactMap { list -> Table? in
      guard let listTable = list.listTable else { return nil }
      let parentKey = table.key.compactMap(table.column)
      let ordinal = table.key.contains("ordinal") ? "item_ordinal" : "ordinal"
      let columns =
        parentKey.map {
          Column(name: $0.name, kind: $0.kind, required: true, format: $0.format, description: $0.description)
        }
        + [
          Column(
            name: ordinal, kind: .integer, required: true, format: .positive,
            description: "1-based position in the list."),
          Column(
            name: listTable.valueColumn, kind: .string, required: true, format: list.format,
            description: list.description),
        ]
      return Table(
        name: listTable.name, recordTable: table, listColumn: list, columns: columns,
        key: table.key + [ordinal],
        description: "Long table of \(table.name).\(list.name): one row per list item. \(list.description)",
        itemOrdinalColumn: ordinal)
    }
    return [main] + lists
  }

  /// Encodes a string as one TSV cell, the only place the cell encoding lives (CSV quoting, RFC 4180
  /// style, with TAB as the delimiter): a string holding TAB, LF, CR or `"`, or equal to the null
  /// marker `\N`, is written between `"` with every `"` doubled; any other string is written as it is
  /// (backslashes included). The empty string is an empty field. Python's `csv`, Frictionless,
  /// pandas, readr and PostgreSQL `COPY … (FORMAT csv, DELIMITER E'\t', NULL '\N')` read it back.
  public static func escape(_ value: String) -> String {
    var bytes: [UInt8] = []
    appendEscaped(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the UTF-8 bytes of one encoded cell (`escape`), for writers that build rows as bytes.
  static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
    var value = value
    value.withUTF8 { utf8 in
      let isNullMarker = utf8.count == 2 && utf8[0] == 0x5C && utf8[1] == UInt8(ascii: "N")
      guard isNullMarker || utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x22 })
      else {
        bytes.append(contentsOf: utf8)
        return
      }
      bytes.append(0x22)
      var start = 0
      for (index, byte) in utf8.enumerated() where byte == 0x22 {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...index]))
        bytes.append(0x22)
        start = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
      bytes.append(0x22)
    }
  }

  /// One field of a TSV record as read back: its text (quotes removed) and where it starts.
  public struct Cell: Hashable, Sendable {
    /// The decoded text.
    public let text: String
    /// Whether the field was written between quotes (a quoted `"\N"` is text, not null).
    public let quoted: Bool
    /// 1-based line and column (Unicode scalars) of the field's first character.
    public let line: Int
    public let column: Int
    /// `true` for the unquoted null marker `\N`.
    public var isNull: Bool { !quoted && text == TSVLayout.null }
  }

  /// One record of a TSV file: its cells and the line it starts on.
  public struct Record: Hashable, Sendable {
    public let line: Int
    public let cells: [Cell]
  }

  /// A malformed TSV file: what is wrong and where.
  public struct ParseError: Error, Hashable, Sendable {
    public let line: Int
    public let column: Int
    public let message: String
  }

  /// Splits a whole TSV file (the reverse of `escape`, strictly): records end at LF, fields at TAB,
  /// a field starting with `"` runs to the matching `"` (`""` inside is one `"`) and may hold TAB, LF
  /// and CR. Every record must end with LF. Errors: an unterminated quoted field, text after a closing
  /// quote, a `"` or CR inside an unquoted field, a missing final LF.
  public static func parse(_ text: String) -> Result<[Record], ParseError> {
    var records: [Record] = []
    var cells: [Cell] = []
    var field = String.UnicodeScalarView()
    var line = 1
    var column = 1
    var recordLine = 1
    var fieldLine = 1
    var fieldColumn = 1
    var quoted = false
    var inQuotes = false
    var afterClosingQuote = false
    var atFieldStart = true
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func finishField() {
      cells.append(Cell(text: String(field), quoted: quoted, line: fieldLine, column: fieldColumn))
      field = String.UnicodeScalarView()
      quoted = false
      afterClosingQuote = false
      atFieldStart = true
    }
    while let scalar = pending ?? scalars.next() {
      pending = nil
      if atFieldStart {
        fieldLine = line
        fieldColumn = column
        atFieldStart = false
        if scalar == "\"" {
          quoted = true
          inQuotes = true
          column += 1
          continue
        }
      }
      if inQuotes {
        if scalar == "\"" {
          let next = scalars.next()
          if next == "\"" {
            field.append("\"")
            column += 2
          } else {
            inQuotes = false
            afterClosingQuote = true
            column += 1
            pending = next
          }
          continue
        }
        field.append(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
        continue
      }
      switch scalar {
      case "\t":
        finishField()
        column += 1
      case "\n":
        finishField()
        records.append(Record(line: recordLine, cells: cells))
        cells = []
        line += 1
        column = 1
        recordLine = line
      default:
        if afterClosingQuote {
          return .failure(
            ParseError(
              line: line, column: column,
              message: "text after the closing quote of a quoted field (a quoted field must end at TAB or LF)"
            ))
        }
        if scalar == "\"" {
          return .failure(
            ParseError(
              line: line, column: column,
              message:
                "a quote inside an unquoted field (such a field must be quoted, with the quote doubled)"))
        }
        if scalar == "\r" {
          return .failure(
            ParseError(line: line, column: column, message: "a CR outside a quoted field"))
        }
        field.append(scalar)
        column += 1
      }
    }
    if inQuotes {
      return .failure(
        ParseError(line: fieldLine, column: fieldColumn, message: "a quoted field is never closed"))
    }
    if !cells.isEmpty || !atFieldStart || !field.isEmpty {
      return .failure(
        ParseError(line: line, column: column, message: "the file does not end with a line feed"))
    }
    return .success(records)
  }

  /// The null marker.
  public static let null = "\\N"
}
