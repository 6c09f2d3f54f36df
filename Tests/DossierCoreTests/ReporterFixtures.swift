import DossierCore

/// A fixed set of diagnostics over small sources that exercise every part of every reporter:
/// Chinese text before the caret, a tab, an end column, a span over two lines, a note with its own
/// location in another file, help, a diagnostic without a location, every severity, and characters
/// that need escaping.
enum ReporterFixtures {
  static let unknownCountry = DiagnosticCode(
    "T001", "unknown country", "A participant names a country that is not in the country vocabulary.")
  static let quoteNotFound = DiagnosticCode(
    "T002", "quote not found", "An evidence quote does not occur in the section it cites.")
  static let inconsistentTotal = DiagnosticCode("T003", "inconsistent total", "")
  static let missingSection = DiagnosticCode(
    "T004", "missing section", "An activity cites a section that the document does not have.")
  static let planned = DiagnosticCode("T005", "planned date", "A date after publication is marked planned.")

  static let yamlA = """
    document: 003_demo
    title: "中国国防部：合作" # 中文, 50% done
    \tcountry: Chnia
    areas: [naval, ai]

    """

  static let yamlB = """
    total: 10
    members: [ALB, DZA,
      AGO]
    """

  static let text = """
    Title line
    中国人民解放军与多国军队开展联合演习。
    """

  static let sources = [
    "Input/a.yaml": yamlA,
    "Input/b.yaml": yamlB,
    "Input/a.txt": text,
  ]

  /// The diagnostics, deliberately out of order.
  static let diagnostics: [Diagnostic] = [
    Diagnostic(
      .note, planned, "date 2031 is after publication but marked planned",
      at: SourceLocation(file: "Input/b.yaml", line: 3, column: 3, endColumn: 6)),
    .error(
      missingSection, "activity act-9 cites section 12, which does not exist", pointer: "/activities/3",
      help: "the document has sections 1 to 7"),
    .error(
      quoteNotFound, "evidence quote \"多国军队\" not found in section 2: 50%, see note",
      at: SourceLocation(file: "Input/a.yaml", line: 2, column: 19, endColumn: 21),
      pointer: "/title",
      notes: [
        Diagnostic.Note(
          "the closest text in the document is here",
          at: SourceLocation(file: "Input/a.txt", line: 2, column: 9, endColumn: 13)),
        Diagnostic.Note("quotes are compared after folding apostrophes and white space"),
      ]),
    .warning(
      inconsistentTotal, "3 members listed, stated total is 10, with\nno qualifier",
      at: SourceLocation(file: "Input/b.yaml", line: 2, column: 10, endLine: 3, endColumn: 7),
      pointer: "/members"),
    .error(
      unknownCountry, "unknown country \"Chnia\"",
      at: SourceLocation(file: "Input/a.yaml", line: 3, column: 11, endColumn: 16),
      pointer: "/country", help: "did you mean \"China\"?"),
  ]

  static let context = ReportContext(sources: sources, useColor: false, toolVersion: "9.9.9-test")
}

/// The example in `docs/reporters.md`; a test checks that the document shows what the reporters print.
enum ReporterDocumentationExample {
  static let unknownCountry = DiagnosticCode(
    "T001", "unknown country", "A participant names a country that is not in the country vocabulary.")
  static let inconsistentTotal = DiagnosticCode(
    "T002", "inconsistent total", "A participant set lists more members than its stated total allows.")

  static let yaml = """
    activities:
      - id: act-3
        participants:
          - country: Chnia
            role: participant
        set: {total: 10, qualifier: exactly, members: 12}

    """

  static let diagnostics: [Diagnostic] = [
    .error(
      unknownCountry, "unknown country \"Chnia\"",
      at: SourceLocation(file: "Input/003_demo.yaml", line: 4, column: 18, endColumn: 23),
      pointer: "/activities/0/participants/0/country", help: "did you mean \"China\"?"),
    .warning(
      inconsistentTotal, "12 members listed under \"exactly 10\"",
      at: SourceLocation(file: "Input/003_demo.yaml", line: 6, column: 10), pointer: "/activities/0/set",
      notes: [
        Diagnostic.Note(
          "the activity starts here", at: SourceLocation(file: "Input/003_demo.yaml", line: 2, column: 5))
      ]),
  ]

  static let context = ReportContext(sources: ["Input/003_demo.yaml": yaml], toolVersion: "0.1.0-dev")
}
