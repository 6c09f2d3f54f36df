import Foundation

/// A problem with a schema itself: unreadable or invalid JSON, an invalid regular expression,
/// an unresolvable or cyclic `$ref`, an unknown required vocabulary, or a schema that does not
/// conform to its meta-schema.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
  /// What is wrong, for a person.
  public var message: String
  /// The schema location (absolute URI with a JSON Pointer fragment) the problem is at, if known.
  public var schemaLocation: String?
  /// The schema file, when the schema came from a file.
  public var file: URL?
  /// Line and column in that file, when known.
  public var position: JSONSourcePosition?
  /// For meta-schema violations: every violation, with pointers into the schema document.
  public var details: [SchemaValidationError]

  public init(
    message: String, schemaLocation: String? = nil, file: URL? = nil, position: JSONSourcePosition? = nil,
    details: [SchemaValidationError] = []
  ) {
    self.message = message
    self.schemaLocation = schemaLocation
    self.file = file
    self.position = position
    self.details = details
  }

  public var description: String {
    var prefix = ""
    if let file { prefix += file.path + ":" }
    if let position { prefix += "\(position.line):\(position.column):" }
    if !prefix.isEmpty { prefix += " " }
    var text = prefix + message
    if let schemaLocation, position == nil { text += " (at \(schemaLocation))" }
    return text
  }
}
