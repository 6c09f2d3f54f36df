import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite struct ExportBagItTests {
  private func bag() throws -> [ExportFile] {
    try ExportPipeline.export(ExportFixtures.corpus, options: try ExportFixtures.options())
  }

  @Test func bagHasTagFilesAndPayloadUnderData() throws {
    let files = try bag()
    let paths = files.map(\.path)
    #expect(
      Array(paths.prefix(4)) == [
        "bag-info.txt", "bagit.txt", "data/json/\(ExportFixtures.bilingual).json",
        "data/json/\(ExportFixtures.article).json",
      ])
    #expect(paths.contains("manifest-sha256.txt") && paths.contains("tagmanifest-sha256.txt"))
    #expect(paths.filter { !$0.hasPrefix("data/") }.count == 4)
    for prefix in ["data/json/", "data/jsonl/", "data/xml/", "data/oai_dc/", "data/tsv/"] {
      #expect(paths.contains { $0.hasPrefix(prefix) }, "no \(prefix) files")
    }
    #expect(paths == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    let bagit = try #require(files.first { $0.path == "bagit.txt" })
    #expect(
      String(decoding: bagit.bytes, as: UTF8.self)
        == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
  }

  @Test func manifestsVerify() throws {
    let files = try bag()
    let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
    func entries(_ name: String) throws -> [(String, String)] {
      let text = String(decoding: try #require(byPath[name]), as: UTF8.self)
      #expect(text.hasSuffix("\n"))
      return text.split(separator: "\n").map { line in
        let parts = line.split(separator: " ", maxSplits: 1)
        return (String(parts[0]), String(parts.count > 1 ? parts[1].drop { $0 == " " } : ""))
      }
    }
    let manifest = try entries("manifest-sha256.txt")
    let payload = files.filter { $0.path.hasPrefix("data/") }
    #expect(manifest.map(\.1) == payload.map(\.path))
    for (digest, path) in manifest {
      let bytes = try #require(byPath[path])
      #expect(digest == BagItPackager.sha256Hex(bytes), "manifest digest of \(path)")
      #expect(digest.count == 64)
    }
    let tags = try entries("tagmanifest-sha256.txt")
    #expect(tags.map(\.1) == ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"])
    for (digest, path) in tags { #expect(digest == BagItPackager.sha256Hex(try #require(byPath[path]))) }
    let info = String(decoding: try #require(byPath["bag-info.txt"]), as: UTF8.self)
    let octets = payload.reduce(0) { $0 + $1.bytes.count }
    #expect(info == "Bag-Software-Agent: dossier (tests)\nPayload-Oxum: \(octets).\(payload.count)\n")
  }

  @Test func sha256MatchesKnownVectors() {
    #expect(BagItPackager.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      BagItPackager.sha256Hex(Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func bagIsByteForByteReproducible() throws {
    var shuffled = ExportFixtures.corpus
    shuffled.activities.reverse()
    shuffled.quantities.reverse()
    let first = try bag()
    let second = try ExportPipeline.export(shuffled, options: try ExportFixtures.options())
    #expect(first == second)
  }

  @Test func manifestPathsArePercentEncoded() throws {
    #expect(BagItPackager.manifestPath("a%b\nc\rd") == "a%25b%0Ac%0Dd")
    let error = #expect(throws: DiagnosticError.self) {
      _ = try BagItPackager().bag([ExportFile(path: "../escape.txt", text: "x")])
    }
    #expect(error?.diagnostics.first?.code.id == "X007")
  }

  @Test func exportedFilesMatchTheirOwnFormatsReaders() throws {
    let files = try bag()
    let expected = ExportFixtures.corpus.sorted()
    func payload(_ prefix: String) -> [ExportFile] {
      files.filter { $0.path.hasPrefix(prefix) }.map {
        ExportFile(path: String($0.path.dropFirst(5)), bytes: $0.bytes)
      }
    }
    #expect(try JSONRecordReader.readLines(payload("data/jsonl/")) == expected)
    #expect(try JSONRecordReader.readDocuments(payload("data/json/")) == expected)
    #expect(try TSVRecordReader.read(payload("data/tsv/")) == expected)
    #expect(
      try RecordXMLReader.read(payload("data/xml/"), schemas: try ExportFixtures.schemaBundle()) == expected)
  }
}
