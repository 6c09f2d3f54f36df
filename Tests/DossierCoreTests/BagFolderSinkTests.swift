import Foundation
import Testing

@testable import DossierCore

/// The folder sink with background write-back asked for after every byte (the most syncs there can
/// be): what it commits is exactly what was written, and a discarded bag leaves nothing behind.
@Suite struct BagFolderSinkTests {
  static func scratch() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
  }

  /// The temporary and parked folders (`.Exports.tmp-PID`, `.Exports.old-PID`) left in `root`.
  static func temporaryFolders(_ root: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: root).filter {
      $0.hasPrefix(".Exports.tmp-") || $0.hasPrefix(".Exports.old-")
    }
  }

  @Test func everyFileArrivesWhenTheDiskIsSyncedInTheBackground() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let output = root + "/Exports"
    let sink = try BagFolderSink(writer: BagFolderWriter(output: output), writebackBytes: 1)
    var expected: [String: [UInt8]] = [:]
    for n in 0..<200 {
      let bytes = Array("document \(n)\n".utf8)
      try sink.write("data/json/\(n).json", bytes)
      expected["data/json/\(n).json"] = bytes
      try sink.append("data/tsv/rows.tsv", Array(repeating: UInt8(ascii: "x"), count: 70_000) + [0x0A])
    }
    try sink.write("bagit.txt", Array("BagIt-Version: 1.0\n".utf8))
    try sink.commit()
    for (path, bytes) in expected {
      #expect(FileManager.default.contents(atPath: output + "/" + path).map(Array.init) == bytes)
    }
    let rows = try #require(FileManager.default.contents(atPath: output + "/data/tsv/rows.tsv"))
    #expect(rows.count == 200 * 70_001)
    #expect(try Self.temporaryFolders(root).isEmpty)
  }

  @Test func aDiscardedBagLeavesNothing() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let sink = try BagFolderSink(writer: BagFolderWriter(output: root + "/Exports"), writebackBytes: 1)
    for n in 0..<50 { try sink.write("data/json/\(n).json", Array(repeating: 0x41, count: 4096)) }
    sink.discard()
    #expect(try Self.temporaryFolders(root).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: root + "/Exports"))
  }
}
