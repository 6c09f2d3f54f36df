import Foundation

/// Where schemas referenced by URI come from: no network, only documents given here,
/// local folders mapped to URI prefixes, and the built-in 2020-12 meta-schemas.
///
/// A `$ref` to a URI that is neither registered nor under a mapped prefix is an error
/// ("unresolvable reference"). A schema loaded from a `file:` URL may refer to sibling files
/// with relative references; those files are read on demand when `allowsFileReferences` is on.
public struct SchemaRegistry: Sendable {
  var documents: [String: JSONValue] = [:]
  var prefixes: [(prefix: String, directory: URL)] = []
  /// Read `file:` URLs referenced by schemas from disk (default on).
  public var allowsFileReferences = true

  /// An empty registry (the meta-schemas are always available).
  public init() {}

  /// Registers a schema document under an absolute URI (its retrieval URI).
  public mutating func add(_ document: JSONValue, uri: String) {
    documents[URIReference(uri).withoutFragment.description] = document
  }

  /// Reads a JSON schema file and registers it under `uri` (default: the file URL).
  public mutating func addFile(at url: URL, uri: String? = nil) throws(SchemaError) {
    let document = try SchemaRegistry.readFile(url)
    add(document, uri: uri ?? url.absoluteURL.absoluteString)
  }

  /// Registers every `*.json` file below a folder, under its file URL and, when it has one,
  /// under its `$id` (so `$ref`s by `$id` resolve to the local copy). Files that are not valid
  /// JSON are reported.
  public mutating func addDirectory(_ directory: URL) throws(SchemaError) {
    let keys: [URLResourceKey] = [.isRegularFileKey]
    guard
      let enumerator = FileManager.default.enumerator(
        at: directory, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
    else {
      throw SchemaError(message: "cannot read schema folder", file: directory)
    }
    var files: [URL] = []
    for case let url as URL in enumerator where url.pathExtension == "json" { files.append(url) }
    for url in files.sorted(by: { $0.path < $1.path }) {
      let document = try SchemaRegistry.readFile(url)
      add(document, uri: url.absoluteURL.absoluteString)
      if case .string(let id) = document["$id"] ?? .null, URIReference(id).isAbsolute {
        add(document, uri: id)
      }
    }
  }

  /// Maps every URI starting with `prefix` to the file at the rest of the URI inside `directory`
  /// (for example `http://localhost:1234/` → a local `remotes/` folder).
  public mutating func mapPrefix(_ prefix: String, to directory: URL) {
    prefixes.append((prefix, directory))
  }

  /// Reads a JSON file strictly; errors name the file, line and column.
  static func readFile(_ url: URL) throws(SchemaError) -> JSONValue {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw SchemaError(message: "cannot read schema file: \(error.localizedDescription)", file: url)
    }
    do {
      return try JSONReader().read(data)
    } catch {
      throw SchemaError(
        message: "invalid JSON in schema: \(error.message)", file: url, position: error.position)
    }
  }

  /// Finds the document for an absolute URI without fragment; `nil` when unknown.
  func lookup(_ uri: String) throws(SchemaError) -> (JSONValue, URL?)? {
    if let document = documents[uri] { return (document, nil) }
    if let builtIn = MetaSchemas.documents[uri] { return (builtIn, nil) }
    for (prefix, directory) in prefixes where uri.hasPrefix(prefix) {
      let rest = String(uri.dropFirst(prefix.count))
      let url = directory.appendingPathComponent(rest)
      guard FileManager.default.fileExists(atPath: url.path) else { continue }
      return (try SchemaRegistry.readFile(url), url)
    }
    if allowsFileReferences, uri.hasPrefix("file:"), let url = URL(string: uri), url.isFileURL,
      FileManager.default.fileExists(atPath: url.path)
    {
      return (try SchemaRegistry.readFile(url), url)
    }
    return nil
  }
}
