/// One row of a record table: one cell per column, in the table's column order. The bridge between
/// typed records and the table-driven writers and readers.
///
/// Writers walk `values` by position (no lookups by name); readers and messages use the name
/// subscript, which goes through the table's index.
public struct RecordRow: Hashable, Sendable {
  /// The table the row belongs to.
  public let table: RecordTable
  /// The cells, one per column of `table`, in column order.
  public private(set) var values: [FieldValue]

  /// An empty row: every cell null.
  public init(table: RecordTable) {
    self.table = table
    values = Array(repeating: .null, count: table.columns.count)
  }

  /// A row from cells by column name; a column with no entry is null, a name the table lacks is
  /// ignored (readers reject unknown names before building a row).
  public init(table: RecordTable, cells: [String: FieldValue]) {
    self.init(table: table)
    for (name, value) in cells {
      if let index = table.index(of: name) { values[index] = value }
    }
  }

  /// A row from every column's cell, written in the table's column order (`"document_id": …` first).
  /// The names document each position; debug builds check them against the table.
  public init(table: RecordTable, columns: KeyValuePairs<String, FieldValue>) {
    assert(
      columns.map(\.key) == table.columns.map(\.name),
      "the cells of a \(table.name) row must name every column, in the table's order")
    self.table = table
    values = columns.map(\.value)
  }

  /// The cells by column name (null cells included).
  public var cells: [String: FieldValue] {
    Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.name), values))
  }

  /// The cell of a column (null when the table has no such column).
  public subscript(column: String) -> FieldValue {
    get { table.index(of: column).map { values[$0] } ?? .null }
    set {
      guard let index = table.index(of: column) else { return }
      values[index] = newValue
    }
  }

  /// The values of the table's key columns, as text (`["003_…", "h2-zapad", "3"]`).
  public var keyValues: [String] {
    table.keyIndices.map { index -> String in
      switch values[index] {
      case .string(let s): return s
      case .integer(let i): return String(i)
      default: return "?"
      }
    }
  }

  /// The row's table and key, for messages: `participants[003_…, h2-zapad, 3]`.
  /// A column of this row, for a diagnostic about its value (the document id read from the row).
  public func reference(column: String) -> RecordFieldReference {
    var documentID = ""
    if case .string(let id) = self["document_id"] { documentID = id }
    return RecordFieldReference(documentID: documentID, table: table.name, key: keyValues, column: column)
  }

  public var label: String { "\(table.name)[\(keyValues.joined(separator: ", "))]" }

  func string(_ column: String) throws(RecordRowError) -> String {
    guard case .string(let s) = self[column] else {
      throw RecordRowError(column: column, expected: "a string")
    }
    return s
  }

  func optionalString(_ column: String) throws(RecordRowError) -> String? {
    switch self[column] {
    case .null: return nil
    case .string(let s): return s
    default: throw RecordRowError(column: column, expected: "a string or null")
    }
  }

  func integer(_ column: String) throws(RecordRowError) -> Int {
    guard case .integer(let i) = self[column] else {
      throw RecordRowError(column: column, expected: "an integer")
    }
    return i
  }

  func optionalInteger(_ column: String) throws(RecordRowError) -> Int? {
    switch self[column] {
    case .null: return nil
    case .integer(let i): return i
    default: throw RecordRowError(column: column, expected: "an integer or null")
    }
  }

  func boolean(_ column: String) throws(RecordRowError) -> Bool {
    guard case .boolean(let b) = self[column] else {
      throw RecordRowError(column: column, expected: "true or false")
    }
    return b
  }

  func list(_ column: String) throws(RecordRowError) -> [String] {
    guard case .list(let l) = self[column] else {
      throw RecordRowError(column: column, expected: "a list of strings")
    }
    return l
  }

  func enumeration<E: RawRepresentable>(_ column: String, _ type: E.Type) throws(RecordRowError) -> E
  where E.RawValue == String {
    let raw = try string(column)
    guard let value = E(rawValue: raw) else {
      throw RecordRowError(column: column, expected: "a known value (got \"\(raw)\")")
    }
    return value
  }

  static func optional(_ value: String?) -> FieldValue { value.map(FieldValue.string) ?? .null }
  static func optional(_ value: Int?) -> FieldValue { value.map(FieldValue.integer) ?? .null }
}
