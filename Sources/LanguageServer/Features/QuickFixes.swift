import DossierCore
import JSONSchema

/// A quick fix: a title and the replacement of one range of the annotation.
struct QuickFix: Sendable, Hashable {
  var title: String
  var location: SourceLocation
  var replacement: String
}

/// Quick fixes for diagnostics, computed from structured data only: the diagnostic's code, pointer and
/// notes' locations, the annotation's values and the vocabularies — with the library's own "did you
/// mean" search (`Suggestion`, `Vocabularies.suggestCountry`) — never from message text.
struct QuickFixes {
  let analysis: DocumentAnalysis
  let codebook: Codebook
  let vocabularies: Vocabularies?
  /// Text of files by path (the document, for fixes that copy its words).
  let text: (String) -> String?

  func fixes(for diagnostic: Diagnostic) -> [QuickFix] {
    guard let pointerText = diagnostic.pointer,
      let pointer = JSONPointer(pointerText == "/" ? "" : pointerText)
    else {
      return diagnostic.code == .annotationSchemaComment ? [schemaComment()] : []
    }
    switch diagnostic.code {
    case .semanticUnknownCountry:
      return replaceValue(
        at: pointer,
        with: suggestions(for: pointer) { vocabularies?.suggestCountry(for: $0).map { [$0] } ?? [] })
    case .semanticUnknownOrganization:
      return replaceValue(
        at: pointer,
        with: suggestions(for: pointer) { vocabularies?.suggestOrganization(for: $0).map { [$0] } ?? [] })
    case .semanticUnknownArea:
      return replaceValue(at: pointer, with: closeMatches(at: pointer, among: codebook.areas.map(\.value)))
    case .semanticUnknownType:
      return replaceValue(
        at: pointer, with: closeMatches(at: pointer, among: codebook.activityTypes.map(\.value)))
    case .semanticUnknownSubtype:
      let type = analysis.value(at: pointer.parent)?["type"]?.stringValue
      let candidates = codebook.entries(for: "subtype", activityType: type).map(\.value)
      return replaceValue(at: pointer, with: closeMatches(at: pointer, among: candidates))
    case .semanticUnknownTerm:
      let vocabulary = analysis.value(at: pointer.parent)?["vocabulary"]?.stringValue
      let candidates = (vocabulary == "activity-types" ? codebook.activityTypes : codebook.areas).map(\.value)
      return replaceValue(at: pointer, with: closeMatches(at: pointer, among: candidates))
    case .semanticUnknownPartOf:
      let ids = (analysis.value(at: .root)?["activities"]?.arrayValue ?? []).compactMap {
        $0["id"]?.stringValue
      }
      let own = analysis.value(at: pointer.parent)?["id"]?.stringValue
      return replaceValue(at: pointer, with: closeMatches(at: pointer, among: ids.filter { $0 != own }))
    case .schemaNotAllowed:
      guard let key = pointer.tokens.last.flatMap({ Int($0) == nil ? $0 : pointer.tokens.dropLast().last })
      else {
        return []
      }
      return replaceValue(
        at: pointer, with: closeMatches(at: pointer, among: (codebook.enumerations[key] ?? []).map(\.value)))
    case .schemaUnknownKey:
      return renameKey(at: pointer)
    case .semanticQuoteAmbiguous:
      return occurrences(at: pointer, count: diagnostic.notes.filter { $0.location != nil }.count)
    case .semanticQuoteNotFound, .annotationDisagreesWithText:
      return copyFromDocument(at: pointer, notes: diagnostic.notes)
    default:
      return []
    }
  }

  // MARK: Suggestions

  func suggestions(for pointer: JSONPointer, _ search: (String) -> [String]) -> [String] {
    guard let value = analysis.value(at: pointer)?.stringValue else { return [] }
    return search(value)
  }

  func closeMatches(at pointer: JSONPointer, among candidates: [String]) -> [String] {
    guard let value = analysis.value(at: pointer)?.stringValue else { return [] }
    return Suggestion.closeMatches(for: value, among: candidates, limit: 3)
  }

  /// Replace the value at `pointer` with each candidate.
  func replaceValue(at pointer: JSONPointer, with candidates: [String]) -> [QuickFix] {
    guard let location = analysis.located?.location(at: pointer) else { return [] }
    return candidates.map {
      QuickFix(title: "Change to '\($0)'", location: location, replacement: Self.scalar($0))
    }
  }

  /// Rename an unknown key to the closest allowed key of its object.
  func renameKey(at pointer: JSONPointer) -> [QuickFix] {
    guard let key = pointer.tokens.last, let location = analysis.located?.keyLocation(at: pointer) else {
      return []
    }
    let siblings = Set(analysis.value(at: pointer.parent)?.objectValue?.keys ?? [])
    let allowed = codebook.keys(ofObjectAt: pointer.parent).filter { !siblings.contains($0) }
    return Suggestion.closeMatches(for: key, among: allowed, limit: 3).map {
      QuickFix(title: "Rename to '\($0)'", location: location, replacement: $0)
    }
  }

  /// Write an ambiguous quote as `{quote: …, occurrence: N}`, one fix per occurrence.
  func occurrences(at pointer: JSONPointer, count: Int) -> [QuickFix] {
    guard count > 0, let location = analysis.located?.location(at: pointer),
      let quote = analysis.value(at: pointer)?.stringValue
    else { return [] }
    return (1...count).map { n in
      QuickFix(
        title: "Write {quote: …, occurrence: \(n)}", location: location,
        replacement: "{quote: \(JSONWriter.text(of: .string(quote))), occurrence: \(n)}")
    }
  }

