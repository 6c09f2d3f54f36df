import DossierCore
import Foundation
import JSONSchema

extension LanguageServer {
  /// The analysis of an open annotation at its current text (cached until the next change).
  func analysis(of document: OpenDocument) -> DocumentAnalysis? {
    guard let workspace, let id = Workspace.documentID(ofPath: document.path) else { return nil }
    if let cached = analyses[id], cached.annotationText == document.text { return cached }
    guard let input = workspace.corpus().first(where: { $0.id == id }) else { return nil }
    let made = DocumentAnalysis(
      input: input, annotationPath: workspace.displayPath(document.path),
      vocabularies: workspace.validator.vocabularies)
    analyses[id] = made
    return made
  }

  // MARK: Completion

  func completion(in document: OpenDocument, at position: LSPPosition) -> JSONValue {
    guard let workspace else { return .null }
    let table = LineTable(document.text)
    guard let context = YAMLLineContext.at(line: position.line, character: position.character, in: table)
    else {
      return .array([])
    }
    let range = LSPRange(
      start: LSPPosition(line: position.line, character: context.partialStart), end: position)
    var items: [JSONValue] = []
    let codebook = workspace.codebook
    switch context.key {
    case "section":
      guard let ingested = analysis(of: document)?.ingested else { break }
      for (rank, section) in ingested.sections.enumerated() {
        items.append(
          Self.completionItem(
            label: String(section.number), detail: section.title.text,
            documentation: "Section \(section.number): \(section.heading.text)", kind: 12, range: range,
            sortText: String(format: "%04d", rank)))
      }
    case "part_of":
      let own = document.text
      for id in Self.activityIDs(in: own) {
        items.append(
          Self.completionItem(
            label: id, detail: "activity of this document", documentation: nil, kind: 18, range: range))
      }
    default:
      var key = context.key
      if key == "members" { key = "country" }
      var activityType: String?
      if key == "subtype" {
        let line = Array(table.lineScalars(position.line))
        var indent = 0
        while indent < line.count, line[indent] == " " || line[indent] == "-" { indent += 1 }
        activityType = YAMLLineContext.siblingValue(
          of: "type", near: position.line, indent: indent, in: table)
      }
      let entries = codebook.entries(for: key, activityType: activityType)
      for (rank, entry) in entries.enumerated() {
        let labels = [entry.english, entry.chinese].compactMap { $0 }
        var filter = ([entry.value] + labels + entry.aliases).joined(separator: " ")
        if filter.unicodeScalars.count > 400 { filter = String(filter.prefix(400)) }
        items.append(
          Self.completionItem(
            label: entry.value, detail: labels.isEmpty ? nil : labels.joined(separator: " · "),
            documentation: Self.markdown(of: entry, key: key), kind: 20, range: range,
            sortText: String(format: "%d%05d", entry.isReserved ? 1 : 0, rank), filterText: filter,
            deprecated: entry.isReserved))
      }
    }
    return .object(JSONObject([("isIncomplete", .bool(false)), ("items", .array(items))]))
  }

  static func completionItem(
    label: String, detail: String?, documentation: String?, kind: Int, range: LSPRange,
    sortText: String? = nil,
    filterText: String? = nil, deprecated: Bool = false
  ) -> JSONValue {
    var item = JSONObject([
      ("label", .string(label)), ("kind", .integer(kind)),
      (
        "textEdit",
        .object(JSONObject([("range", DiagnosticConverter.json(range)), ("newText", .string(label))]))
      ),
    ])
    if let detail { item["detail"] = .string(detail) }
    if let documentation {
      item["documentation"] = .object(
        JSONObject([("kind", .string("markdown")), ("value", .string(documentation))]))
    }
    if let sortText { item["sortText"] = .string(sortText) }
    if let filterText { item["filterText"] = .string(filterText) }
    if deprecated { item["tags"] = .array([.integer(1)]) }
    return .object(item)
  }

