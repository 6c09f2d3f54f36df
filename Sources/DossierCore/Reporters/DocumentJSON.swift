import JSONSchema

/// Writes the `dossier inspect --json` form of an `IngestedDocument`: pretty-printed, keys sorted,
/// absent values as `null`, streamed to a sink in chunks so a document with a million blocks needs no
/// more memory than the document itself. Strings are escaped by `JSONWriter.writeString`.
public struct DocumentJSON {
  private var buffer: [UInt8] = []
  private var indent = 0
  private let sink: ([UInt8]) -> Void
  private static let chunkSize = 1 << 20

  /// A JSON member: its key and how to write its value.
  typealias Member = (key: String, write: (inout DocumentJSON) -> Void)

  private init(sink: @escaping ([UInt8]) -> Void) {
    self.sink = sink
    buffer.reserveCapacity(Self.chunkSize + 4096)
  }

  /// Writes a document and a final line feed to `sink`, in chunks of about a megabyte.
  public static func write(_ document: IngestedDocument, to sink: @escaping ([UInt8]) -> Void) {
    var writer = DocumentJSON(sink: sink)
    writer.document(document)
    writer.raw("\n")
    writer.flush()
  }

  /// The JSON text of a document (for tests and small outputs).
  public static func text(of document: IngestedDocument) -> String {
    var bytes: [UInt8] = []
    write(document) { bytes += $0 }
    return String(decoding: bytes, as: UTF8.self)
  }

  // MARK: - Document structure

  private mutating func document(_ document: IngestedDocument) {
    object([
      ("id", { $0.string(document.id) }),
      ("path", { $0.string(document.source.path) }),
      ("title", { $0.optional(document.title) { $0.spanned($1) } }),
      ("byline", { $0.optional(document.byline) { $0.byline($1) } }),
      ("sections", { $0.array(document.sections) { $0.section($1) } }),
      ("blocks", { $0.array(document.blocks) { $0.block($1) } }),
      ("languages", { $0.inlineArray(document.languages.map { .string($0) }) }),
      ("versions", { $0.array(document.versions) { $0.version($1) } }),
      ("diagnostics", { $0.array(document.diagnostics) { $0.diagnostic($1) } }),
      ("scalar_count", { $0.int(document.source.scalarCount) }),
      ("line_count", { $0.int(document.source.lineIndex.lineCount) }),
    ])
  }

  private mutating func spanned(_ value: SpannedText) {
    object([
      ("text", { $0.string(value.text) }), ("start", { $0.int(value.start) }), ("end", { $0.int(value.end) }),
      ("line", { $0.int(value.line) }), ("column", { $0.int(value.column) }),
    ])
  }

  private mutating func byline(_ byline: Byline) {
    object([
      ("line", { $0.spanned(byline.line) }),
      ("source", { $0.optional(byline.source) { $0.spanned($1) } }),
      ("editor", { $0.optional(byline.editor) { $0.spanned($1) } }),
      ("author", { $0.optional(byline.author) { $0.spanned($1) } }),
      ("timestamp", { $0.optional(byline.timestamp) { $0.spanned($1) } }),
    ])
  }

  private mutating func section(_ section: Section) {
    object([
      ("id", { $0.string(section.id) }), ("number", { $0.int(section.number) }),
      ("marker", { $0.string(section.marker) }), ("heading", { $0.spanned(section.heading) }),
      ("title", { $0.spanned(section.title) }), ("language", { $0.string(section.language) }),
      ("version", { $0.optionalString(section.version) }), ("start", { $0.int(section.start) }),
      ("end", { $0.int(section.end) }), ("body_start", { $0.optionalInt(section.bodyStart) }),
      ("body_end", { $0.optionalInt(section.bodyEnd) }),
      ("blocks", { $0.inlineArray(section.blockIDs.map { .string($0) }) }),
    ])
  }

  private mutating func block(_ block: Block) {
    object([
      ("id", { $0.string(block.id) }), ("kind", { $0.string(block.kind.rawValue) }),
      ("language", { $0.string(block.language) }), ("start", { $0.int(block.start) }),
      ("end", { $0.int(block.end) }),
      ("lines", { $0.inlineArray([.int(block.startLine), .int(block.endLine)]) }),
      ("columns", { $0.inlineArray([.int(block.startColumn), .int(block.endColumn)]) }),
      ("text", { $0.string(block.text) }), ("section", { $0.optionalInt(block.section) }),
      ("version", { $0.optionalString(block.version) }), ("parent", { $0.optionalString(block.parent) }),
      ("terminator", { $0.optionalString(block.terminator) }),
      ("marker", { $0.optionalString(block.marker) }),
    ])
  }

