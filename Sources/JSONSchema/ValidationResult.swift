/// One validation failure.
public struct SchemaValidationError: Sendable, Hashable, CustomStringConvertible {
  /// Where in the instance the failing value is.
  public var instanceLocation: JSONPointer
  /// The path of keywords followed from the schema root, through `$ref`s (a JSON Pointer).
  public var keywordLocation: String
  /// The absolute URI of the failing keyword (schema resource URI + JSON Pointer fragment).
  public var absoluteKeywordLocation: String
  /// The failing keyword (`type`, `required`, `additionalProperties`, …).
  public var keyword: String
  /// What is wrong, for a person.
  public var message: String

  public init(
    instanceLocation: JSONPointer, keywordLocation: String, absoluteKeywordLocation: String, keyword: String,
    message: String
  ) {
    self.instanceLocation = instanceLocation
    self.keywordLocation = keywordLocation
    self.absoluteKeywordLocation = absoluteKeywordLocation
    self.keyword = keyword
    self.message = message
  }

  public var description: String {
    let at = instanceLocation.tokens.isEmpty ? "(root)" : instanceLocation.description
    return "\(at): \(message) [\(keywordLocation)]"
  }
}

/// The outcome of validating one instance.
public struct ValidationResult: Sendable {
  /// True when the instance is valid.
  public var isValid: Bool
  /// Every failure found (empty when valid). For `anyOf`/`oneOf` only the alternative that
  /// came closest is reported.
  public var errors: [SchemaValidationError]
  /// Errors found beyond the `maxErrors` of `SchemaValidator.validate(_:maxErrors:)`: counted, not
  /// collected (0 when nothing was left out).
  public var omittedErrorCount: Int

  public init(isValid: Bool, errors: [SchemaValidationError], omittedErrorCount: Int = 0) {
    self.isValid = isValid
    self.errors = errors
    self.omittedErrorCount = omittedErrorCount
  }

  /// The output forms of JSON Schema 2020-12 §12.4.
  public enum OutputFormat: String, Sendable, CaseIterable {
    /// `{"valid": bool}`.
    case flag
    /// `{"valid": bool, "errors": [{keywordLocation, absoluteKeywordLocation, instanceLocation, error}]}`.
    case basic
  }

  /// The result in one of the spec's output forms.
  public func output(_ format: OutputFormat) -> JSONValue {
    switch format {
    case .flag:
      return .object(JSONObject([("valid", .bool(isValid))]))
    case .basic:
      if isValid { return .object(JSONObject([("valid", .bool(true))])) }
      let units: [JSONValue] = errors.map { error in
        .object(
          JSONObject([
            ("keywordLocation", .string(error.keywordLocation)),
            ("absoluteKeywordLocation", .string(error.absoluteKeywordLocation)),
            ("instanceLocation", .string(error.instanceLocation.description)),
            ("error", .string(error.message)),
          ]))
      }
      return .object(JSONObject([("valid", .bool(false)), ("errors", .array(units))]))
    }
  }
}

extension JSONPositionMap {
  /// Where to report a validation error in the instance text: the member's key for a property
  /// that is not allowed (`additionalProperties`/`unevaluatedProperties`), otherwise the start of
  /// the failing value (or of its nearest existing ancestor, e.g. the object missing a member).
  public func position(for error: SchemaValidationError) -> JSONSourcePosition? {
    if error.keyword == "additionalProperties" || error.keyword == "unevaluatedProperties",
      let key = keyStarts[error.instanceLocation]
    {
      return key
    }
    return position(of: error.instanceLocation)
  }
}
