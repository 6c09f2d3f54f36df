/// The static HTML report of a corpus (`dossier report`, docs/report.md): `index.html` (documents,
/// activities per type, area and year, countries by number of activities as inline SVG charts with
/// data tables, and the warnings) and `documents/ID.html` per document (the article text with every
/// evidence span as a `<mark>` linked to the card of its activity, and each card linking back).
///
/// Built incrementally so memory holds one document at a time plus counts: `page(for:)` per document
/// (in any order), then `index(warnings:)`. No server, no network, no script, no external asset; the
/// same inputs give the same bytes.
public struct CorpusReport: Sendable {
  /// One document as the report needs it.
  public struct Document: Sendable {
    public var ingested: IngestedDocument
    /// The document's records (only this document's).
    public var records: RecordSet
    public init(ingested: IngestedDocument, records: RecordSet) {
      self.ingested = ingested
      self.records = records
    }
  }

  /// A row of the index's document table.
  struct DocumentRow: Sendable {
    var id: String
    var title: String
    var kind: String
    var published: String?
    var languages: [String]
    var activities: Int
    var evidence: Int
    var terms: Int
    /// False for a document listed without a page (it has no annotation).
    var hasPage = true
  }

  /// Labels shown beside ids (`exercise` → `Military exercise`), by vocabulary term id.
  public var labels: [String: String]
  private var rows: [DocumentRow] = []
  private var byType: [String: Int] = [:]
  private var byArea: [String: Int] = [:]
  private var byYear: [String: Int] = [:]
  private var byCountry: [String: Int] = [:]
  private var countryNames: [String: String] = [:]

  /// Creates an empty report; `labels` names vocabulary terms (see `labels(from:)`).
  public init(labels: [String: String] = [:]) {
    self.labels = labels
  }

  /// English labels of activity types and areas, and English names of countries, from a catalog.
  public static func labels(from catalog: VocabularyCatalog) -> [String: String] {
    var labels: [String: String] = [:]
    for term in catalog.terms(in: [.types, .areas, .countries]) {
      if let label = term.labels["en"] { labels[term.id] = label }
    }
    return labels
  }

  // MARK: Document pages

  /// The page of one document (`documents/ID.html`); counts it for the index.
  public mutating func page(for document: Document) -> ExportFile {
    let records = document.records
    let ingested = document.ingested
    let record = records.documents.first
    let title = record?.title ?? ingested.title?.text ?? ingested.id
    let activities = Self.textOrder(records)
    var order: [String: Int] = [:]
    for (position, activity) in activities.enumerated() { order[activity.id] = position + 1 }
    rows.append(
      DocumentRow(
        id: ingested.id, title: title, kind: record?.kind ?? "", published: record?.published,
        languages: record?.languages ?? ingested.languages, activities: activities.count,
        evidence: records.evidence.count, terms: records.terms.count))
    for activity in activities {
      byType[activity.type, default: 0] += 1
      for area in Set(activity.areas) { byArea[area, default: 0] += 1 }
      let year = activity.date.flatMap { $0.earliest ?? $0.latest }.map { String($0.prefix(4)) } ?? "undated"
      byYear[year, default: 0] += 1
    }
    var countriesOfActivity: [String: Set<String>] = [:]
    for participant in records.participants {
      guard let code = participant.countryISO3 else { continue }
      countriesOfActivity[participant.activityID, default: []].insert(code)
      if let name = participant.countryNameEn { countryNames[code] = name }
    }
    for activity in activities {
      if let code = activity.locationISO3 { countriesOfActivity[activity.id, default: []].insert(code) }
    }
    for codes in countriesOfActivity.values {
      for code in codes { byCountry[code, default: 0] += 1 }
    }

    let language = ingested.languages.first { $0 != "und" } ?? "en"
    var html = Self.head(title: "\(ingested.id) — \(title)", language: language, stylesheetDepth: 1)
    html += "<body>\n<a class=\"skip\" href=\"#text\">Skip to the article text</a>\n"
    html += "<nav aria-label=\"Report\"><a href=\"../index.html\">Corpus index</a></nav>\n<main>\n"
    html += "<h1>\(HTMLText.escape(title))</h1>\n"
    html += metadataList(record, ingested: ingested)
    html += "<section aria-labelledby=\"text-heading\">\n<h2 id=\"text-heading\">Article text</h2>\n"
    if !records.evidence.isEmpty {
      html += "<p class=\"hint\">Highlighted passages are evidence; the number after each one links to the "
      html += "activity it supports.</p>\n"
    }
    if !records.terms.isEmpty {
      html += "<p class=\"hint\">Highlighted passages state vocabulary terms; the label after each one links "
      html += "to the term.</p>\n"
    }
    html +=
      "<div class=\"text\" id=\"text\" tabindex=\"-1\">" + text(document, order: order)
      + "</div>\n</section>\n"
    html += cards(records, activities: activities, order: order)
    html += termList(records)
    html += "</main>\n</body>\n</html>\n"
    return ExportFile(path: "documents/\(Self.fileName(ingested.id))", text: html)
  }

