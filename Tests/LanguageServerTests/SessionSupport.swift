import DossierTestSupport
import Foundation
import JSONSchema

@testable import LanguageServer

/// Collects what the server sends.
final class Outbox: @unchecked Sendable {
  private let lock = NSLock()
  private var messages: [JSONValue] = []

  func append(_ message: JSONValue) {
    lock.lock()
    messages.append(message)
    lock.unlock()
  }

  var all: [JSONValue] {
    lock.lock()
    defer { lock.unlock() }
    return messages
  }
}

/// A workspace in memory: the repository's schemas and docs/diagnostics.md under `/ws`, and the
/// given input files (default: the repository's seeds) under `/ws/Input`.
func memoryWorkspace(input: [String: [UInt8]]? = nil) throws -> InMemoryFileSystem {
  var files: [String: [UInt8]] = [:]
  let root = RepositoryPaths.root.path
  let enumerator = FileManager.default.enumerator(atPath: RepositoryPaths.schemas.path)
  while let relative = enumerator?.nextObject() as? String {
    let path = RepositoryPaths.schemas.appendingPathComponent(relative).path
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
      files["/ws/Schemas/" + relative] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
  }
  files["/ws/docs/diagnostics.md"] = [UInt8](
    try Data(contentsOf: URL(fileURLWithPath: root + "/docs/diagnostics.md")))
  if let input {
    for (name, bytes) in input { files["/ws/Input/" + name] = bytes }
  } else {
    for name in try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.input.path) {
      files["/ws/Input/" + name] = [UInt8](
        try Data(contentsOf: RepositoryPaths.input.appendingPathComponent(name)))
    }
  }
  return InMemoryFileSystem(files: files)
}

/// Drives a server in memory.
struct Session {
  let server: LanguageServer
  let outbox = Outbox()
  var nextID = 1

  init(files: InMemoryFileSystem, debounce: Int = 0) {
    let outbox = self.outbox
    server = LanguageServer(
      files: files, options: ServerOptions(debounceMilliseconds: debounce, defaultRoot: "/ws"),
      send: { outbox.append($0) })
  }

  static func object(_ pairs: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(pairs)) }

  mutating func request(_ method: String, _ params: JSONValue? = nil) async -> JSONValue {
    let id = nextID
    nextID += 1
    await server.handle(.request(id: .number(id), method: method, params: params))
    return outbox.all.last { $0["id"] == .integer(id) } ?? .null
  }

  func notify(_ method: String, _ params: JSONValue? = nil) async {
    await server.handle(.notification(method: method, params: params))
  }

  mutating func initialize() async -> JSONValue {
    await request(
      "initialize", Self.object([("rootUri", .string("file:///ws")), ("capabilities", Self.object([]))]))
  }

  func open(_ uri: String, _ text: String, version: Int = 1) async {
    await notify(
      "textDocument/didOpen",
      Self.object([
        (
          "textDocument",
          Self.object([
            ("uri", .string(uri)), ("languageId", .string("yaml")), ("version", .integer(version)),
            ("text", .string(text)),
          ])
        )
      ]))
  }

  func change(_ uri: String, _ text: String, version: Int) async {
    await notify(
      "textDocument/didChange",
      Self.object([
        ("textDocument", Self.object([("uri", .string(uri)), ("version", .integer(version))])),
        ("contentChanges", .array([Self.object([("text", .string(text))])])),
      ]))
  }

  /// The diagnostics published for `uri` at `version`, waiting for them (up to 30 s).
  func diagnostics(_ uri: String, version: Int) async -> [JSONValue]? {
    for _ in 0..<6000 {
      if let found = outbox.all.last(where: {
        $0["method"] == .string("textDocument/publishDiagnostics") && $0["params"]?["uri"] == .string(uri)
          && $0["params"]?["version"] == .integer(version)
      }) {
        return found["params"]?["diagnostics"]?.arrayValue
      }
      try? await Task.sleep(nanoseconds: 5_000_000)
    }
    return nil
  }

  static func position(_ line: Int, _ character: Int) -> JSONValue {
    object([("line", .integer(line)), ("character", .integer(character))])
  }

  static func at(_ uri: String, _ line: Int, _ character: Int) -> JSONValue {
    object([("textDocument", object([("uri", .string(uri))])), ("position", position(line, character))])
  }
}

/// The seed annotation's text, and its line (0-based) holding `needle`, with the UTF-16 offset.
func find(_ needle: String, in text: String) -> (line: Int, character: Int)? {
  for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    if let range = line.range(of: needle) {
      return (index, line[..<range.lowerBound].utf16.count)
    }
  }
  return nil
}
