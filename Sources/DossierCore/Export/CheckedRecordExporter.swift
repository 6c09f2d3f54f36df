/// The export shell the table exporters share: `export(_:)` checks the records (`RecordSetChecker`),
/// sorts them by key and hands them to `files(sorted:)`, which renders the format's files. A conformer
/// writes only its rendering, so every format checks and orders its input the same way.
public protocol CheckedRecordExporter: RecordExporter {
  /// The checks the records must pass before anything is written.
  var options: ExportOptions { get }
  /// The files of the format for records that passed the checks, sorted by key (`RecordSet.sorted()`).
  func files(sorted records: RecordSet) throws -> [ExportFile]
}

extension CheckedRecordExporter {
  /// Checks the records, sorts them by key and renders them with `files(sorted:)`.
  public func export(_ records: RecordSet) throws -> [ExportFile] {
    try RecordSetChecker.check(records, options: options)
    return try files(sorted: records.sorted())
  }
}
