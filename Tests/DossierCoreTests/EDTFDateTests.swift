import DossierCore
import Testing

@Suite struct EDTFDateTests {
  @Test(arguments: [
    ("2021", 0, "2021-01-01", "2021-12-31"),
    ("2020-02", 0, "2020-02-01", "2020-02-29"),
    ("2021-11-04", 0, "2021-11-04", "2021-11-04"),
    ("2021-12-23T18:03:31+08:00", 0, "2021-12-23", "2021-12-23"),
    ("2021-12-23T10:03:31Z", 0, "2021-12-23", "2021-12-23"),
    ("2021-08-23/2021-09-04", 0, "2021-08-23", "2021-09-04"),
    ("2021-01-01/2021-12-23", 0, "2021-01-01", "2021-12-23"),
    ("2021?", 1, "2021-01-01", "2021-12-31"),
    ("2021-11~", 1, "2021-11-01", "2021-11-30"),
    ("2021-11-04%", 1, "2021-11-04", "2021-11-04"),
    ("202X", 1, "2020-01-01", "2029-12-31"),
    ("20XX", 1, "2000-01-01", "2099-12-31"),
    ("2021-XX", 1, "2021-01-01", "2021-12-31"),
    ("2021-02-XX", 1, "2021-02-01", "2021-02-28"),
    ("2021-21", 1, "2021-03-01", "2021-05-31"),
    ("2021-24", 1, "2021-12-01", "2022-02-28"),
    ("-0044", 1, "-0044-01-01", "-0044-12-31"),
  ])
  func parsesDatesWithBounds(_ text: String, _ level: Int, _ earliest: String, _ latest: String) throws {
    let date = try EDTFDate(parsing: text)
    #expect(date.level == level)
    #expect(date.earliest?.description == earliest)
    #expect(date.latest?.description == latest)
  }

  @Test func openAndUnknownIntervalEnds() throws {
    let open = try EDTFDate(parsing: "2021-11-04/..")
    #expect(open.isInterval && open.level == 1)
    #expect(open.earliest?.description == "2021-11-04")
    #expect(open.latest == nil)
    let unknown = try EDTFDate(parsing: "2021-11-04/")
    #expect(unknown.latest == nil)
    let unknownStart = try EDTFDate(parsing: "/2021-11-04")
    #expect(unknownStart.earliest == nil)
    #expect(unknownStart.latest?.description == "2021-11-04")
    let long = try EDTFDate(parsing: "Y170000002")
    #expect(long.level == 1 && long.earliest == nil)
  }

  @Test(arguments: [
    "", "21", "2021-13", "2021-02-30", "2019-02-29", "2021-1-4", "2021/2020", "2021-12-01/2021-11-01",
    "../..", "/",
    "2021-11-04T25:00:00", "2021-11-04T10:00", "2021T10:00:00", "2X21", "2021-XX-04", "Y2021",
    "2021-11-04/2021/2022",
    "twenty", "2021-25", "2021-21-01", "-0000", "2021-11-04T10:00:00+8",
  ])
  func rejectsInvalidDates(_ text: String) {
    #expect(throws: EDTFError.self) { try EDTFDate(parsing: text) }
  }
}