  /// Lists a document that has no page (no annotation yet) in the index's document table.
  public mutating func listWithoutPage(id: String, title: String?, languages: [String]) {
    rows.append(
      DocumentRow(
        id: id, title: title ?? "", kind: "not annotated", published: nil, languages: languages,
        activities: 0,
        evidence: 0, terms: 0, hasPage: false))
  }

  /// The file name of a document's page.
  public static func fileName(_ id: String) -> String { id + ".html" }

  private func metadataList(_ record: DocumentRecord?, ingested: IngestedDocument) -> String {
    var fields: [(String, String)] = [("Document", ingested.id)]
    if let record {
      fields.append(("Kind", record.kind))
      if let publisher = record.publisher { fields.append(("Publisher", publisher)) }
      if let editor = record.editor { fields.append(("Editor", editor)) }
      if let published = record.published { fields.append(("Published", published)) }
      fields.append(("Languages", record.languages.joined(separator: ", ")))
      fields.append(("Source file", record.sourceFile))
      fields.append(("SHA-256", record.sourceSHA256))
    }
    var out = "<dl class=\"meta\">\n"
    for (name, value) in fields {
      out += "<dt>\(HTMLText.escape(name))</dt><dd>\(HTMLText.escape(value))</dd>\n"
    }
    return out + "</dl>\n"
  }

