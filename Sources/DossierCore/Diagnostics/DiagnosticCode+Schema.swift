extension DiagnosticCode {
  /// S001: a value breaks a rule of the schema not covered by a more specific code.
  public static let schemaViolation = DiagnosticCode(
    "S001", "value does not match the schema",
    """
    A value breaks a rule of the JSON Schema the file is checked against: a string of the wrong form \
    (an activity id with capital letters, a quote ending in a line break), too short or too long, a number \
    out of range, repeated items in a list that must be unique, or a combination the schema forbids (for \
    example `value` together with `qualifier: vague`). For the forms the annotation format defines (ids, \
    term ids, text, quotes, language tags) the message says what is wrong in plain words and the help \
    gives the expected form with an example or the corrected value; it never shows the schema's regular \
    expression. Fix the value as the help says; docs/annotations.md describes every field.
    """)

  /// S002: an object has a key the schema does not declare.
  public static let schemaUnknownKey = DiagnosticCode(
    "S002", "unknown key",
    """
    An object holds a key its schema does not declare. Every object of the annotation format is closed, \
    so a misspelled key (`sectoin`, `participant`) is an error rather than being ignored. The error points \
    at the key and, when one is close, suggests the key that was probably meant. Rename the key, or \
    remove it; free remarks go in `notes`.
    """)

  /// S003: a required key is missing.
  public static let schemaMissingKey = DiagnosticCode(
    "S003", "missing required key",
    """
    An object lacks a key the schema requires, either always (an activity needs `id`, `section`, `type`, \
    `areas`, `date`, `participants` and `evidence`) or because another key is present (`published` needs \
    `tz_basis`, `basis: explicit` needs `raw`). The error points at the object. Add the key.
    """)

  /// S004: a value has the wrong JSON type.
  public static let schemaWrongType = DiagnosticCode(
    "S004", "wrong type",
    """
    A value has the wrong type: text where a number is expected (`ordinal: twelve`), a single value \
    where a list is expected (`areas: security_dialogue`), or a number where text is expected. Remember \
    YAML 1.2: `yes` is text, not a boolean, and an unquoted `2021` is a number. Write the value with \
    the type the message names; quote dates and anything that looks like a number.
    """)

  /// S005: a value is not one of the allowed values.
  public static let schemaNotAllowed = DiagnosticCode(
    "S005", "value not allowed",
    """
    A value is not one of the values the schema allows for this field (`kind`, `role`, `qualifier`, \
    `basis`, `assertion`, `mode`, `sector` and similar fields take a fixed list). The message lists \
    the allowed values and suggests the closest one. Use one of them.
    """)

  /// S006: a value does not have the required format.
  public static let schemaFormat = DiagnosticCode(
    "S006", "invalid format",
    """
    A string does not have the format its field requires; format checks are on. For `published`, this \
    is an RFC 3339 date-time with an offset (`"2021-12-23T18:03:31+08:00"`): a real calendar date, `T`, \
    a valid time and `Z` or `+HH:MM`. The message says what is wrong (a space instead of `T`, a missing \
    offset, a day that does not exist) and the help gives the corrected value when it can; one mistake \
    is one error. Write the value in the required format.
    """)

  /// S007: a schema could not be read or compiled.
  public static let schemaUnusable = DiagnosticCode(
    "S007", "unusable schema",
    """
    A JSON Schema could not be used: its file is not strict JSON, it is not a valid draft 2020-12 \
    schema, or a `$ref` in it cannot be resolved (only the schema itself and local files beside it are \
    read; nothing is fetched from the network). Nothing is validated against it. Fix the schema at the \
    reported place. `dossier validate` and `dossier check` exit with status 2.
    """)

  /// S008: a JSON file that is not strict JSON.
  public static let schemaInvalidJSON = DiagnosticCode(
    "S008", "invalid JSON",
    """
    A JSON file (a vocabulary such as iso_3166-1.json, or an instance given to `dossier check`) is not \
    strict JSON (RFC 8259): a syntax error, a duplicate key, invalid UTF-8, or nesting deeper than the \
    reader allows. The error points at the problem. Fix the file; JSON has no comments and no trailing \
    commas.
    """)

  /// Codes of the Schema family (`S…`).
  static var schemaCodes: [DiagnosticCode] {
    [
      schemaViolation, schemaUnknownKey, schemaMissingKey, schemaWrongType, schemaNotAllowed, schemaFormat,
      schemaUnusable, schemaInvalidJSON,
    ]
  }
}
