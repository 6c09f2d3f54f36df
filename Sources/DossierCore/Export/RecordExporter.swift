/// A writer of one export format: takes records, returns in-memory files.
///
/// Every exporter checks the records first (`RecordSetChecker`) and produces the same bytes for the same
/// records, whatever their order.
public protocol RecordExporter: Sendable {
  /// The format this exporter writes.
  var format: ExportFormat { get }
  /// Writes the records; the paths are relative to the payload root (`json/…`, `tsv/…`).
  /// Throws `DiagnosticError` with `X…` diagnostics.
  func export(_ records: RecordSet) throws -> [ExportFile]
}
