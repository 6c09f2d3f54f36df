/// The export formats, by the names used on the command line (`--format json,jsonl,xml,oai_dc,tsv`).
public enum ExportFormat: String, CaseIterable, Hashable, Sendable, Codable {
  case json
  case jsonl
  case xml
  case oaiDC = "oai_dc"
  case tsv

  /// Looks a format up by name; unknown names are an `X004` error.
  public init(name: String) throws(DiagnosticError) {
    guard let format = ExportFormat(rawValue: name) else {
      throw DiagnosticError(
        .error(
          .unknownExportFormat, "unknown export format '\(name)'",
          help: "use one of: " + ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))
    }
    self = format
  }

  /// Parses a comma-separated list (`json,tsv`), keeping the canonical order and dropping repeats.
  public static func list(_ text: String) throws(DiagnosticError) -> [ExportFormat] {
    var found: Set<ExportFormat> = []
    var problems: [Diagnostic] = []
    for name in text.split(separator: ",", omittingEmptySubsequences: false) {
      do throws(DiagnosticError) {
        found.insert(try ExportFormat(name: name.trimmingWhitespace()))
      } catch {
        problems += error.diagnostics
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return allCases.filter(found.contains)
  }

  /// The payload folder of the format (`data/<directory>/` in the bag).
  public var directory: String { rawValue }

  /// Creates the exporter for this format.
  public func makeExporter(options: ExportOptions) -> any RecordExporter {
    switch self {
    case .json: return JSONExporter(options: options)
    case .jsonl: return JSONLinesExporter(options: options)
    case .xml: return RecordXMLExporter(options: options)
    case .oaiDC: return DublinCoreExporter(options: options)
    case .tsv: return TSVExporter(options: options)
    }
  }
}

extension Substring {
  fileprivate func trimmingWhitespace() -> String {
    var s = self[...]
    while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
    while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
    return String(s)
  }
}
