/// The layout of the record XML (`xml/<document>.xml`, schema `Schemas/xml/dossier-record.xsd`):
///
/// ```xml
/// <record xmlns="urn:dossier:ns:record:1" xmlns:dc="http://purl.org/dc/elements/1.1/" schemaVersion="1">
///   <document> dc:identifier, kind, dc:title xml:lang, dc:publisher, … </document>
///   <section> … </section>*
///   <activity> …columns… <participant/>* <participantSet/>* <quantity/>* <evidence/>* </activity>*
///   <term> … </term>*
/// </record>
/// ```
///
/// Each column is one child element (named in `RecordTable`), omitted when null, repeated for lists;
/// columns implied by the enclosing element (`document_id`, `activity_id`) are left out.
public enum RecordXML {
  /// The record namespace.
  public static let namespace = "urn:dossier:ns:record:1"
  /// Dublin Core elements 1.1.
  public static let dublinCoreNamespace = "http://purl.org/dc/elements/1.1/"
  /// The `xml:` namespace.
  public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
  /// Value of the root's `schemaVersion` attribute.
  public static let schemaVersion = "1"
  /// Tables nested inside `<activity>`, in order.
  static let activityChildren: [RecordTable] = [.participants, .participantSets, .quantities, .evidence]

  static func namespaceURI(_ namespace: RecordColumn.XMLNamespace) -> String {
    namespace == .dublinCore ? dublinCoreNamespace : self.namespace
  }

  /// Columns whose values come from the source text rather than the annotation.
  private static let textColumns: Set<String> = [
    "documents.title", "documents.publisher", "documents.editor", "documents.published_raw",
    "sections.heading", "sections.number", "evidence.quote", "terms.quote",
  ]

  /// `X001` diagnostics for every string cell that XML 1.0 cannot carry.
  static func characterProblems(_ records: RecordSet, options: ExportOptions) -> [Diagnostic] {
    characterProblems(RecordRows(records), documents: records.documents, options: options)
  }

  /// `X001` diagnostics for the rows of a record set (`documents`: its document records).
  static func characterProblems(_ rows: RecordRows, documents: [DocumentRecord], options: ExportOptions)
    -> [Diagnostic]
  {
    var problems: [Diagnostic] = []
    for (table, tableRows) in zip(RecordTable.all, rows.tables) {
      for row in tableRows {
        for (column, value) in zip(table.columns, row.values) {
          switch value {
          case .string(let s):
            if let bad = XMLWriter.firstInvalidCharacter(in: s) {
              problems.append(problem(bad, row: row, column: column, documents: documents, options: options))
            }
          case .list(let l):
            for item in l {
              guard let bad = XMLWriter.firstInvalidCharacter(in: item) else { continue }
              problems.append(problem(bad, row: row, column: column, documents: documents, options: options))
            }
          default: continue
          }
        }
      }
    }
    return problems
  }

  private static func problem(
    _ bad: XMLWriter.InvalidCharacter, row: RecordRow, column: RecordColumn, documents: [DocumentRecord],
    options: ExportOptions
  ) -> Diagnostic {
    let table = row.table
    let reference = row.reference(column: column.name)
    let document = documents.first { $0.id == reference.documentID }
    let fromText = textColumns.contains("\(table.name).\(column.name)")
    let origin =
      (fromText ? document?.sourceFile : (document?.annotationFile ?? document?.sourceFile)) ?? "the input"
    return .error(
      .xmlCharacterNotAllowed,
      "\(row.label): column '\(column.name)' contains U+\(RecordSetChecker.hex(bad.scalar.value)) at "
        + "character \(bad.offset + 1), which XML 1.0 does not allow (value from \(origin))",
      at: options.locator?(reference),
      help: "remove the control character from \(origin)")
  }

  /// How one column of a table is written: its cell's position, the qualified element name and where
  /// its `xml:lang` comes from.
  struct ColumnPlan {
    var index: Int
    var element: String
    var fixedLanguage: String?
    var languageIndex: Int?
  }

