import DossierCore
import Testing

@Suite struct ExportCheckerTests {
  @Test func fixturesAreConsistent() throws {
    try RecordSetChecker.check(ExportFixtures.corpus)
  }

  @Test func danglingReferencesAndDuplicateKeysAreX006() throws {
    var records = ExportFixtures.corpus
    records.participants[0].activityID = "no-such-activity"
    records.quantities[0].setID = "no-such-set"
    records.activities[1].sectionID = "s99"
    records.evidence.append(records.evidence[0])
    let error = #expect(throws: DiagnosticError.self) { try RecordSetChecker.check(records) }
    let messages = (error?.diagnostics ?? []).map(\.message)
    #expect(error?.diagnostics.allSatisfy { $0.code.id == "X006" } == true)
    #expect(messages.contains { $0.contains("activity 'no-such-activity' does not exist") })
    #expect(messages.contains { $0.contains("participant set 'no-such-set' does not exist") })
    #expect(messages.contains { $0.contains("section 's99' does not exist") })
    #expect(messages.contains { $0.contains("two records have this key") })
  }

  @Test func formatViolationsAreX006() throws {
    var records = ExportFixtures.corpus
    records.participants[0].countryISO3 = "Na"
    records.documents[0].sourceSHA256 = "ABC"
    records.activities[0].date?.earliest = "2021-02-30"
    records.documents[0].published = "2021-12-23 18:03:31"
    records.evidence[0].end = 1
    let error = #expect(throws: DiagnosticError.self) { try RecordSetChecker.check(records) }
    let messages = (error?.diagnostics ?? []).map(\.message)
    #expect(messages.contains { $0.contains("ISO 3166-1 alpha-3") && $0.contains("\"Na\"") })
    #expect(messages.contains { $0.contains("SHA-256") })
    #expect(messages.contains { $0.contains("calendar date") && $0.contains("2021-02-30") })
    #expect(messages.contains { $0.contains("date-time with an offset") })
    #expect(
      messages.contains { $0.contains("'end' (1) is before 'start'") || $0.contains("(1) is before 'start'") }
    )
  }

  @Test func hugeIntegerIsX008() throws {
    var records = ExportFixtures.corpus
    records.quantities[0].value = 9_007_199_254_740_993
    let error = #expect(throws: DiagnosticError.self) { try RecordSetChecker.check(records) }
    #expect(error?.diagnostics.map(\.code.id) == ["X008"])
  }

  @Test(arguments: ["", ".hidden", "a/b", "a\\b", "50%", "tab\tid"])
  func unsafeDocumentIDIsX007(id: String) throws {
    var records = ExportFixtures.corpus
    let old = records.documents[1].id
    records.documents[1].id = id
    records.sections = records.sections.map {
      var s = $0; if s.documentID == old { s.documentID = id }; return s
    }
    records.activities = records.activities.map {
      var a = $0; if a.documentID == old { a.documentID = id }; return a
    }
    records.participants = records.participants.map {
      var p = $0; if p.documentID == old { p.documentID = id }; return p
    }
    records.quantities = records.quantities.map {
      var q = $0; if q.documentID == old { q.documentID = id }; return q
    }
    records.evidence = records.evidence.map {
      var e = $0; if e.documentID == old { e.documentID = id }; return e
    }
    let error = #expect(throws: DiagnosticError.self) { try RecordSetChecker.check(records) }
    #expect(error?.diagnostics.map(\.code.id) == ["X007"])
  }

  @Test func participantSetHelpersGatherMembersAndTotals() throws {
    let records = ExportFixtures.corpus
    let set = try #require(records.participantSets.first)
    #expect(records.members(of: set).compactMap(\.countryISO3).sorted() == ["MKD", "NAM"])
    #expect(records.statedTotal(of: set)?.qualifier == .moreThan)
    #expect(records.statedTotal(of: set)?.lower == 31)
    #expect(records.derivedTotals(of: set).map(\.value) == [2])
    #expect(records.derivedTotals(of: set).allSatisfy { $0.derived })
  }
}
