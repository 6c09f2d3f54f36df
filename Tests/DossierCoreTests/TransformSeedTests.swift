import DossierCore
import DossierTestSupport
import Foundation
import JSONSchema
import Testing

/// The transform of the seed corpus: the facts docs/exports.md promises, checked on the records.
@Suite struct TransformSeedTests {
  static let article = "003_9ffac5d15d52c637"
  static let definition = "000_ec6a5abef4a65f2a"

  /// The seed corpus validated and transformed (each document on its own), by document id.
  static func transformed(
    _ given: [String: CorpusDocumentInput]? = nil
  ) async throws -> [String: (ValidatedDocument, RecordSet)] {
    let validator = try #require(ValidateFixtures.validator)
    let corpus = try given ?? ValidateFixtures.seedCorpus()
    let validation = await validator.validate(Array(corpus.values))
    try #require(validation.isValid, "\(validation.diagnostics.map(\.message))")
    let transformer = RecordTransformer(vocabularies: try #require(validator.vocabularies))
    var out: [String: (ValidatedDocument, RecordSet)] = [:]
    for document in validation.documents {
      let input = try #require(corpus[document.id])
      let records = try transformer.transform(
        document,
        files: RecordTransformer.Files(
          sourceFile: "Input/\(document.id).txt", annotationFile: "Input/\(document.id).yaml",
          annotationBytes: input.annotation?.bytes))
      out[document.id] = (document, records)
    }
    return out
  }

  @Test func highlightThreeSetHasItsMembersTotalAndCompleteness() async throws {
    let (_, records) = try #require(try await Self.transformed()[Self.article])
    let set = try #require(records.participantSets.first { $0.activityID == "003-h3-vaccines" })
    #expect(set.completeness == .partial)
    #expect(set.memberKind == "country")
    #expect(set.raw == "armed forces of over 30 countries")
    let members = records.members(of: set)
    #expect(members.count == 26)
    #expect(members.allSatisfy { $0.role == "recipient" && $0.setID == set.id && $0.sector == "MIL" })
    let codes = members.compactMap(\.countryISO3)
    #expect(codes.count == 26)
    #expect(codes.prefix(3) == ["PAK", "KHM", "PHL"])
    #expect(codes.contains("MKD") && codes.contains("COG") && codes.contains("GIN") && codes.contains("GNQ"))
    let macedonia = try #require(members.first { $0.countryISO3 == "MKD" })
    #expect(macedonia.raw == "Northern Macedonia")
    #expect(macedonia.countryNameEn == "North Macedonia")
    #expect(macedonia.countryNameZh == "北马其顿")
    let total = try #require(records.statedTotal(of: set))
    #expect(total.qualifier == .moreThan)
    #expect(total.value == 30 && total.lower == 31 && total.upper == nil)
    #expect(total.raw == "over 30 countries")
    #expect(total.derived == false)
    #expect(total.evidenceID == "003-h3-vaccines.e1")
    let derived = records.derivedTotals(of: set)
    #expect(derived.count == 1)
    #expect(derived.first?.value == 26 && derived.first?.derived == true)
  }

  @Test func nearlySeventyHasUpperBoundSixtyNine() async throws {
    let (_, records) = try #require(try await Self.transformed()[Self.article])
    let total = try #require(
      records.quantities.first { $0.activityID == "003-h1-museum-visit" && !$0.derived })
    #expect(total.qualifier == .nearly)
    #expect(total.value == 70 && total.lower == nil && total.upper == 69)
    let vague = try #require(
      records.quantities.first { $0.activityID == "003-h1-congratulations" && !$0.derived })
    #expect(vague.qualifier == .vague && vague.value == nil && vague.lower == nil && vague.upper == nil)
  }

  @Test func highlightSixHasSixStatedQuantitiesAndDerivedTotals() async throws {
    let (_, records) = try #require(try await Self.transformed()[Self.article])
    let quantities = records.quantities.filter { $0.activityID == "003-h6-army-games" }
    let stated = quantities.filter { !$0.derived }
    #expect(stated.count == 6)
    #expect(stated.map(\.value) == [3, 8, 7, 21, 15, 12])
    #expect(stated.first?.dimensions == ["place=1", "team=group"])
    let derived = quantities.filter(\.derived)
    #expect(!derived.isEmpty)
    #expect(derived.allSatisfy { $0.raw == nil && $0.dimensions.contains("derived=sum") })
    func total(_ dimensions: [String]) -> Int? {
      derived.first { $0.dimensions == (dimensions + ["derived=sum"]).sorted() }?.value
    }
    #expect(total([]) == 66)
    #expect(total(["team=group"]) == 18)
    #expect(total(["team=individual"]) == 48)
    #expect(total(["place=1"]) == 24)
    // Ordinals are 1…n without gaps, stated first.
    #expect(quantities.map(\.ordinal) == Array(1...quantities.count))
    #expect(quantities.prefix(6).allSatisfy { !$0.derived })
  }

  @Test func publicationTimeKeepsOffsetAndRawText() async throws {
    let (_, records) = try #require(try await Self.transformed()[Self.article])
    let document = try #require(records.documents.first)
    #expect(document.published == "2021-12-23T18:03:31+08:00")
    #expect(document.publishedRaw == "2021-12-23 18:03:31")
    #expect(document.timezoneBasis == "assumed_source_default")
    #expect(document.publisher == "China Military Online")
    #expect(document.editor == "Li Jiayao")
    #expect(document.sourceFile == "Input/\(Self.article).txt")
    let bytes = try Data(contentsOf: RepositoryPaths.input.appendingPathComponent("\(Self.article).yaml"))
    #expect(document.annotationSHA256 == BagItPackager.sha256Hex([UInt8](bytes)))
    let text = try Data(contentsOf: RepositoryPaths.input.appendingPathComponent("\(Self.article).txt"))
    #expect(document.sourceSHA256 == BagItPackager.sha256Hex([UInt8](text)))
  }

  @Test func evidenceSpansSliceTheSourceTextExactly() async throws {
    let transformed = try await Self.transformed()
    var checked = 0
    for (validated, records) in transformed.values {
      let source = validated.annotated.ingested.source
      let scalars = Array(source.text.unicodeScalars)
      for evidence in records.evidence {
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[evidence.start..<evidence.end])
        #expect(String(slice) == evidence.quote)
        #expect(source.lineIndex.line(containing: evidence.start) == evidence.startLine)
        #expect(evidence.endLine >= evidence.startLine)
        let section = try #require(records.sections.first { $0.id == evidence.sectionID })
        #expect(section.start <= evidence.start && evidence.start < section.end)
        checked += 1
      }
      for term in records.terms {
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[term.start..<term.end])
        #expect(String(slice) == term.quote)
        checked += 1
      }
    }
    #expect(checked > 50)
  }

  @Test func datesCountriesCrosswalkAndCodedFieldsArePresent() async throws {
    let (_, records) = try #require(try await Self.transformed()[Self.article])
    let zapad = try #require(records.activities.first { $0.id == "003-h2-zapad" })
    #expect(zapad.crosswalk.cameo == ["062"])
    #expect(zapad.crosswalk.plover == "COOPERATE")
    #expect(zapad.crosswalk.ndu == "military_exercise")
    #expect(
      zapad.date?.edtf == "2021" && zapad.date?.earliest == "2021-01-01" && zapad.date?.latest == "2021-12-31"
    )
    #expect(zapad.locationISO3 == "CHN" && zapad.locationText == "came to China")
    #expect(zapad.namedEvent == "zapad-interaction-2021")
    #expect(zapad.firstOfKind == "came to China for the first time")
    #expect(zapad.sectionID == "s2")
    let russia = try #require(
      records.participants.first { $0.activityID == "003-h2-zapad" && $0.ordinal == 1 })
    #expect(russia.countryISO3 == "RUS" && russia.countryNameEn == "Russian Federation")
    #expect(russia.countryNameZh == "俄罗斯")
    let games = try #require(records.activities.first { $0.id == "003-h6-army-games" })
    #expect(games.date?.earliest == "2021-08-23" && games.date?.latest == "2021-09-04")
    #expect(games.name == "International Army Games 2021")
    let forum = try #require(records.activities.first { $0.id == "003-h7-military-medicine-forum" })
    #expect(
      forum.date?.edtf == "2021-11-04/" && forum.date?.earliest == "2021-11-04" && forum.date?.latest == nil)
    #expect(forum.modes == ["video"] && forum.locationPlace == "Beijing")
    let asean = try #require(records.activities.first { $0.id == "003-h4-china-asean" })
    #expect(asean.editionOrdinal == 12 && asean.editionRaw == "12th")
    let wei = try #require(
      records.participants.first { $0.activityID == "003-h4-china-asean" && $0.ordinal == 1 })
    #expect(wei.personName == "Wei Fenghe")
    #expect(wei.personTitles == ["State Councilor", "Defense Minister", "General"])
    let hosted = try #require(records.activities.first { $0.id == "003-h6-hosted-competitions" })
    #expect(hosted.partOf == "003-h6-army-games")
    // The quote typed with ' is stored as printed, with the text's U+2019.
    let meeting = try #require(
      records.participants.first { $0.activityID == "003-h2-meeting" && $0.ordinal == 1 })
    #expect(meeting.raw == "Leaders of China\u{2019}s CMC")
    #expect(meeting.organization == "CMC")
  }

  @Test func definitionTermsCarryBothLanguages() async throws {
    let (_, records) = try #require(try await Self.transformed()[Self.definition])
    #expect(records.activities.isEmpty)
    #expect(records.terms.count == 20)
    let hadr = records.terms.filter { $0.term == "public_security_goods.hadr" }
    #expect(hadr.map(\.language) == ["en", "zh"])
    #expect(hadr.last?.quote == "人道主义援助救灾")
    #expect(hadr.allSatisfy { $0.item == 7 && $0.vocabulary == "cooperation-areas" })
    let document = try #require(records.documents.first)
    #expect(document.kind == "definition" && document.languages == ["en", "zh"])
    #expect(document.notes?.contains("主要方式包括") == true)
  }

  /// Everything the transform produces satisfies `records.schema.json` and the exporters' checks.
  @Test func recordsSatisfyTheRecordsSchemaAndTheChecker() async throws {
    let transformed = try await Self.transformed()
    let all = RecordSet.merging(transformed.values.map(\.1))
    try RecordSetChecker.check(all)
    let schemaBytes = try Data(
      contentsOf: RepositoryPaths.schemas.appendingPathComponent("records.schema.json"))
    let validator = try SchemaValidator(
      schema: try JSONReader().read([UInt8](schemaBytes)), options: ValidationOptions(formatAssertion: true))
    for (id, (_, records)) in transformed {
      let files = try JSONExporter().export(records)
      let value = try JSONReader().read(try #require(files.first).bytes)
      let result = validator.validate(value)
      #expect(result.isValid, "\(id): \(result.errors.prefix(3))")
    }
  }
}
