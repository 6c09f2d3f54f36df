import Foundation

/// Every normalized record of one document, or of the whole corpus: the value the transform stage
/// returns and every exporter takes.
///
/// Records are related by ids (long tables): participants, participant sets, quantities and evidence
/// refer to their activity; activities and sections to their document. `sorted()` puts every table in
/// the export order: by document id, then by the table's own ids (strings compared by UTF-8 bytes,
/// ordinals numerically).
public struct RecordSet: Hashable, Sendable, Codable {
  public var documents: [DocumentRecord]
  public var sections: [SectionRecord]
  public var activities: [ActivityRecord]
  public var participants: [ParticipantRecord]
  public var participantSets: [ParticipantSet]
  public var quantities: [QuantityRecord]
  public var evidence: [EvidenceRecord]
  /// Vocabulary terms defined by definition documents.
  public var terms: [TermRecord]

  public init(
    documents: [DocumentRecord] = [], sections: [SectionRecord] = [], activities: [ActivityRecord] = [],
    participants: [ParticipantRecord] = [], participantSets: [ParticipantSet] = [],
    quantities: [QuantityRecord] = [], evidence: [EvidenceRecord] = [], terms: [TermRecord] = []
  ) {
    self.terms = terms
    self.documents = documents
    self.sections = sections
    self.activities = activities
    self.participants = participants
    self.participantSets = participantSets
    self.quantities = quantities
    self.evidence = evidence
  }

  /// Combines record sets (e.g. one per document) into one corpus set, in export order.
  public static func merging(_ sets: [RecordSet]) -> RecordSet {
    var all = RecordSet()
    for set in sets { all.append(set) }
    return all.sorted()
  }

  /// Adds every record of `other` to this set's tables, in their current order (no sorting).
  public mutating func append(_ other: RecordSet) {
    documents += other.documents
    sections += other.sections
    activities += other.activities
    participants += other.participants
    participantSets += other.participantSets
    quantities += other.quantities
    evidence += other.evidence
    terms += other.terms
  }

  /// True when the set holds no record at all.
  public var isEmpty: Bool {
    documents.isEmpty && sections.isEmpty && activities.isEmpty && participants.isEmpty
      && participantSets.isEmpty && quantities.isEmpty && evidence.isEmpty && terms.isEmpty
  }

  /// The records of one document.
  public func document(_ id: String) -> RecordSet {
    RecordSet(
      documents: documents.filter { $0.id == id },
      sections: sections.filter { $0.documentID == id },
      activities: activities.filter { $0.documentID == id },
      participants: participants.filter { $0.documentID == id },
      participantSets: participantSets.filter { $0.documentID == id },
      quantities: quantities.filter { $0.documentID == id },
      evidence: evidence.filter { $0.documentID == id },
      terms: terms.filter { $0.documentID == id }
    )
  }

  /// The records split by document id, in one pass (each part keeps the set's order).
  public func partitionedByDocument() -> [String: RecordSet] {
    var parts: [String: RecordSet] = [:]
    for record in documents { parts[record.id, default: RecordSet()].documents.append(record) }
    for record in sections { parts[record.documentID, default: RecordSet()].sections.append(record) }
    for record in activities { parts[record.documentID, default: RecordSet()].activities.append(record) }
    for record in participants { parts[record.documentID, default: RecordSet()].participants.append(record) }
    for record in participantSets {
      parts[record.documentID, default: RecordSet()].participantSets.append(record)
    }
    for record in quantities { parts[record.documentID, default: RecordSet()].quantities.append(record) }
    for record in evidence { parts[record.documentID, default: RecordSet()].evidence.append(record) }
    for record in terms { parts[record.documentID, default: RecordSet()].terms.append(record) }
    return parts
  }

  /// The explicitly listed members of a participant set.
  public func members(of set: ParticipantSet) -> [ParticipantRecord] {
    participants.filter { $0.setID == set.id && $0.activityID == set.activityID }
  }

  /// The total the source states for a participant set, if any.
  public func statedTotal(of set: ParticipantSet) -> QuantityRecord? {
    quantities.first { $0.setID == set.id && !$0.derived }
  }

  /// Totals the pipeline computed for a participant set (each marked `derived`).
  public func derivedTotals(of set: ParticipantSet) -> [QuantityRecord] {
    quantities.filter { $0.setID == set.id && $0.derived }
  }

  /// The same records with every table in export order.
  public func sorted() -> RecordSet {
    typealias O = RecordOrder
    return RecordSet(
      documents: documents.sorted { O.text($0.id, $1.id) < 0 },
      sections: sections.sorted {
        O.then(O.text($0.documentID, $1.documentID), O.number($0.ordinal, $1.ordinal), O.text($0.id, $1.id))
      },
      activities: activities.sorted {
        O.then(O.text($0.documentID, $1.documentID), O.text($0.id, $1.id))
      },
      participants: participants.sorted {
        O.then(
          O.text($0.documentID, $1.documentID), O.text($0.activityID, $1.activityID),
          O.number($0.ordinal, $1.ordinal))
      },
      participantSets: participantSets.sorted {
        O.then(
          O.text($0.documentID, $1.documentID), O.text($0.activityID, $1.activityID), O.text($0.id, $1.id))
      },
      quantities: quantities.sorted {
        O.then(
          O.text($0.documentID, $1.documentID), O.text($0.activityID, $1.activityID),
          O.number($0.ordinal, $1.ordinal))
      },
      evidence: evidence.sorted {
        O.then(
          O.text($0.documentID, $1.documentID), O.text($0.activityID, $1.activityID),
          O.number($0.ordinal, $1.ordinal), O.text($0.id, $1.id))
      },
      terms: terms.sorted {
        O.then(
          O.text($0.documentID, $1.documentID), O.text($0.term, $1.term), O.text($0.language, $1.language))
      }
    )
  }
}

/// Locale-independent ordering of record keys: strings by UTF-8 bytes (not Swift's canonical
/// equivalence), numbers numerically. Each comparison gives -1, 0 or 1; `then` orders by the first key
/// that differs. Nothing is allocated: sorting a document's records compares many keys.
enum RecordOrder {
  /// Compares two strings byte by byte (UTF-8).
  static func text(_ a: String, _ b: String) -> Int {
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in
        let common = min(x.count, y.count)
        let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
        if order != 0 { return order < 0 ? -1 : 1 }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
      }
    }
  }

  /// Compares two integers.
  static func number(_ a: Int, _ b: Int) -> Int { a == b ? 0 : (a < b ? -1 : 1) }

  /// True when the keys compared in `first`, then `second`, … put the left record first.
  static func then(_ first: Int, _ second: @autoclosure () -> Int) -> Bool {
    first != 0 ? first < 0 : second() < 0
  }

  static func then(_ first: Int, _ second: @autoclosure () -> Int, _ third: @autoclosure () -> Int) -> Bool {
    if first != 0 { return first < 0 }
    return then(second(), third())
  }

  static func then(
    _ first: Int, _ second: @autoclosure () -> Int, _ third: @autoclosure () -> Int,
    _ fourth: @autoclosure () -> Int
  ) -> Bool {
    if first != 0 { return first < 0 }
    return then(second(), third(), fourth())
  }
}
