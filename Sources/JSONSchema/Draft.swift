/// A JSON Schema draft (dialect) with its own keyword semantics.
///
/// A schema document's `$schema` chooses its draft; a schema without `$schema` uses
/// `ValidationOptions.defaultDraft` (2020-12 unless changed). What differs between drafts:
/// - draft 4: `id` (not `$id`); `exclusiveMaximum`/`exclusiveMinimum` are booleans that modify
///   `maximum`/`minimum`; no `const`, `contains`, `propertyNames`, `if`/`then`/`else`;
/// - drafts 4 to 7: `$ref` replaces its sibling keywords (they are ignored, `$id` included); an
///   `$id` of the form `#name` is a plain-name anchor; `items` as an array with `additionalItems`;
///   `dependencies`; `if`/`then`/`else` from draft 7;
/// - 2019-09: `$anchor`, `$recursiveRef`/`$recursiveAnchor`, `$ref` beside other keywords,
///   `unevaluated*`, `dependentRequired`/`dependentSchemas`, `minContains`/`maxContains`, array
///   `items` with `additionalItems`;
/// - 2020-12: `prefixItems` + `items`, `$dynamicRef`/`$dynamicAnchor`.
public enum Draft: String, Sendable, CaseIterable, Comparable {
  case draft4 = "4"
  case draft6 = "6"
  case draft7 = "7"
  case draft2019_09 = "2019-09"
  case draft2020_12 = "2020-12"

  /// The canonical meta-schema URI (`$schema` value) of the draft.
  public var metaSchemaURI: String {
    switch self {
    case .draft4: return "http://json-schema.org/draft-04/schema#"
    case .draft6: return "http://json-schema.org/draft-06/schema#"
    case .draft7: return "http://json-schema.org/draft-07/schema#"
    case .draft2019_09: return "https://json-schema.org/draft/2019-09/schema"
    case .draft2020_12: return "https://json-schema.org/draft/2020-12/schema"
    }
  }

  /// The meta-schema URI without fragment, as the built-in registry keys it.
  var metaSchemaDocument: String { URIReference(metaSchemaURI).withoutFragment.description }

  /// The draft whose meta-schema is at `uri` (`http`/`https` and a trailing empty fragment are
  /// accepted), or `nil` for any other URI.
  public init?(metaSchema uri: String) {
    var text = uri
    if text.hasSuffix("#") { text.removeLast() }
    if text.hasPrefix("https://") { text = "http://" + text.dropFirst("https://".count) }
    switch text {
    case "http://json-schema.org/draft-04/schema": self = .draft4
    case "http://json-schema.org/draft-06/schema": self = .draft6
    case "http://json-schema.org/draft-07/schema": self = .draft7
    case "http://json-schema.org/draft/2019-09/schema": self = .draft2019_09
    case "http://json-schema.org/draft/2020-12/schema": self = .draft2020_12
    default: return nil
    }
  }

  /// A draft by name: `4`, `draft4`, `draft-04`, `6`, `7`, `2019-09`, `draft2019-09`, `2020-12`…
  public init?(name: String) {
    var text = name.lowercased()
    if text.hasPrefix("draft") { text.removeFirst("draft".count) }
    if text.hasPrefix("-") { text.removeFirst() }
    if text.hasPrefix("0") && text.count == 2 { text.removeFirst() }
    switch text {
    case "4": self = .draft4
    case "6": self = .draft6
    case "7": self = .draft7
    case "2019-09", "201909": self = .draft2019_09
    case "2020-12", "202012": self = .draft2020_12
    default: return nil
    }
  }

  /// The identifier keyword: `id` in draft 4, `$id` after.
  var idKeyword: String { self == .draft4 ? "id" : "$id" }

  /// True when `$ref` replaces its sibling keywords (drafts 4 to 7).
  var refOverridesSiblings: Bool { self <= .draft7 }

  /// Human name (`draft 7`, `2019-09`).
  public var displayName: String {
    self <= .draft7 ? "draft \(rawValue)" : rawValue
  }

  public static func < (a: Draft, b: Draft) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
