import CLibYAML
import JSONSchema

/// Builds `YAMLDocument`s from libyaml's event stream, without recursion (so nesting depth cannot
/// overflow the stack), checking what libyaml leaves to the loader: duplicate keys, tags, aliases,
/// the alias expansion budget, the depth limit and merge keys.
struct YAMLComposer {
  struct Frame {
    var node: Int32
    var isMapping: Bool
    var pendingStart: Int
    var keyStart: Int
    /// True once the mapping's keys moved to a hash table in `keyTables`.
    var hashedKeys: Bool
    var size: Int
    var height: Int32
    var isFlow: Bool
    /// Column of the innermost enclosing block collection (0 when none or unknown): lines inside flow
    /// content must be indented by at least this many spaces.
    var blockColumn: Int32
  }

  /// Linear key search is used up to this many keys per mapping, then a hash table.
  static let linearKeyLimit = 32

  let file: String
  let options: YAMLLoader.Options
  /// `maxDepth`, kept within 1…10 000 (node heights are stored in 16 bits).
  let maxDepth: Int
  var diagnostics: [Diagnostic] = []
  /// Problems found beyond `YAMLLoader.maxDiagnostics` (counted, not reported).
  var omitted = 0
  var documents: [YAMLDocument] = []

  // State of the document being composed.
  var nodes: [YAMLNodeRecord] = []
  var children: [Int32] = []
  var texts: [String] = []
  var anchorNames: [Int32: String] = [:]
  var otherTags: [Int32: String] = [:]
  var anchors: [String: Int32] = [:]
  var frames: [Frame] = []
  var pending: [Int32] = []
  var pendingKeys: [(identity: YAMLKeyIdentity, node: Int32)] = []
  /// Key tables of large open mappings, by frame depth.
  var keyTables: [Int: [YAMLKeyIdentity: Int32]] = [:]
  var root: Int32 = -1
  var aliasExpansion = 0
  var budgetExceeded = false
  var depthReported = false
  var skipDepth = 0
  var documentStart = YAMLMark(line: 1, column: 1)
  var documentExplicit = false
  var inDocument = false

  // Checks on top of the events (input libyaml accepts but YAML forbids), on the raw bytes.
  var input = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  /// libyaml marks count characters; this cursor converts them to byte offsets incrementally.
  var cursorChar = 0
  var cursorByte = 0
  var bomLength = 0
  /// Bytes before this offset belong to an event already seen.
  var covered = 0
  var lastEventLine: Int32 = 0
  var previousDocumentEndImplicit = false
  var lastLocated = (offset: 0, mark: YAMLMark(line: 1, column: 1))
  /// Set when composing must stop early (nesting limit): libyaml's scanner costs O(depth) per token in
  /// flow context, so reading on through 100 000 open brackets would take minutes.
  var stop = false

  init(file: String, options: YAMLLoader.Options) {
    self.file = file
    self.options = options
    self.maxDepth = min(max(options.maxDepth, 1), 10_000)
  }

  // MARK: - Event loop

  /// Composes every document of `bytes`; stops at the first syntax error.
  mutating func compose(_ bytes: UnsafeBufferPointer<UInt8>) {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    defer {
      parser.deallocate()
      event.deallocate()
    }
    if let encoding = YAMLComposer.wideEncoding(bytes) {
      diagnostics.append(
        .error(
          .yamlEncoding, "the file is \(encoding), not UTF-8",
          at: SourceLocation(file: file, line: 1, column: 1),
          help: "re-save the file as UTF-8 (for example `iconv -f \(encoding) -t UTF-8`)"))
      return
    }
    guard yaml_parser_initialize(parser) == 1 else {
      diagnostics.append(.error(.yamlSyntax, "libyaml could not be initialized", at: nil))
      return
    }
    defer { yaml_parser_delete(parser) }
    input = bytes
    bomLength = YAMLByteLocator.bomLength(bytes)
    cursorByte = bomLength
    covered = bomLength
    let empty: [UInt8] = [0]
    empty.withUnsafeBufferPointer { dummy in
      yaml_parser_set_input_string(parser, bytes.baseAddress ?? dummy.baseAddress, bytes.count)
      while true {
        guard yaml_parser_parse(parser, event) == 1 else {
          reportSyntaxError(parser.pointee, bytes: bytes)
          return
        }
        let type = event.pointee.type
        handle(event)
        yaml_event_delete(event)
        if type == YAML_STREAM_END_EVENT || stop { return }
      }
    }
  }

