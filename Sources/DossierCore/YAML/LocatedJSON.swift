import JSONSchema

/// A JSON value loaded from YAML together with the source location of each of its parts.
public struct LocatedJSON: Sendable {
  /// The value, as JSON sees it.
  public var value: JSONValue
  /// JSON Pointer → source location.
  public var sourceMap: JSONSourceMap

  public init(value: JSONValue, sourceMap: JSONSourceMap) {
    self.value = value
    self.sourceMap = sourceMap
  }

  /// Where the value at `pointer` is written.
  public func location(at pointer: JSONPointer) -> SourceLocation? { sourceMap.location(at: pointer) }

  /// Where the key of the member at `pointer` is written.
  public func keyLocation(at pointer: JSONPointer) -> SourceLocation? { sourceMap.keyLocation(at: pointer) }
}
