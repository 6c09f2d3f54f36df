/// Checks the invariants every exporter relies on before anything is written: unique keys, existing
/// references, column formats, integer range and file-name-safe document ids.
///
/// A failure means the transform produced inconsistent records (a bug), so all problems are reported
/// together as `X006`/`X007`/`X008` errors.
public enum RecordSetChecker {
  /// Throws every problem found; returns normally when the records are consistent.
  public static func check(_ records: RecordSet, options: ExportOptions = ExportOptions())
    throws(DiagnosticError)
  {
    try check(records, rows: RecordRows(records), options: options)
  }

  /// Checks `records`, given with their rows (`RecordRows(records)`, built once by the caller).
  static func check(_ records: RecordSet, rows: RecordRows, options: ExportOptions) throws(DiagnosticError) {
    var problems: [Diagnostic] = []
    let documentIDs = Set(records.documents.map(\.id))

    for document in records.documents {
      if let reason = unsafeFileNameReason(document.id) {
        problems.append(
          .error(
            .unsafeExportPath, "document id '\(document.id)' cannot be used as a file name: \(reason)",
            notes: [Diagnostic.Note("the id comes from \(document.sourceFile)")]))
      }
    }

    for (table, tableRows) in zip(RecordTable.all, rows.tables) {
      var seen: Set<[FieldValue]> = []
      seen.reserveCapacity(tableRows.count)
      let documentColumn = table.index(of: "document_id")
      let isDocuments = table.name == RecordTable.documents.name
      let spans = [("start", "end"), ("start_line", "end_line")].compactMap { pair -> (Int, Int)? in
        guard let start = table.index(of: pair.0), let end = table.index(of: pair.1) else { return nil }
        return (start, end)
      }
      for row in tableRows {
        let key = table.keyIndices.map { row.values[$0] }
        if !seen.insert(key).inserted {
          problems.append(.error(.inconsistentRecords, "\(row.label): two records have this key"))
        }
        formatProblems(row, spans: spans, options: options, into: &problems)
        if !isDocuments, let documentColumn, case .string(let doc) = row.values[documentColumn],
          !documentIDs.contains(doc)
        {
          problems.append(.error(.inconsistentRecords, "\(row.label): document '\(doc)' does not exist"))
        }
      }
    }

    problems += referenceProblems(records)
    if !problems.isEmpty { throw DiagnosticError(problems) }
  }

