import JSONSchema

/// Writes the TSV tables (`tsv/<table>.tsv`) and their Frictionless descriptor (`tsv/datapackage.json`).
///
/// Format (CSV quoting with TAB as the delimiter, see `TSVLayout.escape`): UTF-8 without BOM, LF line
/// ends (also after the last row), a header row, fields separated by TAB, a string holding TAB, LF, CR
/// or `"` (or equal to `\N`) between `"` with `"` doubled, null written `\N` unquoted, the empty string
/// as an empty field, booleans `true`/`false`, integers in decimal. Columns have a fixed order and rows
/// are sorted by key. List columns become long tables.
public struct TSVExporter: CheckedRecordExporter {
  public let options: ExportOptions
  public var format: ExportFormat { .tsv }

  public init(options: ExportOptions = ExportOptions()) { self.options = options }

  /// One `tsv/<table>.tsv` per table of `TSVLayout.tables`, then `tsv/datapackage.json`.
  public func files(sorted records: RecordSet) throws -> [ExportFile] {
    let tables = TSVLayout.tables.map { table in
      ExportFile(
        path: "\(format.directory)/\(table.name).tsv", bytes: Self.header(table) + Self.rows(table, records))
    }
    return tables + [
      ExportFile(path: "\(format.directory)/datapackage.json", bytes: try Self.dataPackageBytes())
    ]
  }

  /// The header line of a table.
  static func header(_ table: TSVLayout.Table) -> [UInt8] {
    Array((table.columns.map(\.name).joined(separator: "\t") + "\n").utf8)
  }

  /// The lines of a table for `records` (sorted), without the header.
  static func rows(_ table: TSVLayout.Table, _ records: RecordSet) -> [UInt8] {
    rows(table, records.rows(of: table.recordTable))
  }

  /// The lines of a table for rows of its record table (sorted), without the header, written straight
  /// to bytes.
  static func rows(_ table: TSVLayout.Table, _ rows: [RecordRow]) -> [UInt8] {
    var bytes: [UInt8] = []
    let recordTable = table.recordTable
    if let list = table.listColumn {
      guard let listIndex = recordTable.index(of: list.name) else { return [] }
      for row in rows {
        guard case .list(let items) = row.values[listIndex] else { continue }
        for (position, item) in items.enumerated() {
          for index in recordTable.keyIndices {
            appendCell(row.values[index], to: &bytes)
            bytes.append(0x09)
          }
          bytes.append(contentsOf: String(position + 1).utf8)
          bytes.append(0x09)
          TSVLayout.appendEscaped(item, to: &bytes)
          bytes.append(0x0A)
        }
      }
    } else {
      let indices = table.columns.compactMap { recordTable.index(of: $0.name) }
      for row in rows {
        for (n, index) in indices.enumerated() {
          if n > 0 { bytes.append(0x09) }
          appendCell(row.values[index], to: &bytes)
        }
        bytes.append(0x0A)
      }
    }
    return bytes
  }

  /// Appends one cell's text (`cell`) as UTF-8.
  static func appendCell(_ value: FieldValue, to bytes: inout [UInt8]) {
    switch value {
    case .null: bytes.append(contentsOf: TSVLayout.null.utf8)
    case .string(let s): TSVLayout.appendEscaped(s, to: &bytes)
    case .integer(let i): bytes.append(contentsOf: String(i).utf8)
    case .boolean(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
    case .list(let l): TSVLayout.appendEscaped(l.joined(separator: " "), to: &bytes)
    }
  }

  /// `datapackage.json`, pretty and key-sorted.
  static func dataPackageBytes() throws -> [UInt8] { try CanonicalJSON.pretty(Self.dataPackage) }

  /// The Frictionless Data Package descriptor (v1 Tabular Data Package) of the TSV tables.
  public static var dataPackage: JSONValue {
    let dialect: JSONValue = .object(
      JSONObject([
        ("delimiter", .string("\t")), ("lineTerminator", .string("\n")), ("header", .bool(true)),
        ("quoteChar", .string("\"")), ("doubleQuote", .bool(true)), ("nullSequence", .string(TSVLayout.null)),
        ("skipInitialSpace", .bool(false)), ("caseSensitiveHeader", .bool(true)),
      ]))
    let resources: [JSONValue] = TSVLayout.tables.map { table in
      var fields: [JSONValue] = []
      for column in table.columns {
        var field = JSONObject([
          ("name", .string(column.name)), ("description", .string(column.description)),
        ])
        var constraints = JSONObject()
        if column.required {
          constraints["required"] = .bool(true)
          // No missing value in a column that is never null, so a text `\N` reads back as text.
          field["missingValues"] = .array([])
        }
        switch column.kind {
        case .integer: field["type"] = .string("integer")
        case .boolean:
          field["type"] = .string("boolean")
          field["trueValues"] = .array([.string("true")])
          field["falseValues"] = .array([.string("false")])
        case .string, .stringList: field["type"] = .string("string")
        }
        switch column.format {
        case .iso3: constraints["pattern"] = .string("[A-Z]{3}")
        case .sha256: constraints["pattern"] = .string("[0-9a-f]{64}")
        case .date: field["type"] = .string("date")
        case .dateTime: field["type"] = .string("datetime")
        case .enumeration(let values): constraints["enum"] = .array(values.map(JSONValue.string))
        case .nonNegative: constraints["minimum"] = .integer(0)
        case .positive: constraints["minimum"] = .integer(1)
        case .language, nil: break
        }
        if !constraints.isEmpty { field["constraints"] = .object(constraints) }
        fields.append(.object(field))
      }
      var schema = JSONObject([
        ("fields", .array(fields)), ("primaryKey", .array(table.key.map(JSONValue.string))),
        ("missingValues", .array([.string(TSVLayout.null)])),
      ])
      let foreignKeys = foreignKeys(of: table)
      if !foreignKeys.isEmpty { schema["foreignKeys"] = .array(foreignKeys) }
      return .object(
        JSONObject([
          ("name", .string(table.name)), ("path", .string("\(table.name).tsv")),
          // `csv` (a CSV dialect with TAB as delimiter): readers keep CR inside quoted fields.
          ("profile", .string("tabular-data-resource")), ("format", .string("csv")),
          ("mediatype", .string("text/csv")), ("encoding", .string("utf-8")),
          ("description", .string(table.description)), ("dialect", dialect), ("schema", .object(schema)),
        ]))
    }
    return .object(
      JSONObject([
        ("profile", .string("tabular-data-package")), ("name", .string("dossier-records")),
        ("title", .string("Dossier records")),
        (
          "description",
          .string(
            "Normalized records exported by Dossier. CSV with TAB as delimiter: a cell holding TAB, LF, CR or a quote is quoted with doubled quotes; an unquoted \\N is null; see docs/exports.md."
          )
        ),
        ("resources", .array(resources)),
      ]))
  }

  private static func foreignKeys(of table: TSVLayout.Table) -> [JSONValue] {
    func key(_ fields: [String], _ resource: String, _ target: [String]) -> JSONValue {
      .object(
        JSONObject([
          ("fields", .array(fields.map(JSONValue.string))),
          (
            "reference",
            .object(
              JSONObject([
                ("resource", .string(resource)), ("fields", .array(target.map(JSONValue.string))),
              ]))
          ),
        ]))
    }
    if table.name == "documents" { return [] }
    var keys = [key(["document_id"], "documents", ["document_id"])]
    let names = Set(table.columns.map(\.name))
    if names.contains("activity_id") && table.name != "activities" {
      keys.append(key(["document_id", "activity_id"], "activities", ["document_id", "activity_id"]))
    }
    return keys
  }
}