  /// The name of a UTF-16 or UTF-32 encoding the bytes are in (by byte-order mark, or by the NUL
  /// bytes ASCII text has in them), or `nil`. Annotation files are UTF-8 only (Y014).
  static func wideEncoding(_ b: UnsafeBufferPointer<UInt8>) -> String? {
    if b.count >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF { return "UTF-32BE" }
    if b.count >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 { return "UTF-32LE" }
    if b.count >= 2 && b[0] == 0xFE && b[1] == 0xFF { return "UTF-16BE" }
    if b.count >= 2 && b[0] == 0xFF && b[1] == 0xFE { return "UTF-16LE" }
    if b.count >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0 { return "UTF-32BE" }
    if b.count >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 { return "UTF-32LE" }
    if b.count >= 2 && b[0] == 0 && b[1] != 0 { return "UTF-16BE" }
    if b.count >= 2 && b[0] != 0 && b[1] == 0 { return "UTF-16LE" }
    return nil
  }

  @inline(__always) static func mark(_ m: yaml_mark_t) -> YAMLMark {
    YAMLMark(line: Int32(truncatingIfNeeded: m.line + 1), column: Int32(truncatingIfNeeded: m.column + 1))
  }

  @inline(__always) static func cString(_ p: UnsafeMutablePointer<yaml_char_t>) -> UnsafeBufferPointer<UInt8>
  {
    var n = 0
    while p[n] != 0 { n += 1 }
    return UnsafeBufferPointer(start: p, count: n)
  }

  mutating func handle(_ event: UnsafeMutablePointer<yaml_event_t>) {
    let start = Self.mark(event.pointee.start_mark)
    let end = Self.mark(event.pointee.end_mark)
    let type = event.pointee.type
    let startByte = byteOffset(ofCharacter: Int(event.pointee.start_mark.index))
    let endByte = byteOffset(ofCharacter: Int(event.pointee.end_mark.index))
    if startByte > covered { scanGap(from: covered, to: startByte) }
    if endByte > covered { covered = endByte }
    if type == YAML_STREAM_END_EVENT && input.count > covered { scanGap(from: covered, to: input.count) }
    if skipDepth == 0, let f = frames.last, f.isFlow, start.line != lastEventLine,
      type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT || type == YAML_SEQUENCE_START_EVENT
        || type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_END_EVENT
        || type == YAML_MAPPING_END_EVENT
    {
      checkFlowLine(at: startByte, mark: start, blockColumn: f.blockColumn)
    }
    lastEventLine = end.line
    switch type {
    case YAML_DOCUMENT_START_EVENT:
      let d = event.pointee.data.document_start
      if previousDocumentEndImplicit
        && (d.version_directive != nil || d.tag_directives.start != d.tag_directives.end)
      {
        error(
          .yamlSyntax, "a directive must follow a document end marker (...) when a document precedes it",
          at: start, help: "add a line '...' before the directive")
      }
      if d.implicit == 0 { checkDirectiveComments(from: startByte, to: endByte) }
      beginDocument(at: start, explicit: d.implicit == 0)
    case YAML_DOCUMENT_END_EVENT:
      previousDocumentEndImplicit = event.pointee.data.document_end.implicit != 0
      endDocument()
    case YAML_SCALAR_EVENT:
      if skipDepth > 0 { return }
      let s = event.pointee.data.scalar
      checkScalarSource(
        style: s.style, value: UnsafeBufferPointer(start: s.value, count: s.length), start: start, end: end,
        from: startByte, to: endByte)
      addScalar(
        UnsafeBufferPointer(start: s.value, count: s.length), style: s.style,
        tag: s.tag.map(Self.cString), anchor: s.anchor.map(Self.cString), start: start, end: end)
    case YAML_SEQUENCE_START_EVENT:
      if skipDepth > 0 {
        skipDepth += 1
        return
      }
      let s = event.pointee.data.sequence_start
      startCollection(
        isMapping: false, flow: s.style == YAML_FLOW_SEQUENCE_STYLE, tag: s.tag.map(Self.cString),
        anchor: s.anchor.map(Self.cString), start: start, startIndex: Int(event.pointee.start_mark.index))
    case YAML_MAPPING_START_EVENT:
      if skipDepth > 0 {
        skipDepth += 1
        return
      }
      let s = event.pointee.data.mapping_start
      startCollection(
        isMapping: true, flow: s.style == YAML_FLOW_MAPPING_STYLE, tag: s.tag.map(Self.cString),
        anchor: s.anchor.map(Self.cString), start: start, startIndex: Int(event.pointee.start_mark.index))
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      if skipDepth > 0 {
        skipDepth -= 1
        if skipDepth == 0 { addPlaceholder(start: start, end: end) }
        return
      }
      endCollection(end: end)
    case YAML_ALIAS_EVENT:
      if skipDepth > 0 { return }
      addAlias(Self.cString(event.pointee.data.alias.anchor), start: start, end: end)
    default:
      break
    }
  }