  /// Activity ids written in an annotation's text (`- id: x` lines), in order.
  static func activityIDs(in text: String) -> [String] {
    var ids: [String] = []
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      let trimmed = line.drop { $0 == " " || $0 == "-" }
      guard trimmed.hasPrefix("id:") else { continue }
      let value = trimmed.dropFirst(3).trimmingCharacters(in: " \"'")
      if !value.isEmpty, !ids.contains(value) { ids.append(value) }
    }
    return ids
  }

  /// The Markdown shown for a codebook entry.
  static func markdown(of entry: Codebook.Entry, key: String) -> String {
    var lines = ["**`\(entry.value)`**" + (entry.isReserved ? " (reserved)" : "")]
    if let english = entry.english { lines.append("en: \(english)") }
    if let chinese = entry.chinese { lines.append("zh: \(chinese)") }
    if let definition = entry.definition { lines.append(definition) }
    if !entry.aliases.isEmpty {
      lines.append("Also written: " + entry.aliases.prefix(8).joined(separator: ", "))
    }
    lines.append("_\(entry.source)_")
    return lines.joined(separator: "\n\n")
  }

  // MARK: Hover

  func hover(in document: OpenDocument, at position: LSPPosition) -> JSONValue {
    guard let workspace, let analysis = analysis(of: document) else { return .null }
    let table = LineTable(document.text)
    let (line, column) = table.location(of: position)
    guard let (pointer, onKey) = analysis.pointer(atLine: line, column: column), !onKey else { return .null }
    var text: String?
    var location: SourceLocation?
    if let quote = analysis.quotePointer(near: pointer) {
      location = analysis.located?.location(at: quote)
      text = quoteHover(quote, analysis: analysis)
    } else if pointer.tokens.last == "section",
      let number = analysis.value(at: pointer)?.numberValue?.intValue
    {
      location = analysis.located?.location(at: pointer)
      text = sectionHover(number, analysis: analysis)
    } else if let value = analysis.value(at: pointer)?.stringValue,
      let key = Self.vocabularyKey(of: pointer, in: analysis)
    {
      location = analysis.located?.location(at: pointer)
      if let entry = workspace.codebook.entry(
        for: key, value: value, vocabularies: workspace.validator.vocabularies)
      {
        text = Self.markdown(of: entry, key: key)
      }
    }
    guard let text else { return .null }
    var result = JSONObject([
      ("contents", .object(JSONObject([("kind", .string("markdown")), ("value", .string(text))])))
    ])
    if let location { result["range"] = DiagnosticConverter.json(table.range(of: location)) }
    return .object(result)
  }

  /// The codebook key of the value at a pointer (`…/areas/0` → `areas`, `…/members/2` → `country`).
  static func vocabularyKey(of pointer: JSONPointer, in analysis: DocumentAnalysis) -> String? {
    let tokens = pointer.tokens
    guard let last = tokens.last else { return nil }
    if Int(last) != nil {
      let parent = tokens.dropLast().last
      if parent == "areas" || parent == "mode" { return parent }
      if parent == "members" {
        let kind = analysis.value(at: pointer.parent.parent)?["member_kind"]?.stringValue
        return kind == "organization" ? "organization" : "country"
      }
      return nil
    }
    if last == "term" {
      let vocabulary = analysis.value(at: pointer.parent)?["vocabulary"]?.stringValue
      return vocabulary == "activity-types" ? "type" : "areas"
    }
    return last
  }

  func quoteHover(_ pointer: JSONPointer, analysis: DocumentAnalysis) -> String {
    let written = analysis.value(at: pointer)
    let quoteText = written?.stringValue ?? written?["quote"]?.stringValue ?? ""
    if let span = analysis.validated?.quoteSpans[pointer], let ingested = analysis.ingested {
      let found = ingested.source.text(in: span)
      let where_ = ingested.source.location(of: span.lowerBound, end: span.upperBound)
      let name = Path.name(of: ingested.source.path)
      return "**Found** in \(name) at line \(where_.line), column \(where_.column):\n\n"
        + Self.blockQuote(found)
    }
    // Not found as written: say why, in the validator's words.
    let problems = (lastValidation?.diagnostics ?? []).filter {
      $0.pointer == pointer.description && $0.location?.file == analysis.annotationPath
    }
    if let problem = problems.first {
      var lines = ["**Not matched**: \(problem.message)"]
      for note in problem.notes { lines.append("- \(note.message)") }
      if let help = problem.help { lines.append("_\(help)_") }
      return lines.joined(separator: "\n\n")
    }
    if analysis.ingested == nil { return "**Not checked**: the annotation has no readable document (.txt)." }
    if analysis.validated == nil {
      return
        "**Not checked yet**: fix the annotation's structural errors first (quote \(Self.inline(quoteText)))."
    }
    return "**Not checked**: the quote's scope could not be determined (see the other diagnostics)."
  }

  func sectionHover(_ number: Int, analysis: DocumentAnalysis) -> String? {
    guard let ingested = analysis.ingested else { return nil }
    if let section = ingested.section(number: number) {
      let where_ = ingested.source.location(of: section.start)
      return "**Section \(number)** (line \(where_.line)): \(section.title.text)"
    }
    if number == 0 { return "**Section 0**: the unnumbered text of the document" }
    return "**No section \(number)** in \(Path.name(of: ingested.source.path))"
  }

  static func blockQuote(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
  }

  static func inline(_ text: String) -> String { "`" + text.replacingBackticks() + "`" }

  // MARK: Definition

  func definition(in document: OpenDocument, at position: LSPPosition) -> JSONValue {
    guard let workspace, let analysis = analysis(of: document), let ingested = analysis.ingested,
      let textPath = analysis.documentPath.map(workspace.absolutePath)
    else { return .null }
    let table = LineTable(document.text)
    let (line, column) = table.location(of: position)
    guard let (pointer, _) = analysis.pointer(atLine: line, column: column) else { return .null }
    var target: SourceLocation?
    if let quote = analysis.quotePointer(near: pointer), let span = analysis.validated?.quoteSpans[quote] {
      target = ingested.source.location(of: span.lowerBound, end: span.upperBound)
    } else if pointer.tokens.last == "section",
      let number = analysis.value(at: pointer)?.numberValue?.intValue,
      let section = ingested.section(number: number)
    {
      target = ingested.source.location(of: section.start, end: section.end)
    }
    guard let target else { return .null }
    let documentTable = LineTable(workspace.text(ofPath: textPath) ?? ingested.source.text)
    return .object(
      JSONObject([
        ("uri", .string(uris[textPath] ?? DocumentURI.uri(ofPath: textPath))),
        ("range", DiagnosticConverter.json(documentTable.range(of: target))),
      ]))
  }
}

extension String {
  fileprivate func replacingBackticks() -> String { String(map { $0 == "`" ? "'" : $0 }) }
}
