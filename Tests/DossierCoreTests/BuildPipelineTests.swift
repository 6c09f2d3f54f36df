import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The whole pipeline as values: seed corpus in, bag out; the bag reads back to the transformed
/// records, its XML validates, its manifests verify, and errors stop the export.
@Suite struct BuildPipelineTests {
  static func pipeline() throws -> BuildPipeline { try ValidateFixtures.schemas().buildPipeline() }

  static func seedBag(jobs: Int = 2) async throws -> [ExportFile] {
    let result = try await pipeline().build(
      Array(try ValidateFixtures.seedCorpus().values), options: BuildPipeline.Options(jobs: jobs))
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    return try #require(result.files)
  }

  /// The payload files of one format folder, with paths relative to `data/`.
  static func payload(_ files: [ExportFile], _ folder: String) -> [ExportFile] {
    files.filter { $0.path.hasPrefix("data/\(folder)/") }.map {
      ExportFile(path: String($0.path.dropFirst("data/".count)), bytes: $0.bytes)
    }
  }

  @Test func seedBagReadsBackToTheTransformedRecords() async throws {
    let files = try await Self.seedBag()
    let transformed = try await TransformSeedTests.transformed()
    let expected = RecordSet.merging(transformed.values.map(\.1))
    #expect(expected.documents.count == 2)
    #expect(try JSONRecordReader.readLines(Self.payload(files, "jsonl")) == expected)
    #expect(try JSONRecordReader.readDocuments(Self.payload(files, "json")) == expected)
    #expect(
      try TSVRecordReader.read(Self.payload(files, "tsv").filter { $0.path.hasSuffix(".tsv") }) == expected)
    #expect(
      try RecordXMLReader.read(Self.payload(files, "xml"), schemas: try ValidateFixtures.schemas().xmlSchemas)
        == expected)
  }

  @Test func everyXMLFileValidatesWithLibXML2() async throws {
    let files = try await Self.seedBag()
    let bundle = try ValidateFixtures.schemas().xmlSchemas
    let record = try XMLSchemaValidator(bundle: bundle, schemaPath: XMLSchemaBundle.recordSchemaPath)
    let dc = try XMLSchemaValidator(bundle: bundle, schemaPath: XMLSchemaBundle.dublinCoreSchemaPath)
    let xml = files.filter { $0.path.hasPrefix("data/xml/") }
    let oai = files.filter { $0.path.hasPrefix("data/oai_dc/") }
    #expect(xml.count == 2 && oai.count == 2)
    for file in xml { #expect(record.validate(file.bytes, fileName: file.path).isEmpty) }
    for file in oai { #expect(dc.validate(file.bytes, fileName: file.path).isEmpty) }
  }

  @Test func manifestsVerify() async throws {
    let files = try await Self.seedBag()
    try BagVerification.verify(files)
  }

  @Test func outputDoesNotDependOnJobs() async throws {
    let one = try await Self.seedBag(jobs: 1)
    let two = try await Self.seedBag(jobs: 2)
    let eight = try await Self.seedBag(jobs: 8)
    #expect(one == two && two == eight)
  }

  @Test func anErrorInOneDocumentStopsTheWholeExport() async throws {
    var corpus = try ValidateFixtures.seedCorpus()
    var input = try #require(corpus[TransformSeedTests.article])
    var text = try #require(input.annotation).text
    text = text.replacingOccurrences(of: "country: Russia\n", with: "country: Rusia\n")
    input.annotation?.bytes = Array(text.utf8)
    corpus[input.id] = input
    let result = try await Self.pipeline().build(Array(corpus.values))
    #expect(result.files == nil)
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(!errors.isEmpty)
    #expect(errors.allSatisfy { $0.location?.file == "Input/\(TransformSeedTests.article).yaml" })
  }

  /// An activity id used twice in one document is the corpus-wide duplicate error (V012) at the second
  /// use, as `validate` reports it, and nothing else: the document's records are not rendered, so no
  /// "records inconsistent" (X006) internal error echoes it.
  @Test func anActivityIDUsedTwiceIsV012Only() async throws {
    var corpus = try ValidateFixtures.seedCorpus()
    var input = try #require(corpus[TransformSeedTests.article])
    var text = try #require(input.annotation).text
    text = text.replacingOccurrences(
      of: "  - id: 003-h1-museum-visit\n", with: "  - id: 003-h1-congratulations\n")
    input.annotation?.bytes = Array(text.utf8)
    corpus[input.id] = input
    let result = try await Self.pipeline().build(Array(corpus.values))
    #expect(result.files == nil)
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [.semanticDuplicateID], "\(errors.map { "\($0.code.id) \($0.message)" })")
    #expect(errors.first?.location?.line == 50)
    let validator = try #require(ValidateFixtures.validator)
    let validated = await validator.validate(Array(corpus.values))
    #expect(validated.diagnostics.filter { $0.severity == .error }.map(\.code) == [.semanticDuplicateID])
  }

  @Test func strictTurnsAMissingAnnotationIntoAFailure() async throws {
    var corpus = try ValidateFixtures.seedCorpus()
    corpus["zz_extra"] = CorpusDocumentInput(
      id: "zz_extra",
      text: CorpusFile(path: "Input/zz_extra.txt", bytes: Array("Title\n\nBody text.\n".utf8)),
      annotation: nil)
    let lenient = try await Self.pipeline().build(Array(corpus.values))
    #expect(lenient.files != nil)
    #expect(lenient.diagnostics.contains { $0.severity == .warning })
    let strict = try await Self.pipeline().build(
      Array(corpus.values), options: BuildPipeline.Options(strict: true))
    #expect(strict.files == nil)
  }
}

