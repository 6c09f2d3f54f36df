import JSONSchema

/// Turns JSON Schema validation errors into located diagnostics (`S…` codes): unknown keys at the
/// key with the closest allowed key suggested, missing keys at their object, wrong types, values
/// outside an `enum` with a suggestion, formats, and every other keyword as `S001`.
public struct SchemaDiagnostics: Sendable {
  /// The schema document the errors refer to (for allowed keys and enum values).
  public let schema: JSONValue

  /// Other URIs the schema document is known by (its retrieval URI).
  public let documentURIs: Set<String>

  public init(schema: JSONValue, documentURIs: Set<String> = []) {
    self.schema = schema
    self.documentURIs = documentURIs
  }

  /// One diagnostic per validation error of `instance`, located through `locator`; at most `limit`
  /// of them, then one `L001` entry counting the rest (`DiagnosticCap`).
  public func diagnostics(
    for result: ValidationResult, instance: JSONValue, locator: InstanceLocator,
    limit: Int = DiagnosticCap.defaultLimit
  ) -> [Diagnostic] {
    // A value of the wrong type fails many other keywords as a consequence (an `if` that only checks
    // members holds vacuously for a non-object, …): report the type alone.
    let mistyped = Set(result.errors.filter { $0.keyword == "type" }.map(\.instanceLocation))
    let errors = result.errors.filter { $0.keyword == "type" || !mistyped.contains($0.instanceLocation) }
    var shown = errors.prefix(max(0, limit)).map { diagnostic(for: $0, instance: instance, locator: locator) }
    let omitted = errors.count - shown.count + result.omittedErrorCount
    if omitted > 0 {
      shown.append(
        DiagnosticCap.omitted(
          omitted, limit: limit, file: locator.file, after: shown.compactMap(\.location).max()))
    }
    return shown
  }

  /// The diagnostic for one error.
  public func diagnostic(for error: ValidationError, instance: JSONValue, locator: InstanceLocator)
    -> Diagnostic
  {
    let pointer = error.instanceLocation
    let at = pointer.description.isEmpty ? "/" : pointer.description
    switch error.keyword {
    case "additionalProperties", "unevaluatedProperties":
      let key = pointer.tokens.last ?? ""
      let allowed = allowedKeys(forKeywordAt: error.absoluteKeywordLocation)
      var help: String?
      if let best = Suggestion.bestMatch(for: key, among: allowed) {
        help = "did you mean '\(best)'?"
      } else if !allowed.isEmpty, allowed.count <= 20 {
        help = "allowed keys here: " + allowed.joined(separator: ", ")
      }
      return .error(
        .schemaUnknownKey, "unknown key '\(key)'", at: locator.keyLocation(of: pointer), pointer: at,
        help: help)
    case "required", "dependentRequired":
      return .error(.schemaMissingKey, error.message, at: locator.location(of: pointer), pointer: at)
    case "type":
      return .error(.schemaWrongType, error.message, at: locator.location(of: pointer), pointer: at)
    case "enum", "const":
      let options = allowedValues(forKeywordAt: error.absoluteKeywordLocation)
      var help: String?
      if let text = pointer.resolve(in: instance)?.stringValue,
        let best = Suggestion.bestMatch(for: text, among: options)
      {
        help = "did you mean '\(best)'?"
      } else if !options.isEmpty {
        help = "allowed: " + options.joined(separator: ", ")
      }
      return .error(
        .schemaNotAllowed, error.message, at: locator.location(of: pointer), pointer: at, help: help)
    case "not":
      // `not: {required: [k]}` (possibly under anyOf/oneOf) forbids keys: name the ones present and
      // point at the first.
      let present = forbiddenKeys(forKeywordAt: error.absoluteKeywordLocation).filter {
        pointer.resolve(in: instance)?.objectValue?.contains(key: $0) == true
      }
      guard let first = present.first else {
        return .error(
          .schemaViolation, error.message, at: locator.location(of: pointer), pointer: at,
          notes: [Diagnostic.Note("schema rule: \(error.keywordLocation)")])
      }
      let names = present.map { "'\($0)'" }.joined(separator: ", ")
      return .error(
        .schemaViolation, "\(names) \(present.count == 1 ? "is" : "are") not allowed here",
        at: locator.keyLocation(of: pointer.appending(first)), pointer: pointer.appending(first).description,
        notes: [Diagnostic.Note("schema rule: \(error.keywordLocation)")],
        help: "remove \(names) (see docs/annotations.md for when it may be given)")
    case "format":
      return .error(.schemaFormat, error.message, at: locator.location(of: pointer), pointer: at)
    default:
      return .error(
        .schemaViolation, error.message, at: locator.location(of: pointer), pointer: at,
        notes: [Diagnostic.Note("schema rule: \(error.keywordLocation)")])
    }
  }

