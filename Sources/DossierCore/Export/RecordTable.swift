/// The fixed layout of one record table: column names, kinds and order, primary key, and how each
/// column appears in the record XML.
///
/// Every exporter, reader and generated schema works from these definitions, so JSON Lines, TSV, XML,
/// `Schemas/records.schema.json`, `Schemas/xml/dossier-record.xsd` and `datapackage.json` agree.
public struct RecordTable: Hashable, Sendable {
  /// Table name (`participants`); also the JSON Lines and TSV file stem.
  public let name: String
  /// Element name of one record in the record XML (`participant`).
  public let xmlElement: String
  /// What a row is.
  public let description: String
  /// Columns in their fixed order.
  public let columns: [RecordColumn]
  /// Columns that identify a row; rows are sorted by them (strings by UTF-8 bytes, integers numerically).
  public let key: [String]
  /// Columns left out of the record XML because the enclosing element implies them.
  public let impliedInXML: [String]

  init(
    name: String, xmlElement: String, description: String, columns: [RecordColumn], key: [String],
    impliedInXML: [String]
  ) {
    self.name = name
    self.xmlElement = xmlElement
    self.description = description
    self.columns = columns
    self.key = key
    self.impliedInXML = impliedInXML
  }

  /// The column with that name.
  public func column(_ name: String) -> RecordColumn? { columns.first { $0.name == name } }

  /// Columns holding one value per cell (every column but lists), i.e. the TSV columns.
  public var scalarColumns: [RecordColumn] { columns.filter { $0.kind != .stringList } }

  /// Columns holding lists; TSV writes each as its own long table (`listTable`).
  public var listColumns: [RecordColumn] { columns.filter { $0.kind == .stringList } }
}
