/// One coded engagement (meeting, exercise, donation, …) reported by a document.
///
/// Participants, participant sets, quantities and evidence of the activity are separate records that
/// refer to it by `id` (long tables), so every export stays one value per cell.
public struct ActivityRecord: Hashable, Sendable, Codable {
  /// Codes of the activity type in other classification schemes, from the activity-type vocabulary.
  public struct Crosswalk: Hashable, Sendable, Codable {
    /// NDU Chinese Military Diplomacy Database category (`senior-level visit`, `exercise`, `port call`).
    public var ndu: String?
    /// CAMEO event codes, e.g. `["062"]`, in vocabulary order.
    public var cameo: [String]
    /// PLOVER event type, e.g. `COOPERATE`.
    public var plover: String?

    public init(ndu: String? = nil, cameo: [String] = [], plover: String? = nil) {
      self.ndu = ndu
      self.cameo = cameo
      self.plover = plover
    }
  }

  /// When the activity happened, as EDTF with derived bounds.
  public struct DateValue: Hashable, Sendable, Codable {
    /// EDTF level 0–1 expression (`2021`, `2021-08-23/2021-09-04`, `2021-11-04/..`).
    public var edtf: String
    /// Earliest calendar day the expression allows (`YYYY-MM-DD`), if bounded.
    public var earliest: String?
    /// Latest calendar day the expression allows (`YYYY-MM-DD`), if bounded.
    public var latest: String?
    /// How the date was obtained: `explicit`, `inferred_publication_year`, `inferred_event_name`,
    /// `bounded_by_publication`.
    public var basis: String
    /// The date expression as written in the text, if any.
    public var raw: String?

    public init(
      edtf: String, earliest: String? = nil, latest: String? = nil, basis: String, raw: String? = nil
    ) {
      self.edtf = edtf
      self.earliest = earliest
      self.latest = latest
      self.basis = basis
      self.raw = raw
    }
  }

  /// Id of the document reporting the activity.
  public var documentID: String
  /// Activity id, unique across the corpus.
  public var id: String
  /// Id of the section the activity is reported in.
  public var sectionID: String
  /// Activity type from `Schemas/vocabularies/activity-types.yaml`.
  public var type: String
  /// Crosswalk codes of `type`.
  public var crosswalk: Crosswalk
  /// Cooperation areas from `Schemas/vocabularies/cooperation-areas.yaml`, at least one.
  public var areas: [String]
  /// Name of the activity or named event as printed (`Zapad/Interaction-2021`), if any.
  public var name: String?
  /// When it happened, if known.
  public var date: DateValue?
  /// ISO 3166-1 alpha-3 code of the country where it happened, if known.
  public var locationISO3: String?
  /// The place as written (`Xinjiang`, `Asia-Pacific region`), if any.
  public var locationText: String?
  /// `reported` (default), `planned` or `negated`.
  public var assertion: String
  /// Subtype of `type` (a `subtypes` entry of the activity-type vocabulary), if coded.
  public var subtype: String?
  /// Corpus-wide id of the named event, if coded.
  public var namedEvent: String?
  /// The place name as printed (inside `locationText`), if coded.
  public var locationPlace: String?
  /// How the contact took place (`in_person`, `video`, `phone`, `letter`, `article`), as coded.
  public var modes: [String]
  /// The activity's number in its series (`12` for "12th"), if coded.
  public var editionOrdinal: Int?
  /// The edition as printed (`12th`), if coded.
  public var editionRaw: String?
  /// The words claiming a first, if coded.
  public var firstOfKind: String?
  /// Id of the larger activity of the same document this one is part of, if any.
  public var partOf: String?
  /// The annotator's notes: free text for people, not a fact of the document.
  public var notes: String?

  public init(
    documentID: String, id: String, sectionID: String, type: String, crosswalk: Crosswalk = Crosswalk(),
    areas: [String], name: String? = nil, date: DateValue? = nil, locationISO3: String? = nil,
    locationText: String? = nil, assertion: String = "reported", subtype: String? = nil,
    namedEvent: String? = nil, locationPlace: String? = nil, modes: [String] = [],
    editionOrdinal: Int? = nil, editionRaw: String? = nil, firstOfKind: String? = nil,
    partOf: String? = nil, notes: String? = nil
  ) {
    self.subtype = subtype
    self.namedEvent = namedEvent
    self.locationPlace = locationPlace
    self.modes = modes
    self.editionOrdinal = editionOrdinal
    self.editionRaw = editionRaw
    self.firstOfKind = firstOfKind
    self.partOf = partOf
    self.notes = notes
    self.documentID = documentID
    self.id = id
    self.sectionID = sectionID
    self.type = type
    self.crosswalk = crosswalk
    self.areas = areas
    self.name = name
    self.date = date
    self.locationISO3 = locationISO3
    self.locationText = locationText
    self.assertion = assertion
  }
}