/// Recomputes every SHA-256 of a bag's manifests.
enum BagVerification {
  struct Mismatch: Error, CustomStringConvertible {
    var description: String
  }

  static func verify(_ files: [ExportFile]) throws {
    let byPath = Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
    let manifest = try #require(byPath["manifest-sha256.txt"])
    let tagManifest = try #require(byPath["tagmanifest-sha256.txt"])
    var listed: Set<String> = []
    for (name, bytes) in [("manifest", manifest), ("tagmanifest", tagManifest)] {
      for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
        let parts = line.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[1].hasPrefix(" ") else {
          throw Mismatch(description: "\(name): bad line \(line)")
        }
        let path = String(parts[1].dropFirst())
        guard let content = byPath[path] else { throw Mismatch(description: "\(name) lists missing \(path)") }
        guard BagItPackager.sha256Hex(content) == parts[0] else {
          throw Mismatch(description: "\(name): SHA-256 of \(path) differs")
        }
        listed.insert(path)
      }
    }
    let payload = files.filter { $0.path.hasPrefix("data/") }
    #expect(payload.allSatisfy { listed.contains($0.path) })
    #expect(listed.isSuperset(of: ["bagit.txt", "bag-info.txt", "manifest-sha256.txt"]))
    let info = String(decoding: try #require(byPath["bag-info.txt"]), as: UTF8.self)
    let octets = payload.reduce(0) { $0 + $1.bytes.count }
    #expect(info.contains("Payload-Oxum: \(octets).\(payload.count)\n"))
  }
}

/// A document whose text holds what TSV, JSON and XML must carry unchanged: a tab, a backslash, a
/// `\N` look-alike, quotes, Chinese text, and a participant written `NA` (Namibia).
@Suite struct BuildPipelineTrickyTextTests {
  static let text = """
    Tricky \\N "title" for round trips

    1. Meeting of delegates
    Delegates of NA met\tthe back\\slash team on "day \\N" in 2021; 中国代表团 attended the meeting.

    """

  static let annotation = """
    kind: news_article
    metadata:
      languages: [en]
    activities:
      - id: 900-a1-meeting
        section: 1
        type: senior_meeting
        areas: [security_dialogue]
        date: {edtf: "2021", basis: inferred_publication_year}
        participants:
          - {country: Namibia, role: counterpart, raw: NA}
          - {country: China, role: counterpart, raw: 中国代表团}
        evidence:
          - Delegates of NA met the back\\slash team
          - '"day \\N"'
        notes: "tab\\tin a note, a \\\\ backslash"

    """

