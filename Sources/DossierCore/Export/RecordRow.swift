/// One row of a record table: cells by column name. The bridge between typed records and the
/// table-driven writers and readers.
public struct RecordRow: Hashable, Sendable {
  /// The table the row belongs to.
  public let table: RecordTable
  /// Cells by column name; a column with no entry is null.
  public var cells: [String: FieldValue]

  public init(table: RecordTable, cells: [String: FieldValue] = [:]) {
    self.table = table
    self.cells = cells
  }

  /// The cell of a column (null when absent).
  public subscript(column: String) -> FieldValue {
    get { cells[column] ?? .null }
    set { cells[column] = newValue }
  }

  /// The values of the table's key columns, as text (`["003_…", "h2-zapad", "3"]`).
  public var keyValues: [String] {
    table.key.map { name -> String in
      switch self[name] {
      case .string(let s): return s
      case .integer(let i): return String(i)
      default: return "?"
      }
    }
  }

  /// The row's table and key, for messages: `participants[003_…, h2-zapad, 3]`.
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
