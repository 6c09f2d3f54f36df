extension RecordTable {
  /// Every record table, in file order.
  public static let all: [RecordTable] = [
    documents, sections, activities, participants, participantSets, quantities, evidence, terms,
  ]

  /// Finds a table by name.
  public static func named(_ name: String) -> RecordTable? { all.first { $0.name == name } }

  /// The span columns of every table that locates text (sections, evidence, terms), in this order:
  /// Unicode scalar offsets [start, end) into the newline-normalized source text and 1-based lines.
  static let spanColumns = [
    RecordColumn(
      "start", .integer, required: true, format: .nonNegative, xml: .element("start"),
      "Start offset (Unicode scalars, inclusive)."),
    RecordColumn(
      "end", .integer, required: true, format: .nonNegative, xml: .element("end"),
      "End offset (Unicode scalars, exclusive)."),
    RecordColumn(
      "start_line", .integer, required: true, format: .positive, xml: .element("startLine"), "First line."),
    RecordColumn(
      "end_line", .integer, required: true, format: .positive, xml: .element("endLine"), "Last line."),
  ]

  /// The first column of every table whose rows belong to a document (all but `documents`).
  static let documentIDColumn = RecordColumn(
    "document_id", .string, required: true, xml: .element("documentId"), "Document id.")

  /// A table whose rows belong to a document: `documentIDColumn`, then `columns`. Its key starts
  /// with `document_id` and the record XML implies it (rows sit inside their document's element).
  init(
    inDocument name: String, xmlElement: String, description: String, columns: [RecordColumn],
    key: [String], impliedInXML: [String]
  ) {
    assert(key.first == "document_id" && impliedInXML.first == "document_id")
    self.init(
      name: name, xmlElement: xmlElement, description: description,
      columns: [Self.documentIDColumn] + columns,
      key: key, impliedInXML: impliedInXML)
  }

  /// One row per source document.
  public static let documents = RecordTable(
    name: "documents", xmlElement: "document",
    description: "One row per source document: identity, bibliographic header and SHA-256 fixity.",
    columns: [
      RecordColumn(
        "document_id", .string, required: true, xml: .element("identifier", namespace: .dublinCore),
        "Document id: the file stem of Input/NAME.txt."),
      RecordColumn(
        "kind", .string, required: true, xml: .element("kind"), "Document kind (news_article, definition)."),
      RecordColumn(
        "title", .string, required: true,
        xml: .element("title", namespace: .dublinCore, language: .column("title_language")),
        "Title as printed (first non-blank line)."),
      RecordColumn(
        "title_language", .string, required: true, format: .language, xml: .languageOf("title"),
        "BCP 47 tag of the title."),
      RecordColumn(
        "publisher", .string, required: false, xml: .element("publisher", namespace: .dublinCore),
        "Publisher named in the byline."),
      RecordColumn(
        "editor", .string, required: false, xml: .element("contributor", namespace: .dublinCore),
        "Editor named in the byline."),
      RecordColumn(
        "published", .string, required: false, format: .dateTime,
        xml: .element("date", namespace: .dublinCore),
        "Publication time, ISO 8601 with offset."),
      RecordColumn(
        "published_raw", .string, required: false, xml: .element("publishedRaw"),
        "Publication time exactly as printed."),
      RecordColumn(
        "timezone_basis", .string, required: false,
        format: .enumeration(["explicit", "assumed_source_default"]), xml: .element("timezoneBasis"),
        "How the offset of published was obtained."),
      RecordColumn(
        "languages", .stringList, required: true, format: .language,
        xml: .element("language", namespace: .dublinCore), listTable: ("document_languages", "language"),
        "BCP 47 tags of the languages present, in order of first appearance."),
      RecordColumn(
        "source_file", .string, required: true, xml: .element("sourceFile"),
        "Path of the source text relative to the corpus root."),
      RecordColumn(
        "annotation_file", .string, required: false, xml: .element("annotationFile"),
        "Path of the annotation sidecar, if any."),
      RecordColumn(
        "source_sha256", .string, required: true, format: .sha256, xml: .element("sourceSha256"),
        "SHA-256 of the source file's bytes (lowercase hex)."),
      RecordColumn(
        "annotation_sha256", .string, required: false, format: .sha256, xml: .element("annotationSha256"),
        "SHA-256 of the annotation file's bytes (lowercase hex)."),
      RecordColumn(
        "corrections", .stringList, required: true, xml: .element("correction"),
        listTable: ("document_corrections", "correction"),
        "Corrections of the text by the annotation, each 'field: reason'; the field's column holds the "
          + "corrected value."),
      RecordColumn(
        "notes", .string, required: false, xml: .element("notes"),
        "Annotator's notes: free text for people, not a fact of the document."),
    ],
    key: ["document_id"], impliedInXML: [])

  /// One row per structural block of a document.
  public static let sections = RecordTable(
    inDocument: "sections", xmlElement: "section",
    description: "One row per structural block (title, byline, numbered section, paragraph, list item, "
      + "translation block) with its span: Unicode scalar offsets [start, end) and 1-based lines.",
    columns: [
      RecordColumn(
        "section_id", .string, required: true, xml: .element("id"), "Section id, unique within the document."),
      RecordColumn(
        "ordinal", .integer, required: true, format: .positive, xml: .element("ordinal"),
        "1-based position in document order."),
      RecordColumn("parent_id", .string, required: false, xml: .element("parentId"), "Enclosing section id."),
      RecordColumn("kind", .string, required: true, xml: .element("kind"), "Block kind."),
      RecordColumn("number", .string, required: false, xml: .element("number"), "Number as printed."),
      RecordColumn(
        "heading", .string, required: false, xml: .element("heading", language: .column("language")),
        "Heading as printed."),
      RecordColumn(
        "language", .string, required: true, format: .language, xml: .element("language"),
        "BCP 47 tag of the block."),
    ] + spanColumns,
    key: ["document_id", "ordinal"], impliedInXML: ["document_id"])

  /// One row per coded activity.
  public static let activities = RecordTable(
    inDocument: "activities", xmlElement: "activity",
    description: "One row per coded activity (engagement) reported by a document.",
    columns: [
      RecordColumn(
        "activity_id", .string, required: true, xml: .element("id"), "Activity id, unique across the corpus."),
      RecordColumn(
        "section_id", .string, required: true, xml: .element("sectionId"), "Section reporting it."),
      RecordColumn(
        "type", .string, required: true, xml: .element("type"), "Activity type (vocabulary term)."),
      RecordColumn(
        "subtype", .string, required: false, xml: .element("subtype"),
        "Subtype of the type (vocabulary term)."),
      RecordColumn("crosswalk_ndu", .string, required: false, xml: .element("crosswalkNdu"), "NDU category."),
      RecordColumn(
        "crosswalk_cameo", .stringList, required: true, xml: .element("crosswalkCameo"),
        listTable: ("activity_cameo_codes", "code"), "CAMEO event codes of the type."),
      RecordColumn(
        "crosswalk_plover", .string, required: false, xml: .element("crosswalkPlover"), "PLOVER event type."),
      RecordColumn(
        "areas", .stringList, required: true, xml: .element("area"), listTable: ("activity_areas", "area"),
        "Cooperation areas (vocabulary terms), at least one."),
      RecordColumn("name", .string, required: false, xml: .element("name"), "Name as printed."),
      RecordColumn(
        "named_event", .string, required: false, xml: .element("namedEvent"),
        "Corpus-wide id of the named event."),
      RecordColumn(
        "edition_ordinal", .integer, required: false, format: .positive, xml: .element("editionOrdinal"),
        "Number of the activity in its series."),
      RecordColumn(
        "edition_raw", .string, required: false, xml: .element("editionRaw"), "Edition as printed."),
      RecordColumn("date_edtf", .string, required: false, xml: .element("dateEdtf"), "Date, EDTF level 0-1."),
      RecordColumn(
        "date_earliest", .string, required: false, format: .date, xml: .element("dateEarliest"),
        "Earliest day the date allows."),
      RecordColumn(
        "date_latest", .string, required: false, format: .date, xml: .element("dateLatest"),
        "Latest day the date allows."),
      RecordColumn(
        "date_basis", .string, required: false, xml: .element("dateBasis"), "How the date was obtained."),
      RecordColumn("date_raw", .string, required: false, xml: .element("dateRaw"), "Date as written."),
      RecordColumn(
        "location_iso3", .string, required: false, format: .iso3, xml: .element("locationIso3"),
        "ISO 3166-1 alpha-3 code of the place."),
      RecordColumn(
        "location_text", .string, required: false, xml: .element("locationText"), "Place as written."),
      RecordColumn(
        "location_place", .string, required: false, xml: .element("locationPlace"),
        "Place name as printed (inside location_text)."),
      RecordColumn(
        "modes", .stringList, required: true,
        format: .enumeration(["in_person", "video", "phone", "letter", "article"]), xml: .element("mode"),
        listTable: ("activity_modes", "mode"), "How the contact took place."),
      RecordColumn(
        "first_of_kind", .string, required: false, xml: .element("firstOfKind"),
        "Words claiming a first, as printed."),
      RecordColumn(
        "part_of", .string, required: false, xml: .element("partOf"),
        "Activity of the same document this one is part of."),
      RecordColumn(
        "assertion", .string, required: true, format: .enumeration(["reported", "planned", "negated"]),
        xml: .element("assertion"), "reported, planned or negated."),
      RecordColumn(
        "notes", .string, required: false, xml: .element("notes"),
        "Annotator's notes: free text for people, not a fact of the document."),
    ],
    key: ["document_id", "activity_id"], impliedInXML: ["document_id"])

  /// One row per activity × participant.
  public static let participants = RecordTable(
    inDocument: "participants", xmlElement: "participant",
    description: "Long table: one row per activity × participant; members of a participant set are "
      + "expanded to one row each, with set_id naming the set.",
    columns: [
      RecordColumn("activity_id", .string, required: true, xml: .element("activityId"), "Activity id."),
      RecordColumn(
        "ordinal", .integer, required: true, format: .positive, xml: .element("ordinal"),
        "1-based position among the activity's participants."),
      RecordColumn("role", .string, required: true, xml: .element("role"), "Role in the activity."),
      RecordColumn(
        "country_iso3", .string, required: false, format: .iso3, xml: .element("countryIso3"),
        "ISO 3166-1 alpha-3 code."),
      RecordColumn(
        "country_name_en", .string, required: false, xml: .element("countryName", language: .fixed("en")),
        "English short name of the country."),
      RecordColumn(
        "country_name_zh", .string, required: false, xml: .element("countryName", language: .fixed("zh")),
        "Chinese name of the country."),
      RecordColumn("organization", .string, required: false, xml: .element("organization"), "Organization."),
      RecordColumn("sector", .string, required: false, xml: .element("sector"), "Sector code (MIL, GOV)."),
      RecordColumn(
        "set_id", .string, required: false, xml: .element("setId"), "Participant set expanded from."),
      RecordColumn(
        "implicit", .boolean, required: true, xml: .element("implicit"), "True when implied, not named."),
      RecordColumn("raw", .string, required: false, xml: .element("raw"), "Participant as written."),
      RecordColumn(
        "person_name", .string, required: false, xml: .element("personName"), "Person's name as printed."),
      RecordColumn(
        "person_titles", .stringList, required: true, xml: .element("personTitle"),
        listTable: ("participant_person_titles", "title"), "Person's titles as printed."),
    ],
    key: ["document_id", "activity_id", "ordinal"], impliedInXML: ["document_id", "activity_id"])

  /// One row per participant set.
  public static let participantSets = RecordTable(
    inDocument: "participant_sets", xmlElement: "participantSet",
    description: "One row per participant set (\"over 30 countries, including ...\"); members are the "
      + "participants rows with its set_id, stated and derived totals the quantities rows with its set_id.",
    columns: [
      RecordColumn("activity_id", .string, required: true, xml: .element("activityId"), "Activity id."),
      RecordColumn(
        "set_id", .string, required: true, xml: .element("id"), "Set id, unique across the corpus."),
      RecordColumn("role", .string, required: true, xml: .element("role"), "Role of the members."),
      RecordColumn("member_kind", .string, required: true, xml: .element("memberKind"), "What members are."),
      RecordColumn(
        "completeness", .string, required: true,
        format: .enumeration(ParticipantSet.Completeness.allCases.map(\.rawValue)),
        xml: .element("completeness"),
        "complete, partial or unknown."),
      RecordColumn(
        "open_ended_text", .string, required: false, xml: .element("openEndedText"),
        "Wording that makes the list open or closed."),
      RecordColumn(
        "sector", .string, required: false, xml: .element("sector"), "Sector code of the members."),
      RecordColumn(
        "implicit", .boolean, required: true, xml: .element("implicit"), "True when implied, not named."),
      RecordColumn("raw", .string, required: false, xml: .element("raw"), "Set as written."),
    ],
    key: ["document_id", "activity_id", "set_id"], impliedInXML: ["document_id", "activity_id"])

  /// One row per stated or derived quantity.
  public static let quantities = RecordTable(
    inDocument: "quantities", xmlElement: "quantity",
    description: "One row per quantity: stated by the source, or derived by the pipeline (derived = true).",
    columns: [
      RecordColumn("activity_id", .string, required: true, xml: .element("activityId"), "Activity id."),
      RecordColumn(
        "ordinal", .integer, required: true, format: .positive, xml: .element("ordinal"),
        "1-based position among the activity's quantities."),
      RecordColumn("set_id", .string, required: false, xml: .element("setId"), "Participant set counted."),
      RecordColumn("unit", .string, required: true, xml: .element("unit"), "What is counted."),
      RecordColumn(
        "qualifier", .string, required: true,
        format: .enumeration(QuantityRecord.Qualifier.allCases.map(\.rawValue)), xml: .element("qualifier"),
        "exact, more_than, at_least, nearly, approx or vague."),
      RecordColumn("value", .integer, required: false, xml: .element("value"), "Stated or derived value."),
      RecordColumn("lower", .integer, required: false, xml: .element("lower"), "Inclusive lower bound."),
      RecordColumn("upper", .integer, required: false, xml: .element("upper"), "Inclusive upper bound."),
      RecordColumn("raw", .string, required: false, xml: .element("raw"), "Quantity as written."),
      RecordColumn(
        "derived", .boolean, required: true, xml: .element("derived"), "True when computed, not stated."),
      RecordColumn(
        "evidence_id", .string, required: false, xml: .element("evidenceId"), "Evidence quoting it."),
      RecordColumn(
        "dimensions", .stringList, required: true, xml: .element("dimension"),
        listTable: ("quantity_dimensions", "dimension"),
        "Further classification, key=value items sorted by key (place=1)."),
    ],
    key: ["document_id", "activity_id", "ordinal"], impliedInXML: ["document_id", "activity_id"])

  /// One row per evidence quote.
  public static let evidence = RecordTable(
    inDocument: "evidence", xmlElement: "evidence",
    description: "One row per evidence quote with its span: Unicode scalar offsets [start, end) into the "
      + "newline-normalized source text and 1-based lines.",
    columns: [
      RecordColumn(
        "activity_id", .string, required: true, xml: .element("activityId"), "Activity supported."),
      RecordColumn("evidence_id", .string, required: true, xml: .element("id"), "Evidence id."),
      RecordColumn(
        "ordinal", .integer, required: true, format: .positive, xml: .element("ordinal"),
        "1-based position among the activity's evidence."),
      RecordColumn(
        "section_id", .string, required: true, xml: .element("sectionId"), "Section containing it."),
      RecordColumn(
        "quote", .string, required: true, xml: .element("quote"), "Quoted text, exactly as in the source."),
    ] + spanColumns,
    key: ["document_id", "activity_id", "ordinal"], impliedInXML: ["document_id", "activity_id"])

  /// One row per term × language a definition document defines.
  public static let terms = RecordTable(
    inDocument: "terms", xmlElement: "term",
    description: "One row per vocabulary term × language a definition document states, with the quote's "
      + "span: Unicode scalar offsets [start, end) and 1-based lines.",
    columns: [
      RecordColumn("term", .string, required: true, xml: .element("id"), "Term id of the vocabulary."),
      RecordColumn(
        "language", .string, required: true, format: .language, xml: .element("language"),
        "BCP 47 tag of the form."),
      RecordColumn(
        "ordinal", .integer, required: true, format: .positive, xml: .element("ordinal"),
        "1-based position of the term in the annotation."),
      RecordColumn(
        "vocabulary", .string, required: true,
        format: .enumeration(["cooperation-areas", "activity-types"]), xml: .element("vocabulary"),
        "Vocabulary of the term."),
      RecordColumn(
        "item", .integer, required: false, format: .positive, xml: .element("item"),
        "List item of that language's list."),
      RecordColumn(
        "section_id", .string, required: true, xml: .element("sectionId"), "Section containing the quote."),
      RecordColumn(
        "quote", .string, required: true, xml: .element("quote", language: .column("language")),
        "Quoted text, exactly as in the source."),
    ] + spanColumns + [
      RecordColumn(
        "notes", .string, required: false, xml: .element("notes"),
        "Annotator's notes on the term: free text for people.")
    ],
    key: ["document_id", "term", "language"], impliedInXML: ["document_id"])
}
