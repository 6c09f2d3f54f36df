import Foundation
import JSONSchema

/// `dossier check`'s reading of instance and schema files from disk (symlinks followed).
extension InstanceFile {
  /// What reading one file gave: the file, or the diagnostics saying why not.
  public struct Reading: Sendable {
    /// The file, when it could be read and parsed.
    public var file: InstanceFile?
    /// Its text, for the reporter's source lines (absent when it could not be read).
    public var source: String?
    /// Why it could not be read or parsed.
    public var diagnostics: [Diagnostic] = []
    /// True when the file could not be read at all (for the command, exit status 2).
    public var isUnreadable = false
  }

  /// True for files read as YAML: every name not ending in `.json` or `.jsonc`.
  public static func isYAML(_ path: String) -> Bool {
    !(path.hasSuffix(".json") || path.hasSuffix(".jsonc"))
  }

  /// Reads the file at `path` (symlinks followed) as `dossier check` does; problems become diagnostics.
  public static func read(_ path: String) -> Reading {
    let bytes: [UInt8]
    do {
      bytes = try DiskFile.bytes(atPath: resolved(path))
    } catch {
      let location = SourceLocation(file: path, line: 1, column: 1)
      return Reading(
        diagnostics: [.error(.unreadableFile, "cannot read '\(path)': \(error.reason)", at: location)],
        isUnreadable: true)
    }
    let parsed = parse(bytes, path: path, json: !isYAML(path), yaml: .configuration)
    return Reading(
      file: parsed.file, source: String(decoding: bytes, as: UTF8.self), diagnostics: parsed.diagnostics)
  }

  /// The value of a schema file (JSON, JSON with comments, or YAML), without locations.
  public static func schemaValue(_ path: String) throws -> JSONValue {
    let bytes = try DiskFile.bytes(atPath: resolved(path))
    if isYAML(path) { return try YAMLLoader(options: .configuration).load(bytes, file: path).value }
    return try JSONReader(allowsComments: path.hasSuffix(".jsonc")).read(bytes)
  }

  /// `path` with symlinks resolved.
  static func resolved(_ path: String) -> String {
    URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }
}
