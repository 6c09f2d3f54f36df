import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `build --shard K/N` and `merge` end to end on a generated corpus (docs/scaling.md): the merged bag
/// is byte for byte the single build's, and merge refuses parts that do not belong together, with a
/// located error and nothing written.
@Suite(.serialized) struct ShardedBuildTests {
  static func dossier(_ folder: URL, _ arguments: [String]) throws -> CommandResult {
    try CommandRunner.dossier(arguments, in: folder)
  }

  /// Builds shard K of N into `Parts/K-of-N` and returns the result.
  @discardableResult
  static func shard(_ folder: URL, _ k: Int, _ n: Int, schemas: String = RepositoryPaths.schemas.path)
    throws -> CommandResult
  {
    try dossier(
      folder,
      [
        "build", "--input", "Input", "--schemas", schemas, "--shard", "\(k)/\(n)", "--output",
        "Parts/\(k)-of-\(n)",
      ])
  }

  static func merge(_ folder: URL, _ parts: [String], _ extra: [String] = []) throws -> CommandResult {
    try dossier(folder, ["merge"] + parts.map { "Parts/\($0)" } + ["--output", "Merged"] + extra)
  }

  /// `bagit.py --validate BAG` (bagit-python from PyPI in `.build/python-interop`): `true` when it
  /// accepts the bag, `false` (its output recorded) when it rejects it, `nil` (with a plain NOTE) when
  /// bagit could not be installed.
  static func bagitValidate(_ bag: URL) throws -> Bool? {
    guard let python = PythonEnvironment.python(with: ["bagit"], for: "bagit.py --validate of a merged bag")
    else { return nil }
    let result = try CommandRunner.run(python, ["-m", "bagit", "--validate", bag.path], in: bag)
    if result.exitCode != 0 {
      Issue.record("bagit.py --validate \(bag.path):\n\(result.stderr.suffix(2000))")
    }
    return result.exitCode == 0 && result.stderr.contains("is valid")
  }

  @Test func mergedShardsAreByteIdenticalToTheSingleBuild() throws {
    guard let folder = try StreamingBuildTests.generatedWorkspace(60) else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    let single = try BuildCommandTests.build(folder, ["--output", "Single"])
    try #require(single.exitCode == 0, "\(single.stderr)")
    let expected = try BuildCommandTests.contents(folder.appendingPathComponent("Single"))
    for n in [1, 2, 3, 7] {
      var counts: [Int] = []
      for k in 1...n {
        let result = try Self.shard(folder, k, n)
        try #require(result.exitCode == 0, "shard \(k)/\(n): \(result.stderr)")
        let index = try Data(
          contentsOf: folder.appendingPathComponent("Parts/\(k)-of-\(n)/dossier-part.json"))
        counts.append(try JSONDecoder().decode(PartIndex.self, from: index).documents.count)
      }
      #expect(counts.reduce(0, +) == 60, "N=\(n): the shards hold \(counts) documents")
      try? FileManager.default.removeItem(at: folder.appendingPathComponent("Merged"))
      let merged = try Self.merge(folder, (1...n).map { "\($0)-of-\(n)" })
      try #require(merged.exitCode == 0, "N=\(n): \(merged.stderr)")
      let actual = try BuildCommandTests.contents(folder.appendingPathComponent("Merged"))
      #expect(actual == expected, "N=\(n): the merged bag differs from the single build")
      let bagit = try Self.bagitValidate(folder.appendingPathComponent("Merged"))
      #expect(bagit != false, "N=\(n): bagit.py --validate rejects the merged bag")
      let check = try Self.merge(folder, (1...n).map { "\($0)-of-\(n)" }, ["--check"])
      #expect(check.exitCode == 0, "N=\(n) merge --check: \(check.stdout)\(check.stderr)")
    }
  }

  @Test func theAssignmentIsStableWhenDocumentsAreAdded() {
    let ids = (0..<500).map { "doc-\($0)" }
    for id in ids {
      let shard = Shard.number(of: id, count: 7)
      #expect((1...7).contains(shard))
      #expect(Shard(index: shard, count: 7)!.contains(id))
    }
    // The split depends on the id and N alone: the same id lands in the same shard whatever else the
    // corpus holds (the digest's first 8 bytes, big-endian, modulo N).
    #expect(Shard.number(of: "doc-1", count: 7) == Shard.number(of: "doc-1", count: 7))
    #expect(Shard("0/3") == nil && Shard("4/3") == nil && Shard("1/0") == nil && Shard("a/b") == nil)
    #expect(Shard("2/7")?.description == "2/7")
  }

  /// A corpus of 40 generated documents split 3 ways, for the refusal cases.
  static func threeParts() throws -> URL? {
    guard let folder = try StreamingBuildTests.generatedWorkspace(40, seed: 5) else { return nil }
    for k in 1...3 {
      let result = try shard(folder, k, 3)
      try #require(result.exitCode == 0, "\(result.stderr)")
    }
    return folder
  }

