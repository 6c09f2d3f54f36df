import Foundation
import Testing

@testable import DossierCore

/// `DiskFile.bytes` reads regular files with one open/fstat/read loop and refuses everything else with
/// a plain reason, without blocking on a FIFO.
@Suite struct DiskFileTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diskfile-\(UUID().uuidString)")
    .path

  init() throws { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }

  private func reason(_ path: String) -> String? {
    do {
      _ = try DiskFile.bytes(atPath: path)
      return nil
    } catch {
      return error.reason
    }
  }

  @Test func readsEveryByteOfARegularFile() throws {
    let path = folder + "/a.txt"
    let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(try DiskFile.bytes(atPath: path) == bytes)
    try Data().write(to: URL(fileURLWithPath: folder + "/empty.txt"))
    #expect(try DiskFile.bytes(atPath: folder + "/empty.txt") == [])
  }

  @Test func refusesWhatIsNotARegularFile() throws {
    #expect(reason(folder + "/missing.txt") == "no such file")
    #expect(reason(folder + "/missing/deeper.txt") == "no such file")
    #expect(reason(folder) == "it is a directory")
    let fifo = folder + "/pipe.txt"
    #expect(mkfifo(fifo, 0o644) == 0)
    #expect(reason(fifo) == "not a regular file")
  }
}
