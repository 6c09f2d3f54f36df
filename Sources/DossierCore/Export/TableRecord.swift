/// A record type stored as one row of a `RecordTable`.
public protocol TableRecord: Sendable {
  /// The table holding records of this type.
  static var table: RecordTable { get }
  /// The record as a row.
  var row: RecordRow { get }
  /// Rebuilds a record from a row; throws when a cell has the wrong kind.
  init(row: RecordRow) throws(RecordRowError)
}
