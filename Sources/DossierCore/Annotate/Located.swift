import JSONSchema

/// A value taken from an annotation, with the JSON Pointer of the place it was written, so every later
/// diagnostic about it can be located (through the annotation's source map) at a line and column.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
  /// The value.
  public var value: Value
  /// Where the value is in the annotation.
  public var pointer: JSONPointer

  public init(_ value: Value, at pointer: JSONPointer) {
    self.value = value
    self.pointer = pointer
  }
}
