/// A column of one record: what a diagnostic about a value points at.
public struct RecordFieldReference: Hashable, Sendable {
  /// Id of the document the record belongs to.
  public var documentID: String
  /// Table name (`activities`).
  public var table: String
  /// Values of the table's key columns.
  public var key: [String]
  /// Column name (`name`).
  public var column: String

  public init(documentID: String, table: String, key: [String], column: String) {
    self.documentID = documentID
    self.table = table
    self.key = key
    self.column = column
  }
}
