extension DiagnosticCode {
  /// A string holds a character that XML 1.0 cannot represent.
  public static let xmlCharacterNotAllowed = DiagnosticCode(
    "X001", "character not allowed in XML",
    "A value that goes into the record XML or the Dublin Core record contains a character outside the "
      + "XML 1.0 `Char` production (a C0 control other than tab, LF and CR, or U+FFFE/U+FFFF). XML cannot "
      + "represent it, not even as a character reference. Remove the character from the input named in the "
      + "message (usually an annotation value, or the source text behind a quote).")

  /// A written XML file does not validate against its XSD.
  public static let xmlSchemaInvalid = DiagnosticCode(
    "X002", "exported XML does not validate",
    "An XML file produced by the exporter was re-parsed and validated against its XSD with libxml2 and "
      + "failed. This is a bug in Dossier (the writer and the schema disagree), not in the input; the "
      + "export is refused. Report it with the message.")

  /// An XSD could not be loaded or compiled.
  public static let xmlSchemaUnavailable = DiagnosticCode(
    "X003", "XML schema unavailable",
    "An XSD needed to validate the XML exports is missing from the schema folder or does not compile. "
      + "Check that `Schemas/xml/dossier-record.xsd`, the vendored schemas in `Schemas/xml/vendor/` and "
      + "`Schemas/catalog.xml` are present and unmodified. Validation never uses the network.")

  /// An export format name is not known.
  public static let unknownExportFormat = DiagnosticCode(
    "X004", "unknown export format",
    "The requested export format does not exist. The formats are `json`, `jsonl`, `xml`, `oai_dc` and `tsv`.")

  /// An export file could not be read back.
  public static let exportUnreadable = DiagnosticCode(
    "X005", "export file cannot be read",
    "Reading an exported file back (JSON Lines, TSV or record XML) failed: the file is malformed, has "
      + "the wrong columns, or a value has the wrong type. Exports written by Dossier always read back; "
      + "the file was edited or truncated. Rebuild it with `dossier build`.")

  /// The records handed to an exporter are inconsistent.
  public static let inconsistentRecords = DiagnosticCode(
    "X006", "inconsistent records",
    "The records to export break an invariant: two records share a key, a record refers to an activity, "
      + "section, set or document that does not exist, or a value violates its column's format. This "
      + "points to a bug in the transform stage; nothing is written.")

  /// An id cannot be used as a file name.
  public static let unsafeExportPath = DiagnosticCode(
    "X007", "id not usable as a file name",
    "A document id becomes a file name in the export (`data/json/<id>.json`). The id is empty, starts "
      + "with a dot, or contains `/`, `\\\\`, a control character or `%`. Rename the input file.")

  /// An integer is outside the range canonical JSON can carry exactly.
  public static let integerOutOfRange = DiagnosticCode(
    "X008", "integer out of range",
    "Canonical JSON (RFC 8785) carries numbers as IEEE-754 doubles, which hold integers exactly only up "
      + "to 2^53. A record value is larger; correct the value in the annotation.")

  /// A transformed record does not validate against `Schemas/records.schema.json`.
  public static let recordSchemaViolation = DiagnosticCode(
    "X009", "record does not match the records schema",
    "Every record the transform stage produces is validated against `Schemas/records.schema.json` before "
      + "anything is exported. A failure is an internal error: a bug in Dossier (the transform and the "
      + "schema disagree), or an edited `Schemas/records.schema.json` that no longer matches the record "
      + "tables. Nothing is written. Restore the schema from the repository, or report the message.")

  /// `build --check` found an export file that is stale, missing or extra.
  public static let staleExport = DiagnosticCode(
    "X010", "export folder is stale",
    "`dossier build --check` (or `dossier merge --check`) compared the export folder with what a build "
      + "would write and found a file that differs (stale), one the build would write that is absent "
      + "(missing), or one the build does not produce (extra). Each file is reported once, through the "
      + "chosen reporter. Run `dossier build` (or `dossier merge`) and commit the result.")

  /// Codes of the Export family (`X…`).
  static var exportCodes: [DiagnosticCode] {
    [
      xmlCharacterNotAllowed, xmlSchemaInvalid, xmlSchemaUnavailable, unknownExportFormat, exportUnreadable,
      inconsistentRecords, unsafeExportPath, integerOutOfRange, recordSchemaViolation, staleExport,
    ]
  }
}
