import DossierCore
import Foundation

/// The file access the language server needs: list a folder, read a file. The `dossier lsp` command
/// passes ``DiskFileSystem``; tests and benchmarks pass ``InMemoryFileSystem``. Only
/// ``DiskFileSystem`` touches the disk.
public protocol WorkspaceFileSystem: Sendable {
  /// Names (not paths) of the entries of a folder; throws when it cannot be listed.
  func contentsOfDirectory(atPath path: String) throws -> [String]
  /// The bytes of a file; throws when it cannot be read.
  func contents(atPath path: String) throws -> [UInt8]
  /// Whether a regular file exists at `path`.
  func fileExists(atPath path: String) -> Bool
  /// Whether a folder exists at `path`.
  func directoryExists(atPath path: String) -> Bool
}

/// A file system held in memory: absolute paths to bytes; folders are implied by the paths.
public struct InMemoryFileSystem: WorkspaceFileSystem {
  /// A file that does not exist, or a folder that cannot be listed.
  public struct NotFound: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var description: String { "no such file or folder: \(path)" }
  }

  public var files: [String: [UInt8]]

  public init(files: [String: [UInt8]] = [:]) { self.files = files }

  public func contentsOfDirectory(atPath path: String) throws -> [String] {
    let prefix = path.hasSuffix("/") ? path : path + "/"
    var names = Set<String>()
    for file in files.keys where file.hasPrefix(prefix) {
      let rest = file.dropFirst(prefix.count)
      names.insert(String(rest.prefix { $0 != "/" }))
    }
    if names.isEmpty { throw NotFound(path: path) }
    return names.sorted()
  }

  public func contents(atPath path: String) throws -> [UInt8] {
    guard let bytes = files[path] else { throw NotFound(path: path) }
    return bytes
  }

  public func fileExists(atPath path: String) -> Bool { files[path] != nil }

  public func directoryExists(atPath path: String) -> Bool {
    let prefix = path.hasSuffix("/") ? path : path + "/"
    return files.keys.contains { $0.hasPrefix(prefix) }
  }
}

/// The disk (what `dossier lsp` uses).
public struct DiskFileSystem: WorkspaceFileSystem {
  public init() {}

  public func contentsOfDirectory(atPath path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path)
  }

  public func contents(atPath path: String) throws -> [UInt8] { try DiskFile.bytes(atPath: path) }

  public func fileExists(atPath path: String) -> Bool { DiskFile.exists(path) }

  public func directoryExists(atPath path: String) -> Bool { DiskFile.isFolder(path) }
}
