import JSONSchema

/// Converts a composed document to a `JSONValue`, reporting what JSON cannot hold: keys that are not
/// strings, infinities and NaN, over-long integers.
///
/// Recursion depth is bounded by the composer's depth limit. An anchored subtree is converted once
/// and shared (JSON values are copy-on-write), so aliases cost O(1) here.
struct YAMLJSONConverter {
  let document: YAMLDocument
  var diagnostics: [Diagnostic] = []
  /// Problems found beyond `YAMLLoader.maxDiagnostics` (counted, not reported).
  var omitted = 0
  private var cache: [Int32: JSONValue] = [:]
  /// Containers being converted and the child entry position in each (for error pointers).
  private var trail: [(container: Int32, entry: Int)] = []
  private let nodes: [YAMLNodeRecord]
  private let children: [Int32]
  private let texts: [String]
  private let file: String
  private let options: YAMLLoader.Options

  init(document: YAMLDocument, options: YAMLLoader.Options = YAMLLoader.Options()) {
    self.document = document
    self.options = options
    self.nodes = document.storage.nodes
    self.children = document.storage.children
    self.texts = document.storage.texts
    self.file = document.storage.file
  }

  mutating func convert() -> JSONValue {
    convert(document.rootIndex)
  }

  private mutating func convert(_ index: Int32) -> JSONValue {
    let r = nodes[Int(index)]
    switch r.kind {
    case .scalar:
      return scalar(r)
    case .alias:
      if let cached = cache[r.payload] { return cached }
      return convert(r.payload)
    case .sequence:
      var items: [JSONValue] = []
      items.reserveCapacity(Int(r.count))
      let start = Int(r.payload)
      for k in 0..<Int(r.count) {
        trail.append((index, k))
        items.append(convert(children[start + k]))
        trail.removeLast()
      }
      let value = JSONValue.array(items)
      if r.flags & YAMLNodeRecord.flagAnchored != 0 { cache[index] = value }
      return value
    case .mapping:
      var object = JSONObject()
      object.reserveCapacity(Int(r.count) / 2)
      let start = Int(r.payload)
      var k = start
      var merged: [(source: Int32, entry: Int)] = []
      while k < start + Int(r.count) {
        let keyIndex = children[k]
        let valueIndex = children[k + 1]
        k += 2
        if options.allowsMergeKeys && Self.isMergeKey(nodes[Int(keyIndex)], texts) {
          merged.append((valueIndex, k - 1 - start))
          continue
        }
        guard let key = keyString(keyIndex) else {
          // Convert the value anyway so its own problems are reported too.
          trail.append((index, k - 1 - start))
          _ = convert(valueIndex)
          trail.removeLast()
          continue
        }
        trail.append((index, k - 1 - start))
        if options.stringifiesScalarKeys && object[key] != nil {
          // `1` and `"1"` are one key once keys are strings: never a silent last-wins.
          duplicateAfterConversion(keyIndex, key)
        }
        object[key] = convert(valueIndex)
        trail.removeLast()
      }
      // Merge keys: members of the merged mappings that the mapping does not set itself, earlier
      // mappings of a `<<: [*a, *b]` list first.
      for (source, entry) in merged {
        trail.append((index, entry))
        for member in mergeSources(source) {
          guard case .object(let members) = convert(member) else { continue }
          for (key, value) in members where object[key] == nil { object[key] = value }
        }
        trail.removeLast()
      }
      let value = JSONValue.object(object)
      if r.flags & YAMLNodeRecord.flagAnchored != 0 { cache[index] = value }
      return value
    }
  }

  /// A plain, untagged `<<` key.
  static func isMergeKey(_ own: YAMLNodeRecord, _ texts: [String]) -> Bool {
    own.kind == .scalar && own.style == YAMLScalarStyle.plain.rawValue && own.tag == 0
      && texts[Int(own.payload)] == "<<"
  }

  /// The mappings a merge key's value names: a mapping, or a sequence of mappings (aliases
  /// followed). Anything else is reported.
  private mutating func mergeSources(_ index: Int32) -> [Int32] {
    var r = nodes[Int(index)]
    var target = index
    while r.kind == .alias {
      target = r.payload
      r = nodes[Int(target)]
    }
    if r.kind == .mapping { return [target] }
    if r.kind == .sequence {
      var result: [Int32] = []
      for k in 0..<Int(r.count) {
        var item = children[Int(r.payload) + k]
        var itemRecord = nodes[Int(item)]
        while itemRecord.kind == .alias {
          item = itemRecord.payload
          itemRecord = nodes[Int(item)]
        }
        if itemRecord.kind == .mapping {
          result.append(item)
        } else {
          badMerge(children[Int(r.payload) + k])
        }
      }
      return result
    }
    badMerge(index)
    return []
  }

