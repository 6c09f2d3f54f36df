import DossierCore
import JSONSchema

/// A Language Server Protocol 3.17 server for Dossier annotation sidecars (`Input/*.yaml`).
///
/// It keeps the text of open annotations, validates the corpus with the library call `dossier
/// validate` makes (so the editor shows the same diagnostics for the same text), and answers
/// completion, hover, definition and code-action requests. Messages are handled one at a time, in
/// the order received; validation runs after a short quiet period and changes that arrive meanwhile
/// are coalesced into one more run.
public actor LanguageServer {
  /// An open document.
  struct OpenDocument: Sendable {
    var uri: String
    var path: String
    var version: Int
    var text: String
  }

  let files: any WorkspaceFileSystem
  var options: ServerOptions
  let send: @Sendable (JSONValue) -> Void
  let cancellations: CancellationRegistry

  var initialized = false
  var shutdownRequested = false
  /// Set by `exit`: the process exit status.
  public private(set) var exitStatus: Int32?

  var workspace: Workspace?
  var setupProblem: String?
  var documents: [String: OpenDocument] = [:]
  /// Client URI of each path the client named (so diagnostics go back under the same string).
  var uris: [String: String] = [:]
  /// What was last published for each URI (to skip repeats).
  var published: [String: JSONValue] = [:]

  var validationTask: Task<Void, Never>?
  var validationRunning = false
  var validationPending = false
  /// Each document's last validation: a change re-validates only the document that changed.
  let outcomes = OutcomeCache()
  /// The last corpus validation and the texts it saw, by path.
  var lastValidation: CorpusValidation?
  /// Per-document analyses for hover and definition, by document id (cleared on every change).
  var analyses: [String: DocumentAnalysis] = [:]

  init(
    files: any WorkspaceFileSystem, options: ServerOptions, send: @escaping @Sendable (JSONValue) -> Void,
    cancellations: CancellationRegistry
  ) {
    self.files = files
    self.options = options
    self.send = send
    self.cancellations = cancellations
  }

  /// Creates a server that writes every outgoing message through `send` (for tests and embedding).
  public init(
    files: any WorkspaceFileSystem, options: ServerOptions = ServerOptions(),
    send: @escaping @Sendable (JSONValue) -> Void
  ) {
    self.init(files: files, options: options, send: send, cancellations: CancellationRegistry())
  }

  // MARK: Dispatch

  /// Handles one message.
  public func handle(_ message: IncomingMessage) async {
    switch message {
    case .request(let id, let method, let params):
      if cancellations.take(id) {
        send(
          OutgoingMessage.error(
            id: id, ResponseError(ResponseError.requestCancelledCode, "request cancelled")))
        return
      }
      let result: Result<JSONValue, ResponseError>
      if shutdownRequested {
        result = .failure(.invalidRequest("the server is shutting down"))
      } else if !initialized && method != "initialize" {
        result = .failure(
          ResponseError(ResponseError.serverNotInitializedCode, "the server is not initialized"))
      } else {
        result = await request(method, params)
      }
      switch result {
      case .success(let value): send(OutgoingMessage.response(id: id, result: value))
      case .failure(let error): send(OutgoingMessage.error(id: id, error))
      }
    case .notification(let method, let params):
      if method == "exit" {
        exitStatus = shutdownRequested ? 0 : 1
        validationTask?.cancel()
        return
      }
      guard initialized, !shutdownRequested else { return }
      await notification(method, params)
    case .response:
      break
    }
  }

  func request(_ method: String, _ params: JSONValue?) async -> Result<JSONValue, ResponseError> {
    switch method {
    case "initialize":
      guard !initialized else { return .failure(.invalidRequest("initialize was already received")) }
      return .success(initialize(params))
    case "shutdown":
      shutdownRequested = true
      validationTask?.cancel()
      return .success(.null)
    case "textDocument/completion":
      return withDocument(params) { completion(in: $0, at: $1) }
    case "textDocument/hover":
      return withDocument(params) { hover(in: $0, at: $1) }
    case "textDocument/definition":
      return withDocument(params) { definition(in: $0, at: $1) }
    case "textDocument/codeAction":
      return codeActions(params)
    default:
      return .failure(ResponseError(ResponseError.methodNotFoundCode, "unknown method '\(method)'"))
    }
  }

  func notification(_ method: String, _ params: JSONValue?) async {
    switch method {
    case "textDocument/didOpen": didOpen(params)
    case "textDocument/didChange": didChange(params)
    case "textDocument/didSave": didSave(params)
    case "textDocument/didClose": didClose(params)
    case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
    default: break  // initialized, $/cancelRequest (handled by the reader), $/setTrace, …
    }
  }

  /// Runs `body` with the open document and position named by `params`.
  func withDocument(
    _ params: JSONValue?, _ body: (OpenDocument, LSPPosition) -> JSONValue
  ) -> Result<JSONValue, ResponseError> {
    guard let uri = params?["textDocument"]?["uri"]?.stringValue,
      let line = params?["position"]?["line"]?.numberValue?.intValue,
      let character = params?["position"]?["character"]?.numberValue?.intValue, line >= 0, character >= 0
    else { return .failure(.invalidParams("textDocument.uri and position are required")) }
    guard let document = documents[uri] else { return .success(.null) }
    return .success(body(document, LSPPosition(line: line, character: character)))
  }

  // MARK: Lifecycle

  func initialize(_ params: JSONValue?) -> JSONValue {
    initialized = true
    let settings = params?["initializationOptions"].flatMap { $0["dossier"] ?? $0 }
    if let input = settings?["input"]?.stringValue { options.input = input }
    if let schemas = settings?["schemas"]?.stringValue { options.schemas = schemas }
    if let debounce = settings?["debounceMilliseconds"]?.numberValue?.intValue,
      (0...10_000).contains(debounce)
    {
      options.debounceMilliseconds = debounce
    }
    let root =
      params?["workspaceFolders"]?.arrayValue?.first?["uri"]?.stringValue.flatMap(DocumentURI.path(of:))
      ?? params?["rootUri"]?.stringValue.flatMap(DocumentURI.path(of:))
      ?? params?["rootPath"]?.stringValue
      ?? options.defaultRoot
    let layout = Workspace.Layout.repository(
      root: Path.resolve(root, against: options.defaultRoot), input: options.input, schemas: options.schemas,
      files: files)
    do {
      workspace = try Workspace(layout: layout, files: files)
    } catch {
      setupProblem = error.description
      send(
        OutgoingMessage.notification(
          method: "window/showMessage",
          params: .object(
            JSONObject([
              ("type", .integer(1)),
              ("message", .string("dossier: \(error.description); annotations are not checked")),
            ]))))
    }
    let capabilities = JSONObject([
      ("positionEncoding", .string("utf-16")),
      (
        "textDocumentSync",
        .object(
          JSONObject([
            ("openClose", .bool(true)), ("change", .integer(2)),
            ("save", .object(JSONObject([("includeText", .bool(true))]))),
          ]))
      ),
      (
        "completionProvider",
        .object(
          JSONObject([
            ("triggerCharacters", .array([":", " ", "[", ",", "{"].map { .string($0) })),
            ("resolveProvider", .bool(false)),
          ]))
      ),
      ("hoverProvider", .bool(true)),
      ("definitionProvider", .bool(true)),
      (
        "codeActionProvider",
        .object(JSONObject([("codeActionKinds", .array([.string("quickfix")]))]))
      ),
    ])
    return .object(
      JSONObject([
        ("capabilities", .object(capabilities)),
        (
          "serverInfo",
          .object(JSONObject([("name", .string("dossier")), ("version", .string(options.version))]))
        ),
      ]))
  }

  // MARK: Text synchronization

  func didOpen(_ params: JSONValue?) {
    guard let item = params?["textDocument"], let uri = item["uri"]?.stringValue,
      let path = DocumentURI.path(of: uri), let text = item["text"]?.stringValue
    else { return }
    let version = item["version"]?.numberValue?.intValue ?? 0
    uris[path] = uri
    guard path.hasSuffix(".yaml") else { return }  // documents (.txt) count when saved
    documents[uri] = OpenDocument(uri: uri, path: path, version: version, text: text)
    workspace?.open(path: path, text: text)
    changed()
  }

  func didChange(_ params: JSONValue?) {
    guard let uri = params?["textDocument"]?["uri"]?.stringValue, var document = documents[uri],
      let changes = params?["contentChanges"]?.arrayValue
    else { return }
    for change in changes {
      guard let text = change["text"]?.stringValue else { continue }
      if let range = change["range"], let start = Self.position(range["start"]),
        let end = Self.position(range["end"])
      {
        document.text = TextEdit.apply(text, from: start, to: end, in: document.text)
      } else {
        document.text = text
      }
    }
    document.version = params?["textDocument"]?["version"]?.numberValue?.intValue ?? document.version + 1
    documents[uri] = document
    workspace?.open(path: document.path, text: document.text)
    changed()
  }

  func didSave(_ params: JSONValue?) {
    guard let uri = params?["textDocument"]?["uri"]?.stringValue, let path = DocumentURI.path(of: uri) else {
      return
    }
    uris[path] = uri
    if let text = params?["text"]?.stringValue {
      workspace?.setSaved(path: path, text: text)
    } else {
      workspace?.reload(path: path)
    }
    changed()
  }

  func didClose(_ params: JSONValue?) {
    guard let uri = params?["textDocument"]?["uri"]?.stringValue, let document = documents[uri] else {
      return
    }
    documents[uri] = nil
    workspace?.close(path: document.path)
    workspace?.reload(path: document.path)
    changed()
  }

  func didChangeWatchedFiles(_ params: JSONValue?) {
    for change in params?["changes"]?.arrayValue ?? [] {
      guard let uri = change["uri"]?.stringValue, let path = DocumentURI.path(of: uri) else { continue }
      if change["type"]?.numberValue?.intValue == 1 {
        // A created file may join the corpus.
        workspace?.reloadInputFolder()
      } else {
        workspace?.reload(path: path)
      }
    }
    changed()
  }

  static func position(_ value: JSONValue?) -> LSPPosition? {
    guard let line = value?["line"]?.numberValue?.intValue,
      let character = value?["character"]?.numberValue?.intValue
    else { return nil }
    return LSPPosition(line: max(0, line), character: max(0, character))
  }

  // MARK: Validation

  /// Schedules a validation after the quiet period.
  func changed() {
    analyses = [:]
    validationTask?.cancel()
    let delay = options.debounceMilliseconds
    validationTask = Task {
      if delay > 0 {
        try? await Task.sleep(nanoseconds: UInt64(delay) * 1_000_000)
        if Task.isCancelled { return }
      }
      await self.validateNow()
    }
  }

  /// Validates the corpus and publishes the diagnostics; a call during a run asks for one more run.
  public func validateNow() async {
    guard let workspace, !shutdownRequested else { return }
    if validationRunning {
      validationPending = true
      return
    }
    validationRunning = true
    defer { validationRunning = false }
    var current = workspace
    repeat {
      validationPending = false
      let versions = documents.mapValues(\.version)
      let corpus = current.corpus()
      let result = await current.validator.validate(corpus, cache: outcomes)
      lastValidation = result
      publish(result, versions: versions)
      current = self.workspace ?? current
    } while validationPending && !shutdownRequested
  }

  /// Publishes the diagnostics of every file that has some, or had some, or is open.
  func publish(_ result: CorpusValidation, versions: [String: Int]) {
    guard let workspace else { return }
    var byFile: [String: [Diagnostic]] = [:]
    var unlocated: [Diagnostic] = []
    for diagnostic in result.diagnostics {
      if let file = diagnostic.location?.file {
        byFile[workspace.absolutePath(file), default: []].append(diagnostic)
      } else {
        unlocated.append(diagnostic)
      }
    }
    for document in documents.values {
      byFile[document.path, default: []] += unlocated
    }
    var paths = Set(byFile.keys)
    paths.formUnion(documents.values.map(\.path))
    for (uri, value) in published where value.arrayValue?.isEmpty == false {
      if let path = DocumentURI.path(of: uri) { paths.insert(path) }
    }
    let converter = DiagnosticConverter(
      workspace: workspace, sources: result.sources, uris: uris,
      overlays: documents.values.map { (workspace.displayPath($0.path), $0.text) })
    for path in paths.sorted() {
      let uri = uris[path] ?? DocumentURI.uri(ofPath: path)
      let diagnostics = (byFile[path] ?? []).map { converter.convert($0) }
      let list = JSONValue.array(diagnostics)
      let open = documents[uri]
      if published[uri] == list && open == nil { continue }
      published[uri] = list
      var params = JSONObject([("uri", .string(uri)), ("diagnostics", list)])
      if open != nil, let version = versions[uri] { params["version"] = .integer(version) }
      send(OutgoingMessage.notification(method: "textDocument/publishDiagnostics", params: .object(params)))
    }
  }
}
