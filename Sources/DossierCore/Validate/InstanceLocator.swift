import JSONSchema

/// Maps JSON Pointers into a validated instance to places in its file: through the YAML loader's
/// source map for YAML, through the strict JSON reader's positions for JSON.
public struct InstanceLocator: Sendable {
  enum Storage: Sendable {
    case yaml(JSONSourceMap)
    case json(JSONPositionMap)
  }

  let storage: Storage
  /// The file the locations refer to.
  public let file: String

  /// Locations of a YAML instance.
  public init(yaml located: LocatedJSON, file: String) {
    self.storage = .yaml(located.sourceMap)
    self.file = file
  }

  /// Locations of a JSON instance read by `JSONReader.readWithLocations`.
  public init(json map: JSONPositionMap, file: String) {
    self.storage = .json(map)
    self.file = file
  }

  /// Where the value at `pointer` (or its nearest existing ancestor) starts.
  public func location(of pointer: JSONPointer) -> SourceLocation {
    switch storage {
    case .yaml(let map):
      if let found = map.nearestLocation(at: pointer) { return found }
    case .json(let map):
      if let position = map.position(of: pointer) {
        return SourceLocation(file: file, line: position.line, column: position.column)
      }
    }
    return SourceLocation(file: file, line: 1, column: 1)
  }

  /// Where the key of the member at `pointer` is written, else where its value is.
  public func keyLocation(of pointer: JSONPointer) -> SourceLocation {
    switch storage {
    case .yaml(let map):
      if let found = map.keyLocation(at: pointer) { return found }
    case .json(let map):
      if let position = map.keyStarts[pointer] {
        return SourceLocation(file: file, line: position.line, column: position.column)
      }
    }
    return location(of: pointer)
  }
}
