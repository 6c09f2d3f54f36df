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
    return ReportJSONWriter.document(document)
  }

  /// One diagnostic with every field.
  static func value(of diagnostic: Diagnostic) -> JSONValue {
    let location = diagnostic.location
    return .members([
      "severity": .string(diagnostic.severity.rawValue),
      "code": .string(diagnostic.code.id),
      "title": .string(diagnostic.code.title),
      "message": .string(diagnostic.message),
      "file": .optional(location?.file),
      "line": .optional(location?.line),
      "column": .optional(location?.column),
      "endLine": .optional(location?.resolvedEndLine),
      "endColumn": .optional(location?.endColumn),
      "pointer": .optional(diagnostic.pointer),
      "notes": .array(
        diagnostic.notes.map { note in
          .members([
            "message": .string(note.message),
            "file": .optional(note.location?.file),
            "line": .optional(note.location?.line),
            "column": .optional(note.location?.column),
            "endLine": .optional(note.location?.resolvedEndLine),
            "endColumn": .optional(note.location?.endColumn),
          ])
        }),
      "help": .optional(diagnostic.help),
    ])
  }
}
