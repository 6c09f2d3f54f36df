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

  /// Escapes a string for a TSV cell: `\` → `\\`, TAB → `\t`, LF → `\n`, CR → `\r`.
  public static func escape(_ value: String) -> String {
    var bytes: [UInt8] = []
    appendEscaped(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the escaped UTF-8 bytes of a cell (`escape`): the one home of the cell encoding.
  static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
    var value = value
    value.withUTF8 { utf8 in
      var start = 0
      for (index, byte) in utf8.enumerated()
      where byte == 0x5C || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        start = index + 1
        bytes.append(0x5C)
        switch byte {
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default: bytes.append(0x5C)
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
  }

  /// Reverses `escape`; `nil` for a backslash not followed by `\`, `t`, `n` or `r`.
  public static func unescape(_ cell: Substring) -> String? {
    var out = String.UnicodeScalarView()
    var iterator = cell.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      guard scalar == "\\" else {
        out.append(scalar)
        continue
      }
      switch iterator.next() {
      case "\\": out.append("\\")
      case "t": out.append("\t")
      case "n": out.append("\n")
      case "r": out.append("\r")
      default: return nil
      }
    }
    return String(out)
  }

  /// The null marker.
  public static let null = "\\N"
}
