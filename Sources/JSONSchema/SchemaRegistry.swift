import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Where schemas referenced by URI come from: documents given here, local folders mapped to URI
/// prefixes, the built-in meta-schemas of every supported draft, and — only when
/// `allowsNetwork` is on — `http(s)` downloads (cached for the registry's lifetime).
///
/// A `$ref` to a URI that is neither registered nor under a mapped prefix is an error
/// ("unresolvable reference"); nothing is fetched from the network unless asked. A schema
/// loaded from a `file:` URL may refer to sibling files with relative references; those files
/// are read on demand when `allowsFileReferences` is on.
public struct SchemaRegistry: Sendable {
  var documents: [String: JSONValue] = [:]
  var prefixes: [(prefix: String, directory: URL)] = []
  /// Read `file:` URLs referenced by schemas from disk (default on).
  public var allowsFileReferences = true
  /// When set, files are read for references (`file:` URIs and mapped prefixes) only inside these
  /// folders, after resolving symbolic links and `..`: a schema from a pull request cannot pull
  /// `/proc/self/environ` or `~/.ssh` into a report. `nil` (the default): any local file.
  public var fileRoots: [URL]?
  /// Fetch `http:`/`https:` references that nothing else resolves (default off).
  public var allowsNetwork: Bool {
    get { remote != nil }
    set { remote = newValue ? (remote ?? RemoteSchemaCache()) : nil }
  }
  var remote: RemoteSchemaCache?

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

  /// Reads a schema file and registers it under its file URL and under its `$id` (`id` in
  /// draft 4) when it has an absolute one, so references by `$id` resolve to the file
  /// (`--ref FILE`). Returns the `$id`, if any.
  @discardableResult
  public mutating func addSchemaFile(at url: URL) throws(SchemaError) -> String? {
    let document = try SchemaRegistry.readFile(url)
    add(document, uri: url.absoluteURL.absoluteString)
    guard let id = SchemaRegistry.declaredID(of: document) else { return nil }
    add(document, uri: id)
    return id
  }

  /// The absolute `$id` (or draft-4 `id`) a schema document declares at its root.
  static func declaredID(of document: JSONValue) -> String? {
    for keyword in ["$id", "id"] {
      if case .string(let id) = document[keyword] ?? .null, URIReference(id).isAbsolute {
        return URIReference(id).withoutFragment.description
      }
    }
    return nil
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
      if let id = SchemaRegistry.declaredID(of: document) { add(document, uri: id) }
    }
  }

  /// Maps every URI starting with `prefix` to the file at the rest of the URI inside `directory`
  /// (for example `http://localhost:1234/` → a local `remotes/` folder).
  public mutating func mapPrefix(_ prefix: String, to directory: URL) {
    prefixes.append((prefix, directory))
  }

  /// The prefixes mapped to folders, in the order they were added.
  public var mappedPrefixes: [(prefix: String, directory: URL)] { prefixes }

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

  /// Throws when `fileRoots` is set and `url` (symbolic links and `..` resolved) is outside them.
  func checkConfined(_ url: URL, uri: String) throws(SchemaError) {
    guard let fileRoots else { return }
    let real = url.standardizedFileURL.resolvingSymlinksInPath().path
    for root in fileRoots {
      var folder = root.standardizedFileURL.resolvingSymlinksInPath().path
      if !folder.hasSuffix("/") { folder += "/" }
      if real.hasPrefix(folder) { return }
    }
    throw SchemaError(
      message: "reference '\(uri)' reads \(real), outside the folders references may read (the schema's "
        + "folder, --ref files, --ref-map folders); pass --allow-any-file to allow it")
  }

  /// Finds the document for an absolute URI without fragment; `nil` when unknown.
  func lookup(_ uri: String) throws(SchemaError) -> (JSONValue, URL?)? {
    if let document = documents[uri] { return (document, nil) }
    if let builtIn = MetaSchemas.documents[uri] { return (builtIn, nil) }
    for (prefix, directory) in prefixes where uri.hasPrefix(prefix) {
      let rest = String(uri.dropFirst(prefix.count))
      let url = directory.appendingPathComponent(rest)
      guard FileManager.default.fileExists(atPath: url.path) else { continue }
      try checkConfined(url, uri: uri)
      return (try SchemaRegistry.readFile(url), url)
    }
    if allowsFileReferences, uri.hasPrefix("file:"), let url = URL(string: uri), url.isFileURL,
      FileManager.default.fileExists(atPath: url.path)
    {
      try checkConfined(url, uri: uri)
      return (try SchemaRegistry.readFile(url), url)
    }
    if let remote, uri.hasPrefix("http://") || uri.hasPrefix("https://") {
      return (try remote.fetch(uri), nil)
    }
    return nil
  }
}

/// Downloads of remote schemas, each fetched once per registry (only with `allowsNetwork`).
final class RemoteSchemaCache: @unchecked Sendable {
  private let lock = NSLock()
  private var cache: [String: Result<JSONValue, SchemaError>] = [:]
  /// How long one download may take.
  static let timeout: TimeInterval = 30

  func fetch(_ uri: String) throws(SchemaError) -> JSONValue {
    lock.lock()
    let cached = cache[uri]
    lock.unlock()
    let result = cached ?? Self.download(uri)
    lock.lock()
    cache[uri] = result
    lock.unlock()
    return try result.get()
  }

  static func download(_ uri: String) -> Result<JSONValue, SchemaError> {
    guard let url = URL(string: uri) else {
      return .failure(SchemaError(message: "cannot fetch \(uri): not a valid URL"))
    }
    var request = URLRequest(url: url, timeoutInterval: timeout)
    request.setValue("application/schema+json, application/json", forHTTPHeaderField: "Accept")
    let box = DownloadBox()
    let done = DispatchSemaphore(value: 0)
    let task = URLSession.shared.dataTask(with: request) { data, response, error in
      box.data = data
      box.status = (response as? HTTPURLResponse)?.statusCode
      box.error = error
      done.signal()
    }
    task.resume()
    done.wait()
    if let error = box.error {
      return .failure(SchemaError(message: "cannot fetch \(uri): \(error.localizedDescription)"))
    }
    if let status = box.status, !(200..<300).contains(status) {
      return .failure(SchemaError(message: "cannot fetch \(uri): HTTP status \(status)"))
    }
    do {
      return .success(try JSONReader().read(box.data ?? Data()))
    } catch {
      return .failure(SchemaError(message: "the schema at \(uri) is not valid JSON: \(error.message)"))
    }
  }

  private final class DownloadBox: @unchecked Sendable {
    var data: Data?
    var status: Int?
    var error: Error?
  }
}
