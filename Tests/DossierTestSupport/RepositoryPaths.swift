import Foundation

/// Paths of the repository and its neighbours, found from this source file's location.
public enum RepositoryPaths {
  /// The package root (the folder holding `Package.swift`).
  public static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    fatalError("Package.swift not found above \(#filePath)")
  }()

  /// `../shared/conformance/NAME` beside the repository, or `nil` (with a plain message printed)
  /// when the folder is absent, so a test can say that it did not run.
  public static func conformanceSuite(_ name: String) -> URL? {
    let url = root.deletingLastPathComponent().appendingPathComponent("shared/conformance/\(name)")
    if FileManager.default.fileExists(atPath: url.path) { return url }
    print("NOTE: conformance suite \(url.path) is absent; the conformance test for \(name) did not run.")
    return nil
  }

  /// The repository's `Input/` folder.
  public static var input: URL { root.appendingPathComponent("Input") }
  /// The repository's `Schemas/` folder.
  public static var schemas: URL { root.appendingPathComponent("Schemas") }
}
