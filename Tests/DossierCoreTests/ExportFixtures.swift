import DossierCore
import DossierTestSupport
import Foundation

/// Hand-built record sets for the export tests: two documents (one bilingual) whose strings exercise
/// every escaping rule — tabs, newlines, CR, backslashes, `\N` look-alikes, quotes, `<&>`, Chinese,
/// astral characters, decomposed accents — and the country code NA (Namibia).
enum ExportFixtures {
  static let tricky =
    "tab\there, line\nbreak, cr\r, back\\slash, \\N, \\\\N, \\t, \"quotes\" 'single' <&> ]]>"

  static let bilingual = "000_ec6a5abef4a65f2a"
  static let article = "003_9ffac5d15d52c637"

  /// The corpus record set (deliberately not in export order).
  static var corpus: RecordSet {
    var records = RecordSet()
    records.documents = [
      DocumentRecord(
        id: article, kind: "news_article",
        title: "2021 highlights of China's military diplomacy: \"7\" & <more>",
        titleLanguage: "en", publisher: "China Military Online", editor: "Li Jiayao",
        published: "2021-12-23T18:03:31+08:00", publishedRaw: "2021-12-23 18:03:31",
        timezoneBasis: "assumed_source_default", languages: ["en"], sourceFile: "Input/\(article).txt",
        annotationFile: "Input/\(article).yaml", sourceSHA256: String(repeating: "ab", count: 32),
        annotationSHA256: String(repeating: "0f", count: 32)),
      DocumentRecord(
        id: bilingual, kind: "definition", title: "International military cooperation", titleLanguage: "en",
        languages: ["en", "zh"], sourceFile: "Input/\(bilingual).txt",
        sourceSHA256: String(repeating: "12", count: 32)),
    ]
    records.sections = [
      SectionRecord(
        documentID: article, id: "s3", ordinal: 4, kind: "numbered_item", number: "3",
        heading: "Anti-pandemic cooperation\twith \\N and \\t", language: "en", start: 1514, end: 2013,
        startLine: 9, endLine: 11),
      SectionRecord(
        documentID: article, id: "s0", ordinal: 1, kind: "title", heading: "", language: "en", start: 0,
        end: 60,
        startLine: 1, endLine: 1),
      SectionRecord(
        documentID: article, id: "s2", ordinal: 3, kind: "numbered_item", number: "2", language: "en",
        start: 787,
        end: 1512, startLine: 6, endLine: 8),
      SectionRecord(
        documentID: article, id: "s2.p1", ordinal: 2, parentID: "s2", kind: "paragraph", language: "en",
        start: 850,
        end: 1512, startLine: 7, endLine: 7),
      SectionRecord(
        documentID: bilingual, id: "s1", ordinal: 1, kind: "title",
        heading: "International military cooperation",
        language: "en", start: 0, end: 34, startLine: 1, endLine: 1),
      SectionRecord(
        documentID: bilingual, id: "s12", ordinal: 2, kind: "translation_block", heading: "国际军事合作",
        language: "zh-Hans", start: 1690, end: 1696, startLine: 12, endLine: 13),
    ]
    records.activities = [
      ActivityRecord(
        documentID: article, id: "h3-vaccines", sectionID: "s3", type: "aid_donation",
        crosswalk: .init(cameo: ["073"], plover: "AID"),
        areas: ["public_security_goods.hadr", "personnel_exchanges"],
        date: .init(
          edtf: "2021-01-01/2021-12-23", earliest: "2021-01-01", latest: "2021-12-23",
          basis: "bounded_by_publication",
          raw: "Since the beginning of this year"),
        locationText: tricky),
      ActivityRecord(
        documentID: article, id: "h2-zapad", sectionID: "s2", type: "exercise",
        crosswalk: .init(ndu: "exercise", cameo: ["062"], plover: "COOPERATE"),
        areas: ["joint_exercises_training"],
        name: "Zapad/Interaction-2021",
        date: .init(
          edtf: "2021", earliest: "2021-01-01", latest: "2021-12-31",
          basis: "inferred_publication_year"),
        locationISO3: "CHN"),
      ActivityRecord(
        documentID: bilingual, id: "def-areas", sectionID: "s12", type: "initiative", areas: [],
        name: "提供维和、护航、人道主义援助救灾等国际公共安全产品 😀",
        date: .init(
          edtf: "2021-11-04/..", earliest: "2021-11-04",
          basis: "explicit"), assertion: "planned"),
    ]
    records.participants = [
      ParticipantRecord(
        documentID: article, activityID: "h3-vaccines", ordinal: 2, role: "recipient", countryISO3: "NAM",
        countryNameEn: "Namibia", countryNameZh: "纳米比亚", sector: "MIL", setID: "h3-recipients", raw: "NA"),
      ParticipantRecord(
        documentID: article, activityID: "h3-vaccines", ordinal: 1, role: "donor", countryISO3: "CHN",
        countryNameEn: "China", countryNameZh: "中国", organization: "PLA", sector: "MIL",
        raw: "the Chinese People's Liberation Army (PLA)"),
      ParticipantRecord(
        documentID: article, activityID: "h3-vaccines", ordinal: 3, role: "recipient", countryISO3: "MKD",
        countryNameEn: "North Macedonia", countryNameZh: "北马其顿", setID: "h3-recipients",
        raw: "Northern Macedonia"),
      ParticipantRecord(
        documentID: article, activityID: "h2-zapad", ordinal: 1, role: "host", countryISO3: "CHN",
        countryNameEn: "China", implicit: true),
      ParticipantRecord(
        documentID: article, activityID: "h2-zapad", ordinal: 2, role: "participant", countryISO3: "RUS",
        countryNameEn: "Russian Federation", countryNameZh: "俄罗斯", sector: "MIL", raw: "The Russian military"),
      ParticipantRecord(
        documentID: bilingual, activityID: "def-areas", ordinal: 1, role: "organizer", organization: tricky,
        raw: "\u{301}e\u{301}te\u{301} \u{2028} \u{7F} ''"),
    ]
    records.participantSets = [
      ParticipantSet(
        documentID: article, activityID: "h3-vaccines", id: "h3-recipients", role: "recipient",
        completeness: .partial,
        openEndedText: "over 30 countries, including")
    ]
    records.quantities = [
      QuantityRecord(
        documentID: article, activityID: "h3-vaccines", ordinal: 2, setID: "h3-recipients", unit: "countries",
        qualifier: .exact, value: 2, derived: true),
      QuantityRecord(
        documentID: article, activityID: "h3-vaccines", ordinal: 1, setID: "h3-recipients", unit: "countries",
        qualifier: .moreThan, value: 30, lower: 31, raw: "over 30 countries", evidenceID: "h3-vaccines.e1"),
      QuantityRecord(
        documentID: article, activityID: "h2-zapad", ordinal: 1, unit: "group first places",
        qualifier: .nearly,
        value: 70, upper: 69, raw: "nearly 70"),
      QuantityRecord(
        documentID: bilingual, activityID: "def-areas", ordinal: 1, unit: "areas", qualifier: .vague, raw: ""),
    ]
    records.evidence = [
      EvidenceRecord(
        documentID: article, activityID: "h3-vaccines", id: "h3-vaccines.e1", ordinal: 1, sectionID: "s3",
        quote: "the Chinese People's Liberation Army (PLA) has provided COVID-19 vaccine assistance to armed "
          + "forces of over 30 countries", start: 1603, end: 1723, startLine: 11, endLine: 11),
      EvidenceRecord(
        documentID: article, activityID: "h2-zapad", id: "h2-zapad.e1", ordinal: 1, sectionID: "s2.p1",
        quote: "The Russian military came to China for the first time\nto participate", start: 996, end: 1065,
        startLine: 7, endLine: 8),
      EvidenceRecord(
        documentID: bilingual, activityID: "def-areas", id: "def-areas.e1", ordinal: 1, sectionID: "s12",
        quote: "提供维和、护航、人道主义援助救灾等国际公共安全产品", start: 1787, end: 1812, startLine: 13, endLine: 13),
    ]
    return records
  }

  /// The XSDs and the catalog of `Schemas/`.
  static func schemaBundle() throws -> XMLSchemaBundle { try ValidateFixtures.schemas().xmlSchemas }

  static func options() throws -> ExportOptions {
    ExportOptions(schemas: try schemaBundle(), softwareAgent: "dossier (tests)")
  }

  /// The files of an export whose path starts with `prefix`.
  static func files(_ files: [ExportFile], under prefix: String) -> [ExportFile] {
    files.filter { $0.path.hasPrefix(prefix) }
  }
}
