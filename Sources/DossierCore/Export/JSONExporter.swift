import JSONSchema

/// Writes one pretty, key-sorted JSON file per document (`json/<document>.json`) holding the document
/// and all its records, table by table (the same objects as the JSON Lines rows).
public struct JSONExporter: RecordExporter {
  /// The `schema` member of every per-document file: the `$id` of `Schemas/records.schema.json`.
  public static let schemaID = "urn:dossier:schema:records:1"

  public let options: ExportOptions
  public var format: ExportFormat { .json }

  public init(options: ExportOptions = ExportOptions()) { self.options = options }

  public func export(_ records: RecordSet) throws -> [ExportFile] {
    try RecordSetChecker.check(records, options: options)
    let sorted = records.sorted()
    let parts = sorted.partitionedByDocument()
    return try sorted.documents.map { document in
      ExportFile(
        path: "\(format.directory)/\(document.id).json",
        bytes: try Self.bytes(Self.documentValue(parts[document.id] ?? RecordSet()), documentID: document.id))
    }
  }

  /// The pretty, key-sorted bytes of a per-document value.
  static func bytes(_ value: JSONValue, documentID: String) throws(DiagnosticError) -> [UInt8] {
    do throws(CanonicalJSON.UnrepresentableNumber) {
      return try CanonicalJSON.pretty(value)
    } catch {
      throw DiagnosticError(
        .error(
          .integerOutOfRange, "document '\(documentID)': the number \(error.number) is not an exact integer"))
    }
  }

  /// The JSON value of one document's records: `{"schema", "document", "sections", …}`.
  static func documentValue(_ records: RecordSet) -> JSONValue { documentValue(RecordRows(records)) }

  /// The JSON value of one document's rows.
  static func documentValue(_ rows: RecordRows) -> JSONValue {
    var object = JSONObject()
    object.reserveCapacity(RecordTable.all.count + 1)
    object["schema"] = .string(schemaID)
    for (table, tableRows) in zip(RecordTable.all, rows.tables) {
      let values = tableRows.map(\.jsonValue)
      if table.name == RecordTable.documents.name {
        object["document"] = values.first ?? .null
      } else {
        object[table.name] = .array(values)
      }
    }
    return .object(object)
  }

  /// Canonical bytes of one row, mapping an unrepresentable number to `X008`.
  static func canonicalBytes(_ value: JSONValue, label: String) throws(DiagnosticError) -> [UInt8] {
    do {
      return try CanonicalJSON.canonical(value)
    } catch {
      throw DiagnosticError(
        .error(.integerOutOfRange, "\(label): the number \(error.number) is not an exact integer"))
    }
  }
}
