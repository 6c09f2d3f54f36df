/// One column of a record table.
public struct RecordColumn: Hashable, Sendable {
  /// What a cell holds.
  public enum Kind: String, Hashable, Sendable {
    case string
    case integer
    case boolean
    /// An ordered list of strings: an array in JSON, repeated elements in XML, a long table in TSV.
    case stringList
  }

  /// Extra constraints on string values, mirrored in the JSON Schema, the XSD and the Table Schema.
  public enum Format: Hashable, Sendable {
    /// ISO 3166-1 alpha-3 code: three uppercase ASCII letters.
    case iso3
    /// SHA-256 digest: 64 lowercase hex digits.
    case sha256
    /// BCP 47 language tag.
    case language
    /// Calendar date `YYYY-MM-DD`.
    case date
    /// ISO 8601 date-time with an offset.
    case dateTime
    /// One of the listed values.
    case enumeration([String])
    /// An integer ≥ 0.
    case nonNegative
    /// An integer ≥ 1.
    case positive
  }

  /// Namespace of a column's XML element.
  public enum XMLNamespace: Hashable, Sendable {
    /// The record namespace (`RecordXML.namespace`).
    case record
    /// Dublin Core elements 1.1 (`http://purl.org/dc/elements/1.1/`).
    case dublinCore
  }

  /// Where the `xml:lang` of a column's element comes from.
  public enum XMLLanguage: Hashable, Sendable {
    /// The element has no `xml:lang`.
    case none
    /// A fixed tag (bilingual labels: `en`, `zh`).
    case fixed(String)
    /// The value of another column of the same row.
    case column(String)
  }

  /// How the column appears in the record XML.
  public enum XMLPlacement: Hashable, Sendable {
    /// A child element (repeated for lists); omitted when the value is null.
    case element(String, namespace: XMLNamespace = .record, language: XMLLanguage = .none)
    /// No element of its own: the value is the `xml:lang` of the named column's element.
    case languageOf(String)
  }

  /// Column name (snake_case ASCII): the JSON key and the TSV header.
  public let name: String
  public let kind: Kind
  /// True when the value is never null.
  public let required: Bool
  /// What the column holds.
  public let description: String
  public let format: Format?
  public let xml: XMLPlacement
  /// For `stringList` columns: the TSV long table and its value column (`activity_areas`, `area`).
  public let listTable: (name: String, valueColumn: String)?

  init(
    _ name: String, _ kind: Kind, required: Bool, format: Format? = nil, xml: XMLPlacement,
    listTable: (name: String, valueColumn: String)? = nil, _ description: String
  ) {
    self.name = name
    self.kind = kind
    self.required = required
    self.description = description
    self.format = format
    self.xml = xml
    self.listTable = listTable
  }

  public static func == (lhs: RecordColumn, rhs: RecordColumn) -> Bool {
    lhs.name == rhs.name && lhs.kind == rhs.kind && lhs.required == rhs.required && lhs.format == rhs.format
      && lhs.xml == rhs.xml && lhs.description == rhs.description
      && lhs.listTable?.name == rhs.listTable?.name
      && lhs.listTable?.valueColumn == rhs.listTable?.valueColumn
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(kind)
  }
}
