import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Damaged input never traps or hangs: every yaml-test-suite input, cut and mutated in fixed
/// pseudo-random ways, loads or fails with located diagnostics.
@Suite struct YAMLRobustnessTests {
  static let alphabet: [UInt8] =
    Array(" \t\n\r-?:,[]{}#&*!|>'\"%@`\\a0.~".utf8) + [0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0xFF]

  @Test func mutatedSuiteInputsFailCleanly() throws {
    guard let root = RepositoryPaths.conformanceSuite("yaml-test-suite") else { return }
    var random = SplitMix(seed: 42)
    var loaded = 0
    var rejected = 0
    for c in YAMLConformanceTests.cases(in: root) {
      let original = try [UInt8](Data(contentsOf: c.folder.appendingPathComponent("in.yaml")))
      for _ in 0..<8 {
        var bytes = original
        for _ in 0..<(1 + Int(random.next() % 3)) where !bytes.isEmpty {
          let at = Int(random.next() % UInt64(bytes.count))
          switch random.next() % 3 {
          case 0: bytes[at] = Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))]
          case 1: bytes.insert(Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))], at: at)
          default: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(random.next() % 4)))
          }
        }
        do {
          _ = try YAMLLoader().loadAll(bytes, file: "m.yaml")
          loaded += 1
        } catch {
          rejected += 1
          #expect(!error.diagnostics.isEmpty)
          for d in error.diagnostics {
            let location = try #require(d.location, "\(d.code): \(d.message)")
            #expect(location.line >= 1 && location.column >= 1, "\(d.code) \(d.message) at \(location)")
          }
        }
      }
    }
    print("mutated inputs: \(loaded) loaded, \(rejected) rejected with located errors")
  }
}
