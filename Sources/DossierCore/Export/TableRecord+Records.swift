extension DocumentRecord: TableRecord {
  public static var table: RecordTable { .documents }

  public var row: RecordRow {
    RecordRow(
      table: .documents,
      columns: [
        "document_id": .string(id),
        "kind": .string(kind),
        "title": .string(title),
        "title_language": .string(titleLanguage),
        "publisher": RecordRow.optional(publisher),
        "editor": RecordRow.optional(editor),
        "published": RecordRow.optional(published),
        "published_raw": RecordRow.optional(publishedRaw),
        "timezone_basis": RecordRow.optional(timezoneBasis),
        "languages": .list(languages),
        "source_file": .string(sourceFile),
        "annotation_file": RecordRow.optional(annotationFile),
        "source_sha256": .string(sourceSHA256),
        "annotation_sha256": RecordRow.optional(annotationSHA256),
        "corrections": .list(corrections),
        "notes": RecordRow.optional(notes),
      ])
  }

  public init(row: RecordRow) throws(RecordRowError) {
    self.init(
      id: try row.string("document_id"), kind: try row.string("kind"), title: try row.string("title"),
      titleLanguage: try row.string("title_language"), publisher: try row.optionalString("publisher"),
      editor: try row.optionalString("editor"), published: try row.optionalString("published"),
      publishedRaw: try row.optionalString("published_raw"),
      timezoneBasis: try row.optionalString("timezone_basis"),
      languages: try row.list("languages"), sourceFile: try row.string("source_file"),
      annotationFile: try row.optionalString("annotation_file"),
      sourceSHA256: try row.string("source_sha256"),
      annotationSHA256: try row.optionalString("annotation_sha256"), corrections: try row.list("corrections"),
      notes: try row.optionalString("notes"))
  }
}

extension SectionRecord: TableRecord {
  public static var table: RecordTable { .sections }

  public var row: RecordRow {
    RecordRow(
      table: .sections,
      columns: [
        "document_id": .string(documentID),
        "section_id": .string(id),
        "ordinal": .integer(ordinal),
        "parent_id": RecordRow.optional(parentID),
        "kind": .string(kind),
        "number": RecordRow.optional(number),
        "heading": RecordRow.optional(heading),
        "language": .string(language),
        "start": .integer(start),
        "end": .integer(end),
        "start_line": .integer(startLine),
        "end_line": .integer(endLine),
      ])
  }

  public init(row: RecordRow) throws(RecordRowError) {
    self.init(
      documentID: try row.string("document_id"), id: try row.string("section_id"),
      ordinal: try row.integer("ordinal"), parentID: try row.optionalString("parent_id"),
      kind: try row.string("kind"), number: try row.optionalString("number"),
      heading: try row.optionalString("heading"), language: try row.string("language"),
      start: try row.integer("start"), end: try row.integer("end"), startLine: try row.integer("start_line"),
      endLine: try row.integer("end_line"))
  }
}

extension ActivityRecord: TableRecord {
  public static var table: RecordTable { .activities }

  public var row: RecordRow {
    RecordRow(
      table: .activities,
      columns: [
        "document_id": .string(documentID),
        "activity_id": .string(id),
        "section_id": .string(sectionID),
        "type": .string(type),
        "subtype": RecordRow.optional(subtype),
        "crosswalk_ndu": RecordRow.optional(crosswalk.ndu),
        "crosswalk_cameo": .list(crosswalk.cameo),
        "crosswalk_plover": RecordRow.optional(crosswalk.plover),
        "areas": .list(areas),
        "name": RecordRow.optional(name),
        "named_event": RecordRow.optional(namedEvent),
        "edition_ordinal": RecordRow.optional(editionOrdinal),
        "edition_raw": RecordRow.optional(editionRaw),
        "date_edtf": RecordRow.optional(date?.edtf),
        "date_earliest": RecordRow.optional(date?.earliest),
        "date_latest": RecordRow.optional(date?.latest),
        "date_basis": RecordRow.optional(date?.basis),
        "date_raw": RecordRow.optional(date?.raw),
        "location_iso3": RecordRow.optional(locationISO3),
        "location_text": RecordRow.optional(locationText),
        "location_place": RecordRow.optional(locationPlace),
        "modes": .list(modes),
        "first_of_kind": RecordRow.optional(firstOfKind),
        "part_of": RecordRow.optional(partOf),
        "assertion": .string(assertion),
        "notes": RecordRow.optional(notes),
      ])
  }

