import JSONSchema

/// Decodes an annotation value that passed `annotation.schema.json` into the typed `Annotation`.
///
/// The schema has already checked shapes and types, so decoding never fails on a schema-valid value;
/// for a value that is not, the parts that do not fit are left out (and `decode` returns `nil` when
/// `kind` or `metadata` is unusable) — the schema diagnostics say what is wrong.
public struct AnnotationDecoder: Sendable {
  public init() {}

  /// The typed annotation, or `nil` when the value lacks a usable `kind` or `metadata`.
  public func decode(_ value: JSONValue) -> Annotation? {
    let root = Node(value: value, pointer: .root)
    guard let kindText = root["kind"]?.string, let kind = Annotation.Kind(rawValue: kindText),
      let metadataNode = root["metadata"], metadataNode.value.objectValue != nil
    else { return nil }
    return Annotation(
      kind: kind, metadata: metadata(metadataNode),
      activities: (root["activities"]?.items ?? []).compactMap(activity),
      terms: (root["terms"]?.items ?? []).compactMap(term), notes: root["notes"]?.string)
  }

  /// A value with its pointer.
  struct Node {
    var value: JSONValue
    var pointer: JSONPointer

    subscript(key: String) -> Node? {
      guard let member = value.objectValue?[key] else { return nil }
      return Node(value: member, pointer: pointer.appending(key))
    }

    var items: [Node] {
      (value.arrayValue ?? []).enumerated().map { Node(value: $1, pointer: pointer.appending($0)) }
    }

    var string: String? { value.stringValue }
    var int: Int? { value.numberValue.flatMap { $0.isInteger ? $0.intValue : nil } }
    var locatedString: Located<String>? { string.map { Located($0, at: pointer) } }
    var locatedInt: Located<Int>? { int.map { Located($0, at: pointer) } }

    /// A quote in string or `{quote, occurrence}` form.
    var quote: Quote? {
      if let text = string { return Quote(text: text, pointer: pointer) }
      guard let text = self["quote"]?.string else { return nil }
      return Quote(text: text, occurrence: self["occurrence"]?.int, pointer: pointer)
    }
  }

  private func metadata(_ node: Node) -> Annotation.Metadata {
    Annotation.Metadata(
      title: node["title"]?.locatedString, publisher: node["publisher"]?.locatedString,
      editor: node["editor"]?.locatedString, published: node["published"]?.locatedString,
      timeZoneBasis: node["tz_basis"]?.locatedString,
      languages: (node["languages"]?.items ?? []).compactMap(\.locatedString),
      corrections: (node["corrections"]?.items ?? []).compactMap { item in
        guard let field = item["field"]?.locatedString, let value = item["value"]?.locatedString,
          let reason = item["reason"]?.locatedString
        else { return nil }
        return Annotation.Correction(
          field: field, original: item["original"]?.locatedString, value: value, reason: reason,
          pointer: item.pointer)
      })
  }

  private func activity(_ node: Node) -> Annotation.Activity? {
    guard let id = node["id"]?.locatedString, let section = node["section"]?.locatedInt,
      let type = node["type"]?.locatedString, let dateNode = node["date"],
      let edtf = dateNode["edtf"]?.locatedString, let basis = dateNode["basis"]?.locatedString
    else { return nil }
    let location = node["location"].flatMap { location -> Annotation.ActivityLocation? in
      guard let raw = location["raw"]?.quote else { return nil }
      return Annotation.ActivityLocation(
        country: location["country"]?.locatedString, place: location["place"]?.locatedString, raw: raw,
        pointer: location.pointer)
    }
    let edition = node["edition"].flatMap { edition -> Annotation.Edition? in
      guard let ordinal = edition["ordinal"]?.int, let raw = edition["raw"]?.quote else { return nil }
      return Annotation.Edition(ordinal: ordinal, raw: raw)
    }
    return Annotation.Activity(
      id: id, section: section, type: type, subtype: node["subtype"]?.locatedString,
      areas: (node["areas"]?.items ?? []).compactMap(\.locatedString), name: node["name"]?.quote,
      namedEvent: node["named_event"]?.locatedString,
      date: Annotation.ActivityDate(
        edtf: edtf, basis: basis, raw: dateNode["raw"]?.quote, pointer: dateNode.pointer),
      location: location, participants: (node["participants"]?.items ?? []).compactMap(participant),
      quantities: (node["quantities"]?.items ?? []).compactMap(quantity),
      mode: (node["mode"]?.items ?? []).compactMap(\.string), edition: edition,
      firstOfKind: node["first_of_kind"]?.quote, assertion: node["assertion"]?.locatedString,
      partOf: node["part_of"]?.locatedString, evidence: (node["evidence"]?.items ?? []).compactMap(\.quote),
      notes: node["notes"]?.string, pointer: node.pointer)
  }

  private func quantity(_ node: Node) -> Annotation.Quantity? {
    guard let qualifier = node["qualifier"]?.locatedString, let raw = node["raw"]?.quote else { return nil }
    return Annotation.Quantity(
      unit: node["unit"]?.string ?? "", value: node["value"]?.value.numberValue, qualifier: qualifier,
      dimensions: node["dimensions"]?.value.objectValue, raw: raw, pointer: node.pointer)
  }

  private func participant(_ node: Node) -> Annotation.Participant? {
    guard let role = node["role"]?.locatedString else { return nil }
    let person = node["person"].flatMap { person -> Annotation.Person? in
      guard let name = person["name"]?.locatedString else { return nil }
      return Annotation.Person(
        name: name, titles: (person["titles"]?.items ?? []).compactMap(\.locatedString))
    }
    let set = node["set"].flatMap { set -> Annotation.ParticipantSet? in
      guard let kind = set["member_kind"]?.string, let completeness = set["completeness"]?.locatedString
      else { return nil }
      return Annotation.ParticipantSet(
        memberKind: kind, total: set["total"].flatMap(quantity), completeness: completeness,
        completenessEvidence: set["completeness_evidence"]?.quote,
        members: (set["members"]?.items ?? []).compactMap { member in
          guard let quote = member.quote else { return nil }
          return Annotation.SetMember(
            quote: quote, country: member["country"]?.locatedString,
            organization: member["organization"]?.locatedString, pointer: member.pointer)
        }, pointer: set.pointer)
    }
    return Annotation.Participant(
      country: node["country"]?.locatedString, organization: node["organization"]?.locatedString,
      person: person, set: set, role: role, sector: node["sector"]?.string, raw: node["raw"]?.quote,
      implicit: node["implicit"]?.value.boolValue ?? false, pointer: node.pointer)
  }

  private func term(_ node: Node) -> Annotation.Term? {
    guard let term = node["term"]?.locatedString, let vocabulary = node["vocabulary"]?.locatedString else {
      return nil
    }
    func form(_ key: String) -> Annotation.TermForm? {
      guard let form = node[key], let evidence = form["evidence"]?.quote else { return nil }
      return Annotation.TermForm(item: form["item"]?.locatedInt, evidence: evidence, pointer: form.pointer)
    }
    return Annotation.Term(
      term: term, vocabulary: vocabulary, english: form("en"), chinese: form("zh"),
      notes: node["notes"]?.string,
      pointer: node.pointer)
  }
}
