import JSONSchema

extension RecordRow {
  /// The row as a JSON object with every column (null cells as `null`, lists as arrays).
  /// Members come in RFC 8785 key order, so canonical writers need not sort them.
  public var jsonValue: JSONValue {
    var members: [JSONValue] = []
    members.reserveCapacity(values.count)
    for (index, _) in table.canonicalOrder {
      let value: JSONValue
      switch values[index] {
      case .null: value = .null
      case .string(let s): value = .string(s)
      case .integer(let i): value = .integer(i)
      case .boolean(let b): value = .bool(b)
      case .list(let l): value = .array(l.map(JSONValue.string))
      }
      members.append(value)
    }
    return .object(JSONObject(uniqueKeys: table.canonicalKeys, values: members))
  }

  /// Reads a row from a JSON object holding exactly the table's columns.
  public init(table: RecordTable, json: JSONValue) throws(RecordRowError) {
    guard case .object(let object) = json else {
      throw RecordRowError(column: "(row)", expected: "a JSON object")
    }
    self.init(table: table)
    for key in object.keys where table.column(key) == nil {
      throw RecordRowError(column: key, expected: "nothing: the table has no such column")
    }
    for column in table.columns {
      guard let value = object[column.name] else {
        throw RecordRowError(column: column.name, expected: "a value (the key is missing)")
      }
      switch (column.kind, value) {
      case (_, .null): self[column.name] = .null
      case (.string, .string(let s)): self[column.name] = .string(s)
      case (.integer, .number(let n)):
        guard let i = n.intValue, n.isInteger else {
          throw RecordRowError(column: column.name, expected: "an integer")
        }
        self[column.name] = .integer(i)
      case (.boolean, .bool(let b)): self[column.name] = .boolean(b)
      case (.stringList, .array(let items)):
        var strings: [String] = []
        for item in items {
          guard case .string(let s) = item else {
            throw RecordRowError(column: column.name, expected: "an array of strings")
          }
          strings.append(s)
        }
        self[column.name] = .list(strings)
      default:
        throw RecordRowError(column: column.name, expected: "a \(column.kind.rawValue) value")
      }
    }
  }
}

extension CanonicalJSON.Writer {
  /// An array of `items` at `depth`: `[]` when empty; pretty, one item per line one level deeper.
  mutating func writeArray<Item, Failure: Error>(
    _ items: [Item], depth: Int, _ writeItem: (inout Self, Item) throws(Failure) -> Void
  ) throws(Failure) {
    guard !items.isEmpty else {
      bytes.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")])
      return
    }
    bytes.append(UInt8(ascii: "["))
    for (i, item) in items.enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      newLine(depth + 1)
      try writeItem(&self, item)
    }
    newLine(depth)
    bytes.append(UInt8(ascii: "]"))
  }

  /// A row as an object at `depth`, straight from its cells: the bytes this writer gives for
  /// `row.jsonValue` (columns in RFC 8785 key order, `RecordTable.canonicalOrder`). Throws at the
  /// first integer beyond ±2^53.
  mutating func writeRow(_ row: RecordRow, depth: Int) throws(CanonicalJSON.UnrepresentableNumber) {
    let order = row.table.canonicalOrder
    guard !order.isEmpty else {
      bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
      return
    }
    bytes.append(UInt8(ascii: "{"))
    for (n, (index, key)) in order.enumerated() {
      if n > 0 { bytes.append(UInt8(ascii: ",")) }
      newLine(depth + 1)
      bytes.append(contentsOf: key)  // `"name":`
      if indent { bytes.append(UInt8(ascii: " ")) }
      switch row.values[index] {
      case .null: bytes.append(contentsOf: "null".utf8)
      case .string(let s): writeString(s)
      case .integer(let i):
        guard i.magnitude <= UInt(CanonicalJSON.maxExactInteger) else {
          throw CanonicalJSON.UnrepresentableNumber(number: String(i))
        }
        appendInteger(i)
      case .boolean(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
      case .list(let items):
        writeArray(items, depth: depth + 1) { (writer: inout Self, item: String) in writer.writeString(item) }
      }
    }
    newLine(depth)
    bytes.append(UInt8(ascii: "}"))
  }
}
