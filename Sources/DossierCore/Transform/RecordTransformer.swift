import JSONSchema

/// The transform stage (docs/architecture.md): turns one validated document into normalized records.
///
/// - countries → ISO 3166-1 alpha-3 with the English and Chinese ISO names;
/// - dates → EDTF with the derived earliest and latest day;
/// - publication time → ISO 8601 with offset, keeping the byline text as printed;
/// - quantities → value, qualifier and inclusive bounds (`more_than 30` → lower 31, `nearly 70` →
///   upper 69);
/// - participant sets → one participant row per listed member, the stated total and a derived count of
///   the listed members (`derived: true`), completeness;
/// - evidence and term quotes → exact spans and lines (from the validated quote spans);
/// - activity types → crosswalk codes from the activity-type vocabulary;
/// - sums of exact stated quantities of one unit → derived totals (`derived: true`).
///
/// Every value the annotation codes lands in a record column; nothing is dropped. The result is a pure
/// function of its inputs (no clock, no randomness), so builds are reproducible.
public struct RecordTransformer: Sendable {
  /// The vocabularies the annotations were validated with.
  public let vocabularies: Vocabularies

  public init(vocabularies: Vocabularies) {
    self.vocabularies = vocabularies
  }

  /// Where the document's files are, as recorded in the `documents` table.
  public struct Files: Sendable, Hashable {
    /// Path of the source text relative to the corpus root's parent (`Input/NAME.txt`).
    public var sourceFile: String
    /// Path of the annotation (`Input/NAME.yaml`), if any.
    public var annotationFile: String?
    /// Bytes of the annotation file, for its SHA-256.
    public var annotationBytes: [UInt8]?

    public init(sourceFile: String, annotationFile: String?, annotationBytes: [UInt8]?) {
      self.sourceFile = sourceFile
      self.annotationFile = annotationFile
      self.annotationBytes = annotationBytes
    }
  }

  /// The records of one document, sorted in export order.
  ///
  /// - Throws: `DiagnosticError` with `X006` when the validated document lacks something validation
  ///   guarantees (a quote span, a resolved country): an internal error, never a silent skip.
  public func transform(_ document: ValidatedDocument, files: Files) throws(DiagnosticError) -> RecordSet {
    try transformWithLocations(document, files: files).records
  }

  /// The records of one document and, for each record (column `""`) and for some columns, where its
  /// value was written (annotation line and column, or the source text for quotes), for
  /// `ExportOptions.locator(from:)`: an export problem is then reported at its input.
  public func transformWithLocations(_ document: ValidatedDocument, files: Files) throws(DiagnosticError) -> (
    records: RecordSet, locations: [RecordFieldReference: SourceLocation]
  ) {
    let (records, origins) = try transformWithOrigins(document, files: files)
    return (records, origins.locations)
  }

  /// The records of one document and where their values came from, resolved to a line and column
  /// only when asked (`RecordOrigins.location(of:)`): the build's path, where most records never
  /// need a location.
  public func transformWithOrigins(_ document: ValidatedDocument, files: Files) throws(DiagnosticError) -> (
    records: RecordSet, origins: RecordOrigins
  ) {
    var run = Run(document: document, vocabularies: vocabularies)
    run.documentRecord(files: files)
    run.sectionRecords()
    for activity in document.annotation.activities { run.activityRecords(activity) }
    for (index, term) in document.annotation.terms.enumerated() { run.termRecords(term, ordinal: index + 1) }
    if !run.problems.isEmpty { throw DiagnosticError(run.problems) }
    return (run.records.sorted(), RecordOrigins(origins: run.origins, document: document.annotated))
  }

  /// The state of one document's transform.
  struct Run {
    let document: ValidatedDocument
    let vocabularies: Vocabularies
    var records = RecordSet()
    var problems: [Diagnostic] = []
    /// Block ids of numbered sections by number (main text).
    var sectionBlock: [Int: String] = [:]
    /// Where records and columns come from.
    var origins: [(reference: RecordFieldReference, origin: RecordOrigins.Origin)] = []

