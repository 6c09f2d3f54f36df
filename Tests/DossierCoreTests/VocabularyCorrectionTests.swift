import DossierCore
import Testing

/// Aliases that record a correction of the country catalog (`corrects:`) replace its name in exports.
@Suite struct VocabularyCorrectionTests {
  @Test func cambodiasChineseNameIsCorrected() throws {
    let vocabularies = try #require(ValidateFixtures.validator?.vocabularies)
    #expect(vocabularies.countryNamesChinese["KHM"] == "柬埔寨")
    // The catalog's spelling still resolves as a reference.
    #expect(vocabularies.country("柬埔塞") == "KHM")
    #expect(vocabularies.country("柬埔寨") == "KHM")
  }
}
