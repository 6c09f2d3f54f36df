extension DiagnosticCode {
  /// YAML syntax error reported by libyaml (or by a check Dossier adds on top of its events).
  public static let yamlSyntax = DiagnosticCode(
    "Y001", "YAML syntax error",
    """
    The file is not valid YAML. The message says in plain words what YAML expected where, for the usual \
    indentation mistakes with the column where the enclosing mapping or list starts (a key indented more \
    than the keys above it, a line between a list's `- ` and the keys of its items, a `: ` inside a \
    plain value that needs quotes), and a note points at the construct being read; the position is never \
    a blank line. Dossier adds checks for invalid YAML that libyaml lets through: a comment not \
    separated by whitespace (`"a"#c`, `[a]#c`, `|#c`), a plain scalar that is a lone `-`, `?` or `:`, a \
    directive after a document without `...`, and leading empty lines of a block scalar with more spaces \
    than its first line. Fix the syntax at or just before the position; loading stops at the first \
    syntax error libyaml reports.
    """)
  /// The same key appears twice in one mapping.
  public static let yamlDuplicateKey = DiagnosticCode(
    "Y002", "duplicate key",
    "A mapping holds the same key twice. Keys are compared after scalar resolution, so `a` and `'a'` clash, "
      + "and so do `1` and `01`. The error points at the repeat and a note at the first occurrence. "
      + "Remove or rename one of them.")
  /// A tag other than the supported core tags.
  public static let yamlUnsupportedTag = DiagnosticCode(
    "Y003", "unsupported tag",
    "Only the YAML core tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq` and the "
      + "non-specific tag `!` are accepted. Local tags (`!foo`), other global tags (`!!timestamp`, `!!binary`, "
      + "`!!set`, …) and verbatim tags have no JSON meaning. Remove the tag.")
  /// A value that does not match its explicit tag.
  public static let yamlTagMismatch = DiagnosticCode(
    "Y004", "value does not match its tag",
    "A node carries an explicit core tag its content does not satisfy: `!!int abc`, `!!bool yes`, `!!map` on a "
      + "sequence, `!!str` on a mapping. Fix the value or remove the tag.")
  /// An alias names no anchor defined before it.
  public static let yamlUndefinedAlias = DiagnosticCode(
    "Y005", "undefined alias",
    "An alias `*name` refers to an anchor `&name` that is not defined earlier in the same document. "
      + "Define the anchor before its first use, or correct the name.")
  /// An alias used inside the node it refers to.
  public static let yamlRecursiveAlias = DiagnosticCode(
    "Y006", "recursive alias",
    "An alias refers to a collection that encloses it, which would make an infinite value. JSON cannot "
      + "represent it. Remove the alias.")
  /// Too many nodes expanded through aliases.
  public static let yamlAliasBudget = DiagnosticCode(
    "Y007", "alias expansion budget exceeded",
    "The aliases of a document expand to more nodes than the loader allows (1 000 000 by default), as in a "
      + "\"billion laughs\" attack. Loading stops counting at the alias that crosses the budget. Write the "
      + "values out, or use fewer nested aliases.")
  /// Nesting deeper than the limit.
  public static let yamlTooDeep = DiagnosticCode(
    "Y008", "nesting too deep",
    "Collections are nested deeper than the loader's limit (128 levels by default, aliases included). "
      + "The error points at the collection that crosses the limit, and loading stops there (reading on "
      + "through very deep flow nesting would cost libyaml quadratic time). Flatten the data.")
  /// More than one document in a stream where one is expected.
  public static let yamlMultipleDocuments = DiagnosticCode(
    "Y009", "more than one document",
    "An annotation file must hold exactly one YAML document, but a second one starts here (after `---` or "
      + "`...`). Remove the extra document marker or split the file.")
  /// Merge key `<<`.
  public static let yamlMergeKey = DiagnosticCode(
    "Y010", "merge keys are not supported",
    "A plain `<<` key is a YAML 1.1 merge key. Dossier follows YAML 1.2, which has no merge keys, and "
      + "rejects them instead of guessing. Write the keys out; quote the key (`'<<'`) if you mean the literal "
      + "string.")
  /// A tab used for indentation.
  public static let yamlTabIndentation = DiagnosticCode(
    "Y011", "tab used for indentation",
    "YAML forbids tab characters in indentation. Replace the tab with spaces.")
  /// A mapping key that is not a string.
  public static let yamlNonStringKey = DiagnosticCode(
    "Y012", "key is not a string",
    "JSON object keys are strings, but this key resolves to a number, boolean, null, or is a collection. "
      + "Quote the key (`'2021': …`) or restructure the data.")
  /// A value JSON cannot represent.
  public static let yamlUnrepresentable = DiagnosticCode(
    "Y013", "value cannot be represented in JSON",
    "The value is valid YAML but has no JSON form: `.inf`, `-.inf`, `.nan`, or an integer literal with more "
      + "than 256 digits, or a number whose exponent is beyond ±999999999. Quote it to keep it as a string, "
      + "or use a finite number.")
  /// Input that is not valid UTF-8 (or another encoding libyaml rejects).
  public static let yamlEncoding = DiagnosticCode(
    "Y014", "invalid encoding",
    """
    The file is not valid UTF-8 (or contains a character YAML does not allow, such as a control \
    character). The position is where the bad bytes start. A file saved as UTF-16 or UTF-32 (by its byte \
    order mark, or by the zero bytes of its first characters) is reported once as such, at 1:1. A UTF-8 \
    byte order mark is accepted. Re-save the file as UTF-8.
    """)
  /// A continuation line of flow content or of a quoted scalar indented too little.
  public static let yamlFlowIndentation = DiagnosticCode(
    "Y015", "continuation line indented too little",
    "A line that continues a flow collection (`[…]`, `{…}`) or a quoted or plain multi-line scalar must be "
      + "indented by more spaces than the block collection holding it (at least as many spaces as that "
      + "collection's column). Tabs do not count as indentation. libyaml accepts such lines; YAML does not. "
      + "Indent the line with spaces, or put the value on one line.")

  /// Codes of the YAML family (`Y…`).
  static var yamlCodes: [DiagnosticCode] {
    [
      yamlSyntax, yamlDuplicateKey, yamlUnsupportedTag, yamlTagMismatch, yamlUndefinedAlias,
      yamlRecursiveAlias, yamlAliasBudget, yamlTooDeep, yamlMultipleDocuments, yamlMergeKey,
      yamlTabIndentation, yamlNonStringKey, yamlUnrepresentable, yamlEncoding, yamlFlowIndentation,
    ]
  }
}
