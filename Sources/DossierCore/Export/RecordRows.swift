/// Every table's rows of a record set, built once: the value the per-document checks and renderers
/// share, so a record becomes a row once per build, not once per format.
public struct RecordRows: Sendable {
  /// The rows of each table, in `RecordTable.all` order; each table in the set's record order.
  public let tables: [[RecordRow]]

  /// The rows of every table of `records` (in the set's current order).
  public init(_ records: RecordSet) {
    tables = RecordTable.all.map { records.rows(of: $0) }
  }

  /// The rows of one table.
  public func rows(of table: RecordTable) -> [RecordRow] {
    guard let position = RecordTable.all.firstIndex(of: table) else { return [] }
    return tables[position]
  }
}
