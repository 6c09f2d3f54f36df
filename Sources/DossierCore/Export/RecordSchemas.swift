import JSONSchema

/// Generates the schemas of the record exports from the `RecordTable` definitions, so the committed
/// `Schemas/records.schema.json` and `Schemas/xml/dossier-record.xsd` always match the writers (a test
/// compares the committed files with these).
public enum RecordSchemas {
  /// Bytes of `Schemas/records.schema.json` (JSON Schema 2020-12): the per-document JSON file at the top
  /// level, and one `$defs` entry per table for JSON Lines rows (`records.schema.json#/$defs/activities`).
  public static var jsonSchemaBytes: [UInt8] {
    (try? CanonicalJSON.pretty(jsonSchema)) ?? []
  }

  /// The JSON Schema as a value.
  public static var jsonSchema: JSONValue {
    var defs = JSONObject()
    for table in RecordTable.all {
      var properties = JSONObject()
      for column in table.columns { properties[column.name] = columnSchema(column) }
      defs[table.name] = .object(
        JSONObject([
          ("type", .string("object")), ("description", .string(table.description)),
          ("required", .array(table.columns.map { .string($0.name) })),
          ("additionalProperties", .bool(false)), ("properties", .object(properties)),
        ]))
    }
    var properties = JSONObject([
      ("schema", .object(JSONObject([("const", .string(JSONExporter.schemaID))]))),
      ("document", ref(RecordTable.documents.name)),
    ])
    for table in RecordTable.all where table.name != RecordTable.documents.name {
      properties[table.name] = .object(JSONObject([("type", .string("array")), ("items", ref(table.name))]))
    }
    return .object(
      JSONObject([
        ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
        ("$id", .string(JSONExporter.schemaID)),
        ("title", .string("Dossier records")),
        (
          "description",
          .string(
            "Normalized records exported by Dossier. The top level describes one per-document JSON file "
              + "(data/json/<document>.json); $defs/<table> describes one JSON Lines row of "
              + "data/jsonl/<table>.jsonl. Generated from the record tables; see docs/exports.md.")
        ),
        ("type", .string("object")),
        (
          "required",
          .array((["schema", "document"] + RecordTable.all.dropFirst().map(\.name)).map(JSONValue.string))
        ),
        ("additionalProperties", .bool(false)),
        ("properties", .object(properties)),
        ("$defs", .object(defs)),
      ]))
  }

  private static func ref(_ name: String) -> JSONValue {
    .object(JSONObject([("$ref", .string("#/$defs/\(name)"))]))
  }

  private static func columnSchema(_ column: RecordColumn) -> JSONValue {
    var schema = JSONObject([("description", .string(column.description))])
    func typeName(_ name: String) -> JSONValue {
      column.required ? .string(name) : .array([.string(name), .string("null")])
    }
    switch column.kind {
    case .string:
      schema["type"] = typeName("string")
      apply(column.format, to: &schema, nullable: !column.required)
    case .integer:
      schema["type"] = typeName("integer")
      let minimum: Int
      switch column.format {
      case .nonNegative: minimum = 0
      case .positive: minimum = 1
      default: minimum = -CanonicalJSON.maxExactInteger
      }
      schema["minimum"] = .integer(minimum)
      schema["maximum"] = .integer(CanonicalJSON.maxExactInteger)
    case .boolean:
      schema["type"] = typeName("boolean")
    case .stringList:
      var items = JSONObject([("type", .string("string"))])
      apply(column.format, to: &items, nullable: false)
      schema["type"] = .string("array")
      schema["items"] = .object(items)
    }
    return .object(schema)
  }

