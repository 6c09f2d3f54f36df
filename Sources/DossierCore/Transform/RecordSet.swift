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
    RecordSet(
      documents: documents.sorted { RecordOrder.less([.text($0.id)], [.text($1.id)]) },
      sections: sections.sorted {
        RecordOrder.less(
          [.text($0.documentID), .number($0.ordinal), .text($0.id)],
          [.text($1.documentID), .number($1.ordinal), .text($1.id)])
      },
      activities: activities.sorted {
        RecordOrder.less([.text($0.documentID), .text($0.id)], [.text($1.documentID), .text($1.id)])
      },
      participants: participants.sorted {
        RecordOrder.less(
          [.text($0.documentID), .text($0.activityID), .number($0.ordinal)],
          [.text($1.documentID), .text($1.activityID), .number($1.ordinal)])
      },
      participantSets: participantSets.sorted {
        RecordOrder.less(
          [.text($0.documentID), .text($0.activityID), .text($0.id)],
          [.text($1.documentID), .text($1.activityID), .text($1.id)])
      },
      quantities: quantities.sorted {
        RecordOrder.less(
          [.text($0.documentID), .text($0.activityID), .number($0.ordinal)],
          [.text($1.documentID), .text($1.activityID), .number($1.ordinal)])
      },
      evidence: evidence.sorted {
        RecordOrder.less(
          [.text($0.documentID), .text($0.activityID), .number($0.ordinal), .text($0.id)],
          [.text($1.documentID), .text($1.activityID), .number($1.ordinal), .text($1.id)])
      },
      terms: terms.sorted {
        RecordOrder.less(
          [.text($0.documentID), .text($0.term), .text($0.language)],
          [.text($1.documentID), .text($1.term), .text($1.language)])
      }
    )
  }
}

/// Locale-independent ordering of record keys: strings by UTF-8 bytes, numbers numerically.
enum RecordOrder {
  enum Part {
    case text(String)
    case number(Int)
  }

  static func less(_ lhs: [Part], _ rhs: [Part]) -> Bool {
    for (l, r) in zip(lhs, rhs) {
      switch (l, r) {
      case (.text(let a), .text(let b)):
        // Swift's `==` on strings is canonical equivalence; compare the bytes instead.
        if !a.utf8.elementsEqual(b.utf8) { return a.utf8.lexicographicallyPrecedes(b.utf8) }
      case (.number(let a), .number(let b)):
        if a != b { return a < b }
      case (.text, .number):
        return false
      case (.number, .text):
        return true
      }
    }
    return lhs.count < rhs.count
  }
}
