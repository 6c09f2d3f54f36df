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
        bytes: try Self.bytes(RecordRows(parts[document.id] ?? RecordSet()), documentID: document.id))
    }
  }

  /// The per-document file of one document's rows, written straight to bytes: exactly what
  /// `CanonicalJSON.pretty(documentValue(rows))` gives (members in RFC 8785 key order, two-space
  /// indent), without building the JSON value. An integer beyond ±2^53 is `X008`.
  static func bytes(_ rows: RecordRows, documentID: String) throws(DiagnosticError) -> [UInt8] {
    var writer = CanonicalJSON.Writer(indent: true)
    writer.bytes.reserveCapacity(64 * 1024)
    do throws(CanonicalJSON.UnrepresentableNumber) {
      writer.bytes.append(UInt8(ascii: "{"))
      for (n, member) in topLevel.enumerated() {
        if n > 0 { writer.bytes.append(UInt8(ascii: ",")) }
        writer.newLine(1)
        writer.writeString(member.key)
        writer.bytes.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
        switch member.content {
        case .schema: writer.writeString(schemaID)
        case .document(let table):
          if let row = rows.tables[table].first {
            try writer.writeRow(row, depth: 1)
          } else {
            writer.bytes.append(contentsOf: "null".utf8)
          }
        case .table(let table):
          try writer.writeArray(rows.tables[table], depth: 1) {
            (writer: inout CanonicalJSON.Writer, row: RecordRow) throws(CanonicalJSON.UnrepresentableNumber)
            in
            try writer.writeRow(row, depth: 2)
          }
        }
      }
      writer.newLine(0)
      writer.bytes.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
    } catch {
      throw DiagnosticError(
        .error(
          .integerOutOfRange, "document '\(documentID)': the number \(error.number) is not an exact integer"))
    }
    return writer.bytes
  }

  /// What a top-level member of the per-document file holds.
  private enum Content {
    case schema
    /// The one row of the documents table (`RecordTable.all` index), or `null`.
    case document(Int)
    /// Every row of a table (`RecordTable.all` index).
    case table(Int)
  }

  /// The per-document file's members in RFC 8785 key order, as `documentValue` names them.
  private static let topLevel: [(key: String, content: Content)] = {
    var members: [(key: String, content: Content)] = [("schema", .schema)]
    for (index, table) in RecordTable.all.enumerated() {
      members.append(
        table.name == RecordTable.documents.name
          ? ("document", .document(index)) : (table.name, .table(index)))
    }
    return members.sorted { CanonicalJSON.precedes($0.key, $1.key) }
  }()

  /// The JSON value of one document's records: `{"schema", "document", "sections", …}`.
  static func documentValue(_ records: RecordSet) -> JSONValue { documentValue(RecordRows(records)) }

  /// The JSON value of one document's rows, with the members `bytes` writes (`topLevel`).
  static func documentValue(_ rows: RecordRows) -> JSONValue {
    var object = JSONObject()
    object.reserveCapacity(topLevel.count)
    for member in topLevel {
      switch member.content {
      case .schema: object[member.key] = .string(schemaID)
      case .document(let table): object[member.key] = rows.tables[table].first?.jsonValue ?? .null
      case .table(let table): object[member.key] = .array(rows.tables[table].map(\.jsonValue))
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
