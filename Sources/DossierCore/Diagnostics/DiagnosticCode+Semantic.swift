extension DiagnosticCode {
  /// V001: a section the document does not have.
  public static let semanticMissingSection = DiagnosticCode(
    "V001", "section not found",
    """
    An activity names a `section` the document does not have. Section N is the numbered section whose \
    heading line starts `N. `; section 0 is the unnumbered text outside them. The quotes of the activity \
    are not checked. The help line lists the sections the document has. Fix the number.
    """)

  /// V002: a quote that is not in its scope.
  public static let semanticQuoteNotFound = DiagnosticCode(
    "V002", "quote not found",
    """
    A quote (evidence, a name, a `raw` field, a set member, a term's evidence) does not occur in its \
    scope: the activity's section, or the list item or language of a term. Matching folds ’ to ', runs \
    of white space to one space and applies NFC; nothing else (case, hyphens and other quotation marks \
    must be as printed). A note helps: when the quote occurs in another section, "found in section N" \
    points there (is the activity's `section` right?); otherwise the closest text of the scope is shown, \
    found while ignoring case, width and quotation marks, or by the longest matching part, with the \
    caret on the first character that differs (Chinese text too). Copy the words exactly from that \
    section.
    """)

  /// V003: a plain quote that occurs several times.
  public static let semanticQuoteAmbiguous = DiagnosticCode(
    "V003", "quote found more than once",
    """
    A plain quote occurs more than once in its scope, so it is unclear which place is meant. Notes point \
    at every place. Quote more words so that the quote is unique, or use the object form \
    `{quote: …, occurrence: N}` to pick the N-th occurrence.
    """)

  /// V004: an occurrence beyond the number of matches.
  public static let semanticOccurrenceOutOfRange = DiagnosticCode(
    "V004", "occurrence out of range",
    """
    A quote asks for occurrence N but its scope holds fewer matches (every start position counts, \
    overlapping matches included). Fix the occurrence number, or the quote.
    """)

  /// V005: a person's name or title, or a place, not inside its `raw` quote.
  public static let semanticNotInsideRaw = DiagnosticCode(
    "V005", "text not inside its quote",
    """
    A person's `name` or one of their `titles`, or a location's `place`, must occur inside the `raw` \
    quote of the same participant or location (after the same folding as quotes), so that the span of \
    `raw` grounds it. Copy the name as printed, or widen `raw`.
    """)

  /// V006: a country reference that resolves to no country.
  public static let semanticUnknownCountry = DiagnosticCode(
    "V006", "unknown country",
    """
    A country (a participant's or location's `country`, or a member of a country set) is neither an ISO \
    3166-1 alpha-3 code nor a name of the country vocabulary (English and Chinese ISO names and the \
    curated aliases of country-aliases.yaml). Names are compared whole after NFKC, case folding and \
    white-space folding. The help line suggests the closest name; traditional Chinese characters are \
    read as simplified ones (`俄羅斯` → `俄罗斯`), and names in Han characters allow fewer edits, so a two- \
    character name is suggested only when it differs in nothing but script (`马利` does not suggest `智利`). \
    Fix the spelling, use the alpha-3 code, give the country in the object form of a set member, or add \
    an alias with its source.
    """)

  /// V007: an organization reference that resolves to nothing.
  public static let semanticUnknownOrganization = DiagnosticCode(
    "V007", "unknown organization",
    """
    An organization is not an id, name, acronym or alias of organizations.yaml. The help line suggests \
    the closest spelling, or else the organization the name most probably means: the one whose names, \
    acronym or aliases, in English or Chinese, share most of its words or characters (`Chinese Navy` → \
    `PLA-Navy`, `中国军队` → `PLA`). Fix the name, or add the organization (or an alias) to the vocabulary.
    """)

  /// V008: an area that is not in the cooperation-areas vocabulary.
  public static let semanticUnknownArea = DiagnosticCode(
    "V008", "unknown cooperation area",
    """
    An activity's `areas` names a term that cooperation-areas.yaml does not define. The help line \
    suggests the closest spelling, else the term it probably means by its English or Chinese label or a \
    narrower term's last part (`naval_escort` → `public_security_goods.naval_escort`), else lists every \
    area. Use a term of the vocabulary (`other` with notes when none fits).
    """)

  /// V009: an activity type that is not in the vocabulary.
  public static let semanticUnknownType = DiagnosticCode(
    "V009", "unknown activity type",
    """
    An activity's `type` is not a term of activity-types.yaml. The help line suggests the closest \
    spelling, else the type it probably means by its label, its NDU or CAMEO crosswalk name or a subtype \
    (`military_exercise` → `exercise`), else says when the value names a cooperation area, else lists \
    every type. Use a type of the vocabulary.
    """)

  /// V010: a subtype the activity type does not list.
  public static let semanticUnknownSubtype = DiagnosticCode(
    "V010", "subtype not allowed for this type",
    """
    An activity's `subtype` is not one of the subtypes its `type` lists in activity-types.yaml (a type \
    without subtypes takes none). The message lists the allowed subtypes. Use one of them or drop the \
    subtype.
    """)

  /// V011: a term that needs notes on the activity.
  public static let semanticAreaNeedsNotes = DiagnosticCode(
    "V011", "area needs notes",
    """
    The activity uses a cooperation area marked `requires_note` (`other`) but has no `notes`. Say in \
    `notes` what the area is.
    """)

  /// V012: an activity id used twice in the corpus.
  public static let semanticDuplicateID = DiagnosticCode(
    "V012", "duplicate activity id",
    """
    An activity id is used twice; ids are unique across the whole corpus, not only within a file. \
    Documents are read in order of their ids, and the note points at the first use. Rename one of them \
    (convention: document number, highlight, slug).
    """)

  /// V013: `part_of` naming no activity of the document.
  public static let semanticUnknownPartOf = DiagnosticCode(
    "V013", "unknown part_of",
    """
    An activity's `part_of` names no other activity of the same document (or names the activity itself). \
    The help suggests the closest id of another activity, never the activity's own. Use the id of the \
    larger activity, as written in this file.
    """)

  /// V014: an EDTF value that does not parse.
  public static let semanticInvalidDate = DiagnosticCode(
    "V014", "invalid EDTF date",
    """
    A date's `edtf` is not a valid EDTF level 0–1 value: a date written another way (`May 2023`, \
    `2023/05`, `05/2023`, `2023-10-29/31`), a day that does not exist in its month (`2021-02-30`), a day \
    under an unspecified month, or an interval that ends before it starts. The EDTF parser gives the one \
    message (the schema's pattern is not reported as well); when the intended date is clear the help \
    gives it (`write '2023-05'`). Fix the date; docs/annotations.md §7 lists the forms.
    """)

  /// V015: an activity dated after the publication.
  public static let semanticDateAfterPublication = DiagnosticCode(
    "V015", "date after publication",
    """
    An activity's earliest possible day lies after the document's publication date, so the document \
    cannot report it as having happened. If the text announces it for the future, add \
    `assertion: planned`; otherwise fix the date.
    """)

  /// V016: a date basis contradicting the value.
  public static let semanticDateBasis = DiagnosticCode(
    "V016", "date basis inconsistent",
    """
    A date's `basis` does not fit its value: with `inferred_publication_year` every known end must lie in \
    the publication year; with `bounded_by_publication` one end must be the publication date. Fix the \
    value or choose the basis that says where it comes from.
    """)

  /// V017: more members listed than the stated total allows.
  public static let semanticSetExceedsTotal = DiagnosticCode(
    "V017", "set larger than its total",
    """
    A participant set lists more members than its stated total allows: 12 names under "exactly 10" or \
    70 under "nearly 70". (26 names under "over 30" are fine, and so are 31.) Check the total's value and \
    qualifier against the text, and the members.
    """)

  /// V018: a completeness claim the members and total contradict.
  public static let semanticSetCompleteness = DiagnosticCode(
    "V018", "completeness inconsistent",
    """
    A set is marked `complete`, but the number of listed members is below the stated total's lower \
    bound (4 names under "five countries"), the total is vague, or the set has neither members nor \
    total. Mark it `partial` or `unknown`, or fix the members.
    """)

  /// V019: a set member listed twice.
  public static let semanticDuplicateMember = DiagnosticCode(
    "V019", "set member listed twice",
    """
    Two members of one participant set resolve to the same country or organization. The note points at \
    the first. Remove the repeat, or fix the quote that resolves wrongly.
    """)

  /// V020: an organization whose country contradicts the participant's country.
  public static let semanticOrganizationCountry = DiagnosticCode(
    "V020", "organization and country disagree",
    """
    A participant gives both an organization and a country, but organizations.yaml says the \
    organization belongs to another country. Fix the country or the organization.
    """)

  /// V021: a set member of the wrong kind.
  public static let semanticMemberKind = DiagnosticCode(
    "V021", "set member of the wrong kind",
    """
    A member of a set with `member_kind: country` names an organization (or the other way round). Make \
    the member match the set's `member_kind`.
    """)

  /// V022: a term id that the named vocabulary does not define.
  public static let semanticUnknownTerm = DiagnosticCode(
    "V022", "unknown term",
    """
    A definition document maps a `term` that its `vocabulary` does not define. The help line suggests \
    the closest term. Fix the id, or add the term to the vocabulary first.
    """)

  /// V023: a term mapped twice.
  public static let semanticTermMappedTwice = DiagnosticCode(
    "V023", "term mapped twice",
    """
    A definition document maps the same term twice; a term appears at most once per document. The note \
    points at the first. Merge the two entries.
    """)

  /// V024: a list item that does not exist.
  public static let semanticMissingListItem = DiagnosticCode(
    "V024", "list item not found",
    """
    A term's `item` is beyond the list of that language (the English list items, or the Chinese inline \
    list split at commas). The message says how many items the list has. Fix the item number.
    """)

  /// V025: a list item no term maps.
  public static let semanticUnmappedListItem = DiagnosticCode(
    "V025", "list item not mapped",
    """
    A list item of a definition document is mapped by no term. This is a warning: every item the \
    document defines should be coded. Add a term for it (a new vocabulary term if needed).
    """)

  /// V026: an activity type reserved for later use.
  public static let semanticReservedType = DiagnosticCode(
    "V026", "reserved activity type",
    """
    The activity type is marked `reserved` in activity-types.yaml: defined so that every area has a \
    type, but not yet used in the corpus. This is a warning. Check that the type is meant, and make it \
    active in the vocabulary when it is.
    """)

  /// V027: a vocabulary file breaks one of its rules.
  public static let semanticVocabularyRule = DiagnosticCode(
    "V027", "vocabulary rule broken",
    """
    A vocabulary file breaks a rule of docs/vocabularies.md: an id defined twice, an alias that could \
    mean two countries or contradicts an ISO name, an alias spelled like an alpha-3 code, an unknown \
    alpha-3 code or parent, a name shared by two organizations, or a `quoted` label that does not occur \
    in its source document. Annotations are checked against the vocabularies only when they are \
    sound. Fix the vocabulary file at the reported place.
    """)

  /// Codes of the Semantic family (`V…`).
  static var semanticCodes: [DiagnosticCode] {
    [
      semanticMissingSection, semanticQuoteNotFound, semanticQuoteAmbiguous, semanticOccurrenceOutOfRange,
      semanticNotInsideRaw, semanticUnknownCountry, semanticUnknownOrganization, semanticUnknownArea,
      semanticUnknownType, semanticUnknownSubtype, semanticAreaNeedsNotes, semanticDuplicateID,
      semanticUnknownPartOf, semanticInvalidDate, semanticDateAfterPublication, semanticDateBasis,
      semanticSetExceedsTotal, semanticSetCompleteness, semanticDuplicateMember, semanticOrganizationCountry,
      semanticMemberKind, semanticUnknownTerm, semanticTermMappedTwice, semanticMissingListItem,
      semanticUnmappedListItem, semanticReservedType, semanticVocabularyRule,
    ]
  }
}