  private mutating func badMerge(_ index: Int32) {
    guard diagnostics.count < YAMLLoader.maxDiagnostics else { return }
    let r = nodes[Int(index)]
    diagnostics.append(
      .error(
        .yamlMergeKey, "a merge key (<<) takes a mapping or a list of mappings",
        at: r.start.location(in: file, end: r.end), pointer: pointer(),
        help: "merge an anchored mapping (<<: *defaults) or a list of them (<<: [*a, *b])"))
  }

  private mutating func duplicateAfterConversion(_ index: Int32, _ key: String) {
    guard diagnostics.count < YAMLLoader.maxDiagnostics else { return }
    let r = nodes[Int(index)]
    diagnostics.append(
      .error(
        .yamlDuplicateKey, "duplicate key '\(YAMLComposer.excerpt(key))' once keys are converted to strings",
        at: r.start.location(in: file, end: r.end), pointer: pointer(),
        help: "remove or rename one of the two entries"))
  }

  private mutating func keyString(_ index: Int32) -> String? {
    let own = nodes[Int(index)]
    var r = own
    while r.kind == .alias { r = nodes[Int(r.payload)] }
    if r.kind == .scalar && r.scalarKind == .string { return texts[Int(r.payload)] }
    if r.kind == .scalar && options.stringifiesScalarKeys {
      // JSON keys are strings: the key as written (`200`, `true`, `null`, `~`, `1.5`).
      return texts[Int(r.payload)]
    }
    let what: String
    switch r.kind {
    case .scalar:
      let text = texts[Int(r.payload)]
      let kindName: String
      switch r.scalarKind {
      case .null: kindName = "null"
      case .bool: kindName = "a boolean"
      case .int: kindName = "an integer"
      case .float: kindName = "a float"
      case .string: kindName = "a string"
      }
      what = "key '\(YAMLComposer.excerpt(text))' is \(kindName), but JSON keys must be strings"
    case .sequence: what = "key is a sequence, but JSON keys must be strings"
    case .mapping: what = "key is a mapping, but JSON keys must be strings"
    case .alias: what = "key is an alias"
    }
    let help =
      r.kind == .scalar
      ? "quote the key to make it a string" : "use a string key; complex keys have no JSON form"
    guard diagnostics.count < YAMLLoader.maxDiagnostics else {
      omitted += 1
      return nil
    }
    diagnostics.append(
      .error(
        .yamlNonStringKey, what, at: own.start.location(in: file, end: own.end), pointer: pointer(),
        help: help))
    return nil
  }

  private mutating func scalar(_ r: YAMLNodeRecord) -> JSONValue {
    let text = texts[Int(r.payload)]
    switch r.scalarKind {
    case .string: return .string(text)
    case .null: return .null
    case .bool: return .bool(YAMLScalarResolver.boolValue(text))
    case .int, .float:
      if r.scalarKind == .int, let small = Self.smallInteger(text) { return small }
      switch YAMLScalarResolver.number(text, kind: r.scalarKind) {
      case .finite(let n): return .number(n)
      case .infinity, .nan:
        unrepresentable(
          r, "'\(text)' (\(r.scalarKind == .int ? "integer" : "float")) has no JSON form",
          help: "quote it to keep it as a string")
      case .tooLarge:
        unrepresentable(
          r,
          r.scalarKind == .int
            ? "integer literal longer than \(YAMLScalarResolver.maxIntegerDigits) digits"
            : "'\(text)' (float) is out of range: its exponent is beyond ±\(JSONNumber.exponentLimit)",
          help: "quote it to keep it as a string")
      }
      return .null
    }
  }

  /// Shared values for the plain decimal integers 0…4095 (section numbers, years, counts), which
  /// spares an allocation per number.
  private static let smallIntegers: [JSONValue] = (0..<4096).map { JSONValue.integer($0) }

  private static func smallInteger(_ text: String) -> JSONValue? {
    var value = 0
    var count = 0
    for c in text.utf8 {
      guard c >= 48 && c <= 57, count < 4 else { return nil }
      // A leading zero (`017`) is still decimal 17 under the core schema, so it can share too.
      value = value * 10 + Int(c - 48)
      count += 1
    }
    return count > 0 && value < 4096 ? smallIntegers[value] : nil
  }

  private mutating func unrepresentable(_ r: YAMLNodeRecord, _ message: String, help: String) {
    guard diagnostics.count < YAMLLoader.maxDiagnostics else {
      omitted += 1
      return
    }
    diagnostics.append(
      .error(
        .yamlUnrepresentable, message, at: r.start.location(in: file, end: r.end), pointer: pointer(),
        help: help))
  }

  /// The pointer of the node being converted; stops before a key that is not a string.
  private func pointer() -> String {
    var tokens: [String] = []
    for (container, entry) in trail {
      let r = nodes[Int(container)]
      if r.kind == .sequence {
        tokens.append(String(entry))
      } else {
        var key = nodes[Int(children[Int(r.payload) + entry - 1])]
        while key.kind == .alias { key = nodes[Int(key.payload)] }
        guard key.kind == .scalar && key.scalarKind == .string else { break }
        tokens.append(texts[Int(key.payload)])
      }
    }
    return JSONPointer(tokens: tokens).description
  }
}
