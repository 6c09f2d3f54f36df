/// Annotations that `unevaluatedProperties`/`unevaluatedItems` need: which members and items
/// adjacent keywords (and in-place subschemas) evaluated.
struct Annotations {
  // Optional sets: creating an empty `Annotations` touches no reference counts.
  var properties: Set<String>?
  var allProperties = false
  var itemsPrefix = 0
  var allItems = false
  var containsIndices: Set<Int>?

  mutating func insertProperty(_ name: String) {
    if properties == nil { properties = [] }
    properties!.insert(name)
  }

  mutating func insertContains(_ index: Int) {
    if containsIndices == nil { containsIndices = [] }
    containsIndices!.insert(index)
  }

  func hasProperty(_ name: String) -> Bool { properties?.contains(name) ?? false }
  func hasContains(_ index: Int) -> Bool { containsIndices?.contains(index) ?? false }

  mutating func merge(_ other: Annotations) {
    if other.allProperties {
      allProperties = true
    } else if !allProperties, let names = other.properties, !names.isEmpty {
      if properties == nil { properties = names } else { properties!.formUnion(names) }
    }
    if other.allItems { allItems = true }
    itemsPrefix = max(itemsPrefix, other.itemsPrefix)
    if let indices = other.containsIndices, !indices.isEmpty {
      if containsIndices == nil { containsIndices = indices } else { containsIndices!.formUnion(indices) }
    }
  }
}

/// An error while it travels up the evaluation: paths are stored innermost-first.
struct RawError {
  var instanceReversed: [String]
  var keywordReversed: [String]
  let absoluteLocation: String
  let keyword: String
  let message: String
  /// A `type`/`const`/`enum` mismatch: a sign that an `anyOf`/`oneOf` branch is far off.
  let isMismatch: Bool
}

/// Walks a compiled schema over an instance.
struct SchemaEvaluator {
  /// Collect errors (`false`: answer valid/invalid as fast as possible).
  var collect: Bool
  var errors: [RawError] = []
  /// Errors beyond this many are counted in `omitted`, not built (a hostile instance with 200 000
  /// unknown keys then costs a count per key, not a message and a pointer per key).
  var maxErrors = Int.max
  var omitted = 0
  var scope: [Unmanaged<SchemaResource>] = []
  let stackBase: UInt
  let stackBudget: UInt
  var exhausted = false

  init(collect: Bool, stackBase: UInt, stackBudget: UInt) {
    self.collect = collect
    self.stackBase = stackBase
    self.stackBudget = stackBudget
    scope.reserveCapacity(8)
  }

  // MARK: Errors

  mutating func fail(
    _ node: SchemaNode, _ keyword: String, _ message: @autoclosure () -> String, mismatch: Bool = false,
    instanceToken: String? = nil, keywordTokens: [String]? = nil
  ) {
    guard collect else { return }
    guard errors.count < maxErrors else {
      omitted += 1
      return
    }
    let tokens = keywordTokens ?? [keyword]
    errors.append(
      RawError(
        instanceReversed: instanceToken.map { [$0] } ?? [], keywordReversed: tokens.reversed(),
        absoluteLocation: tokens.isEmpty
          ? node.absoluteLocation
          : node.absoluteLocation + "/" + tokens.map(SchemaEvaluator.escape).joined(separator: "/"),
        keyword: keyword, message: message(), isMismatch: mismatch))
  }

