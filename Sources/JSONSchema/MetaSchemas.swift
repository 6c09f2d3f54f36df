/// The JSON Schema meta-schemas of drafts 4, 6, 7, 2019-09 and 2020-12, shipped with the library so
/// schemas can be checked without network access.
///
/// The documents are the files under `MetaSchemas/`, copied verbatim from json-schema.org (by
/// `scripts/update-metaschemas.py`) and embedded at build time by the `EmbedMetaSchemas` plugin as
/// `texts`; each is registered under its own `$id` (`id` in draft 4) without the empty fragment.
enum MetaSchemas {
  /// The dialect URI of draft 2020-12.
  static let draft202012 = "https://json-schema.org/draft/2020-12/schema"

  /// Meta-schema documents by URI, parsed on first use.
  static let documents: [String: JSONValue] = {
    var result: [String: JSONValue] = [:]
    for text in texts {
      // The texts are fixed and valid; a failure here is a build defect caught by the tests.
      guard let value = try? JSONReader().read(text), case .string(let id) = value["$id"] ?? value["id"]
      else { continue }
      result[id.hasSuffix("#") ? String(id.dropLast()) : id] = value
    }
    return result
  }()
}
