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

  /// A new temporary folder `dossier-LABEL-UUID` holding a copy of each of `paths` (relative to the
  /// repository, folders whole) at the same relative place; the caller removes it.
  public static func temporaryCopy(of paths: [String], label: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dossier-\(label)-\(UUID().uuidString)")
    for path in paths {
      let target = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: root.appendingPathComponent(path), to: target)
    }
    return folder
  }

  /// The repository's `Input/` folder.
  public static var input: URL { root.appendingPathComponent("Input") }
  /// The repository's `Schemas/` folder.
  public static var schemas: URL { root.appendingPathComponent("Schemas") }
}
