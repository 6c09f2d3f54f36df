import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The TSV tables and `datapackage.json` read back through an independent reader, frictionless-py
/// (PyPI, in `.build/python-interop`): `frictionless validate` accepts the package, and every cell it
/// reads equals the record — tabs, newlines, CR, backslashes, leading quotes, `\N` against the empty
/// string. Skipped with a plain NOTE when Python or PyPI is unavailable.
@Suite(.serialized) struct ExportFrictionlessTests {
  /// The export fixtures plus the values the cell encoding must keep apart: a text that is exactly
  /// `\N` in a required column, a text starting with a quote, CRLF, an empty string next to null.
  static var records: RecordSet {
    var records = ExportFixtures.corpus
    let article = ExportFixtures.article
    records.evidence += [
      EvidenceRecord(
        documentID: article, activityID: "h2-zapad", id: "h2-zapad.e2", ordinal: 2, sectionID: "s2.p1",
        quote: "\\N", start: 1100, end: 1102, startLine: 7, endLine: 7),
      EvidenceRecord(
        documentID: article, activityID: "h2-zapad", id: "h2-zapad.e3", ordinal: 3, sectionID: "s2.p1",
        quote: "\"Zapad\" began,\r\nthen\ttabs \\t and \\\\N", start: 1103, end: 1140, startLine: 7,
        endLine: 8),
    ]
    records.participants += [
      ParticipantRecord(
        documentID: article, activityID: "h2-zapad", ordinal: 3, role: "participant", countryISO3: "KAZ",
        countryNameEn: "Kazakhstan", raw: "", personName: "\\N")
    ]
    return records
  }

  /// A tagged cell as `frictionless_read.py` prints it, for a record's value.
  static func tag(_ value: FieldValue, _ column: TSVLayout.Column) -> String {
    switch value {
    case .null: return "N"
    case .integer(let i): return "i:\(i)"
    case .boolean(let b): return "b:\(b)"
    case .list(let items): return "s:" + items.joined(separator: " ")
    case .string(let s):
      switch column.format {
      case .date: return "d:" + s
      case .dateTime: return "d:" + (s.hasSuffix("Z") ? s.dropLast() + "+00:00" : s)
      default:
        // The one value a missing-value list cannot keep apart from null: a text that is exactly `\N`
        // in a column that may be null (docs/exports.md). Required columns declare no missing value.
        if s == TSVLayout.null && !column.required { return "N" }
        return "s:" + s
      }
    }
  }

  /// Every TSV table's cells, tagged, in file order, computed from the records (not from the TSV).
  static func expected(_ records: RecordSet) -> [String: [[String]]] {
    let sorted = records.sorted()
    var tables: [String: [[String]]] = [:]
    for table in TSVLayout.tables {
      var rows: [[String]] = []
      for row in sorted.rows(of: table.recordTable) {
        if let list = table.listColumn {
          guard case .list(let items) = row[list.name] else { continue }
          let parent = table.recordTable.key.enumerated().map {
            tag(row[$0.element], table.columns[$0.offset])
          }
          for (index, item) in items.enumerated() {
            rows.append(parent + ["i:\(index + 1)", "s:" + item])
          }
        } else {
          rows.append(table.columns.map { tag(row[$0.name], $0) })
        }
      }
      tables[table.name] = rows
    }
    return tables
  }

  /// Runs `frictionless validate` and `frictionless_read.py` on `folder/datapackage.json`; `nil` when
  /// frictionless could not be installed.
  static func readThroughFrictionless(_ folder: URL, test: String) throws -> [String: [[String]]]? {
    guard let python = PythonEnvironment.python(with: ["frictionless"], for: test) else { return nil }
    let descriptor = folder.appendingPathComponent("datapackage.json").path
    let frictionless = python.deletingLastPathComponent().appendingPathComponent("frictionless")
    let validation = try CommandRunner.run(frictionless, ["validate", descriptor], in: folder)
    print(validation.stdout.split(separator: "\n").prefix(12).joined(separator: "\n"))
    #expect(validation.exitCode == 0, "frictionless validate: \(validation.stdout.suffix(3000))")
    let script = RepositoryPaths.root.appendingPathComponent("Tests/Interop/frictionless_read.py")
    let read = try CommandRunner.run(python, [script.path, descriptor], in: folder)
    #expect(read.exitCode == 0, "frictionless_read.py: \(read.stderr.suffix(2000))")
    return try JSONDecoder().decode([String: [[String]]].self, from: Data(read.stdout.utf8))
  }

  static func compare(_ actual: [String: [[String]]], _ expected: [String: [[String]]]) {
    #expect(actual.keys.sorted() == expected.keys.sorted())
    for (name, rows) in expected.sorted(by: { $0.key < $1.key }) {
      let read = actual[name] ?? []
      #expect(read.count == rows.count, "\(name): \(read.count) rows read, \(rows.count) expected")
      for (index, (got, want)) in zip(read, rows).enumerated() where got != want {
        Issue.record("\(name) row \(index + 1): frictionless read \(got), the record is \(want)")
      }
    }
  }

  @Test func everyCellReadsBackThroughFrictionless() throws {
    let records = Self.records
    let files = try TSVExporter().export(records)
    #expect(try TSVRecordReader.read(files) == records.sorted(), "Dossier's own reader keeps every value")
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "frictionless-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    for file in files {
      let url = work.appendingPathComponent(file.path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.bytes).write(to: url)
    }
    guard
      let actual = try Self.readThroughFrictionless(
        work.appendingPathComponent("tsv"), test: "the frictionless round trip of the TSV export")
    else { return }
    let expected = Self.expected(records)
    // The cases the encoding exists for are really in the tables.
    #expect(expected["evidence"]?.contains { $0[5] == "s:\\N" } == true)
    #expect(expected["evidence"]?.contains { $0[5].hasPrefix("s:\"Zapad\" began,\r\n") } == true)
    let kazakhstan = try #require(expected["participants"]?.first { $0[4] == "s:KAZ" })
    #expect(kazakhstan[11] == "s:" && kazakhstan[12] == "N", "empty raw, person name exactly \\N")
    #expect(expected["sections"]?.contains { $0[6] == "s:" } == true, "an empty heading")
    Self.compare(actual, expected)
  }

  @Test func theRepositoryExportIsAValidDataPackage() throws {
    let bag = RepositoryPaths.root.appendingPathComponent("Exports/data")
    let jsonl = try FileManager.default.contentsOfDirectory(
      at: bag.appendingPathComponent("jsonl"), includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "jsonl" }.map {
      ExportFile(path: "jsonl/\($0.lastPathComponent)", bytes: Array(try Data(contentsOf: $0)))
    }
    let records = try JSONRecordReader.readLines(jsonl)
    #expect(!records.documents.isEmpty)
    guard
      let actual = try Self.readThroughFrictionless(
        bag.appendingPathComponent("tsv"), test: "frictionless validate of Exports/data/tsv")
    else { return }
    Self.compare(actual, Self.expected(records))
  }
}
