/// Runs the chosen exporters over a record set and packs their files into a BagIt bag: the complete
/// content of `Exports/`, as values.
public enum ExportPipeline {
  /// Exports `records` in `formats` and returns the bag's files, sorted by path. The records are checked
  /// once up front; any `X…` problem fails the whole export (nothing partial is returned).
  public static func export(
    _ records: RecordSet, formats: [ExportFormat] = ExportFormat.allCases, options: ExportOptions
  ) throws(DiagnosticError) -> [ExportFile] {
    try RecordSetChecker.check(records, options: options)
    var payload: [ExportFile] = []
    var problems: [Diagnostic] = []
    for format in ExportFormat.allCases where formats.contains(format) {
      do {
        payload += try format.makeExporter(options: options).export(records)
      } catch let error as DiagnosticError {
        problems += error.diagnostics
      } catch {
        problems.append(.error(.inconsistentRecords, "\(format.rawValue) export failed: \(error)"))
      }
    }
    if !problems.isEmpty {
      // The XML exporters report the same bad character each; keep one of each diagnostic.
      var seen: Set<Diagnostic> = []
      throw DiagnosticError(problems.filter { seen.insert($0).inserted })
    }
    return try BagItPackager(softwareAgent: options.softwareAgent).bag(payload)
  }
}
