import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Rules checked outside the golden cases: corrections that legitimately override the text, the
/// vocabulary files' own rules, the annotation format's quote folding, and inline lists.
@Suite struct ValidateRuleTests {
  static let seed003 = "003_9ffac5d15d52c637"

  /// The seed corpus with document 003's annotation edited.
  static func validate003(_ edit: (String) -> String) async throws -> CorpusValidation {
    var corpus = try ValidateFixtures.seedCorpus()
    let original = try #require(corpus[seed003]?.annotation)
    corpus[seed003]?.annotation = CorpusFile(path: original.path, bytes: Array(edit(original.text).utf8))
    let validator = try #require(ValidateFixtures.validator)
    return await validator.validate(Array(corpus.values))
  }

  @Test func aCorrectionWithAReasonOverridesTheByline() async throws {
    let result = try await Self.validate003 {
      $0.replacingOccurrences(of: "editor: Li Jiayao", with: "editor: Li Jia-yao")
        .replacingOccurrences(
          of: "  languages: [en]\n",
          with: """
              languages: [en]
              corrections:
                - field: editor
                  original: Li Jiayao
                  value: Li Jia-yao
                  reason: the archive page hyphenates the given name

            """)
    }
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    let document = try #require(result.documents.first { $0.id == Self.seed003 })
    #expect(document.annotated.editor?.value == "Li Jia-yao")
    #expect(document.annotated.editor?.text?.text == "Li Jiayao")
    #expect(document.annotated.editor?.correction?.reason.value.hasPrefix("the archive") == true)
  }

  @Test func aCorrectedPublicationTimeReplacesTheBylineComparison() async throws {
    let result = try await Self.validate003 {
      $0.replacingOccurrences(of: "\"2021-12-23T18:03:31+08:00\"", with: "\"2021-12-23T19:03:31+08:00\"")
        .replacingOccurrences(
          of: "  languages: [en]\n",
          with: """
              languages: [en]
              corrections:
                - field: published
                  original: "2021-12-23 18:03:31"
                  value: "2021-12-23T19:03:31+08:00"
                  reason: The print edition gives 19:03.

            """)
    }
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
  }

