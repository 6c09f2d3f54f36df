import DossierCore
import JSONSchema

/// Turns Dossier diagnostics into the protocol's `Diagnostic` objects: the range in UTF-16 units of
/// the text that was validated, severity, code with a link to its entry in `docs/diagnostics.md`,
/// the message (with the help line), notes as related information, and `data` for code actions.
final class DiagnosticConverter {
  let workspace: Workspace
  let sources: [String: String]
  let uris: [String: String]
  /// Line tables built so far, by path (each text is indexed once per publication).
  private var tables: [String: LineTable] = [:]

  init(workspace: Workspace, sources: [String: String], uris: [String: String], overlays: [(String, String)])
  {
    self.workspace = workspace
    var sources = sources
    for (path, text) in overlays where sources[path] == nil { sources[path] = text }
    self.sources = sources
    self.uris = uris
  }

  /// The line table of a file's validated text.
  func table(for path: String) -> LineTable {
    if let table = tables[path] { return table }
    let table = LineTable(sources[path] ?? workspace.text(ofPath: workspace.absolutePath(path)) ?? "")
    tables[path] = table
    return table
  }

  /// The URI of a file named in diagnostics (the client's own URI when it named the file).
  func uri(of path: String) -> String {
    let absolute = workspace.absolutePath(path)
    return uris[absolute] ?? DocumentURI.uri(ofPath: absolute)
  }

  /// The protocol diagnostic of a Dossier diagnostic (its range on `table`).
  func convert(_ diagnostic: Diagnostic) -> JSONValue {
    func range(_ location: SourceLocation?) -> JSONValue {
      guard let location else {
        return Self.json(LSPRange(start: .init(line: 0, character: 0), end: .init(line: 0, character: 0)))
      }
      return Self.json(self.table(for: location.file).range(of: location))
    }
    var message = diagnostic.message
    var related: [JSONValue] = []
    for note in diagnostic.notes {
      if let location = note.location {
        related.append(
          .object(
            JSONObject([
              (
                "location",
                .object(JSONObject([("uri", .string(uri(of: location.file))), ("range", range(location))]))
              ),
              ("message", .string(note.message)),
            ])))
      } else {
        message += "\nnote: \(note.message)"
      }
    }
    if let help = diagnostic.help { message += "\nhelp: \(help)" }
    var object = JSONObject([
      ("range", range(diagnostic.location)),
      ("severity", .integer(Self.severity(diagnostic.severity))),
      ("code", .string(diagnostic.code.id)),
      ("source", .string("dossier")),
      ("message", .string(message)),
    ])
    if let document = workspace.layout.diagnosticsDocument {
      object["codeDescription"] = .object(
        JSONObject([
          ("href", .string(DocumentURI.uri(ofPath: document) + "#" + Self.anchor(of: diagnostic.code)))
        ]))
    }
    if !related.isEmpty { object["relatedInformation"] = .array(related) }
    var data = JSONObject()
    if let pointer = diagnostic.pointer { data["pointer"] = .string(pointer) }
    if let help = diagnostic.help { data["help"] = .string(help) }
    data["title"] = .string(diagnostic.code.title)
    object["data"] = .object(data)
    return .object(object)
  }

  static func severity(_ severity: Severity) -> Int {
    switch severity {
    case .error: return 1
    case .warning: return 2
    case .note: return 3
    }
  }

  /// The GitHub-style anchor of a code's heading in docs/diagnostics.md (`### Y002 — duplicate key`
  /// → `y002--duplicate-key`).
  static func anchor(of code: DiagnosticCode) -> String {
    var slug = ""
    for character in "\(code.id) — \(code.title)".lowercased() {
      if character == " " {
        slug.append("-")
      } else if character.isLetter || character.isNumber || character == "-" || character == "_" {
        slug.append(character)
      }
    }
    return slug
  }

  static func json(_ position: LSPPosition) -> JSONValue {
    .object(JSONObject([("line", .integer(position.line)), ("character", .integer(position.character))]))
  }

  static func json(_ range: LSPRange) -> JSONValue {
    .object(JSONObject([("start", json(range.start)), ("end", json(range.end))]))
  }
}
