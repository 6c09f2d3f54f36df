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

  /// What the schema check found, ready for the semantic checks to go on.
  public struct Report: Sendable {
    /// The diagnostics, one per mistake.
    public var diagnostics: [Diagnostic]
    /// The instance with the values no later check can use set to `null` (a number below its
    /// minimum, a quote object with an impossible occurrence), so that the schema-valid parts can be
    /// decoded and checked semantically. Array items keep their indexes.
    public var usable: JSONValue
    /// Pointers of values whose semantic diagnostic, when there is one, replaces the schema's: the
    /// vocabulary check says more about a misspelled term id (closest terms) than its form does.
    public var semanticPreferred: Set<String>
  }

  /// One diagnostic per validation error of `instance`, located through `locator`; at most `limit`
  /// of them, then one `L001` entry counting the rest (`DiagnosticCap`).
  public func diagnostics(
    for result: ValidationResult, instance: JSONValue, locator: InstanceLocator,
    limit: Int = DiagnosticCap.defaultLimit
  ) -> [Diagnostic] {
    report(for: result, instance: instance, locator: locator, limit: limit).diagnostics
  }

  /// The diagnostics for `result` (one per mistake: the failing keywords of one value of a known
  /// form give one message), and what of `instance` the semantic checks can still use.
  /// At most `limit` diagnostics are made; one `L001` entry counts the errors left out.
  public func report(
    for result: ValidationResult, instance: JSONValue, locator: InstanceLocator,
    limit: Int = DiagnosticCap.defaultLimit
  ) -> Report {
    // A value of the wrong type fails many other keywords as a consequence (an `if` that only checks
    // members holds vacuously for a non-object, …): report the type alone.
    let mistyped = Set(result.errors.filter { $0.keyword == "type" }.map(\.instanceLocation))
    var diagnostics: [Diagnostic] = []
    var formed = Set<JSONPointer>()
    var preferred = Set<String>()
    var unusable: [JSONPointer] = []
    var omitted = result.omittedErrorCount
    for error in result.errors where error.keyword == "type" || !mistyped.contains(error.instanceLocation) {
      guard diagnostics.count < limit else {
        omitted += 1
        continue
      }
      let pointer = error.instanceLocation
      if Self.valueKeywords.contains(error.keyword), let text = pointer.resolve(in: instance)?.stringValue,
        let form = form(forKeywordAt: error.absoluteKeywordLocation)
      {
        // One message per value of a known form, whichever of its keywords failed.
        guard formed.insert(pointer).inserted else { continue }
        if let diagnostic = formDiagnostic(form, text: text, error: error, locator: locator) {
          diagnostics.append(diagnostic)
          if form == .termId { preferred.insert(pointer.description) }
          // A date-time that is not one cannot give the publication day.
          if form == .dateTime { unusable.append(pointer) }
          continue
        }
      }
      if Self.numberKeywords.contains(error.keyword) || error.keyword == "type" {
        // An occurrence below 1 makes its quote unusable; other numbers are left out.
        unusable.append(pointer.tokens.last == "occurrence" ? pointer.parent : pointer)
      }
      diagnostics.append(diagnostic(for: error, instance: instance, locator: locator))
    }
    if omitted > 0 {
      diagnostics.append(
        DiagnosticCap.omitted(
          omitted, limit: limit, file: locator.file, after: diagnostics.compactMap(\.location).max()))
    }
    var usable = instance
    for pointer in unusable where !pointer.tokens.isEmpty {
      usable = Self.replacing(pointer.tokens[...], in: usable, with: .null)
    }
    return Report(diagnostics: diagnostics, usable: usable, semanticPreferred: preferred)
  }

  /// Keywords that check a string's form.
  static let valueKeywords: Set<String> = ["pattern", "format", "minLength", "maxLength"]
  /// Keywords that check a number.
  static let numberKeywords: Set<String> = [
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
  ]

  /// `value` with the member at `tokens` replaced (array items keep their indexes).
  static func replacing(_ tokens: ArraySlice<String>, in value: JSONValue, with replacement: JSONValue)
    -> JSONValue
  {
    guard let token = tokens.first else { return replacement }
    switch value {
    case .object(var object):
      guard let member = object[token] else { return value }
      object[token] = replacing(tokens.dropFirst(), in: member, with: replacement)
      return .object(object)
    case .array(var items):
      guard let index = Int(token), items.indices.contains(index) else { return value }
      items[index] = replacing(tokens.dropFirst(), in: items[index], with: replacement)
      return .array(items)
    default:
      return value
    }
  }

  /// The form the schema object holding a keyword declares with `x-dossier-form`.
  func form(forKeywordAt location: String) -> ValueForm? {
    guard let name = schemaObject(forKeywordAt: location)?[ValueForm.keyword]?.stringValue else { return nil }
    return ValueForm(rawValue: name)
  }

  /// The diagnostic for a value of a known form, or `nil` when the form finds nothing wrong (then
  /// the keyword's own message is used, e.g. a maximum length).
  func formDiagnostic(_ form: ValueForm, text: String, error: SchemaValidationError, locator: InstanceLocator)
    -> Diagnostic?
  {
    guard let problem = form.problem(with: text) else { return nil }
    let pointer = error.instanceLocation
    let code: DiagnosticCode
    switch form {
    case .edtf: code = problem.fromParser ? .semanticInvalidDate : .schemaViolation
    case .dateTime: code = .schemaFormat
    default: code = .schemaViolation
    }
    return .error(
      code, problem.message, at: locator.location(of: pointer),
      pointer: pointer.description.isEmpty ? "/" : pointer.description, help: problem.help)
  }

  /// The diagnostic for one error.
  public func diagnostic(for error: SchemaValidationError, instance: JSONValue, locator: InstanceLocator)
    -> Diagnostic
  {
    let pointer = error.instanceLocation
    let at = pointer.description.isEmpty ? "/" : pointer.description
    let described = schemaObject(forKeywordAt: error.absoluteKeywordLocation)?["description"]?.stringValue
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
      if error.keyword == "required",
        let alternatives = requiredAlternatives(forKeywordAt: error.absoluteKeywordLocation)
      {
        let names = alternatives.map { "'\($0)'" }
        let list = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        return .error(
          .schemaMissingKey, "at least one of \(names.joined(separator: ", ")) is required here",
          at: locator.location(of: pointer), pointer: at, help: "add \(list)")
      }
      return .error(
        .schemaMissingKey, error.message.replacingOccurrences(of: "\"", with: "'"),
        at: locator.location(of: pointer), pointer: at,
        help: missingKeyHelp(error, instance: instance))
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
          .schemaViolation, "this value is not allowed here", at: locator.location(of: pointer), pointer: at,
          help: described)
      }
      let names = present.map { "'\($0)'" }.joined(separator: ", ")
      return .error(
        .schemaViolation, "\(names) \(present.count == 1 ? "is" : "are") not allowed here",
        at: locator.keyLocation(of: pointer.appending(first)), pointer: pointer.appending(first).description,
        help: "remove \(names) (see docs/annotations.md for when it may be given)")
    case "format":
      return .error(.schemaFormat, error.message, at: locator.location(of: pointer), pointer: at)
    case "pattern":
      // Never the regular expression: the value, and what the schema says the value is.
      let value = pointer.resolve(in: instance)?.stringValue.map { "'\(ValueForm.shown($0))'" } ?? "the value"
      let isKey = error.keywordLocation.contains("/propertyNames/")
      return .error(
        .schemaViolation, "\(isKey ? "key" : "value") \(value) does not have the expected form",
        at: isKey ? locator.keyLocation(of: pointer) : locator.location(of: pointer), pointer: at,
        help: described ?? "see docs/annotations.md for the form of this field")
    default:
      return .error(
        .schemaViolation, error.message, at: locator.location(of: pointer), pointer: at, help: described)
    }
  }

  /// Help for a missing key: for `raw` required by `basis: explicit`, why.
  func missingKeyHelp(_ error: SchemaValidationError, instance: JSONValue) -> String? {
    let object = error.instanceLocation.resolve(in: instance)
    if error.message.contains("\"raw\""), object?["basis"]?.stringValue == "explicit" {
      return "basis: explicit says every part of the date is printed in the text: quote those words "
        + "in raw (or choose another basis, docs/annotations.md §7)"
    }
    if error.message.contains("\"raw\""), object?["person"] != nil {
      return "a person's name and titles are checked inside raw: quote the words that name the person"
    }
    return nil
  }

  /// For a `required` failing inside an `anyOf`/`oneOf` whose alternatives only require keys
  /// (`anyOf: [{required: [country]}, {required: [place]}]`), the keys of every alternative.
  func requiredAlternatives(forKeywordAt location: String) -> [String]? {
    // …/anyOf/N/required: the object holding the applicator is three tokens up.
    guard let hash = location.firstIndex(of: "#"),
      var pointer = JSONPointer(
        String(location[location.index(after: hash)...]).removingPercentEncodingIfNeeded()),
      pointer.tokens.count >= 3
    else { return nil }
    let applicator = pointer.tokens[pointer.tokens.count - 3]
    guard applicator == "anyOf" || applicator == "oneOf" else { return nil }
    pointer = pointer.parent.parent
    guard schemaObject(forKeywordAt: location) != nil,
      let branches = pointer.resolve(in: schema)?.arrayValue, branches.count > 1
    else { return nil }
    var names: [String] = []
    for branch in branches {
      guard let object = branch.objectValue, object.count == 1,
        let required = object["required"]?.arrayValue?.compactMap(\.stringValue), required.count == 1
      else { return nil }
      names += required
    }
    return names
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
