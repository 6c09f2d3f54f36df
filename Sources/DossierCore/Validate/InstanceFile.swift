import Foundation
import JSONSchema

/// A YAML or JSON file with the locator that puts schema errors at its lines: what `dossier check`
/// validates, and the vocabulary files the corpus validator loads. `.json` is read strictly, `.jsonc`
/// with comments, anything else as YAML (`dossier check`: as a configuration file,
/// `YAMLLoader.Options.configuration`; vocabularies: with the strict rules of annotations).
public struct InstanceFile: Sendable {
  /// The file's value.
  public let value: JSONValue
  /// Where each value of the file stands.
  public let locator: InstanceLocator

  /// A file of this value and locator.
  public init(value: JSONValue, locator: InstanceLocator) {
    self.value = value
    self.locator = locator
  }

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

  /// Parses the bytes of the file `path`: as JSON when `json` (with comments when `path` ends in
  /// `.jsonc`), else as YAML with the `yaml` options. Problems become diagnostics.
  public static func parse(_ bytes: [UInt8], path: String, json: Bool, yaml: YAMLLoader.Options = .init())
    -> (file: InstanceFile?, diagnostics: [Diagnostic])
  {
    if json {
      do {
        let read = try JSONReader(allowsComments: path.hasSuffix(".jsonc")).readWithLocations(bytes)
        return (
          InstanceFile(value: read.value, locator: InstanceLocator(json: read.locations, file: path)), []
        )
      } catch {
        let location = SourceLocation(file: path, line: error.line, column: error.column)
        return (nil, [.error(.schemaInvalidJSON, error.message, at: location)])
      }
    }
    do {
      let located = try YAMLLoader(options: yaml).load(bytes, file: path)
      return (InstanceFile(value: located.value, locator: InstanceLocator(yaml: located, file: path)), [])
    } catch {
      return (nil, error.diagnostics)
    }
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
