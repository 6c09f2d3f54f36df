/// Reads the TSV tables back into records, with the documented quoting (`TSVLayout.parse`): fields split
/// on TAB, records on LF, a field between `"` may hold TAB, LF, CR and doubled quotes, an unquoted `\N`
/// is null (a quoted `"\N"` is the text). Independent of the writer; every problem is an `X005` error at
/// file:line:column.
public enum TSVRecordReader {
  /// Reads TSV files; each file's name (`…/participants.tsv`) selects its table. Files other than
  /// `.tsv` (such as `datapackage.json`) are ignored.
  public static func read(_ files: [ExportFile]) throws(DiagnosticError) -> RecordSet {
    var problems: [Diagnostic] = []
    var rowsByTable: [String: [RecordRow]] = [:]
    var listItems: [String: [String: [(Int, String)]]] = [:]  // list table → parent key → items
    var tablesRead: [String: String] = [:]

    for file in files {
      guard let stem = JSONRecordReader.fileStem(file.path, extension: ".tsv") else { continue }
      guard let table = TSVLayout.tables.first(where: { $0.name == stem }) else {
        problems.append(JSONRecordReader.unreadable(file.path, line: 1, "no TSV table is named '\(stem)'"))
        continue
      }
      tablesRead[table.name] = file.path
      guard let text = String(validating: file.bytes, as: UTF8.self) else {
        problems.append(JSONRecordReader.unreadable(file.path, line: 1, "the file is not valid UTF-8"))
        continue
      }
      let records: [TSVLayout.Record]
      switch TSVLayout.parse(text) {
      case .success(let parsed): records = parsed
      case .failure(let error):
        problems.append(
          JSONRecordReader.unreadable(file.path, line: error.line, column: error.column, error.message))
        continue
      }
      let header = table.columns.map(\.name)
      guard let first = records.first, first.cells.map(\.text) == header,
        !first.cells.contains(where: \.quoted)
      else {
        problems.append(
          JSONRecordReader.unreadable(
            file.path, line: 1, "the header must be exactly: \(header.joined(separator: " TAB "))"))
        continue
      }
      for record in records.dropFirst() {
        let lineNumber = record.line
        let cells = record.cells
        guard cells.count == table.columns.count else {
          problems.append(
            JSONRecordReader.unreadable(
              file.path, line: lineNumber, "expected \(table.columns.count) fields, found \(cells.count)"))
          continue
        }
        var values: [String: FieldValue] = [:]
        var failed = false
        for (cell, definition) in zip(cells, table.columns) {
          switch decode(cell, definition) {
          case .success(let value): values[definition.name] = value
          case .failure(let message):
            problems.append(
              JSONRecordReader.unreadable(
                file.path, line: cell.line, column: cell.column, "column '\(definition.name)': \(message)"))
            failed = true
          }
        }
        if failed { continue }
        if let list = table.listColumn, let valueColumn = list.listTable?.valueColumn {
          let parent = table.recordTable.key.map { keyText(values[$0] ?? .null) }.joined(separator: "\t")
          guard case .integer(let ordinal) = values[table.itemOrdinalColumn ?? "ordinal"] ?? .null,
            case .string(let item) = values[valueColumn] ?? .null
          else { continue }
          listItems[table.name, default: [:]][parent, default: []].append((ordinal, item))
        } else {
          var row = RecordRow(table: table.recordTable, cells: values)
          for listColumn in table.recordTable.listColumns { row[listColumn.name] = .list([]) }
          rowsByTable[table.recordTable.name, default: []].append(row)
        }
      }
    }

    var records = RecordSet()
    for table in TSVLayout.tables where table.listColumn == nil {
      for var row in rowsByTable[table.name] ?? [] {
        for listTable in TSVLayout.tables where listTable.recordTable.name == table.name {
          guard let list = listTable.listColumn else { continue }
          let parent = table.key.map { keyText(row[$0]) }.joined(separator: "\t")
          let items = (listItems[listTable.name]?[parent] ?? []).sorted { $0.0 < $1.0 }
          if items.map(\.0) != (0..<items.count).map({ $0 + 1 }) {
            problems.append(
              JSONRecordReader.unreadable(
                tablesRead[listTable.name] ?? listTable.name, line: 1,
                "\(row.label): ordinals of \(list.name) must run 1, 2, 3, … without gaps"))
          }
          row[list.name] = .list(items.map(\.1))
          listItems[listTable.name]?[parent] = nil
        }
        do throws(RecordRowError) {
          try records.append(row)
        } catch {
          problems.append(
            JSONRecordReader.unreadable(
              tablesRead[table.name] ?? table.name, line: 1, "\(row.label): \(error)"))
        }
      }
    }
    for (listTable, orphans) in listItems.sorted(by: { $0.key < $1.key }) where !orphans.isEmpty {
      problems.append(
        JSONRecordReader.unreadable(
          tablesRead[listTable] ?? listTable, line: 1, "\(orphans.count) list row group(s) have no parent row"
        ))
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return records.sorted()
  }

  private enum Decoded {
    case success(FieldValue)
    case failure(String)
  }

  private static func keyText(_ value: FieldValue) -> String {
    switch value {
    case .string(let s): return s
    case .integer(let i): return String(i)
    default: return ""
    }
  }

  private static func decode(_ field: TSVLayout.Cell, _ column: TSVLayout.Column) -> Decoded {
    if field.isNull {
      return column.required ? .failure("null (\\N) in a required column") : .success(.null)
    }
    let cell = field.text[...]
    switch column.kind {
    case .string, .stringList:
      return .success(.string(field.text))
    case .integer:
      let digits = cell.hasPrefix("-") ? cell.dropFirst() : cell
      guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
        digits == "0" || !digits.hasPrefix("0"), let value = Int(cell)
      else { return .failure("'\(cell)' is not an integer") }
      return .success(.integer(value))
    case .boolean:
      switch cell {
      case "true": return .success(.boolean(true))
      case "false": return .success(.boolean(false))
      default: return .failure("'\(cell)' is not true or false")
      }
    }
  }
}
