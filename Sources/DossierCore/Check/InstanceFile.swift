import Foundation
import JSONSchema

/// A YAML or JSON file read for `dossier check`, with the locator that puts schema errors at its
/// lines: `.json` is read strictly, `.jsonc` with comments, anything else as a configuration YAML
/// file (`YAMLLoader.Options.configuration`). Symlinks are followed.
public struct InstanceFile: Sendable {
  /// The file's value.
  public let value: JSONValue
  /// Where each value of the file stands.
  public let locator: InstanceLocator

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

  /// Reads one file; problems become diagnostics.
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
    var reading = Reading(source: String(decoding: bytes, as: UTF8.self))
    if !isYAML(path) {
      do {
        let read = try JSONReader(allowsComments: path.hasSuffix(".jsonc")).readWithLocations(bytes)
        reading.file = InstanceFile(
          value: read.value, locator: InstanceLocator(json: read.locations, file: path))
      } catch {
        let location = SourceLocation(file: path, line: error.line, column: error.column)
        reading.diagnostics = [.error(.schemaInvalidJSON, error.message, at: location)]
      }
      return reading
    }
    do {
      let located = try YAMLLoader(options: .configuration).load(bytes, file: path)
      reading.file = InstanceFile(value: located.value, locator: InstanceLocator(yaml: located, file: path))
    } catch {
      reading.diagnostics = error.diagnostics
    }
    return reading
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
