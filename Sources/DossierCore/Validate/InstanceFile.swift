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
}