    /// Records where a record (`column` empty) or one of its columns was written in the annotation.
    mutating func locate(_ row: RecordRow, _ column: String = "", at pointer: JSONPointer) {
      let reference = RecordFieldReference(
        documentID: id, table: row.table.name, key: row.keyValues, column: column)
      origins.append((reference, .pointer(pointer)))
    }

    /// Records where a quoted column is in the source text.
    mutating func locate(_ row: RecordRow, _ column: String, quote: Quote?) {
      guard let quote, let range = document.quoteSpans[quote.pointer] else { return }
      let reference = RecordFieldReference(
        documentID: id, table: row.table.name, key: row.keyValues, column: column)
      origins.append((reference, .text(range)))
    }

    init(document: ValidatedDocument, vocabularies: Vocabularies) {
      self.document = document
      self.vocabularies = vocabularies
    }

    var id: String { document.id }
    var source: SourceDocument { document.annotated.ingested.source }
    var ingested: IngestedDocument { document.annotated.ingested }

    mutating func internalError(_ pointer: JSONPointer, _ message: String) {
      problems.append(
        .error(
          .inconsistentRecords, "internal error in the transform of \(id): \(message)",
          at: document.annotated.location(of: pointer), pointer: pointer.description,
          help: "this is a bug in Dossier; please report it"))
    }

    // MARK: Spans

    /// The span of a validated quote, or an internal error.
    mutating func span(_ quote: Quote) -> Range<Int>? {
      guard let range = document.quoteSpans[quote.pointer] else {
        internalError(quote.pointer, "the quote \(MetadataText.quoted(quote.text)) has no validated span")
        return nil
      }
      return range
    }

    /// The text of a validated quote exactly as printed in the source.
    mutating func printed(_ quote: Quote?) -> String? {
      guard let quote else { return nil }
      guard let range = span(quote) else { return quote.text }
      return source.text(in: range)
    }

    func lines(of range: Range<Int>) -> (start: Int, end: Int) {
      let index = source.lineIndex
      let start = index.line(containing: range.lowerBound)
      let end = index.line(containing: max(range.lowerBound, range.upperBound - 1))
      return (start, end)
    }

    /// The innermost block containing the start of a range (the block whose span is shortest).
    func block(containing range: Range<Int>) -> Block? {
      var best: Block?
      for block in ingested.blocks where block.start <= range.lowerBound && range.lowerBound < block.end {
        if best == nil || block.end - block.start < best!.end - best!.start { best = block }
      }
      if best == nil {
        // A quote can start in the white space between blocks; take the next block.
        best = ingested.blocks.first { $0.start >= range.lowerBound }
      }
      return best
    }

    // MARK: Document and sections

    mutating func documentRecord(files: Files) {
      let annotated = document.annotated
      let metadata = document.annotation.metadata
      let titleBlock = ingested.blocks.first { $0.kind == .title && $0.version == nil }
      let languages = metadata.languages.map(\.value)
      records.documents.append(
        DocumentRecord(
          id: id, kind: document.annotation.kind.rawValue,
          title: Self.printed(annotated.title) ?? ingested.title?.text ?? "",
          titleLanguage: titleBlock?.language ?? languages.first ?? ingested.languages.first ?? "und",
          publisher: Self.printed(annotated.publisher), editor: Self.printed(annotated.editor),
          published: annotated.published?.annotation != nil || annotated.published?.correction != nil
            ? annotated.published?.value : nil,
          publishedRaw: annotated.published?.text?.text ?? ingested.byline?.timestamp?.text,
          timezoneBasis: metadata.timeZoneBasis?.value,
          languages: languages.isEmpty ? ingested.languages : languages,
          sourceFile: files.sourceFile, annotationFile: files.annotationFile,
          sourceSHA256: Digest.sha256Hex(source.bytes),
          annotationSHA256: files.annotationBytes.map(Digest.sha256Hex),
          corrections: metadata.corrections.map { "\($0.field.value): \($0.reason.value)" },
          notes: document.annotation.notes))
      if let row = records.documents.last?.row {
        locate(row, at: .root)
        locate(row, "notes", at: JSONPointer(tokens: ["notes"]))
      }
    }