  // MARK: - Documents

  mutating func beginDocument(at mark: YAMLMark, explicit: Bool) {
    nodes = []
    children = []
    texts = []
    if documents.isEmpty {
      // Growing these tables by doubling would copy them several times; a node takes at least two
      // bytes of input, typically ten or more, and reserved pages that stay unused are never touched.
      // Only the first document reserves: a stream of many small documents grows its tables normally.
      let expectedNodes = (input.count - cursorByte) / 10 + 16
      nodes.reserveCapacity(expectedNodes)
      children.reserveCapacity(expectedNodes)
      texts.reserveCapacity(expectedNodes)
    }
    anchorNames = [:]
    otherTags = [:]
    anchors = [:]
    frames = []
    pending = []
    pendingKeys = []
    keyTables = [:]
    root = -1
    aliasExpansion = 0
    budgetExceeded = false
    depthReported = false
    skipDepth = 0
    documentStart = mark
    documentExplicit = explicit
    inDocument = true
  }

  mutating func endDocument() {
    inDocument = false
    guard root >= 0 else { return }
    let storage = YAMLDocument.Storage(
      file: file, nodes: nodes, children: children, texts: texts, anchors: anchorNames, otherTags: otherTags)
    documents.append(
      YAMLDocument(
        storage: storage, rootIndex: root, start: documentStart.location(in: file),
        hasExplicitStart: documentExplicit))
    nodes = []
    children = []
    texts = []
  }

  // MARK: - Nodes

  mutating func addScalar(
    _ value: UnsafeBufferPointer<UInt8>, style rawStyle: yaml_scalar_style_t,
    tag rawTag: UnsafeBufferPointer<UInt8>?,
    anchor: UnsafeBufferPointer<UInt8>?, start: YAMLMark, end: YAMLMark
  ) {
    let style: YAMLScalarStyle
    switch rawStyle {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: style = .literal
    case YAML_FOLDED_SCALAR_STYLE: style = .folded
    default: style = .plain
    }
    let tag = rawTag.map(YAMLTag.classify) ?? .implicit
    var kind: YAMLScalarKind
    switch tag {
    case .implicit:
      kind = style == .plain ? YAMLScalarResolver.resolvePlain(value) : .string
    case .nonSpecific, .str:
      kind = .string
    case .int, .float, .bool, .null:
      let wanted: YAMLScalarKind =
        tag == .int ? .int : tag == .float ? .float : tag == .bool ? .bool : .null
      if YAMLScalarResolver.matches(value, kind: wanted) {
        kind = wanted
      } else {
        kind = .string
        error(
          .yamlTagMismatch,
          "'\(Self.excerpt(value))' is not a valid \(tag.displayName) value", at: start, end: end,
          help: "fix the value or remove the tag \(tag.displayName)")
      }
    case .map, .seq:
      kind = .string
      error(
        .yamlTagMismatch, "tag \(tag.displayName) is not allowed on a scalar", at: start, end: end,
        help: "remove the tag")
    case .other:
      kind = style == .plain ? YAMLScalarResolver.resolvePlain(value) : .string
      reportUnsupportedTag(tag, at: start)
    }
    let index = Int32(nodes.count)
    if case .other(let text) = tag { otherTags[index] = text }
    texts.append(String(decoding: value, as: UTF8.self))
    nodes.append(
      YAMLNodeRecord(
        kind: .scalar, style: style.rawValue, scalarKind: kind, flags: 0, tag: tag.code, start: start,
        end: end,
        payload: Int32(texts.count - 1), count: 0, height: 0, size: 1))
    if let anchor { defineAnchor(anchor, node: index) }
    attach(index, size: 1, height: 0)
  }