  /// Why an id is not a safe file name, or `nil` when it is.
  static func unsafeFileNameReason(_ id: String) -> String? {
    if id.isEmpty { return "it is empty" }
    if id.hasPrefix(".") { return "it starts with '.'" }
    for scalar in id.unicodeScalars {
      if scalar == "/" || scalar == "\\" || scalar == "%" { return "it contains '\(scalar)'" }
      if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
        return "it contains the control character U+\(hex(scalar.value))"
      }
    }
    return nil
  }

  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private static func formatProblems(
    _ row: RecordRow, spans: [(Int, Int)], options: ExportOptions, into problems: inout [Diagnostic]
  ) {
    func fail(_ column: RecordColumn, _ message: String, code: DiagnosticCode = .inconsistentRecords) {
      let location = options.locator?(row.reference(column: column.name))
      problems.append(.error(code, "\(row.label): column '\(column.name)' \(message)", at: location))
    }
    for (column, value) in zip(row.table.columns, row.values) {
      switch (column.kind, value) {
      case (_, .null):
        if column.required { fail(column, "must not be null") }
      case (.string, .string(let s)):
        if let format = column.format, let reason = violation(of: format, by: s) { fail(column, reason) }
      case (.integer, .integer(let i)):
        if i.magnitude > UInt(CanonicalJSON.maxExactInteger) {
          fail(column, "holds \(i), beyond ±2^53", code: .integerOutOfRange)
        }
        if column.format == .nonNegative && i < 0 { fail(column, "must be ≥ 0, not \(i)") }
        if column.format == .positive && i < 1 { fail(column, "must be ≥ 1, not \(i)") }
      case (.boolean, .boolean):
        break
      case (.stringList, .list(let items)):
        for item in items {
          if let format = column.format, let reason = violation(of: format, by: item) { fail(column, reason) }
        }
      default:
        fail(column, "holds a value of the wrong kind")
      }
    }
    for (start, end) in spans {
      if case .integer(let s) = row.values[start], case .integer(let e) = row.values[end], s > e {
        fail(row.table.columns[end], "(\(e)) is before '\(row.table.columns[start].name)' (\(s))")
      }
    }
  }

  /// Why a string breaks a column format, or `nil`.
  static func violation(of format: RecordColumn.Format, by value: String) -> String? {
    let bytes = Array(value.utf8)
    func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
    func number(_ range: Range<Int>) -> Int { Int(String(decoding: bytes[range], as: UTF8.self)) ?? -1 }
    func validDate(_ at: Int) -> Bool {
      guard bytes.count >= at + 10, digits(at..<at + 4), bytes[at + 4] == 0x2D, digits(at + 5..<at + 7),
        bytes[at + 7] == 0x2D, digits(at + 8..<at + 10)
      else { return false }
      let year = number(at..<at + 4)
      let month = number(at + 5..<at + 7)
      let day = number(at + 8..<at + 10)
      // Year 0000 is not a year of XML Schema 1.0's xs:date (libxml2 refuses it).
      guard year >= 1, (1...12).contains(month), day >= 1 else { return false }
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
      return day <= lengths[month - 1]
    }
    switch format {
    case .iso3:
      return bytes.count == 3 && bytes.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A })
        ? nil : "must be an ISO 3166-1 alpha-3 code (three capital letters), not \"\(value)\""
    case .sha256:
      return bytes.count == 64
        && bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        ? nil : "must be a SHA-256 digest (64 lowercase hex digits)"
    case .language:
      let parts = value.split(separator: "-", omittingEmptySubsequences: false)
      let ok =
        !parts.isEmpty && (2...8).contains(parts[0].count)
        && parts[0].unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") }
        && parts.dropFirst().allSatisfy { part in
          (1...8).contains(part.count)
            && part.unicodeScalars.allSatisfy {
              ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9")
            }
        }
      return ok ? nil : "must be a BCP 47 language tag, not \"\(value)\""
    case .date:
      return bytes.count == 10 && validDate(0)
        ? nil : "must be a calendar date YYYY-MM-DD from 0001-01-01 on, not \"\(value)\""
    case .dateTime:
      // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
      var ok =
        bytes.count >= 20 && validDate(0) && bytes[10] == UInt8(ascii: "T") && digits(11..<13)
        && bytes[13] == 0x3A && digits(14..<16) && bytes[16] == 0x3A && digits(17..<19)
        && number(11..<13) <= 23 && number(14..<16) <= 59 && number(17..<19) <= 60
      if ok {
        var i = 19
        if i < bytes.count, bytes[i] == 0x2E {
          i += 1
          let start = i
          while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
          ok = i > start
        }
        if ok {
          let rest = Array(bytes[i...])
          if rest == [UInt8(ascii: "Z")] {
            ok = true
          } else if rest.count == 6, rest[0] == 0x2B || rest[0] == 0x2D, rest[3] == 0x3A {
            let h = Int(String(decoding: rest[1..<3], as: UTF8.self)) ?? 99
            let m = Int(String(decoding: rest[4..<6], as: UTF8.self)) ?? 99
            ok =
              h <= 23 && m <= 59 && rest[1...2].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
              && rest[4...5].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
          } else {
            ok = false
          }
        }
      }
      return ok ? nil : "must be an ISO 8601 date-time with an offset, not \"\(value)\""
    case .enumeration(let allowed):
      return allowed.contains(value)
        ? nil : "must be one of \(allowed.joined(separator: ", ")), not \"\(value)\""
    case .nonNegative, .positive:
      return nil
    }
  }

  private static func referenceProblems(_ records: RecordSet) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    // The row is built only for a message: a record's `row` is not free.
    func fail(_ row: @autoclosure () -> RecordRow, _ message: String) {
      problems.append(.error(.inconsistentRecords, "\(row().label): \(message)"))
    }
    let sections = Set(records.sections.map { [$0.documentID, $0.id] })
    let activities = Set(records.activities.map { [$0.documentID, $0.id] })
    let sets = Set(records.participantSets.map { [$0.documentID, $0.activityID, $0.id] })
    let evidence = Set(records.evidence.map { [$0.documentID, $0.id] })
    var activityOwner: [String: String] = [:]
    for activity in records.activities {
      if let other = activityOwner[activity.id], other != activity.documentID {
        fail(activity.row, "activity id is also used in document '\(other)'")
      }
      activityOwner[activity.id] = activity.documentID
      if !sections.contains([activity.documentID, activity.sectionID]) {
        fail(activity.row, "section '\(activity.sectionID)' does not exist")
      }
    }
    for section in records.sections {
      if let parent = section.parentID, !sections.contains([section.documentID, parent]) {
        fail(section.row, "parent section '\(parent)' does not exist")
      }
    }
    func checkActivity(_ row: @autoclosure () -> RecordRow, _ documentID: String, _ activityID: String) {
      if !activities.contains([documentID, activityID]) {
        fail(row(), "activity '\(activityID)' does not exist")
      }
    }
    for p in records.participants {
      checkActivity(p.row, p.documentID, p.activityID)
      if let set = p.setID, !sets.contains([p.documentID, p.activityID, set]) {
        fail(p.row, "participant set '\(set)' does not exist in activity '\(p.activityID)'")
      }
    }
    for s in records.participantSets { checkActivity(s.row, s.documentID, s.activityID) }
    for q in records.quantities {
      checkActivity(q.row, q.documentID, q.activityID)
      if let set = q.setID, !sets.contains([q.documentID, q.activityID, set]) {
        fail(q.row, "participant set '\(set)' does not exist in activity '\(q.activityID)'")
      }
      if let e = q.evidenceID, !evidence.contains([q.documentID, e]) {
        fail(q.row, "evidence '\(e)' does not exist")
      }
    }
    var evidenceOwner: Set<[String]> = []
    for e in records.evidence {
      checkActivity(e.row, e.documentID, e.activityID)
      if !sections.contains([e.documentID, e.sectionID]) {
        fail(e.row, "section '\(e.sectionID)' does not exist")
      }
      if !evidenceOwner.insert([e.documentID, e.id]).inserted { fail(e.row, "evidence id is used twice") }
    }
    for t in records.terms where !sections.contains([t.documentID, t.sectionID]) {
      fail(t.row, "section '\(t.sectionID)' does not exist")
    }
    for a in records.activities {
      if let parent = a.partOf, !activities.contains([a.documentID, parent]) {
        fail(a.row, "part_of activity '\(parent)' does not exist in document '\(a.documentID)'")
      }
    }
    return problems
  }
}