  @Test func trickyStringsSurviveEveryFormat() async throws {
    var corpus = try ValidateFixtures.seedCorpus()
    corpus["900_tricky"] = CorpusDocumentInput(
      id: "900_tricky", text: CorpusFile(path: "Input/900_tricky.txt", bytes: Array(Self.text.utf8)),
      annotation: CorpusFile(path: "Input/900_tricky.yaml", bytes: Array(Self.annotation.utf8)))
    let transformed = try await TransformSeedTests.transformed(corpus)
    let expected = RecordSet.merging(transformed.values.map(\.1))
    let tricky = expected.document("900_tricky")
    #expect(tricky.evidence.first?.quote == "Delegates of NA met\tthe back\\slash team")
    #expect(tricky.evidence.last?.quote == "\"day \\N\"")
    #expect(tricky.participants.first?.raw == "NA")
    #expect(tricky.participants.first?.countryISO3 == "NAM")
    #expect(tricky.participants.last?.countryNameZh == "中国")
    #expect(tricky.activities.first?.notes == "tab\tin a note, a \\ backslash")

    let result = try await BuildPipelineTests.pipeline().build(Array(corpus.values))
    let files = try #require(result.files, "\(result.diagnostics.map(\.message))")
    #expect(try JSONRecordReader.readLines(BuildPipelineTests.payload(files, "jsonl")) == expected)
    #expect(try JSONRecordReader.readDocuments(BuildPipelineTests.payload(files, "json")) == expected)
    let tsv = BuildPipelineTests.payload(files, "tsv").filter { $0.path.hasSuffix(".tsv") }
    #expect(try TSVRecordReader.read(tsv) == expected)
    #expect(
      try RecordXMLReader.read(
        BuildPipelineTests.payload(files, "xml"), schemas: try ValidateFixtures.schemas().xmlSchemas)
        == expected)
    let participants = String(
      decoding: try #require(files.first { $0.path == "data/tsv/participants.tsv" }).bytes, as: UTF8.self)
    #expect(participants.contains("\tNAM\tNamibia\t纳米比亚\t"))
    let evidence = String(
      decoding: try #require(files.first { $0.path == "data/tsv/evidence.tsv" }).bytes, as: UTF8.self)
    #expect(evidence.contains("\t\"Delegates of NA met\tthe back\\slash team\"\t"))
    #expect(evidence.contains("\t\"\"\"day \\N\"\"\"\t"))
    try BagVerification.verify(files)
  }
}

/// A value XML cannot carry stops the build with X001 at the place the annotation wrote it.
@Suite struct BuildPipelineLocationTests {
  @Test func controlCharacterInANoteIsReportedAtTheAnnotation() async throws {
    var corpus = try ValidateFixtures.seedCorpus()
    var input = try #require(corpus[TransformSeedTests.article])
    var text = try #require(input.annotation).text
    let original = "    notes: The occasion is the 100th anniversary"
    let range = try #require(text.range(of: original))
    text.replaceSubrange(range, with: "    notes: \"The occasion\\x01 is\" # the 100th anniversary")
    text = text.replacingOccurrences(
      of: "\" # the 100th anniversary of the founding of the Communist Party of China.", with: "\"")
    input.annotation?.bytes = Array(text.utf8)
    corpus[input.id] = input
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
      $0.contains("The occasion\\x01")
    }.map { $0 + 1 }
    let result = try await BuildPipelineTests.pipeline().build(Array(corpus.values))
    #expect(result.files == nil)
    let x001 = result.diagnostics.filter { $0.code == .xmlCharacterNotAllowed }
    #expect(!x001.isEmpty, "\(result.diagnostics.map { "\($0.code.id) \($0.message)" })")
    #expect(x001.allSatisfy { $0.location?.file == "Input/\(TransformSeedTests.article).yaml" })
    #expect(x001.first?.location?.line == line)
  }

  /// `X009` (records that break `records.schema.json`: a bug or an edited records schema) points at the
  /// annotation value the offending field came from.
  @Test func aRecordBreakingTheRecordsSchemaIsReportedAtItsAnnotationValue() async throws {
    var schemas = try ValidateFixtures.schemas()
    var records = try #require(
      try JSONSerialization.jsonObject(with: Data(schemas.recordsSchema.bytes)) as? [String: Any])
    var defs = try #require(records["$defs"] as? [String: Any])
    var activities = try #require(defs["activities"] as? [String: Any])
    var properties = try #require(activities["properties"] as? [String: Any])
    var notes = try #require(properties["notes"] as? [String: Any])
    notes["maxLength"] = 5
    properties["notes"] = notes
    activities["properties"] = properties
    defs["activities"] = activities
    records["$defs"] = defs
    schemas.recordsSchema.bytes = Array(try JSONSerialization.data(withJSONObject: records))
    let corpus = try ValidateFixtures.seedCorpus()
    let input = try #require(corpus[TransformSeedTests.article])
    let text = try #require(input.annotation).text
    let line =
      try #require(
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
          $0.contains("notes: The occasion is the 100th anniversary")
        }) + 1
    let result = try await schemas.buildPipeline().build(Array(corpus.values))
    #expect(result.files == nil)
    let x009 = result.diagnostics.filter { $0.code == .recordSchemaViolation }
    let located = try #require(
      x009.first {
        $0.message.contains("/notes") && $0.location?.file == "Input/\(TransformSeedTests.article).yaml"
      },
      "\(x009.map { "\($0.location.map { "\($0.file):\($0.line)" } ?? "-") \($0.message)" })")
    #expect(located.location?.line == line)
    #expect(x009.allSatisfy { $0.location != nil })
  }
}
