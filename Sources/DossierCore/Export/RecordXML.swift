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
    var problems: [Diagnostic] = []
    let documents = Dictionary(records.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for table in RecordTable.all {
      for row in records.rows(of: table) {
        for column in table.columns {
          let values: [String]
          switch row[column.name] {
          case .string(let s): values = [s]
          case .list(let l): values = l
          default: continue
          }
          for value in values {
            guard let bad = XMLWriter.firstInvalidCharacter(in: value) else { continue }
            var documentID = ""
            if case .string(let d) = row["document_id"] { documentID = d }
            let document = documents[documentID]
            let fromText = textColumns.contains("\(table.name).\(column.name)")
            let origin =
              (fromText ? document?.sourceFile : (document?.annotationFile ?? document?.sourceFile))
              ?? "the input"
            let reference = RecordFieldReference(
              documentID: documentID, table: table.name,
              key: row.keyValues, column: column.name)
            problems.append(
              .error(
                .xmlCharacterNotAllowed,
                "\(row.label): column '\(column.name)' contains U+\(RecordSetChecker.hex(bad.scalar.value)) at "
                  + "character \(bad.offset + 1), which XML 1.0 does not allow (value from \(origin))",
                at: options.locator?(reference),
                help: "remove the control character from \(origin)"))
          }
        }
      }
    }
    return problems
  }

  /// Writes the column elements of a row.
  static func writeColumns(_ row: RecordRow, into writer: inout XMLWriter) throws(XMLWriter.InvalidCharacter)
  {
    for column in row.table.columns where !row.table.impliedInXML.contains(column.name) {
      guard case .element(let name, let namespace, let language) = column.xml else { continue }
      let qualified = namespace == .dublinCore ? "dc:" + name : name
      var attributes: [(String, String)] = []
      switch language {
      case .none: break
      case .fixed(let tag): attributes = [("xml:lang", tag)]
      case .column(let other):
        if case .string(let tag) = row[other] { attributes = [("xml:lang", tag)] }
      }
      switch row[column.name] {
      case .null: continue
      case .string(let s): try writer.leaf(qualified, attributes: attributes, text: s)
      case .integer(let i): try writer.leaf(qualified, attributes: attributes, text: String(i))
      case .boolean(let b): try writer.leaf(qualified, attributes: attributes, text: b ? "true" : "false")
      case .list(let items):
        for item in items { try writer.leaf(qualified, attributes: attributes, text: item) }
      }
    }
  }

  /// The record XML of one document's records (already sorted).
  static func document(_ records: RecordSet) throws(XMLWriter.InvalidCharacter) -> [UInt8] {
    var writer = XMLWriter()
    try writer.start(
      "record",
      attributes: [("xmlns", namespace), ("xmlns:dc", dublinCoreNamespace), ("schemaVersion", schemaVersion)])
    for document in records.documents {
      try writer.start(RecordTable.documents.xmlElement)
      try writeColumns(document.row, into: &writer)
      writer.end()
    }
    for section in records.sections {
      try writer.start(RecordTable.sections.xmlElement)
      try writeColumns(section.row, into: &writer)
      writer.end()
    }
    var children: [String: [String: [RecordRow]]] = [:]
    for table in activityChildren {
      for row in records.rows(of: table) {
        guard case .string(let activity) = row["activity_id"] else { continue }
        children[table.name, default: [:]][activity, default: []].append(row)
      }
    }
    for activity in records.activities {
      try writer.start(RecordTable.activities.xmlElement)
      try writeColumns(activity.row, into: &writer)
      for table in activityChildren {
        for row in children[table.name]?[activity.id] ?? [] {
          try writer.start(table.xmlElement)
          try writeColumns(row, into: &writer)
          writer.end()
        }
      }
      writer.end()
    }
    for term in records.terms {
      try writer.start(RecordTable.terms.xmlElement)
      try writeColumns(term.row, into: &writer)
      writer.end()
    }
    writer.end()
    return writer.bytes
  }
}
