import JSONSchema

extension Annotation {
  /// One engagement the document reports (docs/annotations.md §6).
  public struct Activity: Sendable, Hashable {
    public var id: Located<String>
    public var section: Located<Int>
    public var type: Located<String>
    public var subtype: Located<String>?
    public var areas: [Located<String>]
    public var name: Quote?
    public var namedEvent: Located<String>?
    public var date: ActivityDate
    public var location: ActivityLocation?
    public var participants: [Participant]
    public var quantities: [Quantity]
    public var mode: [String]
    public var edition: Edition?
    public var firstOfKind: Quote?
    /// `reported` (the default), `planned` or `negated`.
    public var assertion: Located<String>?
    public var partOf: Located<String>?
    public var evidence: [Quote]
    public var notes: String?
    public var pointer: JSONPointer

    /// True when the activity is announced for the future.
    public var isPlanned: Bool { assertion?.value == "planned" }
  }

  /// When an activity took place (§7).
  public struct ActivityDate: Sendable, Hashable {
    public var edtf: Located<String>
    public var basis: Located<String>
    public var raw: Quote?
    public var pointer: JSONPointer
  }

  /// Where an activity took place.
  public struct ActivityLocation: Sendable, Hashable {
    public var country: Located<String>?
    public var place: Located<String>?
    public var raw: Quote
    public var pointer: JSONPointer
  }

  /// A number the text states (§10).
  public struct Quantity: Sendable, Hashable {
    public var unit: String
    public var value: JSONNumber?
    public var qualifier: Located<String>
    public var dimensions: JSONObject?
    public var raw: Quote
    public var pointer: JSONPointer

    /// `value + delta` for an integer that fits `Int`; `value` itself when the sum would overflow
    /// (such a value is refused later as out of range, never trapped on here).
    static func step(_ value: JSONNumber, by delta: Int) -> JSONNumber {
      guard let int = value.intValue else { return value }
      let (sum, overflow) = int.addingReportingOverflow(delta)
      return overflow ? value : JSONNumber(sum)
    }

    /// The lower and upper bound of the stated number per §10 (`nil` = unbounded or unknown).
    public var bounds: (lower: JSONNumber?, upper: JSONNumber?) {
      guard let value, qualifier.value != "vague" else { return (nil, nil) }
      switch qualifier.value {
      case "exact": return (value, value)
      case "more_than":
        return (value.isInteger ? Quantity.step(value, by: 1) : value, nil)
      case "at_least": return (value, nil)
      case "nearly":
        return (nil, value.isInteger ? Quantity.step(value, by: -1) : value)
      default: return (nil, nil)
      }
    }
  }

  /// The activity's number in its series.
  public struct Edition: Sendable, Hashable {
    public var ordinal: Int
    public var raw: Quote
  }
}