  /// The schema object holding the keyword at an absolute keyword location in this schema.
  private func schemaObject(forKeywordAt location: String) -> JSONValue? {
    guard let hash = location.firstIndex(of: "#") else { return nil }
    let uri = String(location[..<hash])
    if let id = schema["$id"]?.stringValue, !uri.isEmpty, uri != id, !documentURIs.contains(uri) {
      return nil
    }
    let fragment = String(location[location.index(after: hash)...])
    guard var pointer = JSONPointer(fragment.removingPercentEncodingIfNeeded()), !pointer.tokens.isEmpty
    else {
      return nil
    }
    pointer = pointer.parent
    return pointer.resolve(in: schema)
  }

  /// The keys declared by the schema object holding the keyword (its `properties`, those of its
  /// in-place applicators and local `$ref`s), sorted.
  func allowedKeys(forKeywordAt location: String) -> [String] {
    guard let object = schemaObject(forKeywordAt: location) else { return [] }
    var keys = Set<String>()
    var visited = Set<String>()
    collectKeys(object, into: &keys, visited: &visited, depth: 0)
    return keys.sorted()
  }

  private func collectKeys(
    _ value: JSONValue, into keys: inout Set<String>, visited: inout Set<String>, depth: Int
  ) {
    guard depth < 16, let object = value.objectValue else { return }
    if let properties = object["properties"]?.objectValue { keys.formUnion(properties.keys) }
    if let reference = object["$ref"]?.stringValue, reference.hasPrefix("#"),
      visited.insert(reference).inserted,
      let pointer = JSONPointer(String(reference.dropFirst())), let target = pointer.resolve(in: schema)
    {
      collectKeys(target, into: &keys, visited: &visited, depth: depth + 1)
    }
    for applicator in ["allOf", "anyOf", "oneOf"] {
      for sub in object[applicator]?.arrayValue ?? [] {
        collectKeys(sub, into: &keys, visited: &visited, depth: depth + 1)
      }
    }
    for single in ["if", "then", "else"] {
      if let sub = object[single] { collectKeys(sub, into: &keys, visited: &visited, depth: depth + 1) }
    }
    for (_, sub) in object["dependentSchemas"]?.objectValue ?? JSONObject() {
      collectKeys(sub, into: &keys, visited: &visited, depth: depth + 1)
    }
  }

  /// The keys a `not` keyword forbids: the `required` names of its subschema (directly, or in its
  /// `anyOf`/`oneOf` alternatives), in order.
  func forbiddenKeys(forKeywordAt location: String) -> [String] {
    guard let object = schemaObject(forKeywordAt: location), let not = object["not"] else { return [] }
    var names: [String] = []
    var alternatives = [not]
    alternatives += not["anyOf"]?.arrayValue ?? []
    alternatives += not["oneOf"]?.arrayValue ?? []
    for alternative in alternatives {
      for name in alternative["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
      where !names.contains(name) {
        names.append(name)
      }
    }
    return names
  }

  /// The values an `enum` (or `const`) allows, as text.
  func allowedValues(forKeywordAt location: String) -> [String] {
    guard let object = schemaObject(forKeywordAt: location) else { return [] }
    if let values = object["enum"]?.arrayValue { return values.compactMap(\.stringValue) }
    if let value = object["const"]?.stringValue { return [value] }
    return []
  }
}

extension String {
  /// Decodes `%XX` escapes of a URI fragment (JSON Pointers in fragments may be percent-encoded).
  fileprivate func removingPercentEncodingIfNeeded() -> String {
    guard contains("%") else { return self }
    var bytes: [UInt8] = []
    var iterator = utf8.makeIterator()
    while let byte = iterator.next() {
      if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
        let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
      {
        bytes.append(value)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
