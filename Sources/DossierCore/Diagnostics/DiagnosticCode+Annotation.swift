extension DiagnosticCode {
  /// A001: a metadata field contradicts the text.
  public static let annotationDisagreesWithText = DiagnosticCode(
    "A001", "annotation disagrees with the text",
    """
    A metadata field (`title`, `publisher`, `editor` or `published`) differs from what the text says: \
    the title is the document's first line, publisher and editor come from the byline, and the local \
    date and time of `published` (the part before the offset) must equal the byline's timestamp. Values \
    are compared after NFC, folding ’ to ' and runs of white space to one space; case matters. The error \
    points at the annotation's value, a note at the text. Fix the annotation, or, if the text is wrong, \
    add a `corrections` entry with a reason.
    """)

  /// A002: a correction's `original` is not what the text says.
  public static let annotationStaleCorrection = DiagnosticCode(
    "A002", "stale correction",
    """
    A `corrections` entry gives an `original` value that is not what the text holds now (the text \
    changed, or the original was mistyped). The note shows what the text says. Update or remove the \
    correction.
    """)

  /// A003: a metadata field differs from its own correction.
  public static let annotationCorrectionMismatch = DiagnosticCode(
    "A003", "field disagrees with its correction",
    """
    The metadata gives a field and a `corrections` entry for the same field, with different values. \
    When a field is corrected, the metadata value must equal the correction's `value` (or be left out, \
    and the correction's value is used). Make them equal.
    """)

  /// A004: two corrections for one field.
  public static let annotationRepeatedCorrection = DiagnosticCode(
    "A004", "repeated correction",
    """
    Two `corrections` entries correct the same field; at most one is allowed per field. The note points \
    at the first. Merge them into one entry.
    """)

  /// A005: the annotation states a byline field the text lacks.
  public static let annotationNothingToCompare = DiagnosticCode(
    "A005", "nothing in the text to compare",
    """
    The annotation gives a title or byline field (`publisher`, `editor`, `published`) but the text has \
    no such field, so the value cannot be checked against it. This is a warning: the value is kept. Check \
    that the document really lacks it (an unusual byline layout is not recognized by ingest), or remove \
    the field.
    """)

  /// A006: anchors, aliases or explicit tags in an annotation file.
  public static let annotationYAMLFeature = DiagnosticCode(
    "A006", "YAML feature not allowed in annotations",
    """
    Annotation files use plain YAML: anchors (`&name`), aliases (`*name`) and explicit tags (`!!str`) \
    are not allowed, even where general YAML accepts them, so that each fact is written where it \
    applies and every value has one place in the file. Write the value out in full (copy it), and quote \
    strings instead of tagging them.
    """)

  /// A007: an annotation file without its document.
  public static let annotationWithoutDocument = DiagnosticCode(
    "A007", "annotation without a document",
    """
    An annotation `NAME.yaml` has no document `NAME.txt` beside it, so its quotes cannot be checked. Add \
    the document, rename the annotation to match its document, or remove it.
    """)

  /// A008: a document without its annotation.
  public static let annotationMissing = DiagnosticCode(
    "A008", "document not annotated",
    """
    A document `NAME.txt` has no annotation `NAME.yaml` beside it. This is a warning: the document is \
    ingested but has no coded facts yet (with `--strict` it fails the run). Write the annotation \
    (docs/annotations.md), starting with `kind` and `metadata`.
    """)

  /// A009: the editor hint on the first line is missing.
  public static let annotationSchemaComment = DiagnosticCode(
    "A009", "missing schema comment",
    """
    The first line of an annotation file should be `# yaml-language-server: \
    $schema=../Schemas/annotation.schema.json`, so that editors with the YAML language server complete \
    keys and show errors while typing. A UTF-8 byte order mark before it does not count. This is a \
    warning. Add the line at the top of the file.
    """)

  /// A010: `metadata.languages` differs from the languages found in the text.
  public static let annotationLanguages = DiagnosticCode(
    "A010", "languages differ from the text",
    """
    The annotation's `metadata.languages` (compared by their primary language subtag, `zh-Hans` as \
    `zh`) are not the languages the ingest stage finds in the text, in order of appearance (script \
    detection per block: Latin is `en`, Han is `zh`). This is a warning. List the languages the text \
    has, in the order they appear.
    """)

  /// Codes of the Annotation family (`A…`).
  static var annotationCodes: [DiagnosticCode] {
    [
      annotationDisagreesWithText, annotationStaleCorrection, annotationCorrectionMismatch,
      annotationRepeatedCorrection, annotationNothingToCompare, annotationYAMLFeature,
      annotationWithoutDocument,
      annotationMissing, annotationSchemaComment, annotationLanguages,
    ]
  }
}
