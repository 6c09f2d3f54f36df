import JSONSchema

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

/// A column of one record: what a diagnostic about a value points at.
public struct RecordFieldReference: Hashable, Sendable {
  /// Id of the document the record belongs to.
  public var documentID: String
  /// Table name (`activities`).
  public var table: String
  /// Values of the table's key columns.
  public var key: [String]
  /// Column name (`name`).
  public var column: String

  public init(documentID: String, table: String, key: [String], column: String) {
    self.documentID = documentID
    self.table = table
    self.key = key
    self.column = column
  }
}

/// Settings shared by the exporters.
public struct ExportOptions: Sendable {
  /// The XSDs and catalog the XML exporters validate against; required for `xml` and `oai_dc`.
  public var schemas: XMLSchemaBundle?
  /// Maps a record column back to where its value was written (e.g. the annotation's line and column),
  /// so a bad value is reported at its source. Without it, diagnostics name the file only.
  public var locator: (@Sendable (RecordFieldReference) -> SourceLocation?)?
  /// `Bag-Software-Agent` of the BagIt bag.
  public var softwareAgent: String

  public init(
    schemas: XMLSchemaBundle? = nil, locator: (@Sendable (RecordFieldReference) -> SourceLocation?)? = nil,
    softwareAgent: String = "dossier"
  ) {
    self.schemas = schemas
    self.locator = locator
    self.softwareAgent = softwareAgent
  }
}

extension Substring {
  func trimmingWhitespace() -> String {
    var s = self[...]
    while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
    while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
    return String(s)
  }
}