  mutating func startCollection(
    isMapping: Bool, flow: Bool, tag rawTag: UnsafeBufferPointer<UInt8>?, anchor: UnsafeBufferPointer<UInt8>?,
    start: YAMLMark, startIndex: Int
  ) {
    if frames.count >= maxDepth {
      skipDepth = 1
      reportDepth(at: start)
      stop = true
      return
    }
    let tag = rawTag.map(YAMLTag.classify) ?? .implicit
    switch tag {
    case .implicit, .nonSpecific: break
    case .map where isMapping: break
    case .seq where !isMapping: break
    case .other: reportUnsupportedTag(tag, at: start)
    default:
      error(
        .yamlTagMismatch, "tag \(tag.displayName) is not allowed on a \(isMapping ? "mapping" : "sequence")",
        at: start, help: "remove the tag")
    }
    let index = Int32(nodes.count)
    if case .other(let text) = tag { otherTags[index] = text }
    var flags: UInt8 = YAMLNodeRecord.flagOpen
    if flow { flags |= YAMLNodeRecord.flagFlow }
    nodes.append(
      YAMLNodeRecord(
        kind: isMapping ? .mapping : .sequence, style: 0, scalarKind: .string, flags: flags, tag: tag.code,
        start: start,
        end: start, payload: 0, count: 0, height: 1, size: 1))
    if let anchor { defineAnchor(anchor, node: index) }
    var blockColumn = frames.last?.blockColumn ?? 0
    if !flow {
      // A block collection written after its properties (`&a` or `!!map` on the line before) has no
      // reliable column here; skip the flow indentation checks inside it.
      let offset = byteOffset(ofCharacter: Int(startIndex))
      let c = offset < input.count ? input[offset] : 0
      blockColumn = c == UInt8(ascii: "!") || c == UInt8(ascii: "&") ? 0 : start.column
    }
    frames.append(
      Frame(
        node: index, isMapping: isMapping, pendingStart: pending.count, keyStart: pendingKeys.count,
        hashedKeys: false,
        size: 1, height: 1, isFlow: flow, blockColumn: blockColumn))
  }

  mutating func endCollection(end: YAMLMark) {
    guard let frame = frames.popLast() else { return }
    let first = children.count
    children.append(contentsOf: pending[frame.pendingStart...])
    pending.removeSubrange(frame.pendingStart...)
    pendingKeys.removeSubrange(frame.keyStart...)
    if frame.hashedKeys { keyTables[frames.count] = nil }
    let i = Int(frame.node)
    nodes[i].payload = Int32(first)
    nodes[i].count = Int32(children.count - first)
    nodes[i].end = end
    nodes[i].size = frame.size
    nodes[i].height = frame.height
    nodes[i].flags &= ~YAMLNodeRecord.flagOpen
    attach(frame.node, size: frame.size, height: frame.height)
  }

  mutating func addAlias(_ name: UnsafeBufferPointer<UInt8>, start: YAMLMark, end: YAMLMark) {
    let anchorName = String(decoding: name, as: UTF8.self)
    guard let target = anchors[anchorName] else {
      error(
        .yamlUndefinedAlias, "alias *\(anchorName) refers to no anchor defined before it", at: start,
        end: end,
        help: "define &\(anchorName) before this alias")
      addPlaceholder(start: start, end: end)
      return
    }
    let t = nodes[Int(target)]
    if t.flags & YAMLNodeRecord.flagOpen != 0 {
      error(
        .yamlRecursiveAlias, "alias *\(anchorName) is inside the node it refers to", at: start, end: end,
        notes: [Diagnostic.Note("anchor &\(anchorName) is defined here", at: t.start.location(in: file))])
      addPlaceholder(start: start, end: end)
      return
    }
    if Int(t.height) + frames.count > maxDepth {
      reportDepth(at: start)
      addPlaceholder(start: start, end: end)
      return
    }
    var size = t.size
    if budgetExceeded {
      size = 1
    } else {
      aliasExpansion += t.size
      if aliasExpansion > options.aliasExpansionBudget {
        budgetExceeded = true
        size = 1
        error(
          .yamlAliasBudget,
          "aliases expand to more than \(options.aliasExpansionBudget) nodes (alias *\(anchorName) adds \(t.size))",
          at: start, end: end,
          notes: [Diagnostic.Note("anchor &\(anchorName) is defined here", at: t.start.location(in: file))],
          help: "write the values out instead of nesting aliases")
      }
    }
    let index = Int32(nodes.count)
    nodes.append(
      YAMLNodeRecord(
        kind: .alias, style: 0, scalarKind: t.scalarKind, flags: 0, tag: 0, start: start, end: end,
        payload: target, count: 0, height: t.height, size: size))
    attach(index, size: size, height: t.height)
  }