  public init(row: RecordRow) throws(RecordRowError) {
    var date: DateValue?
    if let edtf = try row.optionalString("date_edtf") {
      guard let basis = try row.optionalString("date_basis") else {
        throw RecordRowError(column: "date_basis", expected: "a string when date_edtf is set")
      }
      date = DateValue(
        edtf: edtf, earliest: try row.optionalString("date_earliest"),
        latest: try row.optionalString("date_latest"),
        basis: basis, raw: try row.optionalString("date_raw"))
    } else {
      for column in ["date_earliest", "date_latest", "date_basis", "date_raw"] where row[column] != .null {
        throw RecordRowError(column: column, expected: "null when date_edtf is null")
      }
    }
    self.init(
      documentID: try row.string("document_id"), id: try row.string("activity_id"),
      sectionID: try row.string("section_id"), type: try row.string("type"),
      crosswalk: Crosswalk(
        ndu: try row.optionalString("crosswalk_ndu"), cameo: try row.list("crosswalk_cameo"),
        plover: try row.optionalString("crosswalk_plover")),
      areas: try row.list("areas"), name: try row.optionalString("name"), date: date,
      locationISO3: try row.optionalString("location_iso3"),
      locationText: try row.optionalString("location_text"),
      assertion: try row.string("assertion"), subtype: try row.optionalString("subtype"),
      namedEvent: try row.optionalString("named_event"),
      locationPlace: try row.optionalString("location_place"),
      modes: try row.list("modes"), editionOrdinal: try row.optionalInteger("edition_ordinal"),
      editionRaw: try row.optionalString("edition_raw"), firstOfKind: try row.optionalString("first_of_kind"),
      partOf: try row.optionalString("part_of"), notes: try row.optionalString("notes"))
  }
}

extension ParticipantRecord: TableRecord {
  public static var table: RecordTable { .participants }

  public var row: RecordRow {
    RecordRow(
      table: .participants,
      columns: [
        "document_id": .string(documentID),
        "activity_id": .string(activityID),
        "ordinal": .integer(ordinal),
        "role": .string(role),
        "country_iso3": RecordRow.optional(countryISO3),
        "country_name_en": RecordRow.optional(countryNameEn),
        "country_name_zh": RecordRow.optional(countryNameZh),
        "organization": RecordRow.optional(organization),
        "sector": RecordRow.optional(sector),
        "set_id": RecordRow.optional(setID),
        "implicit": .boolean(implicit),
        "raw": RecordRow.optional(raw),
        "person_name": RecordRow.optional(personName),
        "person_titles": .list(personTitles),
      ])
  }

  public init(row: RecordRow) throws(RecordRowError) {
    self.init(
      documentID: try row.string("document_id"), activityID: try row.string("activity_id"),
      ordinal: try row.integer("ordinal"), role: try row.string("role"),
      countryISO3: try row.optionalString("country_iso3"),
      countryNameEn: try row.optionalString("country_name_en"),
      countryNameZh: try row.optionalString("country_name_zh"),
      organization: try row.optionalString("organization"),
      sector: try row.optionalString("sector"), setID: try row.optionalString("set_id"),
      implicit: try row.boolean("implicit"), raw: try row.optionalString("raw"),
      personName: try row.optionalString("person_name"), personTitles: try row.list("person_titles"))
  }
}

extension ParticipantSet: TableRecord {
  public static var table: RecordTable { .participantSets }

  public var row: RecordRow {
    RecordRow(
      table: .participantSets,
      columns: [
        "document_id": .string(documentID),
        "activity_id": .string(activityID),
        "set_id": .string(id),
        "role": .string(role),
        "member_kind": .string(memberKind),
        "completeness": .string(completeness.rawValue),
        "open_ended_text": RecordRow.optional(openEndedText),
        "sector": RecordRow.optional(sector),
        "implicit": .boolean(implicit),
        "raw": RecordRow.optional(raw),
      ])
  }

  public init(row: RecordRow) throws(RecordRowError) {
    self.init(
      documentID: try row.string("document_id"), activityID: try row.string("activity_id"),
      id: try row.string("set_id"), role: try row.string("role"), memberKind: try row.string("member_kind"),
      completeness: try row.enumeration("completeness", Completeness.self),
      openEndedText: try row.optionalString("open_ended_text"), sector: try row.optionalString("sector"),
      implicit: try row.boolean("implicit"), raw: try row.optionalString("raw"))
  }
}

extension QuantityRecord: TableRecord {
  public static var table: RecordTable { .quantities }

  public var row: RecordRow {
    RecordRow(
      table: .quantities,
      columns: [
        "document_id": .string(documentID),
        "activity_id": .string(activityID),
        "ordinal": .integer(ordinal),
        "set_id": RecordRow.optional(setID),
        "unit": .string(unit),
        "qualifier": .string(qualifier.rawValue),
        "value": RecordRow.optional(value),
        "lower": RecordRow.optional(lower),
        "upper": RecordRow.optional(upper),
        "raw": RecordRow.optional(raw),
        "derived": .boolean(derived),
        "evidence_id": RecordRow.optional(evidenceID),
        "dimensions": .list(dimensions),
      ])
  }