  /// The article text with language spans and one `<mark>` per evidence span.
  private func text(_ document: Document, order: [String: Int]) -> String {
    let scalars = Array(document.ingested.source.text.unicodeScalars)
    let main = document.ingested.languages.first { $0 != "und" } ?? "en"
    var elements: [SpanMarkup.Element] = []
    for block in document.ingested.blocks where block.language != main && block.language != "und" {
      let tag = "<span lang=\"\(HTMLText.attribute(block.language))\">"
      elements.append(
        .init(start: block.start, end: block.end, open: tag, reopen: tag, close: "</span>", rank: 0))
    }
    // One highlight per distinct span; each evidence record of the span links to its card.
    var bySpan: [Range<Int>: [EvidenceRecord]] = [:]
    for evidence in document.records.evidence {
      bySpan[evidence.start..<evidence.end, default: []].append(evidence)
    }
    for span in bySpan.keys.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) {
      let records = bySpan[span] ?? []
      let ids = records.map(\.id)
      let anchor = Self.evidenceAnchor(records[0].id)
      let title = records.map { "\($0.activityID)" }.joined(separator: ", ")
      var open = "<mark id=\"\(anchor)\" data-evidence=\"\(HTMLText.attribute(ids.joined(separator: " ")))\""
      open += " title=\"Evidence for \(HTMLText.attribute(title))\">"
      var trailer = ""
      for record in records {
        let number = order[record.activityID].map(String.init) ?? "?"
        trailer += "<sup class=\"ref\"><a href=\"#\(Self.activityAnchor(record.activityID))\" "
        trailer += "data-evidence=\"\(HTMLText.attribute(record.id))\" "
        trailer +=
          "aria-label=\"Activity \(number): \(HTMLText.attribute(record.activityID))\">\(number)</a></sup>"
      }
      elements.append(
        .init(
          start: span.lowerBound, end: span.upperBound, open: open,
          reopen: "<mark class=\"continued\" data-continues=\"\(anchor)\">", close: "</mark>",
          trailer: trailer,
          rank: 1))
    }
    // Definition documents: one highlight per term quote, linked to its row of the term table.
    for term in document.records.terms {
      let anchor = Self.termAnchor(term)
      var open = "<mark class=\"term\" id=\"\(anchor)\" data-term=\"\(HTMLText.attribute(term.term))\""
      open += " title=\"Term \(HTMLText.attribute(term.term))\">"
      var trailer = "<sup class=\"ref\"><a href=\"#row-\(anchor)\" "
      trailer +=
        "aria-label=\"Term \(HTMLText.attribute(term.term))\">\(HTMLText.escape(Self.shortTerm(term.term)))</a></sup>"
      elements.append(
        .init(
          start: term.start, end: term.end, open: open,
          reopen: "<mark class=\"term continued\" data-continues=\"\(anchor)\">", close: "</mark>",
          trailer: trailer, rank: 2))
    }
    return SpanMarkup.render(scalars, elements: elements)
  }

  /// The `id` of a term quote's highlight.
  static func termAnchor(_ term: TermRecord) -> String {
    "tm-" + HTMLText.idToken(term.term) + "-" + HTMLText.idToken(term.language)
  }

  /// The last part of a dotted term id (`hadr` of `public_security_goods.hadr`).
  static func shortTerm(_ id: String) -> String {
    id.split(separator: ".").last.map(String.init) ?? id
  }

  /// One card per activity, with links back to its evidence.
  private func cards(_ records: RecordSet, activities: [ActivityRecord], order: [String: Int]) -> String {
    guard !activities.isEmpty else { return "" }
    var out = "<section aria-labelledby=\"activities-heading\">\n"
    out += "<h2 id=\"activities-heading\">Activities (\(activities.count))</h2>\n"
    for activity in activities {
      let number = order[activity.id] ?? 0
      out += "<article class=\"card\" id=\"\(Self.activityAnchor(activity.id))\" tabindex=\"-1\" "
      out += "data-activity=\"\(HTMLText.attribute(activity.id))\" "
      out += "aria-labelledby=\"h-\(Self.activityAnchor(activity.id))\">\n"
      out += "<h3 id=\"h-\(Self.activityAnchor(activity.id))\"><span class=\"num\">\(number)</span> "
      out +=
        HTMLText.escape(activity.name ?? label(activity.type))
        + " <code>\(HTMLText.escape(activity.id))</code></h3>\n"
      var fields: [(String, String)] = []
      fields.append(("Type", label(activity.type) + (activity.subtype.map { " (\($0))" } ?? "")))
      fields.append(("Areas", activity.areas.map(label).joined(separator: "; ")))
      if let date = activity.date {
        var text = date.edtf + " (" + date.basis.replacingOccurrences(of: "_", with: " ") + ")"
        if let raw = date.raw { text += " — “\(raw)”" }
        fields.append(("Date", text))
      }
      let location = [
        activity.locationPlace, activity.locationISO3.map { countryNames[$0] ?? label($0) },
        activity.locationText.map { "“\($0)”" },
      ].compactMap { $0 }
      if !location.isEmpty { fields.append(("Location", location.joined(separator: " · "))) }
      if !activity.modes.isEmpty { fields.append(("Mode", activity.modes.joined(separator: ", "))) }
      if activity.assertion != "reported" { fields.append(("Assertion", activity.assertion)) }
      if let first = activity.firstOfKind { fields.append(("First of its kind", "“\(first)”")) }
      if let part = activity.partOf { fields.append(("Part of", part)) }
      out += "<dl>\n"
      for (name, value) in fields {
        out += "<dt>\(HTMLText.escape(name))</dt><dd>\(HTMLText.escape(value))</dd>\n"
      }
      out += "</dl>\n"
      let participants = records.participants.filter { $0.activityID == activity.id }
      if !participants.isEmpty {
        out += "<h4>Participants</h4>\n<ul>\n"
        for participant in participants {
          out += "<li>" + HTMLText.escape(describe(participant)) + "</li>\n"
        }
        out += "</ul>\n"
      }
      let quantities = records.quantities.filter { $0.activityID == activity.id }
      if !quantities.isEmpty {
        out += "<h4>Quantities</h4>\n<ul>\n"
        for quantity in quantities {
          var text =
            "\(quantity.unit): \(quantity.qualifier.rawValue.replacingOccurrences(of: "_", with: " "))"
          if let value = quantity.value { text += " \(value)" }
          if let raw = quantity.raw { text += " — “\(raw)”" }
          if quantity.derived { text += " (derived by Dossier, not stated)" }
          out += "<li>\(HTMLText.escape(text))</li>\n"
        }
        out += "</ul>\n"
      }
      let evidence = records.evidence.filter { $0.activityID == activity.id }
      if !evidence.isEmpty {
        out += "<h4>Evidence</h4>\n<ol class=\"evidence\">\n"
        let firstOfSpan = Dictionary(
          records.evidence.map { ("\($0.start):\($0.end)", $0.id) }, uniquingKeysWith: { first, _ in first })
        for item in evidence {
          let anchor = Self.evidenceAnchor(firstOfSpan["\(item.start):\(item.end)"] ?? item.id)
          out += "<li><a href=\"#\(anchor)\" data-evidence=\"\(HTMLText.attribute(item.id))\">"
          out +=
            "“\(HTMLText.escape(item.quote))”</a> <span class=\"where\">line \(item.startLine)</span></li>\n"
        }
        out += "</ol>\n"
      }
      if let notes = activity.notes { out += "<p class=\"notes\">Note: \(HTMLText.escape(notes))</p>\n" }
      out += "</article>\n"
    }
    return out + "</section>\n"
  }

  private func termList(_ records: RecordSet) -> String {
    guard !records.terms.isEmpty else { return "" }
    var out =
      "<section aria-labelledby=\"terms-heading\">\n<h2 id=\"terms-heading\">Terms (\(records.terms.count))</h2>\n"
    out += "<table>\n<thead><tr><th scope=\"col\">Term</th><th scope=\"col\">Language</th>"
    out += "<th scope=\"col\">Item</th><th scope=\"col\">Quote</th></tr></thead>\n<tbody>\n"
    for term in records.terms {
      let anchor = Self.termAnchor(term)
      out += "<tr id=\"row-\(anchor)\" tabindex=\"-1\"><td><code>\(HTMLText.escape(term.term))</code>"
      out += (labels[term.term].map { " \(HTMLText.escape($0))" } ?? "") + "</td>"
      out += "<td>\(HTMLText.escape(term.language))</td><td>\(term.item.map(String.init) ?? "")</td>"
      out += "<td lang=\"\(HTMLText.attribute(term.language))\"><a href=\"#\(anchor)\">"
      out += "\(HTMLText.escape(term.quote))</a></td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</section>\n"
  }

  /// The activities in the order their first evidence appears in the text (then by id; activities
  /// without evidence last).
  static func textOrder(_ records: RecordSet) -> [ActivityRecord] {
    var first: [String: Int] = [:]
    for evidence in records.evidence {
      first[evidence.activityID] = min(first[evidence.activityID] ?? .max, evidence.start)
    }
    return records.activities.sorted { a, b in
      let x = first[a.id] ?? .max
      let y = first[b.id] ?? .max
      return x != y ? x < y : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }
  }

  private func describe(_ participant: ParticipantRecord) -> String {
    var parts: [String] = [participant.role]
    var who: [String] = []
    if let name = participant.personName {
      who.append(([name] + participant.personTitles).joined(separator: ", "))
    }
    if let organization = participant.organization { who.append(organization) }
    if let code = participant.countryISO3 {
      let names = [participant.countryNameEn, participant.countryNameZh].compactMap { $0 }
      who.append(names.isEmpty ? code : "\(names.joined(separator: " / ")) (\(code))")
    }
    if let sector = participant.sector { who.append(sector) }
    parts.append(who.isEmpty ? "(unnamed)" : who.joined(separator: ", "))
    if let raw = participant.raw { parts.append("“\(raw)”") }
    if participant.setID != nil { parts.append("member of a set") }
    if participant.implicit { parts.append("implicit") }
    return parts.joined(separator: " — ")
  }

  private func label(_ id: String) -> String {
    labels[id].map { "\($0) (\(id))" } ?? id
  }

  /// The `id` of an activity's card.
  public static func activityAnchor(_ id: String) -> String { "act-" + HTMLText.idToken(id) }
  /// The `id` of an evidence highlight.
  public static func evidenceAnchor(_ id: String) -> String { "ev-" + HTMLText.idToken(id) }

  // MARK: Index

  /// The index page; `warnings` are listed (any diagnostic given, as `file:line:column`).
  public func index(warnings: [Diagnostic]) -> ExportFile {
    let rows = self.rows.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    let activities = rows.reduce(0) { $0 + $1.activities }
    let evidence = rows.reduce(0) { $0 + $1.evidence }
    var html = Self.head(title: "Dossier corpus report", language: "en", stylesheetDepth: 0)
    html += "<body>\n<a class=\"skip\" href=\"#documents-heading\">Skip to the documents</a>\n<main>\n"
    html += "<h1>Dossier corpus report</h1>\n"
    html += "<p>\(rows.count) document\(rows.count == 1 ? "" : "s"), \(activities) activit"
    html += "\(activities == 1 ? "y" : "ies"), \(evidence) evidence quote\(evidence == 1 ? "" : "s"), "
    html += "\(warnings.count) warning\(warnings.count == 1 ? "" : "s").</p>\n"
    html += "<nav aria-label=\"Sections\"><ul><li><a href=\"#documents-heading\">Documents</a></li>"
    html += "<li><a href=\"#types-heading\">Activities per type</a></li>"
    html += "<li><a href=\"#areas-heading\">Activities per area</a></li>"
    html += "<li><a href=\"#years-heading\">Activities per year</a></li>"
    html += "<li><a href=\"#countries-heading\">Countries</a></li>"
    html += "<li><a href=\"#warnings-heading\">Warnings</a></li></ul></nav>\n"
    html += "<section aria-labelledby=\"documents-heading\">\n<h2 id=\"documents-heading\">Documents</h2>\n"
    html += "<table>\n<thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Title</th>"
    html += "<th scope=\"col\">Kind</th><th scope=\"col\">Published</th><th scope=\"col\">Languages</th>"
    html +=
      "<th scope=\"col\">Activities</th><th scope=\"col\">Evidence</th><th scope=\"col\">Terms</th></tr></thead>\n<tbody>\n"
    for row in rows {
      if row.hasPage {
        html += "<tr><td><a href=\"documents/\(HTMLText.pathSegment(Self.fileName(row.id)))\">"
        html += "\(HTMLText.escape(row.id))</a></td><td>\(HTMLText.escape(row.title))</td>"
      } else {
        html += "<tr><td>\(HTMLText.escape(row.id))</td><td>\(HTMLText.escape(row.title))</td>"
      }
      html += "<td>\(HTMLText.escape(row.kind))</td><td>\(HTMLText.escape(row.published ?? "—"))</td>"
      html += "<td>\(HTMLText.escape(row.languages.joined(separator: ", ")))</td>"
      html +=
        "<td class=\"n\">\(row.activities)</td><td class=\"n\">\(row.evidence)</td><td class=\"n\">\(row.terms)</td></tr>\n"
    }
    html += "</tbody>\n</table>\n</section>\n"
    html += ReportChart.section(
      id: "types", title: "Activities per type", unit: "activities",
      rows: Self.ranked(byType).map { (label($0.0), $0.1) })
    html += ReportChart.section(
      id: "areas", title: "Activities per area", unit: "activities",
      rows: Self.ranked(byArea).map { (label($0.0), $0.1) })
    html += ReportChart.section(
      id: "years", title: "Activities per year", unit: "activities",
      rows: byYear.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) })
    html += ReportChart.section(
      id: "countries", title: "Countries by number of activities", unit: "activities",
      rows: Self.ranked(byCountry).map { ("\(countryNames[$0.0] ?? labels[$0.0] ?? $0.0) (\($0.0))", $0.1) })
    html += "<section aria-labelledby=\"warnings-heading\">\n<h2 id=\"warnings-heading\">Warnings</h2>\n"
    if warnings.isEmpty {
      html += "<p>None.</p>\n"
    } else {
      html += "<ul class=\"warnings\">\n"
      for warning in warnings.sorted() {
        let place =
          warning.location.map { $0.line > 0 ? "\($0.file):\($0.line):\($0.column): " : "\($0.file): " } ?? ""
        html += "<li><code>\(HTMLText.escape(place))\(warning.severity.rawValue) [\(warning.code.id)]</code> "
        html += "\(HTMLText.escape(warning.message))</li>\n"
      }
      html += "</ul>\n"
    }
    html += "</section>\n</main>\n</body>\n</html>\n"
    return ExportFile(path: "index.html", text: html)
  }

  /// Counts by descending count, then key (UTF-8 order).
  static func ranked(_ counts: [String: Int]) -> [(String, Int)] {
    counts.sorted { a, b in
      a.value != b.value ? a.value > b.value : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
    }.map { ($0.key, $0.value) }
  }

  // MARK: Page frame

  static func head(title: String, language: String, stylesheetDepth: Int) -> String {
    var out =
      "<!DOCTYPE html>\n<html lang=\"\(HTMLText.attribute(language))\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<meta name=\"generator\" content=\"dossier report\">\n"
    out += "<title>\(HTMLText.escape(title))</title>\n<style>\n\(stylesheet)</style>\n</head>\n"
    return out
  }

  /// The one stylesheet, inlined in every page (no external asset).
  static let stylesheet = """
    :root { color-scheme: light; --mark: #fff3a3; --accent: #1f4e9c; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC",
      "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.55; margin: 0;
      color: #1a1a1a; background: #fff; }
    main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
    nav { padding: .5rem 1.25rem; } nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; list-style: none; }
    a { color: var(--accent); } a:focus-visible, [tabindex]:focus-visible { outline: 3px solid #c25400; outline-offset: 2px; }
    .skip { position: absolute; left: -999rem; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
    :lang(zh) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
      "WenQuanYi Zen Hei", sans-serif; }
    .text { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 4px solid #ddd; padding-left: 1rem; }
    mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
    mark:target, .card:target, tr:target { outline: 3px solid #c25400; }
    mark.term { background: #d8ecff; }
    sup.ref a { font-size: .75em; text-decoration: none; padding: 0 .15em; }
    .card { border: 1px solid #ccc; border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; }
    .card h3 { margin: .25rem 0; font-size: 1.1rem; } .num { display: inline-block; min-width: 1.6em; text-align: center;
      background: var(--accent); color: #fff; border-radius: 1em; font-size: .85em; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
    table { border-collapse: collapse; display: block; overflow-x: auto; } th, td { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; }
    .hint, .where { color: #555; font-size: .9em; }
    figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; } svg text { font-size: 12px; fill: #1a1a1a; }
    details { margin-top: .5rem; }

    """
}
