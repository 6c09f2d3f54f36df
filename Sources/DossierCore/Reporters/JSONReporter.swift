import JSONSchema

/// The `json` reporter: one stable document for programs.
///
/// ```json
/// {
///   "diagnostics": [ { "code": "V004", "column": 14, "endColumn": 19, "endLine": 12, "file": "Input/a.yaml",
///                      "help": "did you mean \"China\"?", "line": 12, "message": "…", "notes": [],
///                      "pointer": "/activities/0/participants/1", "severity": "error", "title": "…" } ],
///   "summary": { "errors": 1, "notes": 0, "warnings": 0 },
///   "tool": { "name": "dossier", "version": "…" }
/// }
/// ```
/// Every field is always present (`null` when unknown), keys are sorted, diagnostics are sorted.
public enum JSONReporter {
  public static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
    let sorted = diagnostics.sortedForReport()
    let summary = DiagnosticSummary(sorted)
    let document = JSONValue.members([
      "diagnostics": .array(sorted.map(value(of:))),
      "summary": .members([
        "errors": .integer(summary.errors), "warnings": .integer(summary.warnings),
        "notes": .integer(summary.notes),
      ]),
      "tool": .members(["name": .string(ReportContext.toolName), "version": .string(context.toolVersion)]),
    ])
    return document.reportDocument
  }

  /// One diagnostic with every field.
  static func value(of diagnostic: Diagnostic) -> JSONValue {
    var fields = locationFields(diagnostic.location)
    fields["severity"] = .string(diagnostic.severity.rawValue)
    fields["code"] = .string(diagnostic.code.id)
    fields["title"] = .string(diagnostic.code.title)
    fields["message"] = .string(diagnostic.message)
    fields["pointer"] = .optional(diagnostic.pointer)
    fields["notes"] = .array(
      diagnostic.notes.map { note in
        var noteFields = locationFields(note.location)
        noteFields["message"] = .string(note.message)
        return .object(noteFields)
      })
    fields["help"] = .optional(diagnostic.help)
    return .object(fields)
  }

  /// `file`, `line`, `column`, `endLine`, `endColumn`; `null` when unknown (all but `file` for a
  /// whole-file location).
  static func locationFields(_ location: SourceLocation?) -> JSONObject {
    let place = location?.isWholeFile == true ? nil : location
    return JSONObject([
      ("file", .optional(location?.file)),
      ("line", .optional(place?.line)),
      ("column", .optional(place?.column)),
      ("endLine", .optional(place?.resolvedEndLine)),
      ("endColumn", .optional(place?.endColumn)),
    ])
  }
}
