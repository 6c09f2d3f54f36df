import DossierCore
import DossierTestSupport
import Foundation
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

/// The committed Dublin Core records carry the areas' labels (English and Chinese, `xml:lang`) as
/// subjects beside the area ids.
@Suite struct DublinCoreSubjectTests {
  @Test func subjectsHaveIdsAndLabels() throws {
    let file = RepositoryPaths.root.appendingPathComponent("Exports/data/oai_dc/003_9ffac5d15d52c637.xml")
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("<dc:subject>joint_exercises_training</dc:subject>"))
    #expect(text.contains("<dc:subject xml:lang=\"en\">joint military exercises and training</dc:subject>"))
    #expect(text.contains("<dc:subject xml:lang=\"zh\">联合军事演习训练</dc:subject>"))
  }
}
