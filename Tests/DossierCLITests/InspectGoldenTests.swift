import DossierTestSupport
import Foundation
import Testing

/// The complete `dossier inspect` output (outline and JSON) of both seeds, against golden files in
/// `Tests/Goldens/inspect/` (re-record with `UPDATE_GOLDENS=1` after an intended change).
@Suite struct InspectGoldenTests {
  static let goldens = Golden.folder("inspect")

  @Test(arguments: ["000_ec6a5abef4a65f2a", "003_9ffac5d15d52c637"])
  func seedOutputsMatchTheGoldens(seed: String) throws {
    for (arguments, suffix) in [([String](), "txt"), (["--json"], "json")] {
      let result = try CommandRunner.dossier(["inspect", "Input/\(seed).txt"] + arguments)
      #expect(result.exitCode == 0)
      let golden = Self.goldens.appendingPathComponent("\(seed).\(suffix)")
      let difference = Golden.compare(result.stdout, with: golden)
      #expect(difference == nil, "\(difference ?? "")")
    }
  }
}
