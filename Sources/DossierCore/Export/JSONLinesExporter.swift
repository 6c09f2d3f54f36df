/// Writes one JSON Lines file per table (`jsonl/<table>.jsonl`): one record per line in canonical JSON
/// (RFC 8785-compatible bytes), rows in key order, LF after every line. Empty tables give empty files.
public struct JSONLinesExporter: RecordExporter {
  public let options: ExportOptions
  public var format: ExportFormat { .jsonl }

  public init(options: ExportOptions = ExportOptions()) { self.options = options }

  public func export(_ records: RecordSet) throws -> [ExportFile] {
    try RecordSetChecker.check(records, options: options)
    let sorted = records.sorted()
    var files: [ExportFile] = []
    for table in RecordTable.all {
      files.append(
        ExportFile(path: "\(format.directory)/\(table.name).jsonl", bytes: try Self.lines(table, sorted)))
    }
    return files
  }

  /// The lines of a table for `records` (sorted).
  static func lines(_ table: RecordTable, _ records: RecordSet) throws(DiagnosticError) -> [UInt8] {
    var bytes: [UInt8] = []
    for row in records.rows(of: table) {
      bytes += try JSONExporter.canonicalBytes(row.jsonValue, label: row.label)
      bytes.append(0x0A)
    }
    return bytes
  }
}