  private mutating func version(_ version: ParallelVersion) {
    object([
      ("id", { $0.string(version.id) }), ("language", { $0.string(version.language) }),
      ("title", { $0.spanned(version.title) }), ("start", { $0.int(version.start) }),
      ("end", { $0.int(version.end) }), ("blocks", { $0.inlineArray(version.blockIDs.map { .string($0) }) }),
    ])
  }

  private mutating func diagnostic(_ diagnostic: Diagnostic) {
    object([
      ("severity", { $0.string(diagnostic.severity.rawValue) }), ("code", { $0.string(diagnostic.code.id) }),
      ("message", { $0.string(diagnostic.message) }),
      ("location", { $0.optional(diagnostic.location) { $0.location($1) } }),
      (
        "notes",
        {
          $0.array(diagnostic.notes) { writer, note in
            writer.object([
              ("message", { $0.string(note.message) }),
              ("location", { $0.optional(note.location) { $0.location($1) } }),
            ])
          }
        }
      ),
      ("help", { $0.optionalString(diagnostic.help) }),
    ])
  }

  private mutating func location(_ location: SourceLocation) {
    object([
      ("file", { $0.string(location.file) }), ("line", { $0.int(location.line) }),
      ("column", { $0.int(location.column) }), ("end_line", { $0.optionalInt(location.endLine) }),
      ("end_column", { $0.optionalInt(location.endColumn) }),
    ])
  }

  // MARK: - JSON syntax

  /// A scalar for inline arrays.
  private enum Scalar {
    case int(Int)
    case string(String)
  }

  /// An object with one member per line, members sorted by key.
  private mutating func object(_ members: [Member]) {
    guard !members.isEmpty else { return raw("{}") }
    raw("{")
    indent += 1
    for (position, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
      .enumerated()
    {
      raw(position == 0 ? "\n" : ",\n")
      spaces()
      string(member.key)
      raw(": ")
      member.write(&self)
    }
    indent -= 1
    raw("\n")
    spaces()
    raw("}")
    flushIfFull()
  }

  /// An array with one element per line.
  private mutating func array<Element>(_ elements: [Element], _ write: (inout DocumentJSON, Element) -> Void)
  {
    guard !elements.isEmpty else { return raw("[]") }
    raw("[")
    indent += 1
    for (position, element) in elements.enumerated() {
      raw(position == 0 ? "\n" : ",\n")
      spaces()
      write(&self, element)
    }
    indent -= 1
    raw("\n")
    spaces()
    raw("]")
  }

  /// An array of scalars on one line: `[1, 2]`, `["en", "zh"]`.
  private mutating func inlineArray(_ elements: [Scalar]) {
    raw("[")
    for (position, element) in elements.enumerated() {
      if position > 0 { raw(", ") }
      switch element {
      case .int(let value): int(value)
      case .string(let value): string(value)
      }
    }
    raw("]")
  }

  private mutating func optional<Value>(_ value: Value?, _ write: (inout DocumentJSON, Value) -> Void) {
    if let value { write(&self, value) } else { raw("null") }
  }

  private mutating func optionalString(_ value: String?) {
    if let value { string(value) } else { raw("null") }
  }

  private mutating func optionalInt(_ value: Int?) {
    if let value { int(value) } else { raw("null") }
  }

  private mutating func int(_ value: Int) { raw(String(value)) }

  /// A JSON string, escaped by `JSONWriter.writeString` (CJK and other characters as UTF-8).
  private mutating func string(_ value: String) {
    var text = ""
    JSONWriter.writeString(value, to: &text)
    buffer += text.utf8
    flushIfFull()
  }

  private mutating func raw(_ text: String) { buffer += text.utf8 }

  private mutating func spaces() { buffer += repeatElement(UInt8(ascii: " "), count: indent * 2) }

  private mutating func flushIfFull() {
    if buffer.count >= Self.chunkSize { flush() }
  }

  private mutating func flush() {
    guard !buffer.isEmpty else { return }
    sink(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}