  public init(row: RecordRow) throws(RecordRowError) {
    self.init(
      documentID: try row.string("document_id"), activityID: try row.string("activity_id"),
      ordinal: try row.integer("ordinal"), setID: try row.optionalString("set_id"),
      unit: try row.string("unit"),
      qualifier: try row.enumeration("qualifier", Qualifier.self), value: try row.optionalInteger("value"),
      lower: try row.optionalInteger("lower"), upper: try row.optionalInteger("upper"),
      raw: try row.optionalString("raw"), derived: try row.boolean("derived"),
      evidenceID: try row.optionalString("evidence_id"), dimensions: try row.list("dimensions"))
  }
}

extension EvidenceRecord: TableRecord {
  public static var table: RecordTable { .evidence }

  public var row: RecordRow {
    RecordRow(
      table: .evidence,
      columns: [
        "document_id": .string(documentID),
        "activity_id": .string(activityID),
        "evidence_id": .string(id),
        "ordinal": .integer(ordinal),
        "section_id": .string(sectionID),
        "quote": .string(quote),
        "start": .integer(start),
        "end": .integer(end),
        "start_line": .integer(startLine),
        "end_line": .integer(endLine),
      ])
  }

  public init(row: RecordRow) throws(RecordRowError) {
    self.init(
      documentID: try row.string("document_id"), activityID: try row.string("activity_id"),
      id: try row.string("evidence_id"), ordinal: try row.integer("ordinal"),
      sectionID: try row.string("section_id"),
      quote: try row.string("quote"), start: try row.integer("start"), end: try row.integer("end"),
      startLine: try row.integer("start_line"), endLine: try row.integer("end_line"))
  }
}

extension TermRecord: TableRecord {
  public static var table: RecordTable { .terms }

  public var row: RecordRow {
    RecordRow(
      table: .terms,
      columns: [
        "document_id": .string(documentID),
        "term": .string(term),
        "language": .string(language),
        "ordinal": .integer(ordinal),
        "vocabulary": .string(vocabulary),
        "item": RecordRow.optional(item),
        "section_id": .string(sectionID),
        "quote": .string(quote),
        "start": .integer(start),
        "end": .integer(end),
        "start_line": .integer(startLine),
        "end_line": .integer(endLine),
        "notes": RecordRow.optional(notes),
      ])
  }

  public init(row: RecordRow) throws(RecordRowError) {
    self.init(
      documentID: try row.string("document_id"), term: try row.string("term"),
      language: try row.string("language"), ordinal: try row.integer("ordinal"),
      vocabulary: try row.string("vocabulary"), item: try row.optionalInteger("item"),
      sectionID: try row.string("section_id"), quote: try row.string("quote"),
      start: try row.integer("start"),
      end: try row.integer("end"), startLine: try row.integer("start_line"),
      endLine: try row.integer("end_line"), notes: try row.optionalString("notes"))
  }
}

extension RecordSet {
  /// The rows of one table, in the set's current order.
  public func rows(of table: RecordTable) -> [RecordRow] {
    switch table.name {
    case RecordTable.documents.name: return documents.map(\.row)
    case RecordTable.sections.name: return sections.map(\.row)
    case RecordTable.activities.name: return activities.map(\.row)
    case RecordTable.participants.name: return participants.map(\.row)
    case RecordTable.participantSets.name: return participantSets.map(\.row)
    case RecordTable.quantities.name: return quantities.map(\.row)
    case RecordTable.evidence.name: return evidence.map(\.row)
    case RecordTable.terms.name: return terms.map(\.row)
    default: return []
    }
  }

  /// Appends a record rebuilt from a row of the named table.
  public mutating func append(_ row: RecordRow) throws(RecordRowError) {
    switch row.table.name {
    case RecordTable.documents.name: documents.append(try DocumentRecord(row: row))
    case RecordTable.sections.name: sections.append(try SectionRecord(row: row))
    case RecordTable.activities.name: activities.append(try ActivityRecord(row: row))
    case RecordTable.participants.name: participants.append(try ParticipantRecord(row: row))
    case RecordTable.participantSets.name: participantSets.append(try ParticipantSet(row: row))
    case RecordTable.quantities.name: quantities.append(try QuantityRecord(row: row))
    case RecordTable.evidence.name: evidence.append(try EvidenceRecord(row: row))
    case RecordTable.terms.name: terms.append(try TermRecord(row: row))
    default: throw RecordRowError(column: "(table)", expected: "a known table (got \(row.table.name))")
    }
  }
}
