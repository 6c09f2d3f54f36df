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
      var bytes: [UInt8] = []
      for row in sorted.rows(of: table) {
        bytes += try JSONExporter.canonicalBytes(row.jsonValue, label: row.label)
        bytes.append(0x0A)
      }
      files.append(ExportFile(path: "\(format.directory)/\(table.name).jsonl", bytes: bytes))
    }
    return files
  }
}
