/// One cell of a record table.
public enum FieldValue: Hashable, Sendable {
  case null
  case string(String)
  case integer(Int)
  case boolean(Bool)
  case list([String])
}
