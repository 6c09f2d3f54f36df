import DossierTestSupport
import Foundation
import JSONSchema

/// Drives `dossier lsp` over its standard input and output, as an editor does.
final class LSPClient: @unchecked Sendable {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let lock = NSCondition()
  private var buffer: [UInt8] = []
  private var ended = false
  private var nextID = 1
  /// Every message received, in order.
  private(set) var received: [JSONValue] = []

  /// Starts the server in `directory` (the workspace root).
  init(directory: URL, arguments: [String] = []) throws {
    process.executableURL = CommandRunner.dossierBinary
    process.arguments = ["lsp"] + arguments
    process.currentDirectoryURL = directory
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let handle = output.fileHandleForReading
    Thread.detachNewThread { [self] in
      while true {
        let data = handle.availableData
        lock.lock()
        if data.isEmpty { ended = true } else { buffer += data }
        lock.broadcast()
        lock.unlock()
        if data.isEmpty { return }
      }
    }
  }

  /// Writes raw bytes to the server.
  func write(_ bytes: [UInt8]) { try? input.fileHandleForWriting.write(contentsOf: Data(bytes)) }

  /// Closes the server's input (end of stream).
  func closeInput() { try? input.fileHandleForWriting.close() }

  /// Sends a message with its header.
  func send(_ message: JSONValue) {
    let content = Array(JSONWriter.text(of: message).utf8)
    write(Array("Content-Length: \(content.count)\r\n\r\n".utf8) + content)
  }

  static func object(_ pairs: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(pairs)) }

  /// Sends a request and waits for its response.
  func request(_ method: String, _ params: JSONValue) -> JSONValue? {
    let id = nextID
    nextID += 1
    send(
      Self.object([
        ("jsonrpc", .string("2.0")), ("id", .integer(id)), ("method", .string(method)), ("params", params),
      ]))
    return wait { $0["id"] == .integer(id) }
  }

  func notify(_ method: String, _ params: JSONValue) {
    send(Self.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
  }

  /// The diagnostics published for `uri` at `version`.
  func diagnostics(_ uri: String, version: Int) -> [JSONValue]? {
    wait {
      $0["method"] == .string("textDocument/publishDiagnostics") && $0["params"]?["uri"] == .string(uri)
        && $0["params"]?["version"] == .integer(version)
    }?["params"]?["diagnostics"]?.arrayValue
  }

  /// The first message received (now or within `timeout` seconds) that satisfies `predicate`.
  func wait(timeout: TimeInterval = 60, _ predicate: (JSONValue) -> Bool) -> JSONValue? {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let found = received.first(where: predicate) { return found }
      lock.lock()
      while let message = takeMessage() { received.append(message) }
      if let found = received.first(where: predicate) {
        lock.unlock()
        return found
      }
      if ended || Date() > deadline {
        lock.unlock()
        return nil
      }
      _ = lock.wait(until: min(deadline, Date().addingTimeInterval(0.05)))
      lock.unlock()
    }
  }

  /// One framed message from the buffer (call with the lock held).
  private func takeMessage() -> JSONValue? {
    let separator: [UInt8] = [13, 10, 13, 10]
    guard let headerEnd = buffer.indices.first(where: { buffer[$0...].starts(with: separator) }) else {
      return nil
    }
    let header = String(decoding: buffer[..<headerEnd], as: UTF8.self)
    guard
      let lengthLine = header.split(separator: "\r\n").first(where: {
        $0.lowercased().hasPrefix("content-length:")
      }),
      let length = Int(lengthLine.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
    else { return nil }
    let start = headerEnd + 4
    guard buffer.count - start >= length else { return nil }
    let content = Array(buffer[start..<(start + length)])
    buffer.removeFirst(start + length)
    return try? JSONReader().read(content)
  }

  /// Waits for the process to end (up to `timeout` seconds) and returns its status, or `nil`.
  func waitForExit(timeout: TimeInterval = 30) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    if process.isRunning {
      process.terminate()
      return nil
    }
    return process.terminationStatus
  }

  /// The process's termination reason is an uncaught signal (a crash or trap).
  var crashed: Bool { !process.isRunning && process.terminationReason == .uncaughtSignal }
}

/// A workspace copy in a temporary folder: `Input/`, `Schemas/` and `docs/diagnostics.md`.
func temporaryWorkspace(_ label: String) throws -> URL {
  try RepositoryPaths.temporaryCopy(of: ["Input", "Schemas", "docs/diagnostics.md"], label: "lsp-\(label)")
}

/// The 0-based line and UTF-16 offset of the first occurrence of `needle` in `text`.
func lspPosition(of needle: String, in text: String) -> (line: Int, character: Int)? {
  for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    if let range = line.range(of: needle) { return (index, line[..<range.lowerBound].utf16.count) }
  }
  return nil
}

/// A 1-based line and scalar column converted to the protocol's 0-based line and UTF-16 offset, by
/// counting in the line's text (independently of the server's conversion).
func utf16Position(line: Int, column: Int, in text: String) -> (line: Int, character: Int) {
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  guard line >= 1, line <= lines.count else { return (0, 0) }
  let scalars = lines[line - 1].unicodeScalars.prefix(max(0, column - 1))
  return (line - 1, scalars.reduce(0) { $0 + $1.utf16.count })
}