  static func escape(_ token: String) -> String {
    guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
      return token
    }
    return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
  }

  /// Adds path tokens (given outermost-first) to errors raised since `mark`.
  mutating func prefix(_ mark: Int, _ keyword: String, _ second: String? = nil, instance: String? = nil) {
    guard collect, mark < errors.count else { return }
    for i in mark..<errors.count {
      if let second { errors[i].keywordReversed.append(second) }
      errors[i].keywordReversed.append(keyword)
      if let instance { errors[i].instanceReversed.append(instance) }
    }
  }

  // MARK: Evaluation

  /// Evaluates a schema node; on success, merges its annotations into `annotations` when
  /// `wantAnnotations` is set.
  mutating func evaluate(
    _ node: SchemaNode, _ instance: JSONValue, _ annotations: inout Annotations, _ wantAnnotations: Bool
  ) -> Bool {
    if let boolean = node.boolean {
      if !boolean { fail(node, "false", "no value is allowed here (the schema is false)", keywordTokens: []) }
      return boolean
    }
    if node.isLeaf {
      // No subschemas: no recursion, no annotations, no dynamic scope.
      var unused = Annotations()
      var valid = true
      for keyword in node.keywords where !apply(keyword, node, instance, &unused, false) {
        valid = false
        if !collect { return false }
      }
      return valid
    }
    var marker: UInt8 = 0
    let address = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    if stackBase &- address > stackBudget {
      exhausted = true
      fail(
        node, "$ref",
        "the instance or the schema's references nest too deeply to evaluate (stack budget exhausted; possible $ref cycle)",
        keywordTokens: [])
      return false
    }
    let resource = Unmanaged.passUnretained(node.resource)
    let pushed = scope.last?.toOpaque() != resource.toOpaque()
    if pushed { scope.append(resource) }
    defer { if pushed { scope.removeLast() } }
    let needAnnotations = wantAnnotations || node.needsAnnotations
    var local = Annotations()
    var valid = true
    let stop = node.keywords.withUnsafeBufferPointer { keywords -> Bool in
      for i in 0..<keywords.count where !apply(keywords[i], node, instance, &local, needAnnotations) {
        valid = false
        if !collect || exhausted { return true }
      }
      return false
    }
    if stop { return false }
    if valid && wantAnnotations { annotations.merge(local) }
    return valid
  }

  /// Evaluates without collecting errors (for `not`, `if`, `contains`).
  mutating func quietly(
    _ node: SchemaNode, _ instance: JSONValue, _ annotations: inout Annotations, _ want: Bool
  )
    -> Bool
  {
    let saved = collect
    collect = false
    defer { collect = saved }
    return evaluate(node, instance, &annotations, want)
  }

  mutating func apply(
    _ keyword: Keyword, _ node: SchemaNode, _ instance: JSONValue, _ local: inout Annotations, _ want: Bool
  ) -> Bool {
    switch keyword {
    case .type(let types):
      if SchemaEvaluator.matches(types, instance) { return true }
      let names = types.names.filter { !(types.contains(.number) && $0 == "integer") }
      fail(
        node, "type",
        "expected \(SchemaEvaluator.listing(names, conjunction: "or")), found \(SchemaEvaluator.kind(of: instance))",
        mismatch: true)
      return false

    case .enumeration(let e):
      if e.contains(instance) { return true }
      let list = e.values
      let shown = list.prefix(10).map { SchemaEvaluator.short($0) }.joined(separator: ", ")
      fail(
        node, "enum",
        "\(SchemaEvaluator.short(instance)) is not one of the allowed values: \(shown)\(list.count > 10 ? ", …" : "")",
        mismatch: true)
      return false

    case .constant(let value):
      if instance == value { return true }
      fail(
        node, "const",
        "value must be \(SchemaEvaluator.short(value)), found \(SchemaEvaluator.short(instance))",
        mismatch: true)
      return false

    case .multipleOf(let divisor):
      guard case .number(let n) = instance else { return true }
      if NumberMath.isMultiple(n, of: divisor) { return true }
      fail(node, "multipleOf", "\(n) is not a multiple of \(divisor)")
      return false

    case .maximum(let limit):
      guard case .number(let n) = instance, n > limit else { return true }
      fail(node, "maximum", "\(n) is greater than the maximum \(limit)")
      return false

    case .exclusiveMaximum(let limit):
      guard case .number(let n) = instance, n >= limit else { return true }
      fail(node, "exclusiveMaximum", "\(n) must be less than \(limit)")
      return false

    case .minimum(let limit):
      guard case .number(let n) = instance, n < limit else { return true }
      fail(node, "minimum", "\(n) is less than the minimum \(limit)")
      return false

    case .exclusiveMinimum(let limit):
      guard case .number(let n) = instance, n <= limit else { return true }
      fail(node, "exclusiveMinimum", "\(n) must be greater than \(limit)")
      return false

    case .maxLength(let limit):
      guard case .string(let s) = instance, s.utf8.count > limit else { return true }
      let length = s.unicodeScalars.count
      if length <= limit { return true }
      fail(node, "maxLength", "string is too long: \(length) characters, at most \(limit) allowed")
      return false

    case .minLength(let limit):
      // A scalar takes at most 4 UTF-8 bytes; `utf8.count / 4` cannot overflow where `limit * 4` can.
      guard case .string(let s) = instance, s.utf8.count / 4 < limit else { return true }
      let length = s.unicodeScalars.count
      if length >= limit { return true }
      fail(node, "minLength", "string is too short: \(length) characters, at least \(limit) required")
      return false

    case .pattern(let regex):
      guard case .string(let s) = instance else { return true }
      guard let matched = regex.decide(s) else {
        fail(node, "pattern", SchemaEvaluator.undecided(regex, instance))
        return false
      }
      if matched { return true }
      fail(
        node, "pattern", "\(SchemaEvaluator.short(instance)) does not match the pattern /\(regex.pattern)/")
      return false

    case .maxItems(let limit):
      guard case .array(let a) = instance, a.count > limit else { return true }
      fail(node, "maxItems", "array has \(a.count) items, at most \(limit) allowed")
      return false

    case .minItems(let limit):
      guard case .array(let a) = instance, a.count < limit else { return true }
      fail(
        node, "minItems", "array has \(a.count) item\(a.count == 1 ? "" : "s"), at least \(limit) required")
      return false

    case .uniqueItems:
      guard case .array(let a) = instance, a.count > 1 else { return true }
      var seen: [JSONValue: Int] = [:]
      seen.reserveCapacity(a.count)
      for (i, item) in a.enumerated() {
        if let first = seen.updateValue(i, forKey: item) {
          fail(node, "uniqueItems", "items \(first) and \(i) are equal; items must be unique")
          return false
        }
      }
      return true

    case .maxProperties(let limit):
      guard case .object(let o) = instance, o.count > limit else { return true }
      fail(node, "maxProperties", "object has \(o.count) properties, at most \(limit) allowed")
      return false

    case .minProperties(let limit):
      guard case .object(let o) = instance, o.count < limit else { return true }
      fail(
        node, "minProperties",
        "object has \(o.count) propert\(o.count == 1 ? "y" : "ies"), at least \(limit) required")
      return false

    case .required(let names):
      guard case .object(let o) = instance else { return true }
      var valid = true
      var hint = 0
      for name in names {
        if let found = o.position(of: name, hint: hint) {
          hint = found + 1
          continue
        }
        valid = false
        guard collect else { return false }
        fail(node, "required", "missing required property \"\(name)\"")
      }
      return valid

    case .dependentRequired(let entries):
      guard case .object(let o) = instance else { return true }
      var valid = true
      for (name, required) in entries where o.contains(key: name) {
        for other in required where !o.contains(key: other) {
          valid = false
          guard collect else { return false }
          fail(
            node, "dependentRequired", "property \"\(other)\" is required when \"\(name)\" is present",
            keywordTokens: ["dependentRequired", name])
        }
      }
      return valid

    case .properties(let p):
      guard case .object(let o) = instance else { return true }
      return applyProperties(node, o, p, &local, want)

    case .propertyNames(let sub):
      guard case .object(let o) = instance else { return true }
      var valid = true
      var ignored = Annotations()
      for key in o.keys {
        let mark = errors.count
        if !evaluate(sub.node, .string(key), &ignored, false) {
          valid = false
          guard collect else { return false }
          let reason = errors.count > mark ? errors[mark].message : ""
          errors.removeSubrange(mark...)
          fail(
            node, "propertyNames",
            "property name \"\(key)\" is not allowed by propertyNames"
              + (reason.isEmpty ? "" : ": \(reason)"),
            instanceToken: nil)
        }
      }
      return valid

    case .dependentSchemas(let entries):
      guard case .object(let o) = instance else { return true }
      var valid = true
      for (name, sub) in entries where o.contains(key: name) {
        let mark = errors.count
        if !evaluate(sub.node, instance, &local, want) {
          valid = false
          guard collect else { return false }
          prefix(mark, "dependentSchemas", name)
        }
      }
      return valid

    case .items(let itemsKeyword):
      guard case .array(let a) = instance else { return true }
      let prefixSchemas = itemsKeyword.prefix
      let rest = itemsKeyword.rest
      var valid = true
      var ignored = Annotations()
      let prefixCount = min(prefixSchemas.count, a.count)
      for i in 0..<prefixCount {
        let mark = errors.count
        if !evaluate(prefixSchemas[i].node, a[i], &ignored, false) {
          valid = false
          guard collect else { return false }
          prefix(mark, itemsKeyword.prefixKeyword, String(i), instance: String(i))
        }
      }
      if want { local.itemsPrefix = max(local.itemsPrefix, prefixCount) }
      if let rest, a.count > prefixSchemas.count {
        if rest.node.boolean == false {
          fail(
            node, itemsKeyword.restKeyword,
            "array has \(a.count) items, only \(prefixSchemas.count) allowed",
            instanceToken: String(prefixSchemas.count))
          return false
        }
        for i in prefixSchemas.count..<a.count {
          let mark = errors.count
          if !evaluate(rest.node, a[i], &ignored, false) {
            valid = false
            guard collect else { return false }
            prefix(mark, itemsKeyword.restKeyword, instance: String(i))
          }
        }
        if want { local.allItems = true }
      }
      return valid

    case .contains(let c):
      guard case .array(let a) = instance else { return true }
      let sub = c.schema
      let minimum = c.minimum
      let maximum = c.maximum
      let hasMin = c.hasMinimum
      var count = 0
      var ignored = Annotations()
      for (i, item) in a.enumerated() where quietly(sub.node, item, &ignored, false) {
        count += 1
        if want { local.insertContains(i) }
        if !want && maximum == nil && count >= minimum { break }
      }
      if count < minimum {
        if hasMin {
          fail(
            node, "minContains",
            "array has \(count) item\(count == 1 ? "" : "s") matching 'contains', at least \(minimum) required"
          )
        } else {
          fail(node, "contains", "array has no item matching 'contains'")
        }
        return false
      }
      if let maximum, count > maximum {
        fail(node, "maxContains", "array has \(count) items matching 'contains', at most \(maximum) allowed")
        return false
      }
      return true

    case .allOf(let list):
      var valid = true
      for (i, sub) in list.enumerated() {
        let mark = errors.count
        if !evaluate(sub.node, instance, &local, want) {
          valid = false
          guard collect else { return false }
          prefix(mark, "allOf", String(i))
        }
      }
      return valid

    case .anyOf(let list):
      return applyAlternatives(node, "anyOf", list, instance, &local, want, exactlyOne: false)

    case .oneOf(let list):
      return applyAlternatives(node, "oneOf", list, instance, &local, want, exactlyOne: true)

    case .not(let sub):
      var ignored = Annotations()
      if !quietly(sub.node, instance, &ignored, false) { return true }
      fail(node, "not", "value must not match the schema in 'not'")
      return false

    case .conditional(let c):
      if quietly(c.condition.node, instance, &local, want) {
        guard let then = c.then else { return true }
        let mark = errors.count
        if evaluate(then.node, instance, &local, want) { return true }
        prefix(mark, "then")
        return false
      } else {
        guard let otherwise = c.otherwise else { return true }
        let mark = errors.count
        if evaluate(otherwise.node, instance, &local, want) { return true }
        prefix(mark, "else")
        return false
      }

    case .ref(let target):
      let mark = errors.count
      if evaluate(target.node, instance, &local, want) { return true }
      prefix(mark, "$ref")
      return false

    case .dynamicRef(let initial, let anchor):
      var target = initial.node
      if let anchor {
        for resource in scope {
          if let found = resource.takeUnretainedValue().dynamicAnchors[anchor] {
            target = found.node
            break
          }
        }
      }
      let mark = errors.count
      if evaluate(target, instance, &local, want) { return true }
      prefix(mark, anchor == "" ? "$recursiveRef" : "$dynamicRef")
      return false

    case .unresolvable(let message):
      fail(node, "$ref", message, keywordTokens: [])
      return false

    case .format(let checker):
      if checker.check(instance) { return true }
      fail(node, "format", "\(SchemaEvaluator.short(instance)) is not a valid \(checker.name)")
      return false

    case .unevaluatedProperties(let sub):
      guard case .object(let o) = instance else { return true }
      if local.allProperties { return true }
      var valid = true
      var ignored = Annotations()
      for (key, value) in o where !local.hasProperty(key) {
        if sub.node.boolean == false {
          valid = false
          guard collect else { return false }
          fail(
            node, "unevaluatedProperties",
            "property \"\(key)\" is not allowed here (not declared by the schema)", instanceToken: key)
          continue
        }
        let mark = errors.count
        if !evaluate(sub.node, value, &ignored, false) {
          valid = false
          guard collect else { return false }
          prefix(mark, "unevaluatedProperties", instance: key)
        }
      }
      if valid { local.allProperties = true }
      return valid

    case .unevaluatedPropertiesStatic(let known, let sub):
      guard case .object(let o) = instance else { return true }
      var valid = true
      var ignored = Annotations()
      let keys = o.keys
      let values = o.values
      for i in 0..<keys.count where !known.contains(keys[i]) {
        let key = keys[i]
        if sub.node.boolean == false {
          valid = false
          guard collect else { return false }
          var message = "property \"\(key)\" is not allowed here (not declared by the schema)"
          if let suggestion = Suggestion.closest(to: key, among: known.list) {
            message = "property \"\(key)\" is not allowed; did you mean \"\(suggestion)\"?"
          }
          fail(node, "unevaluatedProperties", message, instanceToken: key)
          continue
        }
        let mark = errors.count
        if !evaluate(sub.node, values[i], &ignored, false) {
          valid = false
          guard collect else { return false }
          prefix(mark, "unevaluatedProperties", instance: key)
        }
      }
      if valid && want { local.allProperties = true }
      return valid

    case .unevaluatedItems(let sub):
      guard case .array(let a) = instance else { return true }
      if local.allItems { return true }
      var valid = true
      var ignored = Annotations()
      for i in local.itemsPrefix..<max(local.itemsPrefix, a.count) where !local.hasContains(i) {
        if sub.node.boolean == false {
          valid = false
          guard collect else { return false }
          fail(
            node, "unevaluatedItems", "item \(i) is not allowed here (not evaluated by the schema)",
            instanceToken: String(i))
          continue
        }
        let mark = errors.count
        if !evaluate(sub.node, a[i], &ignored, false) {
          valid = false
          guard collect else { return false }
          prefix(mark, "unevaluatedItems", instance: String(i))
        }
      }
      if valid { local.allItems = true }
      return valid
    }
  }

  mutating func applyProperties(
    _ node: SchemaNode, _ object: JSONObject, _ p: PropertiesKeyword, _ local: inout Annotations, _ want: Bool
  ) -> Bool {
    var valid = true
    var ignored = Annotations()
    let keys = object.keys
    let values = object.values
    let patterns = p.patterns
    let additional = p.additional
    var hint = 0
    for i in 0..<keys.count {
      let key = keys[i]
      var matched = false
      if let sub = p.named.lookup(key, hint: &hint) {
        matched = true
        let mark = errors.count
        if !evaluate(sub, values[i], &ignored, false) {
          valid = false
          guard collect else { return false }
          prefix(mark, "properties", key, instance: key)
        }
      }
      for pattern in patterns {
        guard let decided = pattern.regex.decide(key) else {
          valid = false
          guard collect else { return false }
          fail(
            node, "patternProperties", SchemaEvaluator.undecided(pattern.regex, .string(key)),
            instanceToken: key, keywordTokens: ["patternProperties", pattern.source])
          continue
        }
        guard decided else { continue }
        matched = true
        let mark = errors.count
        if !evaluate(pattern.schema.node, values[i], &ignored, false) {
          valid = false
          guard collect else { return false }
          prefix(mark, "patternProperties", pattern.source, instance: key)
        }
      }
      if !matched, let additional {
        if additional.node.boolean == false {
          valid = false
          guard collect else { return false }
          let declared = p.named.names
          var message = "property \"\(key)\" is not allowed"
          if let suggestion = Suggestion.closest(to: key, among: declared) {
            message += "; did you mean \"\(suggestion)\"?"
          } else if !declared.isEmpty && declared.count <= 12 {
            message += " (allowed: \(declared.joined(separator: ", ")))"
          }
          fail(node, "additionalProperties", message, instanceToken: key)
        } else {
          let mark = errors.count
          if !evaluate(additional.node, values[i], &ignored, false) {
            valid = false
            guard collect else { return false }
            prefix(mark, "additionalProperties", instance: key)
          }
        }
      }
      if want && (matched || additional != nil) { local.insertProperty(key) }
    }
    return valid
  }

  mutating func applyAlternatives(
    _ node: SchemaNode, _ keyword: String, _ list: [NodeRef], _ instance: JSONValue,
    _ local: inout Annotations,
    _ want: Bool, exactlyOne: Bool
  ) -> Bool {
    var matching: [Int] = []
    var branchErrors: [[RawError]] = []
    let start = errors.count
    for (i, sub) in list.enumerated() {
      let mark = errors.count
      if evaluate(sub.node, instance, &local, want) {
        matching.append(i)
        if !want && (!exactlyOne || matching.count > 1) { break }
      } else if collect {
        prefix(mark, keyword, String(i))
        branchErrors.append(Array(errors[mark...]))
        errors.removeSubrange(mark...)
      }
      if exhausted { return false }
    }
    if collect { errors.removeSubrange(start...) }
    if exactlyOne {
      if matching.count == 1 { return true }
      if matching.count > 1 {
        fail(
          node, keyword,
          "value matches more than one alternative in oneOf (alternatives \(matching.map(String.init).joined(separator: " and "))); exactly one is required"
        )
        return false
      }
    } else if !matching.isEmpty {
      return true
    }
    guard collect else { return false }
    // Report the alternative that came closest: fewest type/const/enum mismatches near the
    // top, then fewest errors, then the deepest error.
    var best = 0
    var bestScore = (Int.max, Int.max, 0)
    for (i, list) in branchErrors.enumerated() {
      let mismatches = list.filter { $0.isMismatch && $0.instanceReversed.count <= 1 }.count
      let depth = list.map(\.instanceReversed.count).max() ?? 0
      let score = (mismatches, list.count, -depth)
      if score < bestScore {
        bestScore = score
        best = i
      }
    }
    if branchErrors.indices.contains(best) { errors.append(contentsOf: branchErrors[best]) }
    return false
  }

  // MARK: Helpers

  static func matches(_ types: TypeSet, _ instance: JSONValue) -> Bool {
    switch instance {
    case .null: return types.contains(.null)
    case .bool: return types.contains(.boolean)
    case .number(let n): return types.contains(.number) || (types.contains(.integer) && n.isInteger)
    case .string: return types.contains(.string)
    case .array: return types.contains(.array)
    case .object: return types.contains(.object)
    }
  }

  static func kind(of value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return "boolean \(b)"
    case .number(let n): return (n.isInteger ? "integer " : "number ") + n.description
    case .string: return "string \(short(value))"
    case .array(let a): return "array (\(a.count) items)"
    case .object: return "object"
    }
  }

  static func listing(_ items: [String], conjunction: String) -> String {
    if items.count <= 1 { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
  }

  /// JSON text of a value, shortened for messages.
  static func short(_ value: JSONValue) -> String {
    let text = JSONWriter.text(of: value)
    if text.unicodeScalars.count <= 60 { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.prefix(57))) + "…"
  }
}

