import JSONSchema

/// The `sarif` reporter: a SARIF 2.1.0 log with one run, for code-scanning tools.
///
/// - `tool.driver`: name `dossier`, the version, `informationUri` when known, and one rule per code
///   used (id, a name made from the title, short description = title, full description and help =
///   the explanation).
/// - `results`: `ruleId`, `ruleIndex`, `level` (`error`, `warning`, `note`), `message.text` (the message,
///   then notes without a location and the help on lines of their own), one location with a relative
///   `artifactLocation.uri` under `uriBaseId` `%SRCROOT%` and a 1-based `region`, and the notes that have
///   a location as `relatedLocations`. The JSON pointer, when there is one, is in `properties.pointer`.
/// - `columnKind` is `unicodeCodePoints`, which is how `SourceLocation` counts columns; `endColumn` is
///   exclusive in both.
public enum SARIFReporter {
  /// The SARIF 2.1.0 schema the output conforms to.
  public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

  public static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
    let sorted = diagnostics.sortedForReport()
    var codes: [DiagnosticCode] = []
    var seen: Set<String> = []
    for diagnostic in sorted where seen.insert(diagnostic.code.id).inserted {
      codes.append(diagnostic.code)
    }
    codes.sort { $0.id < $1.id }
    var ruleIndex: [String: Int] = [:]
    for (index, code) in codes.enumerated() { ruleIndex[code.id] = index }

    var driver = JSONObject([
      ("name", .string(ReportContext.toolName)),
      ("version", .string(context.toolVersion)),
      ("rules", .array(codes.map(rule(for:)))),
    ])
    if let uri = context.informationURI { driver["informationUri"] = .string(uri) }

    let results = sorted.map { result(for: $0, ruleIndex: ruleIndex[$0.code.id] ?? 0) }
    let run = JSONValue.members([
      "tool": .members(["driver": .object(driver)]),
      "columnKind": .string("unicodeCodePoints"),
      "results": .array(results),
    ])
    let log = JSONValue.members([
      "$schema": .string(schemaURI),
      "version": .string("2.1.0"),
      "runs": .array([run]),
    ])
    return log.reportDocument
  }

  static func rule(for code: DiagnosticCode) -> JSONValue {
    let explanation = code.explanation.isEmpty ? code.title : code.explanation
    return .members([
      "id": .string(code.id),
      "name": .string(ruleName(code.title, fallback: code.id)),
      "shortDescription": .members(["text": .string(code.title)]),
      "fullDescription": .members(["text": .string(explanation)]),
      "help": .members(["text": .string(explanation)]),
    ])
  }

  /// `unknown country` → `UnknownCountry`: letters and digits of each word, capitalised.
  static func ruleName(_ title: String, fallback: String) -> String {
    var name = ""
    var startOfWord = true
    for character in title {
      if character.isLetter || character.isNumber {
        name += startOfWord ? character.uppercased() : String(character)
        startOfWord = false
      } else {
        startOfWord = true
      }
    }
    return name.isEmpty ? fallback : name
  }

  static func result(for diagnostic: Diagnostic, ruleIndex: Int) -> JSONValue {
    let level: String
    switch diagnostic.severity {
    case .error: level = "error"
    case .warning: level = "warning"
    case .note: level = "note"
    }
    var text = diagnostic.message
    var related: [JSONValue] = []
    for note in diagnostic.notes {
      if let location = note.location {
        related.append(
          .members([
            "id": .integer(related.count + 1),
            "message": .members(["text": .string(note.message)]),
            "physicalLocation": physicalLocation(location),
          ]))
      } else {
        text += "\nnote: " + note.message
      }
    }
    if let help = diagnostic.help { text += "\nhelp: " + help }

    var object = JSONObject([
      ("ruleId", .string(diagnostic.code.id)),
      ("ruleIndex", .integer(ruleIndex)),
      ("level", .string(level)),
      ("message", .members(["text": .string(text)])),
    ])
    if let location = diagnostic.location {
      object["locations"] = .array([.members(["physicalLocation": physicalLocation(location)])])
    }
    if !related.isEmpty { object["relatedLocations"] = .array(related) }
    if let pointer = diagnostic.pointer { object["properties"] = .members(["pointer": .string(pointer)]) }
    return .object(object)
  }

  static func physicalLocation(_ location: SourceLocation) -> JSONValue {
    var artifact = JSONObject()
    if location.file.hasPrefix("/") {
      artifact["uri"] = .string("file://" + percentEncoded(location.file))
    } else {
      artifact["uri"] = .string(percentEncoded(location.file))
      artifact["uriBaseId"] = .string("%SRCROOT%")
    }
    if location.isWholeFile { return .members(["artifactLocation": .object(artifact)]) }
    var region = JSONObject([
      ("startLine", .integer(location.line)),
      ("startColumn", .integer(max(1, location.column))),
    ])
    if let endLine = location.resolvedEndLine, endLine >= location.line {
      region["endLine"] = .integer(endLine)
      if let endColumn = location.endColumn, endLine > location.line || endColumn > location.column {
        region["endColumn"] = .integer(max(1, endColumn))
      }
    }
    return .members(["artifactLocation": .object(artifact), "region": .object(region)])
  }

  /// Percent-encodes a path for a URI reference: keeps unreserved characters and `/`, encodes the
  /// UTF-8 bytes of everything else.
  static func percentEncoded(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return out
  }
}
