/// The fixed layout of one record table: column names, kinds and order, primary key, and how each
/// column appears in the record XML.
///
/// Every exporter, reader and generated schema works from these definitions, so JSON Lines, TSV, XML,
/// `Schemas/records.schema.json`, `Schemas/xml/dossier-record.xsd` and `datapackage.json` agree.
///
/// A table is a small value over shared, immutable storage (copying it into every row costs one
/// reference count), with its columns indexed by name and its key columns by position.
public struct RecordTable: Hashable, Sendable {
  private final class Storage: Sendable {
    let name: String
    let xmlElement: String
    let description: String
    let columns: [RecordColumn]
    let key: [String]
    let impliedInXML: [String]
    let index: [String: Int]
    let keyIndices: [Int]
    let canonicalOrder: [(index: Int, key: [UInt8])]
    let canonicalKeys: [String]

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
      var index: [String: Int] = [:]
      for (position, column) in columns.enumerated() where index[column.name] == nil {
        index[column.name] = position
      }
      self.index = index
      keyIndices = key.map { index[$0] ?? 0 }
      canonicalOrder = columns.indices.sorted {
        CanonicalJSON.precedes(columns[$0].name, columns[$1].name)
      }.map { position in
        var writer = CanonicalJSON.Writer(indent: false)
        writer.writeString(columns[position].name)
        writer.bytes.append(UInt8(ascii: ":"))
        return (position, writer.bytes)
      }
      canonicalKeys = canonicalOrder.map { columns[$0.index].name }
    }
  }

  private let storage: Storage

  /// Table name (`participants`); also the JSON Lines and TSV file stem.
  public var name: String { storage.name }
  /// Element name of one record in the record XML (`participant`).
  public var xmlElement: String { storage.xmlElement }
  /// What a row is.
  public var description: String { storage.description }
  /// Columns in their fixed order.
  public var columns: [RecordColumn] { storage.columns }
  /// Columns that identify a row; rows are sorted by them (strings by UTF-8 bytes, integers numerically).
  public var key: [String] { storage.key }
  /// Columns left out of the record XML because the enclosing element implies them.
  public var impliedInXML: [String] { storage.impliedInXML }
  /// Positions of the key columns in `columns`.
  public var keyIndices: [Int] { storage.keyIndices }

  /// Each column's position with its JSON key (`"name":`), in RFC 8785 key order: the order canonical
  /// JSON writes a row's members in.
  var canonicalOrder: [(index: Int, key: [UInt8])] { storage.canonicalOrder }
  /// The column names in RFC 8785 key order.
  var canonicalKeys: [String] { storage.canonicalKeys }

  init(
    name: String, xmlElement: String, description: String, columns: [RecordColumn], key: [String],
    impliedInXML: [String]
  ) {
    storage = Storage(
      name: name, xmlElement: xmlElement, description: description, columns: columns, key: key,
      impliedInXML: impliedInXML)
  }

  /// Position of the column with that name in `columns`.
  public func index(of column: String) -> Int? { storage.index[column] }

  /// The column with that name.
  public func column(_ name: String) -> RecordColumn? { index(of: name).map { storage.columns[$0] } }

  /// Columns holding one value per cell (every column but lists), i.e. the TSV columns.
  public var scalarColumns: [RecordColumn] { columns.filter { $0.kind != .stringList } }

  /// Columns holding lists; TSV writes each as its own long table (`listTable`).
  public var listColumns: [RecordColumn] { columns.filter { $0.kind == .stringList } }

  /// Tables are equal when they are the same table: same name and columns.
  public static func == (lhs: RecordTable, rhs: RecordTable) -> Bool {
    lhs.storage === rhs.storage
      || (lhs.name == rhs.name && lhs.columns == rhs.columns && lhs.key == rhs.key
        && lhs.xmlElement == rhs.xmlElement && lhs.impliedInXML == rhs.impliedInXML
        && lhs.description == rhs.description)
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