/// "Did you mean" suggestions for misspelt property names.
enum Suggestion {
  static func closest(to word: String, among candidates: [String]) -> String? {
    var best: (String, Int)?
    let limit = max(1, word.count / 3)
    for candidate in candidates {
      let d = distance(word.lowercased(), candidate.lowercased())
      if d <= limit && (best == nil || d < best!.1) { best = (candidate, d) }
    }
    return best?.0
  }

  /// Optimal string alignment distance (edits, with adjacent transpositions).
  static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
    for i in 0...x.count { d[i][0] = i }
    for j in 0...y.count { d[0][j] = j }
    for i in 1...x.count {
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[x.count][y.count]
  }
}

extension SchemaEvaluator {
  /// The message for a pattern the regex engine gave up on: an error, never a verdict.
  static func undecided(_ regex: ECMARegex, _ instance: JSONValue) -> String {
    "whether \(short(instance)) matches the pattern /\(regex.pattern)/ could not be decided within the regex "
      + "time budget; simplify the pattern (nested quantifiers such as (a+)+ backtrack exponentially)"
  }
}

/// Exact decimal arithmetic for `multipleOf`.
enum NumberMath {
  /// True when `value / divisor` is an integer (exactly, in decimal).
  static func isMultiple(_ value: JSONNumber, of divisor: JSONNumber) -> Bool {
    if value.isZero { return true }
    // value = a × 10^ea, divisor = b × 10^eb (a, b integers from the digit strings).
    // value / divisor = (a / b) × 10^(ea - eb).
    let shift = value.exponent - divisor.exponent
    // m = b × 10^max(0, -shift); n = a × 10^max(0, shift); need n mod m == 0.
    var modulus: UInt64 = 0
    for d in divisor.digits {
      let (m1, o1) = modulus.multipliedReportingOverflow(by: 10)
      let (m2, o2) = m1.addingReportingOverflow(UInt64(d))
      if o1 || o2 { return fallback(value, divisor) }
      modulus = m2
    }
    if shift < 0 {
      for _ in 0..<(-shift) {
        let (m1, o1) = modulus.multipliedReportingOverflow(by: 10)
        if o1 {
          // The divisor scaled up exceeds 64 bits: the value must have at least as many
          // trailing decimal digits as we removed; compare digit counts conservatively.
          return fallback(value, divisor)
        }
        modulus = m1
      }
    }
    var remainder: UInt64 = 0
    for d in value.digits {
      remainder = mulmod(remainder, 10, modulus)
      remainder = (remainder + UInt64(d)) % modulus
    }
    if shift > 0 {
      remainder = mulmod(remainder, powmod(10, UInt64(shift), modulus), modulus)
    }
    return remainder == 0
  }

  static func mulmod(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
    let (high, low) = a.multipliedFullWidth(by: b)
    return m.dividingFullWidth((high % m, low)).remainder
  }

  static func powmod(_ base: UInt64, _ exponent: UInt64, _ m: UInt64) -> UInt64 {
    var result: UInt64 = 1 % m
    var b = base % m
    var e = exponent
    while e > 0 {
      if e & 1 == 1 { result = mulmod(result, b, m) }
      b = mulmod(b, b, m)
      e >>= 1
    }
    return result
  }

  static func fallback(_ value: JSONNumber, _ divisor: JSONNumber) -> Bool {
    let q = value.doubleValue / divisor.doubleValue
    guard q.isFinite else { return false }
    return q == q.rounded()
  }
}