    /// A merged metadata value as printed: the correction's value when the annotation corrects the
    /// text, else the text's own words, else the annotation's value.
    static func printed(_ field: AnnotatedDocument.Field?) -> String? {
      guard let field else { return nil }
      if field.correction != nil { return field.value }
      return field.text?.text ?? field.value
    }

    mutating func sectionRecords() {
      var headingOf: [String: String] = [:]
      for section in ingested.sections {
        headingOf[(section.version ?? "") + "#" + String(section.number)] = section.id
        if section.version == nil { sectionBlock[section.number] = section.id }
      }
      let sections = Dictionary(ingested.sections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      let blockIDs = Set(ingested.blocks.map(\.id))
      for (index, block) in ingested.blocks.enumerated() {
        var parent = block.parent
        if parent == nil, block.kind != .heading, let number = block.section {
          parent = headingOf[(block.version ?? "") + "#" + String(number)]
        }
        if let candidate = parent, !blockIDs.contains(candidate) { parent = nil }
        let section = block.kind == .heading ? sections[block.id] : nil
        records.sections.append(
          SectionRecord(
            documentID: id, id: block.id, ordinal: index + 1, parentID: parent, kind: block.kind.rawValue,
            number: section.map { Self.number(fromMarker: $0.marker) },
            heading: section?.title.text, language: block.language, start: block.start, end: block.end,
            startLine: block.startLine, endLine: block.endLine))
      }
    }

    /// The number as printed, without the marker's punctuation (`3.` → `3`, `IV)` → `IV`).
    static func number(fromMarker marker: String) -> String {
      var text = Substring(marker)
      while let last = text.last, !(last.isLetter || last.isNumber) { text = text.dropLast() }
      while let first = text.first, !(first.isLetter || first.isNumber) { text = text.dropFirst() }
      return text.isEmpty ? marker : String(text)
    }

    // MARK: Activities

    mutating func activityRecords(_ activity: Annotation.Activity) {
      let activityID = activity.id.value
      // Evidence first: quantities refer to the evidence that quotes them.
      var evidenceSpans: [(id: String, range: Range<Int>)] = []
      for (index, quote) in activity.evidence.enumerated() {
        guard let range = span(quote) else { continue }
        let evidenceID = "\(activityID).e\(index + 1)"
        let (startLine, endLine) = lines(of: range)
        guard let block = block(containing: range) else {
          internalError(quote.pointer, "no block contains the evidence")
          continue
        }
        records.evidence.append(
          EvidenceRecord(
            documentID: id, activityID: activityID, id: evidenceID, ordinal: index + 1, sectionID: block.id,
            quote: source.text(in: range), start: range.lowerBound, end: range.upperBound,
            startLine: startLine, endLine: endLine))
        if let row = records.evidence.last?.row { locate(row, "quote", quote: quote) }
        evidenceSpans.append((evidenceID, range))
      }
      func evidenceID(for quote: Quote, run: inout Run) -> String? {
        guard let range = run.document.quoteSpans[quote.pointer] else { return nil }
        return evidenceSpans.first {
          $0.range.lowerBound <= range.lowerBound && range.upperBound <= $0.range.upperBound
        }?.id
      }

      let sectionID: String
      if activity.section.value >= 1, let block = sectionBlock[activity.section.value] {
        sectionID = block
      } else if let first = evidenceSpans.first, let block = block(containing: first.range) {
        sectionID = block.id
      } else {
        internalError(activity.section.pointer, "section \(activity.section.value) has no block")
        return
      }

      var date: ActivityRecord.DateValue?
      let edtf = activity.date.edtf
      if let parsed = document.dates[edtf.pointer] {
        date = ActivityRecord.DateValue(
          edtf: edtf.value, earliest: parsed.earliest?.description, latest: parsed.latest?.description,
          basis: activity.date.basis.value, raw: printed(activity.date.raw))
      } else {
        internalError(edtf.pointer, "the date '\(edtf.value)' was not parsed by validation")
      }
      var locationISO3: String?
      if let country = activity.location?.country {
        locationISO3 = resolvedCountry(country.pointer)
      }
      let type = vocabularies.activityTypes[activity.type.value]
      records.activities.append(
        ActivityRecord(
          documentID: id, id: activityID, sectionID: sectionID, type: activity.type.value,
          crosswalk: ActivityRecord.Crosswalk(
            ndu: type?.crosswalk.ndu, cameo: type?.crosswalk.cameo ?? [], plover: type?.crosswalk.plover),
          areas: activity.areas.map(\.value), name: printed(activity.name), date: date,
          locationISO3: locationISO3, locationText: printed(activity.location?.raw),
          assertion: activity.assertion?.value ?? "reported", subtype: activity.subtype?.value,
          namedEvent: activity.namedEvent?.value, locationPlace: activity.location?.place?.value,
          modes: activity.mode, editionOrdinal: activity.edition?.ordinal,
          editionRaw: printed(activity.edition?.raw), firstOfKind: printed(activity.firstOfKind),
          partOf: activity.partOf?.value, notes: activity.notes))
      if let row = records.activities.last?.row {
        locate(row, at: activity.pointer)
        locate(row, "notes", at: activity.pointer.appending("notes"))
        locate(row, "name", quote: activity.name)
        locate(row, "location_text", quote: activity.location?.raw)
        locate(row, "date_raw", quote: activity.date.raw)
      }

      // Participants, sets and their totals.
      var participantOrdinal = 0
      var quantities: [QuantityRecord] = []
      var stated: [QuantityRecord] = []
      func nextParticipant() -> Int {
        participantOrdinal += 1
        return participantOrdinal
      }
      for (index, participant) in activity.participants.enumerated() {
        guard let set = participant.set else {
          let country = participant.country.flatMap { resolvedCountry($0.pointer) }
          let organization = participant.organization.flatMap { resolvedOrganization($0.pointer) }
          records.participants.append(
            ParticipantRecord(
              documentID: id, activityID: activityID, ordinal: nextParticipant(),
              role: participant.role.value, countryISO3: country,
              countryNameEn: country.flatMap { vocabularies.countryNames[$0] },
              countryNameZh: country.flatMap { vocabularies.countryNamesChinese[$0] },
              organization: organization, sector: participant.sector, implicit: participant.implicit,
              raw: printed(participant.raw), personName: participant.person?.name.value,
              personTitles: participant.person?.titles.map(\.value) ?? []))
          if let row = records.participants.last?.row {
            locate(row, at: participant.pointer)
            locate(row, "raw", quote: participant.raw)
          }
          continue
        }
        let setID = "\(activityID).p\(index + 1)"
        records.participantSets.append(
          ParticipantSet(
            documentID: id, activityID: activityID, id: setID, role: participant.role.value,
            memberKind: set.memberKind,
            completeness: ParticipantSet.Completeness(rawValue: set.completeness.value) ?? .unknown,
            openEndedText: printed(set.completenessEvidence), sector: participant.sector,
            implicit: participant.implicit, raw: printed(participant.raw)))
        if let row = records.participantSets.last?.row {
          locate(row, at: set.pointer)
          locate(row, "raw", quote: participant.raw)
        }
        if ParticipantSet.Completeness(rawValue: set.completeness.value) == nil {
          internalError(set.completeness.pointer, "unknown completeness '\(set.completeness.value)'")
        }
        for member in set.members {
          var country: String?
          var organization: String?
          if set.memberKind == "country" {
            country = resolvedCountry(member.country?.pointer ?? member.quote.pointer)
          } else {
            organization = resolvedOrganization(member.organization?.pointer ?? member.quote.pointer)
          }
          records.participants.append(
            ParticipantRecord(
              documentID: id, activityID: activityID, ordinal: nextParticipant(),
              role: participant.role.value, countryISO3: country,
              countryNameEn: country.flatMap { vocabularies.countryNames[$0] },
              countryNameZh: country.flatMap { vocabularies.countryNamesChinese[$0] },
              organization: organization, sector: participant.sector, setID: setID,
              implicit: participant.implicit, raw: printed(member.quote)))
          if let row = records.participants.last?.row {
            locate(row, at: member.pointer)
            locate(row, "raw", quote: member.quote)
          }
        }
        if let total = set.total, var record = quantity(total, activityID: activityID) {
          record.setID = setID
          record.evidenceID = evidenceID(for: total.raw, run: &self)
          quantities.append(record)
        }
        let listed = set.members.count
        quantities.append(
          QuantityRecord(
            documentID: id, activityID: activityID, ordinal: 0, setID: setID,
            unit: set.total?.unit ?? (set.memberKind == "country" ? "countries" : "organizations"),
            qualifier: .exact, value: listed, lower: listed, upper: listed, derived: true,
            dimensions: ["counted=listed_members"]))
      }
      for stated_ in activity.quantities {
        guard var record = quantity(stated_, activityID: activityID) else { continue }
        record.evidenceID = evidenceID(for: stated_.raw, run: &self)
        stated.append(record)
      }
      let all = stated + Self.derivedTotals(of: stated) + quantities
      let pointers: [JSONPointer] =
        activity.quantities.map(\.pointer)
        + Array(repeating: activity.pointer, count: all.count - stated.count - quantities.count)
        + quantities.map { _ in activity.pointer.appending("participants") }
      for (index, var record) in all.enumerated() {
        record.ordinal = index + 1
        records.quantities.append(record)
        if index < pointers.count { locate(record.row, at: pointers[index]) }
      }
    }

    /// A stated quantity as a record (ordinal set later).
    mutating func quantity(_ quantity: Annotation.Quantity, activityID: String) -> QuantityRecord? {
      guard let qualifier = QuantityRecord.Qualifier(rawValue: quantity.qualifier.value) else {
        internalError(quantity.qualifier.pointer, "unknown qualifier '\(quantity.qualifier.value)'")
        return nil
      }
      func integer(_ number: JSONNumber?, _ what: String) -> Int?? {
        guard let number else { return .some(nil) }
        guard number.isInteger, let value = number.intValue else { return nil }
        return .some(value)
      }
      let bounds = quantity.bounds
      guard let value = integer(quantity.value, "value"), let lower = integer(bounds.lower, "lower"),
        let upper = integer(bounds.upper, "upper")
      else {
        internalError(quantity.pointer, "the value is not an integer")
        return nil
      }
      return QuantityRecord(
        documentID: id, activityID: activityID, ordinal: 0, unit: quantity.unit, qualifier: qualifier,
        value: value, lower: lower, upper: upper, raw: printed(quantity.raw), derived: false,
        dimensions: Self.dimensions(quantity.dimensions))
    }

    /// `key=value` items sorted by key (UTF-8 order).
    static func dimensions(_ object: JSONObject?) -> [String] {
      guard let object else { return [] }
      return object.map { key, value -> String in
        switch value {
        case .string(let s): return "\(key)=\(s)"
        case .number(let n): return "\(key)=\(n)"
        case .bool(let b): return "\(key)=\(b)"
        default: return "\(key)=\(value)"
        }
      }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Derived totals of stated exact quantities (docs/exports.md, "Derived totals"): per unit with at
    /// least two exact quantities, the sum of all of them; and for every dimension all of them have,
    /// the sum per value of that dimension when it covers at least two but not all of them. Each total
    /// carries the dimensions its members share.
    static func derivedTotals(of stated: [QuantityRecord]) -> [QuantityRecord] {
      var units: [String] = []
      var groups: [String: [QuantityRecord]] = [:]
      for record in stated where record.qualifier == .exact && record.value != nil {
        if groups[record.unit] == nil { units.append(record.unit) }
        groups[record.unit, default: []].append(record)
      }
      var derived: [QuantityRecord] = []
      for unit in units {
        guard let group = groups[unit], group.count >= 2, let first = group.first else { continue }
        var seen: Set<[String]> = []
        func add(_ members: [QuantityRecord]) {
          let shared = members.dropFirst().reduce(Set(members[0].dimensions)) {
            $0.intersection($1.dimensions)
          }
          let dimensions = members[0].dimensions.filter(shared.contains)
          guard seen.insert(dimensions).inserted else { return }
          // A total beyond 2^53 cannot be carried exactly by canonical JSON (X008): not derived.
          var sum = 0
          for member in members {
            let (next, overflow) = sum.addingReportingOverflow(member.value ?? 0)
            guard !overflow, next <= CanonicalJSON.maxExactInteger else { return }
            sum = next
          }
          derived.append(
            QuantityRecord(
              documentID: first.documentID, activityID: first.activityID, ordinal: 0, unit: unit,
              qualifier: .exact, value: sum, lower: sum, upper: sum, derived: true,
              dimensions: (dimensions + ["derived=sum"]).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            ))
        }
        add(group)
        let keys = group.map { Set($0.dimensions.map(Self.key)) }.reduce(
          Set(first.dimensions.map(Self.key))
        ) { $0.intersection($1) }
        for key in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
          var values: [String] = []
          var byValue: [String: [QuantityRecord]] = [:]
          for record in group {
            guard let item = record.dimensions.first(where: { Self.key($0) == key }) else { continue }
            if byValue[item] == nil { values.append(item) }
            byValue[item, default: []].append(record)
          }
          for value in values {
            guard let members = byValue[value], members.count >= 2, members.count < group.count else {
              continue
            }
            add(members)
          }
        }
      }
      return derived
    }

    static func key(_ item: String) -> String {
      item.split(separator: "=", maxSplits: 1).first.map(String.init) ?? item
    }

    mutating func resolvedCountry(_ pointer: JSONPointer) -> String? {
      guard let code = document.countries[pointer] else {
        internalError(pointer, "the country reference was not resolved by validation")
        return nil
      }
      return code
    }

    mutating func resolvedOrganization(_ pointer: JSONPointer) -> String? {
      guard let organization = document.organizations[pointer] else {
        internalError(pointer, "the organization reference was not resolved by validation")
        return nil
      }
      return organization
    }

    // MARK: Terms

    mutating func termRecords(_ term: Annotation.Term, ordinal: Int) {
      for (language, form) in term.forms {
        guard let range = span(form.evidence) else { continue }
        guard let block = block(containing: range) else {
          internalError(form.evidence.pointer, "no block contains the quote")
          continue
        }
        let (startLine, endLine) = lines(of: range)
        records.terms.append(
          TermRecord(
            documentID: id, term: term.term.value, language: language, ordinal: ordinal,
            vocabulary: term.vocabulary.value, item: form.item?.value, sectionID: block.id,
            quote: source.text(in: range), start: range.lowerBound, end: range.upperBound,
            startLine: startLine, endLine: endLine, notes: term.notes))
        if let row = records.terms.last?.row {
          locate(row, at: form.pointer)
          locate(row, "notes", at: term.pointer.appending("notes"))
          locate(row, "quote", quote: form.evidence)
        }
      }
    }
  }
}