  @Test func bothLocationsOfADisagreementAreReported() async throws {
    let result = try await Self.validate003 {
      $0.replacingOccurrences(of: "publisher: China Military Online", with: "publisher: PLA Daily")
    }
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.code == .annotationDisagreesWithText)
    #expect(diagnostic.location?.file == "Input/003_9ffac5d15d52c637.yaml")
    #expect(diagnostic.location?.line == 17)
    let note = try #require(diagnostic.notes.first?.location)
    #expect(note.file == "Input/003_9ffac5d15d52c637.txt")
    #expect(note.line == 3 && note.column == 8)
  }

  @Test func anAnnotationWithoutItsDocumentIsAnError() async throws {
    let validator = try #require(ValidateFixtures.validator)
    let orphan = CorpusDocumentInput(
      id: "999_orphan", text: nil,
      annotation: CorpusFile(path: "Input/999_orphan.yaml", bytes: Array("kind: x\n".utf8)))
    let result = await validator.validate([orphan])
    #expect(result.diagnostics.filter { $0.severity == .error }.map(\.code) == [.annotationWithoutDocument])
  }

  @Test func idsAreUniqueAcrossDocuments() async throws {
    var corpus = try ValidateFixtures.seedCorpus()
    let copy = try #require(corpus[Self.seed003])
    corpus["004_copy"] = CorpusDocumentInput(
      id: "004_copy", text: copy.text.map { CorpusFile(path: "Input/004_copy.txt", bytes: $0.bytes) },
      annotation: copy.annotation.map { CorpusFile(path: "Input/004_copy.yaml", bytes: $0.bytes) })
    let validator = try #require(ValidateFixtures.validator)
    let result = await validator.validate(Array(corpus.values))
    let duplicates = result.diagnostics.filter { $0.code == .semanticDuplicateID }
    #expect(duplicates.count == copy.annotation.map { _ in 28 } ?? 0)
    #expect(duplicates.allSatisfy { $0.location?.file == "Input/004_copy.yaml" })
    #expect(duplicates.allSatisfy { $0.notes.first?.location?.file == "Input/003_9ffac5d15d52c637.yaml" })
    #expect(!result.documents.contains { $0.id == "004_copy" })
  }

  // MARK: Vocabularies

  static func vocabularyDiagnostics(_ kind: VocabularyKind, _ edit: (String) -> String) throws -> [Diagnostic]
  {
    var files = try ValidateFixtures.schemaFiles()
    let original = try #require(files.vocabularies[kind])
    files.vocabularies[kind]?.data = CorpusFile(
      path: original.data.path, bytes: Array(edit(original.data.text).utf8))
    return try CorpusValidator(schemas: files).vocabularyDiagnostics
  }

  @Test func ambiguousAliasesAreRejected() throws {
    let diagnostics = try Self.vocabularyDiagnostics(.countryAliases) {
      $0.replacingOccurrences(
        of: "  - {alias: Congo Republic,",
        with:
          "  - {alias: congo  republic, country: COD, lang: en, source: test}\n  - {alias: Congo Republic,")
    }
    #expect(diagnostics.map(\.code) == [.semanticVocabularyRule])
    #expect(diagnostics.first?.message.contains("ambiguous alias") == true)
  }

  @Test func aliasesContradictingISONamesAreRejected() throws {
    let diagnostics = try Self.vocabularyDiagnostics(.countryAliases) {
      $0.replacingOccurrences(
        of: "  - {alias: Russia,",
        with: "  - {alias: Sudan, country: SSD, lang: en, source: test}\n  - {alias: Russia,")
    }
    #expect(diagnostics.map(\.code) == [.semanticVocabularyRule])
    #expect(diagnostics.first?.message.contains("contradicts the ISO name of SDN") == true)
  }

  @Test func aliasesSpelledLikeCodesAreRejected() throws {
    let diagnostics = try Self.vocabularyDiagnostics(.countryAliases) {
      $0.replacingOccurrences(
        of: "  - {alias: Russia,",
        with: "  - {alias: SSD, country: SDN, lang: en, source: test}\n  - {alias: Russia,")
    }
    #expect(diagnostics.contains { $0.message.contains("spelled like an alpha-3 code") })
  }

  @Test func organizationNamesMustBeUnambiguous() throws {
    let diagnostics = try Self.vocabularyDiagnostics(.organizations) {
      $0.replacingOccurrences(of: "    acronym: PLAN\n", with: "    acronym: CMC\n")
    }
    #expect(diagnostics.map(\.code) == [.semanticVocabularyRule])
  }

  @Test func quotedLabelsMustOccurInTheirSource() async throws {
    var files = try ValidateFixtures.schemaFiles()
    let original = try #require(files.vocabularies[.cooperationAreas])
    files.vocabularies[.cooperationAreas]?.data = CorpusFile(
      path: original.data.path,
      bytes: Array(
        original.data.text.replacingOccurrences(
          of: "en: personnel exchanges", with: "en: personnel exchange programmes"
        ).utf8))
    let validator = try CorpusValidator(schemas: files)
    let result = await validator.validate(Array(try ValidateFixtures.seedCorpus().values))
    #expect(result.diagnostics.map(\.code) == [.semanticVocabularyRule])
    #expect(result.diagnostics.first?.location?.file == "Schemas/vocabularies/cooperation-areas.yaml")
  }

  @Test func aVocabularyBreakingItsSchemaIsLocated() throws {
    let diagnostics = try Self.vocabularyDiagnostics(.activityTypes) {
      $0.replacingOccurrences(of: "  - id: senior_meeting\n", with: "  - id: Senior Meeting\n")
    }
    #expect(diagnostics.map(\.code) == [.schemaViolation])
    #expect(diagnostics.first?.location?.line == 10)
  }

  @Test func anUnusableSchemaThrows() throws {
    var files = try ValidateFixtures.schemaFiles()
    files.annotationSchema = CorpusFile(
      path: "Schemas/annotation.schema.json", bytes: Array("{\"type\": 12}".utf8))
    #expect(throws: DiagnosticError.self) { try CorpusValidator(schemas: files) }
  }

  // MARK: Matching

  @Test func annotationFoldingFoldsOnlyTheRightSingleQuotationMark() {
    let text = "China\u{2019}s “true multilateralism” and ‘others’"
    let strict = QuoteMatcher(text: text, folding: .rightSingleQuotationMark)
    #expect(strict.occurrences(of: "China's").count == 1)
    #expect(strict.occurrences(of: "China\u{2019}s").count == 1)
    #expect(strict.occurrences(of: "\"true multilateralism\"").isEmpty)
    #expect(strict.occurrences(of: "“true  multilateralism”").count == 1)
    #expect(strict.occurrences(of: "'others'").isEmpty)
    let lenient = QuoteMatcher(text: text)
    #expect(lenient.occurrences(of: "\"true multilateralism\"").count == 1)
  }
}

/// Hostile annotations: many wrong quotes and names are all reported, and stay cheap.
@Suite struct ValidateHostileTests {
  @Test func thousandsOfWrongQuotesAndNames() async throws {
    var yaml = """
      kind: news_article
      metadata:
        languages: [en]
      activities:

      """
    for n in 0..<400 {
      yaml += """
          - id: h-\(n)
            section: 3
            type: aid_donation
            areas: [public_security_goods]
            date: {edtf: "2021", basis: inferred_publication_year}
            participants:
              - {country: Narnia \(n), role: recipient}
            evidence:
              - \(String(repeating: "armed forces of over 30 countries, including Pakistan ", count: 8))x\(n)
              - Leaders of China's CMC

        """
    }
    var corpus = try ValidateFixtures.seedCorpus()
    corpus["003_9ffac5d15d52c637"]?.annotation = CorpusFile(
      path: "Input/003_9ffac5d15d52c637.yaml", bytes: Array(yaml.utf8))
    let validator = try #require(ValidateFixtures.validator)
    let start = ContinuousClock.now
    let result = await validator.validate(Array(corpus.values))
    print("400 activities with 1200 faults validated in \(ContinuousClock.now - start)")
    let codes = result.diagnostics.map(\.code)
    #expect(codes.filter { $0 == .semanticUnknownCountry }.count == 400)
    #expect(codes.filter { $0 == .semanticQuoteNotFound }.count == 800)
  }
}
