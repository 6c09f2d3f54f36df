import JSONSchema

/// Loads YAML from libyaml's event stream into a node tree and into JSON with source locations.
///
/// Values follow the YAML 1.2 core schema (see `YAMLScalarResolver`); every problem found in a run is
/// reported as a located `Diagnostic` (codes `Y001`…`Y014`); only a syntax error stops the run early.
/// See `docs/yaml.md` for what is accepted and rejected.
public struct YAMLLoader: Sendable {
  /// Limits that keep hostile input cheap.
  public struct Options: Sendable, Hashable {
    /// Deepest nesting of collections, aliases expanded (default 128).
    public var maxDepth: Int
    /// Most nodes the aliases of one document may expand to (default 1 000 000).
    public var aliasExpansionBudget: Int
    /// Accept merge keys (`<<: *base`, `<<: [*a, *b]`): the merged mappings' members are added
    /// where the mapping does not set them itself, each keeping its own source location. Off for
    /// annotation sidecars (an error there); on for `dossier check`.
    public var allowsMergeKeys = false
    /// Turn integer, float, boolean and null keys into strings, as written (`200:` → `"200"`).
    /// Off for annotation sidecars (an error there); on for `dossier check`.
    public var stringifiesScalarKeys = false

    /// - Parameters:
    ///   - maxDepth: clamped to 1…10 000.
    ///   - aliasExpansionBudget: clamped to 0…1 000 000 000.
    public init(maxDepth: Int = 128, aliasExpansionBudget: Int = 1_000_000) {
      self.maxDepth = min(max(maxDepth, 1), 10_000)
      self.aliasExpansionBudget = min(max(aliasExpansionBudget, 0), 1_000_000_000)
    }

    /// What configuration files (docker compose, GitLab CI, OpenAPI) need: merge keys and scalar
    /// keys converted to strings, with the default limits. Used by `dossier check`.
    public static var configuration: Options {
      var options = Options()
      options.allowsMergeKeys = true
      options.stringifiesScalarKeys = true
      return options
    }
  }

  /// The limits this loader applies.
  public var options: Options

  /// At most this many problems are reported per stage and file; a hostile file with a million errors
  /// still loads in linear time and gives a readable report.
  public static var maxDiagnostics: Int { DiagnosticCap.defaultLimit }

  /// A loader with the given limits (the defaults suit annotation files).
  public init(options: Options = Options()) { self.options = options }

  /// Composes every document of a stream.
  public func compose(_ bytes: [UInt8], file: String) -> YAMLStream {
    if let problem = InputLimits.current.sizeProblem(bytes, file: file) {
      return YAMLStream(documents: [], diagnostics: [problem])
    }
    if let encoding = YAMLLoader.wideEncoding(bytes) {
      return YAMLStream(
        documents: [],
        diagnostics: [
          .error(
            .yamlEncoding, "the file is encoded as \(encoding); YAML files here must be UTF-8",
            at: SourceLocation(file: file, line: 1, column: 1),
            help: "save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)")
        ])
    }
    var composer = YAMLComposer(file: file, options: options)
    bytes.withUnsafeBufferPointer { composer.compose($0) }
    var diagnostics = composer.diagnostics
    if composer.omitted > 0 {
      diagnostics.append(
        DiagnosticCap.omitted(
          composer.omitted, limit: YAMLLoader.maxDiagnostics, file: file,
          after: diagnostics.compactMap(\.location).max()))
    }
    return YAMLStream(documents: composer.documents, diagnostics: diagnostics)
  }

  /// Composes a stream given as text.
  public func compose(_ text: String, file: String) -> YAMLStream { compose(Array(text.utf8), file: file) }

  /// Converts one composed document to JSON; returns the value (with placeholders `null` where a
  /// problem was found) and the problems.
  public func convert(_ document: YAMLDocument) -> (value: LocatedJSON, diagnostics: [Diagnostic]) {
    var converter = YAMLJSONConverter(document: document, options: options)
    let value = converter.convert()
    var diagnostics = converter.diagnostics
    if converter.omitted > 0 {
      diagnostics.append(
        DiagnosticCap.omitted(
          converter.omitted, limit: YAMLLoader.maxDiagnostics, file: document.storage.file,
          after: diagnostics.compactMap(\.location).max()))
    }
    return (LocatedJSON(value: value, sourceMap: JSONSourceMap(document: document)), diagnostics)
  }

  /// Loads a single-document file as JSON. An empty stream (no document) loads as `null`.
  ///
  /// - Throws: `DiagnosticError` with every problem found, sorted by location.
  public func load(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> LocatedJSON {
    let stream = compose(bytes, file: file)
    var diagnostics = stream.diagnostics
    if stream.documents.count > 1 {
      let first = stream.documents[0]
      for extra in stream.documents.dropFirst() {
        diagnostics.append(
          .error(
            .yamlMultipleDocuments,
            "a second YAML document starts here; an annotation file holds one document",
            at: extra.start, notes: [Diagnostic.Note("the first document starts here", at: first.start)],
            help: "remove the document marker (--- or ...) or split the file"))
      }
    }
    var result = LocatedJSON(value: .null, sourceMap: .empty)
    for (n, document) in stream.documents.enumerated() {
      let (value, problems) = convert(document)
      diagnostics += problems
      if n == 0 { result = value }
    }
    if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(diagnostics.sorted()) }
    return result
  }

  /// Loads a single-document text as JSON.
  public func load(_ text: String, file: String) throws(DiagnosticError) -> LocatedJSON {
    try load(Array(text.utf8), file: file)
  }

  /// Loads every document of a stream as JSON.
  ///
  /// - Throws: `DiagnosticError` with every problem found, sorted by location.
  public func loadAll(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> [LocatedJSON] {
    let stream = compose(bytes, file: file)
    var diagnostics = stream.diagnostics
    var values: [LocatedJSON] = []
    for document in stream.documents {
      let (value, problems) = convert(document)
      diagnostics += problems
      values.append(value)
    }
    if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(diagnostics.sorted()) }
    return values
  }

  /// The name of a UTF-16 or UTF-32 encoding the bytes are in (by byte order mark, or by the zero bytes
  /// of ASCII text in the first characters), or `nil`.
  static func wideEncoding(_ bytes: [UInt8]) -> String? {
    let head = Array(bytes.prefix(4))
    if head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 (big-endian)" }
    if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 (little-endian)" }
    if head.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
    if head.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
    guard head.count == 4 else { return nil }
    if head[0] == 0, head[1] == 0, head[2] == 0, head[3] != 0 { return "UTF-32 (big-endian)" }
    if head[0] != 0, head[1] == 0, head[2] == 0, head[3] == 0 { return "UTF-32 (little-endian)" }
    if head[0] == 0, head[1] != 0, head[2] == 0, head[3] != 0 { return "UTF-16 (big-endian)" }
    if head[0] != 0, head[1] == 0, head[2] != 0, head[3] == 0 { return "UTF-16 (little-endian)" }
    return nil
  }
}