  /// Replace the value with the words of the document a note points at (the closest text of a quote
  /// that is not found, the text's value of a field that disagrees with it).
  func copyFromDocument(at pointer: JSONPointer, notes: [Diagnostic.Note]) -> [QuickFix] {
    guard let location = analysis.located?.location(at: pointer), let documentPath = analysis.documentPath
    else { return [] }
    var fixes: [QuickFix] = []
    for note in notes {
      guard let at = note.location, at.file == documentPath, at.endColumn != nil,
        let words = Self.text(at: at, in: text(documentPath) ?? ""), !words.isEmpty
      else { continue }
      let folded = words.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" })
        .map { $0.trimmingCharacters(in: " ") }.joined(separator: " ")
      guard folded != analysis.value(at: pointer)?.stringValue else { continue }
      fixes.append(
        QuickFix(
          title: "Use the document's words: \(JSONWriter.text(of: .string(folded)))", location: location,
          replacement: Self.scalar(folded)))
    }
    return fixes
  }

  func schemaComment() -> QuickFix {
    QuickFix(
      title: "Add the schema line for editors",
      location: SourceLocation(file: analysis.annotationPath, line: 1, column: 1, endLine: 1, endColumn: 1),
      replacement: CorpusValidator.schemaComment + "\n")
  }

  /// The text between a location's start and end in `text` (lines and scalar columns).
  static func text(at location: SourceLocation, in text: String) -> String? {
    guard let endColumn = location.endColumn else { return nil }
    let table = LineTable(text)
    let start = table.position(line: location.line, column: location.column)
    let end = table.position(line: location.endLine ?? location.line, column: endColumn)
    let lower = table.scalarOffset(of: start)
    let upper = table.scalarOffset(of: end)
    guard upper >= lower else { return nil }
    let scalars = Array(text.unicodeScalars)
    guard upper <= scalars.count else { return nil }
    return String(String.UnicodeScalarView(scalars[lower..<upper]))
  }

  /// A YAML scalar for a value: plain when that is safe anywhere (block or flow), else double-quoted.
  static func scalar(_ value: String) -> String {
    let unsafe: Set<Unicode.Scalar> = [
      ":", "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\",
    ]
    let scalars = Array(value.unicodeScalars)
    let plain =
      !scalars.isEmpty && scalars.first != " " && scalars.last != " " && scalars.first != "-"
      && scalars.first != "?" && !scalars.contains { unsafe.contains($0) || $0.value < 0x20 }
      && !["true", "false", "null", "~", "yes", "no", "on", "off"].contains(value.lowercased())
      && Int(value) == nil && Double(value) == nil
    return plain ? value : JSONWriter.text(of: .string(value))
  }
}

extension Codebook {
  /// The keys the schema allows in the object at `pointer` (by where the object sits in an
  /// annotation: `/activities/0` is an activity, `…/participants/1` a participant, …).
  func keys(ofObjectAt pointer: JSONPointer) -> [String] {
    let tokens = pointer.tokens
    let definition: String
    guard let last = tokens.last else { return objectKeys[""] ?? [] }
    let parent = tokens.dropLast().last
    switch (Int(last) != nil ? parent : last) ?? "" {
    case "activities": definition = "activity"
    case "participants": definition = "participant"
    case "quantities", "total": definition = "quantity"
    case "members": definition = "setMember"
    case "set": definition = "participantSet"
    case "terms": definition = "term"
    case "en", "zh": definition = "termForm"
    case "corrections": definition = "correction"
    case let other: definition = other
    }
    return objectKeys[definition] ?? []
  }
}

extension LanguageServer {
  /// `textDocument/codeAction`: quick fixes for the diagnostics of the requested range.
  func codeActions(_ params: JSONValue?) -> Result<JSONValue, ResponseError> {
    guard let uri = params?["textDocument"]?["uri"]?.stringValue,
      let start = Self.position(params?["range"]?["start"]), let end = Self.position(params?["range"]?["end"])
    else { return .failure(.invalidParams("textDocument.uri and range are required")) }
    guard let document = documents[uri], let workspace, let analysis = analysis(of: document),
      let validation = lastValidation
    else { return .success(.array([])) }
    let display = workspace.displayPath(document.path)
    let table = LineTable(validation.sources[display] ?? document.text)
    let fixer = QuickFixes(
      analysis: analysis, codebook: workspace.codebook, vocabularies: workspace.validator.vocabularies,
      text: { workspace.text(ofPath: workspace.absolutePath($0)) })
    let converter = DiagnosticConverter(
      workspace: workspace, sources: validation.sources, uris: uris,
      overlays: [(display, document.text)])
    let current = LineTable(document.text)
    var actions: [JSONValue] = []
    for diagnostic in validation.diagnostics where diagnostic.location?.file == display {
      let range = table.range(of: diagnostic.location!)
      guard range.start <= end, start <= range.end || (range.start == range.end && range.start == start)
      else {
        continue
      }
      let lspDiagnostic = converter.convert(diagnostic)
      for (index, fix) in fixer.fixes(for: diagnostic).enumerated() {
        let edit = JSONObject([
          ("range", DiagnosticConverter.json(current.range(of: fix.location))),
          ("newText", .string(fix.replacement)),
        ])
        actions.append(
          .object(
            JSONObject([
              ("title", .string(fix.title)),
              ("kind", .string("quickfix")),
              ("diagnostics", .array([lspDiagnostic])),
              ("isPreferred", .bool(index == 0)),
              (
                "edit",
                .object(
                  JSONObject([("changes", .object(JSONObject([(uri, .array([.object(edit)]))])))]))
              ),
            ])))
      }
    }
    return .success(.array(actions))
  }
}
