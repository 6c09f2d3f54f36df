import JSONSchema

/// Reads JSON exports back into records: JSON Lines table files (`<table>.jsonl`) and per-document
/// JSON files. Independent of the writers; every problem is an `X005` error at file:line.
public enum JSONRecordReader {
  /// Reads JSON Lines files; each file's name (`…/activities.jsonl`) selects its table.
  public static func readLines(_ files: [ExportFile]) throws(DiagnosticError) -> RecordSet {
    var records = RecordSet()
    var problems: [Diagnostic] = []
    for file in files {
      let name = fileStem(file.path, extension: ".jsonl")
      guard let table = name.flatMap(RecordTable.named) else {
        problems.append(unreadable(file.path, line: 1, "no record table is named after this file"))
        continue
      }
      if !file.bytes.isEmpty && file.bytes.last != 0x0A {
        problems.append(unreadable(file.path, line: lineCount(file.bytes), "the last line has no line feed"))
      }
      var lineNumber = 0
      for line in file.bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
        lineNumber += 1
        do {
          if let problem = byteOrderMark(line, file.path, line: lineNumber) {
            problems.append(problem)
            continue
          }
          let value = try reader.read(line)
          try records.append(try RecordRow(table: table, json: value))
        } catch let failure as JSONReadError {
          problems.append(unreadable(file.path, failure, firstLine: lineNumber))
        } catch let error as RecordRowError {
          problems.append(unreadable(file.path, line: lineNumber, error.description))
        } catch {
          problems.append(unreadable(file.path, line: lineNumber, "\(error)"))
        }
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return records.sorted()
  }

  /// Reads per-document JSON files (`json/<document>.json`).
  public static func readDocuments(_ files: [ExportFile]) throws(DiagnosticError) -> RecordSet {
    var records = RecordSet()
    var problems: [Diagnostic] = []
    for file in files {
      do {
        if let problem = byteOrderMark(file.bytes, file.path, line: 1) {
          problems.append(problem)
          continue
        }
        let value = try reader.read(file.bytes)
        guard case .object(let object) = value else {
          throw RecordRowError(column: "(file)", expected: "an object")
        }
        let known = Set(["schema", "document"] + RecordTable.all.map(\.name))
        if let stray = object.keys.first(where: { !known.contains($0) }) {
          throw RecordRowError(column: stray, expected: "nothing: unknown member")
        }
        guard object["schema"] == .string(JSONExporter.schemaID) else {
          throw RecordRowError(column: "schema", expected: "\"\(JSONExporter.schemaID)\"")
        }
        for table in RecordTable.all {
          if table.name == RecordTable.documents.name {
            try records.append(try RecordRow(table: table, json: object["document"] ?? .null))
            continue
          }
          guard case .array(let rows) = object[table.name] ?? .null else {
            throw RecordRowError(column: table.name, expected: "an array")
          }
          for row in rows { try records.append(try RecordRow(table: table, json: row)) }
        }
      } catch let failure as JSONReadError {
        problems.append(unreadable(file.path, failure, firstLine: 1))
      } catch let error as RecordRowError {
        problems.append(unreadable(file.path, line: 1, error.description))
      } catch {
        problems.append(unreadable(file.path, line: 1, "\(error)"))
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return records.sorted()
  }

  /// The strict RFC 8259 reader: duplicate keys, trailing commas and the like are errors.
  private static let reader = JSONReader()

  /// Exports are written without a byte order mark; one (which `JSONReader` would skip) is an error.
  private static func byteOrderMark(_ bytes: some Collection<UInt8>, _ file: String, line: Int) -> Diagnostic?
  {
    guard bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
    return unreadable(file, line: line, "a byte order mark: exports are UTF-8 without one")
  }

  /// An `X005` for a JSON syntax error in text whose first line is line `firstLine` of the file.
  private static func unreadable(_ file: String, _ error: JSONReadError, firstLine: Int) -> Diagnostic {
    var message = error.message
    if let key = error.duplicateKey, let first = error.relatedPosition {
      message =
        "duplicate key '\(key)' (first defined at line \(first.line + firstLine - 1), column \(first.column))"
    }
    return unreadable(file, line: error.line + firstLine - 1, column: error.column, message)
  }

  static func fileStem(_ path: String, extension ext: String) -> String? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard name.hasSuffix(ext) else { return nil }
    return String(name.dropLast(ext.count))
  }

  static func lineCount(_ bytes: [UInt8]) -> Int { bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }

  static func unreadable(_ file: String, line: Int, column: Int = 1, _ message: String) -> Diagnostic {
    .error(.exportUnreadable, message, at: SourceLocation(file: file, line: line, column: column))
  }
}
