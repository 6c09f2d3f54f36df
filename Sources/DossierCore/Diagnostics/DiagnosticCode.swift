/// A stable diagnostic code such as `Y003`, with a one-line title and a longer explanation.
///
/// Codes never change meaning once released. Each family lives in its own file
/// (`DiagnosticCode+Ingest.swift`, `+YAML`, …) and is listed in `DiagnosticCode.all`.
/// Every code has an entry in `docs/diagnostics.md` (a test checks this).
public struct DiagnosticCode: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The code itself, e.g. `Y003`.
  public let id: String
  /// Short title, e.g. "duplicate key".
  public let title: String
  /// What the code means and how to fix it (shown by `dossier explain`).
  public let explanation: String

  public init(_ id: String, _ title: String, _ explanation: String) {
    self.id = id
    self.title = title
    self.explanation = explanation
  }

  public var description: String { id }

  public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id == rhs.id }
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }

  public init(from decoder: any Decoder) throws {
    let id = try decoder.singleValueContainer().decode(String.self)
    self = DiagnosticCode.lookup(id) ?? DiagnosticCode(id, id, "")
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(id)
  }

  /// Every code, sorted by id.
  public static var all: [DiagnosticCode] {
    (ingestCodes + yamlCodes + schemaCodes + annotationCodes + semanticCodes + exportCodes + usageCodes
      + limitCodes)
      .sorted { $0.id < $1.id }
  }

  /// Finds a code by id, case-insensitively.
  public static func lookup(_ id: String) -> DiagnosticCode? {
    let wanted = id.uppercased()
    return all.first { $0.id == wanted }
  }
}
