import Foundation

/// Finds the project a command works on when `--input` and `--schemas` are not given.
///
/// The project root is the nearest folder, starting at the working directory and walking up, that
/// holds both `Schemas/` and `Input/` (docs/annotations.md, "Where dossier looks for the project").
/// So `cd Input && dossier validate some.yaml` works like `dossier validate Input/some.yaml` run from
/// the root. Paths are returned relative to the working directory (`../Input`), so diagnostics keep
/// short, clickable paths.
public enum ProjectRoot {
  /// The folders of the project, relative to the working directory.
  public struct Folders {
    /// `""` when the working directory is the root, else `../`, `../../`, …
    public var prefix: String

    /// `name` inside the root, relative to the working directory.
    public func path(_ name: String) -> String { prefix + name }
  }

  /// The nearest folder holding `Schemas/` and `Input/`, from `start` up to the file-system root.
  public static func find(from start: String = FileManager.default.currentDirectoryPath) -> Folders? {
    var folder = URL(fileURLWithPath: start).standardizedFileURL
    var prefix = ""
    for _ in 0..<64 {
      if isFolder(folder.appendingPathComponent("Schemas"))
        && isFolder(folder.appendingPathComponent("Input"))
      {
        return Folders(prefix: prefix)
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
      prefix += "../"
    }
    return nil
  }

  static func isFolder(_ url: URL) -> Bool { DiskFile.isFolder(url.path) }

  /// The folder a command uses: `given` when the option was given, else `name` in the discovered
  /// project root, else `name` itself (whose absence the command reports with `hint`).
  public static func folder(_ given: String?, default name: String) -> String {
    if let given { return given }
    return (find() ?? Folders(prefix: "")).path(name)
  }

  /// Said when the default folders are missing: where dossier looked and what to do.
  public static let hint =
    "hint: dossier looks for the project in the working directory and each folder above it: the first "
    + "one holding both Schemas/ and Input/; run it inside the project, or give --input and --schemas"
}