  /// A null scalar standing in for content that could not be composed (already reported).
  mutating func addPlaceholder(start: YAMLMark, end: YAMLMark) {
    let index = Int32(nodes.count)
    texts.append("")
    nodes.append(
      YAMLNodeRecord(
        kind: .scalar, style: YAMLScalarStyle.plain.rawValue, scalarKind: .null, flags: 0, tag: 0,
        start: start, end: end, payload: Int32(texts.count - 1), count: 0, height: 0, size: 1))
    attach(index, size: 1, height: 0)
  }

  mutating func defineAnchor(_ name: UnsafeBufferPointer<UInt8>, node: Int32) {
    let anchorName = String(decoding: name, as: UTF8.self)
    anchors[anchorName] = node
    anchorNames[node] = anchorName
    nodes[Int(node)].flags |= YAMLNodeRecord.flagAnchored
  }

  @inline(__always) mutating func attach(_ index: Int32, size: Int, height: Int32) {
    let f = frames.count - 1
    guard f >= 0 else {
      if root < 0 { root = index }
      return
    }
    pending.append(index)
    frames[f].size += size
    if height + 1 > frames[f].height { frames[f].height = height + 1 }
    if frames[f].isMapping && (pending.count - frames[f].pendingStart) & 1 == 1 {
      checkKey(index, frame: f)
    }
  }

  // MARK: - Keys

  mutating func checkKey(_ keyIndex: Int32, frame f: Int) {
    let own = nodes[Int(keyIndex)]
    var key = own
    while key.kind == .alias { key = nodes[Int(key.payload)] }
    guard key.kind == .scalar else { return }
    let text = texts[Int(key.payload)]
    if own.kind == .scalar && own.style == YAMLScalarStyle.plain.rawValue && own.tag == 0
      && text == "<<"
    {
      if options.allowsMergeKeys { return }  // merged by `YAMLJSONConverter`
      error(
        .yamlMergeKey, "merge keys (<<) are not supported", at: own.start, end: own.end,
        help: "write the merged keys out; quote the key ('<<') if you mean the literal string")
      return
    }
    let identity: YAMLKeyIdentity
    if key.scalarKind == .string {
      identity = .string(text)
    } else {
      guard let id = YAMLKeyIdentity(kind: key.scalarKind, text: text) else { return }
      identity = id
    }
    var first: Int32?
    if frames[f].hashedKeys {
      first = keyTables[f]![identity]
      if first == nil { keyTables[f]![identity] = keyIndex }
    } else {
      var k = frames[f].keyStart
      while k < pendingKeys.count {
        if pendingKeys[k].identity == identity {
          first = pendingKeys[k].node
          break
        }
        k += 1
      }
      if first == nil {
        pendingKeys.append((identity, keyIndex))
        if pendingKeys.count - frames[f].keyStart > Self.linearKeyLimit {
          var table: [YAMLKeyIdentity: Int32] = [:]
          for entry in pendingKeys[frames[f].keyStart...] { table[entry.identity] = entry.node }
          keyTables[f] = table
          frames[f].hashedKeys = true
          pendingKeys.removeSubrange(frames[f].keyStart...)
        }
      }
    }
    if let first {
      let firstRecord = nodes[Int(first)]
      error(
        .yamlDuplicateKey, "duplicate key '\(Self.excerpt(text))'", at: own.start, end: own.end,
        pointer: pointerToParent(appending: text),
        notes: [
          Diagnostic.Note(
            "first defined here", at: firstRecord.start.location(in: file, end: firstRecord.end))
        ],
        help: "remove or rename one of the two entries")
    }
  }

  /// The JSON pointer of the innermost open collection, extended by `token`; `nil` when the path goes
  /// through a key that is not a scalar.
  func pointerToParent(appending token: String?) -> String? {
    var tokens: [String] = []
    for i in 0..<frames.count - 1 {
      let position = frames[i + 1].pendingStart - frames[i].pendingStart
      if frames[i].isMapping {
        guard position & 1 == 1 else { return nil }
        var key = nodes[Int(pending[frames[i + 1].pendingStart - 1])]
        while key.kind == .alias { key = nodes[Int(key.payload)] }
        guard key.kind == .scalar else { return nil }
        tokens.append(texts[Int(key.payload)])
      } else {
        tokens.append(String(position))
      }
    }
    if let token { tokens.append(token) }
    return JSONPointer(tokens: tokens).description
  }

