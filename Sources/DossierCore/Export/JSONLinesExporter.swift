/// Writes one JSON Lines file per table (`jsonl/<table>.jsonl`): one record per line in canonical JSON
/// (RFC 8785-compatible bytes), rows in key order, LF after every line. Empty tables give empty files.
public struct JSONLinesExporter: CheckedRecordExporter {
  public let options: ExportOptions
  public var format: ExportFormat { .jsonl }

  public init(options: ExportOptions = ExportOptions()) { self.options = options }

  /// One `jsonl/<table>.jsonl` per table, in `RecordTable.all` order.
  public func files(sorted records: RecordSet) throws -> [ExportFile] {
    try RecordTable.all.map { table in
      ExportFile(path: "\(format.directory)/\(table.name).jsonl", bytes: try Self.lines(table, records))
    }
  }

  /// The lines of a table for `records` (sorted).
  static func lines(_ table: RecordTable, _ records: RecordSet) throws(DiagnosticError) -> [UInt8] {
    try lines(records.rows(of: table))
  }

  /// The canonical JSON lines of rows of one table, written straight to bytes: the columns in RFC 8785
  /// key order (`RecordTable.canonicalOrder`), each row the bytes `CanonicalJSON.canonical` gives for
  /// `row.jsonValue`.
  static func lines(_ rows: [RecordRow]) throws(DiagnosticError) -> [UInt8] {
    var writer = CanonicalJSON.Writer(indent: false)
    for row in rows {
      do throws(CanonicalJSON.UnrepresentableNumber) {
        try writer.writeRow(row, depth: 0)
      } catch {
        throw DiagnosticError(
          .error(.integerOutOfRange, "\(row.label): the number \(error.number) is not an exact integer"))
      }
      writer.bytes.append(0x0A)
    }
    return writer.bytes
  }
}
