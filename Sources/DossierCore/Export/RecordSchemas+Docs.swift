extension RecordSchemas {
  /// Markdown reference of every TSV/JSON table and its columns, plus PostgreSQL DDL for the TSV files;
  /// embedded in `docs/exports.md` between generated markers (a test keeps it in sync).
  public static var columnReference: String {
    var out = ""
    for table in TSVLayout.tables {
      out += "#### `\(table.name)`\n\n\(table.description)\n\n"
      out += "Key: \(table.key.map { "`\($0)`" }.joined(separator: ", ")).\n\n"
      out += "| # | column | type | null | description |\n|---|---|---|---|---|\n"
      for (index, column) in table.columns.enumerated() {
        out +=
          "| \(index + 1) | `\(column.name)` | \(typeText(column.kind, column.format)) | "
          + "\(column.required ? "no" : "yes") | \(column.description.replacingOccurrences(of: "|", with: "\\|")) |\n"
      }
      if let list = table.listColumn {
        out +=
          "\nIn JSON, JSON Lines and XML this table is the list column `\(list.name)` of `\(table.recordTable.name)`.\n"
      }
      out += "\n"
    }
    out +=
      "#### PostgreSQL tables for the TSV files\n\nColumn names are quoted because some (`end`) are SQL keywords.\n\n```sql\n"
    for table in TSVLayout.tables {
      let columns = table.columns.map { column -> String in
        let type: String
        switch (column.kind, column.format) {
        case (.integer, _): type = "bigint"
        case (.boolean, _): type = "boolean"
        default: type = "text"
        }
        return "  \"\(column.name)\" \(type)\(column.required ? " NOT NULL" : "")"
      }
      out +=
        "CREATE TABLE \(table.name) (\n" + columns.joined(separator: ",\n")
        + ",\n  PRIMARY KEY (\(table.key.map { "\"\($0)\"" }.joined(separator: ", ")))\n);\n"
    }
    out += "```\n"
    return out
  }

  private static func typeText(_ kind: RecordColumn.Kind, _ format: RecordColumn.Format?) -> String {
    let base: String
    switch kind {
    case .string: base = "string"
    case .integer: base = "integer"
    case .boolean: base = "boolean (`true`/`false`)"
    case .stringList: base = "list of strings"
    }
    switch format {
    case .iso3: return base + ", ISO 3166-1 alpha-3"
    case .sha256: return base + ", SHA-256 hex"
    case .language: return base + ", BCP 47"
    case .date: return base + ", `YYYY-MM-DD`"
    case .dateTime: return base + ", ISO 8601 with offset"
    case .enumeration(let values): return base + ": " + values.map { "`\($0)`" }.joined(separator: ", ")
    case .nonNegative: return base + " ≥ 0"
    case .positive: return base + " ≥ 1"
    case nil: return base
    }
  }
}
