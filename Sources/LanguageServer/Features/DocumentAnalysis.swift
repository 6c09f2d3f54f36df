import DossierCore
import JSONSchema

/// One annotation run through the library's stages on its own (ingest the text, load the YAML,
/// merge, semantic checks), for what the editor asks about a place in it: which value is under the
/// cursor, where each quote was found in the text, and the document's sections. Diagnostics are not
/// taken from here but from the corpus validation, which is exactly `dossier validate`'s.
struct DocumentAnalysis: Sendable {
  /// The annotation's path and text as analysed.
  var annotationPath: String
  var annotationText: String
  /// The document's path, when the annotation has one.
  var documentPath: String?
  /// The loaded annotation with source locations (nil when the YAML cannot be read).
  var located: LocatedJSON?
  /// The ingested document (nil when there is none or it cannot be read).
  var ingested: IngestedDocument?
  /// The result of the semantic checks (nil when the annotation cannot be decoded or merged).
  var validated: ValidatedDocument?
  /// Pointer → location of every value and key, in document order.
  var entries: [(pointer: JSONPointer, entry: JSONSourceMap.Entry)] = []

  init(input: CorpusDocumentInput, annotationPath: String, vocabularies: Vocabularies?) {
    self.annotationPath = annotationPath
    annotationText = input.annotation?.text ?? ""
    documentPath = input.text?.path
    if let text = input.text {
      ingested = try? DocumentIngester().ingest(SourceDocument(path: text.path, bytes: text.bytes))
    }
    guard let annotation = input.annotation else { return }
    located = try? YAMLLoader().load(annotation.bytes, file: annotation.path)
    guard let located else { return }
    entries = located.sourceMap.entries()
    guard let ingested, let decoded = AnnotationDecoder().decode(located.value) else { return }
    let merged = AnnotationMerger().merge(
      ingested, annotation: decoded, located: located, annotationPath: annotation.path)
    if let vocabularies {
      validated = SemanticValidator(vocabularies: vocabularies).validate(merged.document).document
    }
  }

  /// The pointer of the innermost value written at a 1-based line and column, and whether the
  /// position is on the member's key rather than its value.
  func pointer(atLine line: Int, column: Int) -> (pointer: JSONPointer, onKey: Bool)? {
    var best: (pointer: JSONPointer, onKey: Bool, size: Int)?
    for (pointer, entry) in entries {
      if let key = entry.keyLocation, Self.contains(key, line: line, column: column) {
        let size = Self.size(key)
        if best == nil || size <= best!.size { best = (pointer, true, size) }
      }
      if Self.contains(entry.location, line: line, column: column) {
        let size = Self.size(entry.location)
        if best == nil || size <= best!.size { best = (pointer, false, size) }
      }
    }
    return best.map { ($0.pointer, $0.onKey) }
  }

  static func contains(_ location: SourceLocation, line: Int, column: Int) -> Bool {
    let endLine = location.endLine ?? location.line
    let endColumn = location.endColumn ?? location.column
    if (line, column) < (location.line, location.column) { return false }
    return (line, column) <= (endLine, endColumn)
  }

  /// A rough size for choosing the innermost of nested locations.
  static func size(_ location: SourceLocation) -> Int {
    let lines = (location.endLine ?? location.line) - location.line
    return lines * 10_000 + ((location.endColumn ?? location.column) - location.column)
  }

  /// The value at a pointer.
  func value(at pointer: JSONPointer) -> JSONValue? { located.flatMap { pointer.resolve(in: $0.value) } }

  /// The quote whose pointer is `pointer` or its parent (`…/members/3/quote` → `…/members/3`).
  func quotePointer(near pointer: JSONPointer) -> JSONPointer? {
    var candidates = [pointer]
    if let last = pointer.tokens.last, last == "quote" || last == "occurrence" {
      candidates.append(pointer.parent)
    }
    return candidates.first { Self.isQuote($0, in: located?.value) }
  }

  /// Whether the value at `pointer` is a quote (docs/annotations.md §5, "Which fields are quotes").
  static func isQuote(_ pointer: JSONPointer, in root: JSONValue?) -> Bool {
    let tokens = pointer.tokens
    guard let last = tokens.last else { return false }
    let parent = tokens.dropLast().last
    if Int(last) != nil { return parent == "evidence" || parent == "members" }
    switch last {
    case "name": return tokens.count == 3 && tokens.first == "activities"
    case "first_of_kind", "completeness_evidence": return true
    case "raw":
      // date.raw, location.raw, edition.raw, quantities[].raw, participants[].raw, total.raw
      return tokens.first == "activities"
    case "evidence": return parent == "en" || parent == "zh"
    default: return false
    }
  }
}