  // MARK: - Diagnostics

  /// The mark of a byte offset. Scans from the previous answer when the offset lies after it, so that
  /// reporting many problems in file order stays linear.
  mutating func locate(_ offset: Int) -> YAMLMark {
    if offset < lastLocated.offset {
      lastLocated = (0, YAMLMark(line: 1, column: 1))
    }
    let from = max(lastLocated.offset, bomLength)
    guard let base = input.baseAddress, offset > from else { return lastLocated.mark }
    var mark = lastLocated.mark
    var i = from
    while i < offset {
      let c = base[i]
      if c == 0x0A || (c == 0x0D && !(i + 1 < input.count && base[i + 1] == 0x0A)) {
        mark.line += 1
        mark.column = 1
      } else if c != 0x0D && c & 0xC0 != 0x80 {
        mark.column += 1
      }
      i += 1
    }
    lastLocated = (offset, mark)
    return mark
  }

  mutating func error(
    _ code: DiagnosticCode, _ message: String, at start: YAMLMark, end: YAMLMark? = nil,
    pointer: String? = nil,
    notes: [Diagnostic.Note] = [], help: String? = nil
  ) {
    guard diagnostics.count < YAMLLoader.maxDiagnostics else {
      omitted += 1
      return
    }
    diagnostics.append(
      .error(
        code, message, at: start.location(in: file, end: end), pointer: pointer, notes: notes, help: help))
  }

  mutating func reportUnsupportedTag(_ tag: YAMLTag, at start: YAMLMark) {
    error(
      .yamlUnsupportedTag, "unsupported tag \(tag.displayName)", at: start,
      help: "only !!str, !!int, !!float, !!bool, !!null, !!map, !!seq and ! are accepted; remove the tag")
  }

  mutating func reportDepth(at start: YAMLMark) {
    guard !depthReported else { return }
    depthReported = true
    error(
      .yamlTooDeep, "nesting is deeper than \(maxDepth) levels", at: start,
      help: "flatten the data; the content of this collection was skipped")
  }

  mutating func reportSyntaxError(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
    switch parser.error {
    case YAML_READER_ERROR:
      let at = YAMLByteLocator.mark(ofOffset: parser.problem_offset, in: bytes)
      var message = problem
      if parser.problem_value != -1 {
        message += " (byte 0x\(String(UInt(bitPattern: Int(parser.problem_value)) & 0xFF, radix: 16)))"
      }
      error(.yamlEncoding, message + " at byte offset \(parser.problem_offset)", at: at)
    case YAML_MEMORY_ERROR:
      diagnostics.append(.error(.yamlSyntax, "out of memory while parsing YAML", at: nil))
    default:
      let at = Self.mark(parser.problem_mark)
      // Indentation complaints inside the construct libyaml failed on are noise next to its error.
      let constructStart = parser.context == nil ? at : Self.mark(parser.context_mark)
      diagnostics.removeAll {
        $0.code == .yamlFlowIndentation
          && ($0.location.map { YAMLMark(line: Int32($0.line), column: Int32($0.column)) } ?? at)
            >= constructStart
      }
      var notes: [Diagnostic.Note] = []
      let contextText = parser.context.map { String(cString: $0) }
      if let contextText {
        notes.append(
          Diagnostic.Note(
            YAMLSyntaxMessage.note(forContext: contextText),
            at: Self.mark(parser.context_mark).location(in: file)))
      }
      if let offset = YAMLByteLocator.offset(of: at, in: bytes), offset < bytes.count, bytes[offset] == 0x09 {
        error(
          .yamlTabIndentation, "tab character where YAML expects indentation or a token (\(problem))", at: at,
          notes: notes, help: "replace the tab with spaces")
      } else {
        let plain = YAMLSyntaxMessage(
          problem: problem, context: contextText, at: at,
          contextMark: parser.context == nil ? nil : Self.mark(parser.context_mark), bytes: bytes)
        error(.yamlSyntax, plain.message, at: plain.at, notes: notes, help: plain.help)
      }
    }
  }

  /// A short, single-line rendering of scalar bytes for messages.
  static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    excerpt(String(decoding: bytes, as: UTF8.self))
  }

  static func excerpt(_ text: String) -> String {
    var out = ""
    for (n, c) in text.unicodeScalars.enumerated() {
      if n == 40 {
        out += "…"
        break
      }
      switch c {
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
