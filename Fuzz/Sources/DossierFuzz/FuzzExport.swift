import DossierCore
import Foundation
import JSONSchema

/// Export rendering on records whose strings come from the input (pieces separated by `0xFF`, a byte
/// UTF-8 never uses; invalid UTF-8 decodes with U+FFFD). Each exporter either refuses with `X…`
/// errors, or writes files that read back to the same records: TSV, JSON Lines, and XML that is
/// well-formed and valid against `dossier-record.xsd` (the reader validates before reading).
enum FuzzExport {
  static func run(_ bytes: [UInt8], environment: FuzzEnvironment) throws(FuzzFailure) {
    let records = self.records(bytes)
    do {
      try RecordSetChecker.check(records, options: environment.exportOptions)
    } catch {
      try onlyExportCodes(error, "check")
      return
    }
    let sorted = records.sorted()
    try roundTrip("tsv", sorted, export: { try TSVExporter().export(records) }, read: TSVRecordReader.read)
    try roundTrip(
      "jsonl", sorted, export: { try JSONLinesExporter().export(records) }, read: JSONRecordReader.readLines)
    try roundTrip(
      "xml", sorted, export: { try RecordXMLExporter(options: environment.exportOptions).export(records) },
      read: { try RecordXMLReader.read($0, schemas: environment.xmlSchemas) })
  }

  private static func onlyExportCodes(_ error: DiagnosticError, _ what: String) throws(FuzzFailure) {
    guard !error.diagnostics.isEmpty, error.diagnostics.allSatisfy({ $0.code.id.hasPrefix("X") }) else {
      throw FuzzFailure("export (\(what)): refused with \(error.diagnostics.map(\.code.id))")
    }
  }

  private static func roundTrip(
    _ format: String, _ sorted: RecordSet, export: () throws -> [ExportFile],
    read: ([ExportFile]) throws -> RecordSet
  ) throws(FuzzFailure) {
    let files: [ExportFile]
    do {
      files = try export()
    } catch let error as DiagnosticError {
      try onlyExportCodes(error, format)
      return
    } catch {
      throw FuzzFailure("export (\(format)): unexpected error \(error)")
    }
    let back: RecordSet
    do {
      back = try read(files)
    } catch {
      throw FuzzFailure("export (\(format)): written files do not read back: \(error)")
    }
    guard back == sorted else {
      throw FuzzFailure("export (\(format)): records changed through the files")
    }
  }

  /// A small record set (one document with a section, an activity, participants, a participant set,
  /// quantities and evidence) whose free-text fields are the input's pieces, in turn.
  static func records(_ bytes: [UInt8]) -> RecordSet {
    var pieces = bytes.split(separator: 0xFF, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    if pieces.isEmpty { pieces = [""] }
    var next = 0
    func text() -> String {
      defer { next += 1 }
      return pieces[next % pieces.count]
    }
    func optional() -> String? {
      let value = text()
      return value.isEmpty ? nil : value
    }
    let id = "fuzz_doc"
    var records = RecordSet()
    records.documents = [
      DocumentRecord(
        id: id, kind: "news_article", title: text(), titleLanguage: "en", publisher: optional(),
        editor: optional(), languages: ["en"], sourceFile: "Input/\(id).txt",
        sourceSHA256: String(repeating: "ab", count: 32), notes: optional())
    ]
    records.sections = [
      SectionRecord(
        documentID: id, id: "s1", ordinal: 1, kind: "paragraph", heading: optional(), language: "en",
        start: 0,
        end: 10, startLine: 1, endLine: 1)
    ]
    records.activities = [
      ActivityRecord(
        documentID: id, id: "a1", sectionID: "s1", type: "exercise", areas: ["joint_exercises_training"],
        name: optional(),
        date: .init(
          edtf: "2021", earliest: "2021-01-01", latest: "2021-12-31", basis: "explicit", raw: optional()),
        locationText: optional(), notes: optional())
    ]
    records.participantSets = [
      ParticipantSet(
        documentID: id, activityID: "a1", id: "set1", role: "participant", completeness: .partial,
        openEndedText: optional(), raw: optional())
    ]
    records.participants = [
      ParticipantRecord(
        documentID: id, activityID: "a1", ordinal: 1, role: "participant", countryISO3: "CHN",
        countryNameEn: "China", organization: optional(), setID: "set1", raw: optional(),
        personName: optional()),
      ParticipantRecord(
        documentID: id, activityID: "a1", ordinal: 2, role: "host", organization: text(), raw: optional()),
    ]
    records.quantities = [
      QuantityRecord(
        documentID: id, activityID: "a1", ordinal: 1, setID: "set1", unit: text(), qualifier: .moreThan,
        value: 30, lower: 31, raw: optional(), evidenceID: "a1.e1")
    ]
    records.evidence = [
      EvidenceRecord(
        documentID: id, activityID: "a1", id: "a1.e1", ordinal: 1, sectionID: "s1", quote: text(), start: 0,
        end: 10, startLine: 1, endLine: 1)
    ]
    return records
  }
}
