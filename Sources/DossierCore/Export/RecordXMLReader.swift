import CLibXML2

/// Reads record XML files back into records with libxml2 (`XML_PARSE_NONET`, no entity expansion, no
/// DTD, DOCTYPE refused). Independent of the writer: elements are matched to columns by namespace,
/// name and `xml:lang`; unknown or repeated elements are errors. With a schema bundle, each file is also
/// validated against `dossier-record.xsd` first. Every problem is an `X005` error at file:line.
public enum RecordXMLReader {
  private struct Failure: Error {
    var message: String
    var line: Int
  }

  /// Reads record XML files (one document each).
  public static func read(_ files: [ExportFile], schemas: XMLSchemaBundle? = nil) throws(DiagnosticError)
    -> RecordSet
  {
    let validator = try schemas.map { bundle throws(DiagnosticError) in
      try XMLSchemaValidator(bundle: bundle, schemaPath: XMLSchemaBundle.recordSchemaPath)
    }
    var records = RecordSet()
    var problems: [Diagnostic] = []
    for file in files {
      let session = LibXML2.Session()
      let result: Result<RecordSet, Failure> = LibXML2.run(session) {
        guard let doc = LibXML2.parse(file.bytes, fileName: file.path, session: session) else {
          let issue = session.issues.first { $0.level >= 2 }
          return .failure(
            Failure(message: issue?.message ?? "not well-formed XML", line: max(1, issue?.line ?? 1)))
        }
        defer { xmlFreeDoc(doc) }
        if let validator, let issue = validator.validate(document: doc, session: session).first {
          return .failure(
            Failure(
              message: "not valid against the record schema: \(issue.message)", line: max(1, issue.line)))
        }
        do {
          return .success(try readDocument(doc))
        } catch let failure as Failure {
          return .failure(failure)
        } catch {
          return .failure(Failure(message: "\(error)", line: 1))
        }
      }
      switch result {
      case .success(let set):
        records.append(set)
      case .failure(let failure):
        problems.append(JSONRecordReader.unreadable(file.path, line: failure.line, failure.message))
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return records.sorted()
  }

  private static func line(_ node: xmlNodePtr) -> Int { max(1, Int(xmlGetLineNo(node))) }

  private static func readDocument(_ doc: xmlDocPtr) throws -> RecordSet {
    guard let root = xmlDocGetRootElement(doc) else { throw Failure(message: "no root element", line: 1) }
    guard LibXML2.name(root) == "record", LibXML2.namespace(root) == RecordXML.namespace else {
      throw Failure(
        message: "the root must be <record> in namespace \(RecordXML.namespace)", line: line(root))
    }
    guard LibXML2.attribute(root, "schemaVersion") == RecordXML.schemaVersion else {
      throw Failure(message: "schemaVersion must be \"\(RecordXML.schemaVersion)\"", line: line(root))
    }
    var records = RecordSet()
    var documentID: String?
    for element in LibXML2.elements(of: root) {
      guard LibXML2.namespace(element) == RecordXML.namespace else {
        throw Failure(message: "unexpected element <\(LibXML2.name(element))>", line: line(element))
      }
      switch LibXML2.name(element) {
      case RecordTable.documents.xmlElement:
        guard documentID == nil else { throw Failure(message: "a second <document>", line: line(element)) }
        let (row, children) = try readRow(element, table: .documents, implied: [:])
        try noChildren(children)
        if case .string(let id) = row["document_id"] { documentID = id }
        try append(row, to: &records, at: element)
      case RecordTable.sections.xmlElement:
        let (row, children) = try readRow(
          element, table: .sections, implied: try implied(documentID, element))
        try noChildren(children)
        try append(row, to: &records, at: element)
      case RecordTable.terms.xmlElement:
        let (row, children) = try readRow(element, table: .terms, implied: try implied(documentID, element))
        try noChildren(children)
        try append(row, to: &records, at: element)
      case RecordTable.activities.xmlElement:
        let context = try implied(documentID, element)
        let (row, children) = try readRow(element, table: .activities, implied: context)
        try append(row, to: &records, at: element)
        var childContext = context
        childContext["activity_id"] = row["activity_id"]
        for child in children {
          guard let table = RecordXML.activityChildren.first(where: { $0.xmlElement == LibXML2.name(child) })
          else {
            throw Failure(message: "unexpected element <\(LibXML2.name(child))>", line: line(child))
          }
          let (childRow, grandchildren) = try readRow(child, table: table, implied: childContext)
          try noChildren(grandchildren)
          try append(childRow, to: &records, at: child)
        }
      default:
        throw Failure(message: "unexpected element <\(LibXML2.name(element))>", line: line(element))
      }
    }
    guard documentID != nil else { throw Failure(message: "no <document> element", line: line(root)) }
    return records
  }

  private static func implied(_ documentID: String?, _ element: xmlNodePtr) throws -> [String: FieldValue] {
    guard let documentID else { throw Failure(message: "<document> must come first", line: line(element)) }
    return ["document_id": .string(documentID)]
  }

  private static func noChildren(_ children: [xmlNodePtr]) throws {
    if let child = children.first {
      throw Failure(message: "unexpected element <\(LibXML2.name(child))>", line: line(child))
    }
  }

  private static func append(_ row: RecordRow, to records: inout RecordSet, at element: xmlNodePtr) throws {
    do throws(RecordRowError) {
      try records.append(row)
    } catch {
      throw Failure(message: "<\(LibXML2.name(element))>: \(error)", line: line(element))
    }
  }

  /// Reads the column elements of a record element; returns the row and the nested record elements.
  private static func readRow(
    _ element: xmlNodePtr, table: RecordTable, implied: [String: FieldValue]
  ) throws -> (RecordRow, [xmlNodePtr]) {
    if LibXML2.hasNonWhitespaceText(element) {
      throw Failure(message: "<\(table.xmlElement)> must hold only elements", line: line(element))
    }
    if let attribute = LibXML2.attributeNames(element).first {
      throw Failure(
        message: "unexpected attribute '\(attribute.1)' on <\(table.xmlElement)>", line: line(element))
    }
    var row = RecordRow(table: table)
    for name in table.impliedInXML { row[name] = implied[name] ?? .null }
    for column in table.listColumns { row[column.name] = .list([]) }
    var seen: Set<String> = []
    var nested: [xmlNodePtr] = []
    for child in LibXML2.elements(of: element) {
      let name = LibXML2.name(child)
      let namespace = LibXML2.namespace(child)
      let language = LibXML2.attribute(child, "lang", namespace: RecordXML.xmlNamespace)
      let candidates = table.columns.filter { column in
        guard !table.impliedInXML.contains(column.name),
          case .element(let n, let ns, _) = column.xml, n == name, RecordXML.namespaceURI(ns) == namespace
        else { return false }
        return true
      }
      let column: RecordColumn? =
        candidates.count <= 1
        ? candidates.first
        : candidates.first { column in
          if case .element(_, _, .fixed(let tag)) = column.xml { return tag == language }
          return false
        }
      guard let column else {
        if table.name == RecordTable.activities.name, namespace == RecordXML.namespace,
          RecordXML.activityChildren.contains(where: { $0.xmlElement == name })
        {
          nested.append(child)
          continue
        }
        throw Failure(message: "unexpected element <\(name)> in <\(table.xmlElement)>", line: line(child))
      }
      guard nested.isEmpty else {
        throw Failure(message: "<\(name)> must come before nested records", line: line(child))
      }
      if LibXML2.elements(of: child).first != nil {
        throw Failure(message: "<\(name)> must hold text only", line: line(child))
      }
      let text = LibXML2.text(child)
      if column.kind != .stringList && !seen.insert(column.name).inserted {
        throw Failure(message: "<\(name)> appears twice", line: line(child))
      }
      switch column.kind {
      case .string: row[column.name] = .string(text)
      case .integer:
        let digits = text.hasPrefix("-") ? text.dropFirst() : text[...]
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text)
        else {
          throw Failure(message: "<\(name)> must hold an integer, not '\(text)'", line: line(child))
        }
        row[column.name] = .integer(value)
      case .boolean:
        guard text == "true" || text == "false" else {
          throw Failure(message: "<\(name)> must hold true or false, not '\(text)'", line: line(child))
        }
        row[column.name] = .boolean(text == "true")
      case .stringList:
        if case .list(let items) = row[column.name] { row[column.name] = .list(items + [text]) }
      }
      if case .element(_, _, .column(let other)) = column.xml,
        table.column(other)?.xml == .languageOf(column.name)
      {
        guard let language else {
          throw Failure(message: "<\(name)> needs an xml:lang attribute", line: line(child))
        }
        row[other] = .string(language)
      }
    }
    return (row, nested)
  }
}