  private static func apply(_ format: RecordColumn.Format?, to schema: inout JSONObject, nullable: Bool) {
    switch format {
    case .iso3: schema["pattern"] = .string("^[A-Z]{3}$")
    case .sha256: schema["pattern"] = .string("^[0-9a-f]{64}$")
    case .language: schema["pattern"] = .string("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
    case .date: schema["format"] = .string("date")
    case .dateTime: schema["format"] = .string("date-time")
    case .enumeration(let values):
      schema["type"] = nil
      schema["enum"] = .array(values.map(JSONValue.string) + (nullable ? [.null] : []))
    case .nonNegative, .positive, nil: break
    }
  }

  /// Text of `Schemas/xml/dossier-record.xsd`.
  public static var recordXSD: String {
    var lines: [String] = []
    func add(_ line: String) { lines.append(line) }
    add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
    add(
      "<!-- Dossier record XML, schema version \(RecordXML.schemaVersion). Generated from the record tables")
    add(
      "     (Sources/DossierCore/Export/RecordTable+Catalog.swift); do not edit by hand: a test compares it.")
    add("     Remote schema locations resolve to Schemas/xml/vendor/ through Schemas/catalog.xml. -->")
    add("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"")
    add("           xmlns=\"\(RecordXML.namespace)\"")
    add("           xmlns:r=\"\(RecordXML.namespace)\"")
    add("           xmlns:dc=\"\(RecordXML.dublinCoreNamespace)\"")
    add("           targetNamespace=\"\(RecordXML.namespace)\"")
    add(
      "           elementFormDefault=\"qualified\" attributeFormDefault=\"unqualified\" version=\"\(RecordXML.schemaVersion)\">"
    )
    add("  <xs:annotation>")
    add(
      "    <xs:documentation xml:lang=\"en\">One document of the Dossier corpus with its normalized records:")
    add("      the header (Dublin Core element names), sections, activities and, inside each activity, its")
    add("      participants, participant sets, quantities and evidence. Spans are Unicode scalar offsets")
    add(
      "      [start, end) into the newline-normalized source text; lines are 1-based. See docs/exports.md.</xs:documentation>"
    )
    add("  </xs:annotation>")
    add(
      "  <!-- The same location simpledc20021212.xsd imports, so libxml2 loads xml.xsd once and stays quiet. -->"
    )
    add(
      "  <xs:import namespace=\"\(RecordXML.xmlNamespace)\" schemaLocation=\"http://www.w3.org/2001/03/xml.xsd\"/>"
    )
    add(
      "  <xs:import namespace=\"\(RecordXML.dublinCoreNamespace)\" schemaLocation=\"http://dublincore.org/schemas/xmls/simpledc20021212.xsd\"/>"
    )
    add("")
    add("  <xs:element name=\"record\" type=\"RecordType\">")
    add(
      "    <xs:key name=\"sectionKey\"><xs:selector xpath=\"r:section\"/><xs:field xpath=\"r:id\"/></xs:key>")
    add(
      "    <xs:keyref name=\"activitySection\" refer=\"sectionKey\"><xs:selector xpath=\"r:activity\"/><xs:field xpath=\"r:sectionId\"/></xs:keyref>"
    )
    add(
      "    <xs:keyref name=\"evidenceSection\" refer=\"sectionKey\"><xs:selector xpath=\"r:activity/r:evidence\"/><xs:field xpath=\"r:sectionId\"/></xs:keyref>"
    )
    add(
      "    <xs:unique name=\"activityKey\"><xs:selector xpath=\"r:activity\"/><xs:field xpath=\"r:id\"/></xs:unique>"
    )
    add(
      "    <xs:unique name=\"evidenceKey\"><xs:selector xpath=\"r:activity/r:evidence\"/><xs:field xpath=\"r:id\"/></xs:unique>"
    )
    add("  </xs:element>")
    add("")
    add("  <xs:complexType name=\"RecordType\">")
    add("    <xs:sequence>")
    add("      <xs:element name=\"\(RecordTable.documents.xmlElement)\" type=\"\(typeName(.documents))\"/>")
    add(
      "      <xs:element name=\"\(RecordTable.sections.xmlElement)\" type=\"\(typeName(.sections))\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>"
    )
    add(
      "      <xs:element name=\"\(RecordTable.activities.xmlElement)\" type=\"\(typeName(.activities))\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>"
    )
    add(
      "      <xs:element name=\"\(RecordTable.terms.xmlElement)\" type=\"\(typeName(.terms))\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>"
    )
    add("    </xs:sequence>")
    add(
      "    <xs:attribute name=\"schemaVersion\" type=\"xs:string\" use=\"required\" fixed=\"\(RecordXML.schemaVersion)\"/>"
    )
    add("  </xs:complexType>")
    for table in RecordTable.all {
      add("")
      add("  <xs:complexType name=\"\(typeName(table))\">")
      add(
        "    <xs:annotation><xs:documentation xml:lang=\"en\">\(escape(table.description))</xs:documentation></xs:annotation>"
      )
      add("    <xs:sequence>")
      var particles: [(column: RecordColumn, count: Int)] = []
      for column in table.columns where !table.impliedInXML.contains(column.name) {
        guard case .element(let name, _, _) = column.xml else { continue }
        if let last = particles.last, case .element(let lastName, _, _) = last.column.xml, lastName == name {
          particles[particles.count - 1].count += 1
        } else {
          particles.append((column, 1))
        }
      }
      for (column, count) in particles { add("      " + particle(column, count: count)) }
      if table.name == RecordTable.activities.name {
        for child in RecordXML.activityChildren {
          add(
            "      <xs:element name=\"\(child.xmlElement)\" type=\"\(typeName(child))\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>"
          )
        }
      }
      add("    </xs:sequence>")
      add("  </xs:complexType>")
    }
    add("")
    add("  <xs:complexType name=\"LanguageTaggedText\">")
    add("    <xs:simpleContent>")
    add("      <xs:extension base=\"xs:string\">")
    add("        <xs:attribute ref=\"xml:lang\" use=\"required\"/>")
    add("      </xs:extension>")
    add("    </xs:simpleContent>")
    add("  </xs:complexType>")
    add(
      "  <xs:simpleType name=\"Iso3Code\"><xs:restriction base=\"xs:string\"><xs:pattern value=\"[A-Z]{3}\"/></xs:restriction></xs:simpleType>"
    )
    add(
      "  <xs:simpleType name=\"Sha256Digest\"><xs:restriction base=\"xs:string\"><xs:pattern value=\"[0-9a-f]{64}\"/></xs:restriction></xs:simpleType>"
    )
    add(
      "  <xs:simpleType name=\"Flag\"><xs:restriction base=\"xs:string\"><xs:enumeration value=\"true\"/><xs:enumeration value=\"false\"/></xs:restriction></xs:simpleType>"
    )
    add(
      "  <xs:simpleType name=\"ExactInteger\"><xs:restriction base=\"xs:integer\"><xs:minInclusive value=\"-\(CanonicalJSON.maxExactInteger)\"/><xs:maxInclusive value=\"\(CanonicalJSON.maxExactInteger)\"/></xs:restriction></xs:simpleType>"
    )
    add(
      "  <xs:simpleType name=\"Count\"><xs:restriction base=\"ExactInteger\"><xs:minInclusive value=\"0\"/></xs:restriction></xs:simpleType>"
    )
    add(
      "  <xs:simpleType name=\"Ordinal\"><xs:restriction base=\"ExactInteger\"><xs:minInclusive value=\"1\"/></xs:restriction></xs:simpleType>"
    )
    add("</xs:schema>")
    return lines.joined(separator: "\n") + "\n"
  }

  private static func typeName(_ table: RecordTable) -> String {
    let element = table.xmlElement
    return element.prefix(1).uppercased() + element.dropFirst() + "Type"
  }

  private static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  private static func particle(_ column: RecordColumn, count: Int) -> String {
    guard case .element(let name, let namespace, let language) = column.xml else { return "" }
    var occurs = ""
    if column.kind == .stringList {
      occurs = " minOccurs=\"0\" maxOccurs=\"unbounded\""
    } else {
      if !column.required || count > 1 { occurs += " minOccurs=\"0\"" }
      if count > 1 { occurs += " maxOccurs=\"\(count)\"" }
    }
    if namespace == .dublinCore { return "<xs:element ref=\"dc:\(name)\"\(occurs)/>" }
    if language != .none { return "<xs:element name=\"\(name)\" type=\"LanguageTaggedText\"\(occurs)/>" }
    let type: String
    switch (column.kind, column.format) {
    case (.integer, .nonNegative): type = "Count"
    case (.integer, .positive): type = "Ordinal"
    case (.integer, _): type = "ExactInteger"
    case (.boolean, _): type = "Flag"
    case (_, .iso3): type = "Iso3Code"
    case (_, .sha256): type = "Sha256Digest"
    case (_, .language): type = "xs:language"
    case (_, .date): type = "xs:date"
    case (_, .dateTime): type = "xs:dateTime"
    case (_, .enumeration(let values)):
      let enumerations = values.map { "<xs:enumeration value=\"\($0)\"/>" }.joined()
      return "<xs:element name=\"\(name)\"\(occurs)><xs:simpleType><xs:restriction base=\"xs:string\">"
        + enumerations + "</xs:restriction></xs:simpleType></xs:element>"
    default: type = "xs:string"
    }
    return "<xs:element name=\"\(name)\" type=\"\(type)\"\(occurs)/>"
  }
}