  /// Merging `parts` fails with exit 1, writes nothing, and reports `code` with `fragment`.
  static func expectRefusal(
    _ folder: URL, _ parts: [String], code: String, fragment: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let result = try merge(folder, parts)
    #expect(result.exitCode == 1, "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stdout.contains("error[\(code)]"), "\(result.stdout)", sourceLocation: sourceLocation)
    #expect(result.stdout.contains(fragment), "\(result.stdout)", sourceLocation: sourceLocation)
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Merged").path),
      "merge wrote an output folder", sourceLocation: sourceLocation)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasPrefix(".Merged")
    }
    #expect(leftovers.isEmpty, "temporary folders left: \(leftovers)", sourceLocation: sourceLocation)
  }

  @Test func aMissingShardIsRefused() throws {
    guard let folder = try Self.threeParts() else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.expectRefusal(folder, ["1-of-3", "3-of-3"], code: "M002", fragment: "shard 2/3 is missing")
  }

  @Test func aShardGivenTwiceIsRefused() throws {
    guard let folder = try Self.threeParts() else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(
      at: folder.appendingPathComponent("Parts/2-of-3"), to: folder.appendingPathComponent("Parts/copy"))
    try Self.expectRefusal(
      folder, ["1-of-3", "2-of-3", "copy", "3-of-3"], code: "M002", fragment: "shard 2/3 is given 2 times")
  }

  @Test func partsOfDifferentNAreRefused() throws {
    guard let folder = try Self.threeParts() else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    try #require(try Self.shard(folder, 2, 2).exitCode == 0)
    try Self.expectRefusal(
      folder, ["1-of-3", "2-of-2", "3-of-3"], code: "M002", fragment: "a different number of ways")
  }

  @Test func partsBuiltWithOtherVocabulariesAreRefused() throws {
    guard let folder = try Self.threeParts() else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    let schemas = folder.appendingPathComponent("OtherSchemas")
    try FileManager.default.copyItem(at: RepositoryPaths.schemas, to: schemas)
    let vocabulary = schemas.appendingPathComponent("vocabularies/activity-types.yaml")
    var text = try String(contentsOf: vocabulary, encoding: .utf8)
    text += "# a local edit\n"
    try text.write(to: vocabulary, atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(at: folder.appendingPathComponent("Parts/2-of-3"))
    try #require(try Self.shard(folder, 2, 3, schemas: schemas.path).exitCode == 0)
    try Self.expectRefusal(
      folder, ["1-of-3", "2-of-3", "3-of-3"], code: "M002", fragment: "schemas or vocabularies")
  }

  @Test func aPartFileChangedAfterItWasWrittenIsRefused() throws {
    guard let folder = try Self.threeParts() else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = folder.appendingPathComponent("Parts/3-of-3/data/json")
    let name = try #require(try FileManager.default.contentsOfDirectory(atPath: json.path).sorted().first)
    let handle = try FileHandle(forWritingTo: json.appendingPathComponent(name))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(" ".utf8))
    try handle.close()
    try Self.expectRefusal(
      folder, ["1-of-3", "2-of-3", "3-of-3"], code: "M003",
      fragment: "Parts/3-of-3/data/json/\(name): error[M003]")
  }

  @Test func anEditedIndexIsRefused() throws {
    guard let folder = try Self.threeParts() else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    let index = folder.appendingPathComponent("Parts/1-of-3/dossier-part.json")
    let text = try String(contentsOf: index, encoding: .utf8)
    try text.replacingOccurrences(of: "\"complete\" : true", with: "\"complete\" : false").write(
      to: index, atomically: true, encoding: .utf8)
    try Self.expectRefusal(
      folder, ["1-of-3", "2-of-3", "3-of-3"], code: "M003", fragment: "the index changed after it was written"
    )
  }

  @Test func theSameDocumentInTwoPartsIsRefused() throws {
    guard let folder = try Self.threeParts() else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    // Part 2 claims a document of part 1 (its index re-signed, as a tool that rewrote it would).
    let first = try JSONDecoder().decode(
      PartIndex.self, from: Data(contentsOf: folder.appendingPathComponent("Parts/1-of-3/dossier-part.json")))
    let url = folder.appendingPathComponent("Parts/2-of-3/dossier-part.json")
    var second = try JSONDecoder().decode(PartIndex.self, from: Data(contentsOf: url))
    let stolen = try #require(first.documents.first)
    second.documents.append(PartIndex.Document(id: stolen.id, files: [], rows: [:], activities: []))
    for file in try second.files() {
      try Data(file.bytes).write(to: folder.appendingPathComponent("Parts/2-of-3/\(file.path)"))
    }
    try Self.expectRefusal(
      folder, ["1-of-3", "2-of-3", "3-of-3"], code: "M002", fragment: "document \(stolen.id) is in two parts")
  }

  @Test func aDocumentErrorInAPartComesOutAsBuildReportsIt() throws {
    guard let folder = try StreamingBuildTests.generatedWorkspace(30, seed: 9) else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    // A misspelt country in one sidecar and an activity id repeated in another document.
    let input = folder.appendingPathComponent("Input")
    let sidecars = try FileManager.default.contentsOfDirectory(atPath: input.path).filter {
      $0.hasSuffix(".yaml")
    }.sorted()
    let broken = input.appendingPathComponent(sidecars[3])
    var text = try String(contentsOf: broken, encoding: .utf8)
    let country = try #require(text.range(of: "country: "))
    text.replaceSubrange(country, with: "country: Atlantiss_")
    try text.write(to: broken, atomically: true, encoding: .utf8)

    let single = try BuildCommandTests.build(folder, ["--output", "Single"])
    #expect(single.exitCode == 1)
    var statuses: [Int32] = []
    for k in 1...3 { statuses.append(try Self.shard(folder, k, 3).exitCode) }
    #expect(statuses.filter { $0 == 1 }.count == 1, "exactly one shard fails: \(statuses)")
    let merged = try Self.merge(folder, ["1-of-3", "2-of-3", "3-of-3"])
    #expect(merged.exitCode == 1)
    #expect(merged.stdout.contains("error[V"), "\(merged.stdout)")
    #expect(merged.stdout == single.stdout, "merge:\n\(merged.stdout)\nbuild:\n\(single.stdout)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Merged").path))
  }
}