  /// The written columns of each table (`RecordTable.all` order): element columns not implied by the
  /// enclosing element.
  static let plans: [[ColumnPlan]] = RecordTable.all.map { table in
    table.columns.enumerated().compactMap { index, column -> ColumnPlan? in
      guard !table.impliedInXML.contains(column.name),
        case .element(let name, let namespace, let language) = column.xml
      else { return nil }
      var plan = ColumnPlan(index: index, element: namespace == .dublinCore ? "dc:" + name : name)
      switch language {
      case .none: break
      case .fixed(let tag): plan.fixedLanguage = tag
      case .column(let other): plan.languageIndex = table.index(of: other)
      }
      return plan
    }
  }

  /// Writes the column elements of a row.
  static func writeColumns(_ row: RecordRow, into writer: inout XMLWriter) throws(XMLWriter.InvalidCharacter)
  {
    guard let position = RecordTable.all.firstIndex(of: row.table) else { return }
    try writeColumns(row, plan: plans[position], into: &writer)
  }

  static func writeColumns(_ row: RecordRow, plan: [ColumnPlan], into writer: inout XMLWriter)
    throws(XMLWriter.InvalidCharacter)
  {
    for column in plan {
      var language = column.fixedLanguage
      if let other = column.languageIndex, case .string(let tag) = row.values[other] { language = tag }
      let attributes = language.map { [("xml:lang", $0)] } ?? []
      switch row.values[column.index] {
      case .null: continue
      case .string(let s): try writer.leaf(column.element, attributes: attributes, text: s)
      case .integer(let i): try writer.leaf(column.element, attributes: attributes, text: String(i))
      case .boolean(let b):
        try writer.leaf(column.element, attributes: attributes, text: b ? "true" : "false")
      case .list(let items):
        for item in items { try writer.leaf(column.element, attributes: attributes, text: item) }
      }
    }
  }

  /// The record XML of one document's records (already sorted).
  static func document(_ records: RecordSet) throws(XMLWriter.InvalidCharacter) -> [UInt8] {
    try document(RecordRows(records))
  }

  /// The record XML of one document's rows (already sorted).
  static func document(_ rows: RecordRows) throws(XMLWriter.InvalidCharacter) -> [UInt8] {
    var writer = XMLWriter()
    try writer.start(
      "record",
      attributes: [("xmlns", namespace), ("xmlns:dc", dublinCoreNamespace), ("schemaVersion", schemaVersion)])
    func write(_ table: RecordTable, _ row: RecordRow) throws(XMLWriter.InvalidCharacter) {
      guard let position = RecordTable.all.firstIndex(of: table) else { return }
      try writer.start(table.xmlElement)
      try writeColumns(row, plan: plans[position], into: &writer)
    }
    for row in rows.rows(of: .documents) {
      try write(.documents, row)
      writer.end()
    }
    for row in rows.rows(of: .sections) {
      try write(.sections, row)
      writer.end()
    }
    var children: [[String: [RecordRow]]] = []
    for table in activityChildren {
      var byActivity: [String: [RecordRow]] = [:]
      if let activityColumn = table.index(of: "activity_id") {
        for row in rows.rows(of: table) {
          guard case .string(let activity) = row.values[activityColumn] else { continue }
          byActivity[activity, default: []].append(row)
        }
      }
      children.append(byActivity)
    }
    let activityColumn = RecordTable.activities.index(of: "activity_id") ?? 0
    for activity in rows.rows(of: .activities) {
      try write(.activities, activity)
      if case .string(let id) = activity.values[activityColumn] {
        for (table, byActivity) in zip(activityChildren, children) {
          for row in byActivity[id] ?? [] {
            try write(table, row)
            writer.end()
          }
        }
      }
      writer.end()
    }
    for row in rows.rows(of: .terms) {
      try write(.terms, row)
      writer.end()
    }
    writer.end()
    return writer.bytes
  }
}
