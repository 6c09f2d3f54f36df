import Foundation
import JSONSchema

/// Where the server reads its messages: a blocking byte stream (standard input).
public protocol MessageInput: Sendable {
  /// The next bytes, blocking until some arrive; empty at the end of the stream.
  func read() -> [UInt8]
}

/// Where the server writes its messages (standard output).
public protocol MessageOutput: Sendable {
  func write(_ bytes: [UInt8])
}

/// Frames and writes outgoing messages, one at a time.
public final class MessageWriter: Sendable {
  private let output: any MessageOutput
  private let lock = NSLock()

  public init(_ output: any MessageOutput) { self.output = output }

  /// Writes one message with its `Content-Length` header.
  public func send(_ message: JSONValue) {
    let frame = FrameEncoder.frame(Array(JSONWriter.text(of: message).utf8))
    lock.lock()
    defer { lock.unlock() }
    output.write(frame)
  }
}

/// Requests the client cancelled before the server got to them. The reader records a
/// `$/cancelRequest` as soon as it reads it, so a request still waiting in the queue is answered
/// with `RequestCancelled` instead of being worked on.
final class CancellationRegistry: @unchecked Sendable {
  private let lock = NSLock()
  private var ids = Set<RequestID>()

  func cancel(_ id: RequestID) {
    lock.lock()
    defer { lock.unlock() }
    if ids.count > 10_000 { ids.removeAll() }  // cancels of requests answered long ago
    ids.insert(id)
  }

  /// Whether `id` was cancelled (and forgets it).
  func take(_ id: RequestID) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return ids.remove(id) != nil
  }
}

extension LanguageServer {
  /// What the reader hands to the server.
  enum InboundEvent: Sendable {
    case message(IncomingMessage)
    case invalid(InvalidMessage)
    case fatal(String)
  }

  /// Runs a session: reads framed messages from `input` (on a thread of its own), handles them in
  /// order, writes responses and notifications to `output`. Returns the process exit status: 0 after
  /// `shutdown` and `exit`, 1 after `exit` without `shutdown`, at the end of the input without
  /// `exit`, or after a framing error the stream cannot recover from.
  public static func serve(
    input: any MessageInput, output: any MessageOutput, files: any WorkspaceFileSystem,
    options: ServerOptions = ServerOptions()
  ) async -> Int32 {
    let writer = MessageWriter(output)
    let cancellations = CancellationRegistry()
    let (events, continuation) = AsyncStream<InboundEvent>.makeStream()
    let maximum = options.maximumMessageLength
    let reader = Thread {
      var decoder = FrameDecoder(maximumContentLength: maximum)
      while true {
        let bytes = input.read()
        if bytes.isEmpty {
          if decoder.hasPartialMessage { continuation.yield(.fatal("the input ended inside a message")) }
          continuation.finish()
          return
        }
        decoder.append(bytes)
        while let event = decoder.next() {
          switch event {
          case .message(let content):
            switch IncomingMessage.parse(content) {
            case .success(let message):
              if case .notification("$/cancelRequest", let params) = message,
                let id = params?["id"].flatMap(RequestID.init)
              {
                cancellations.cancel(id)
              }
              continuation.yield(.message(message))
            case .failure(let invalid):
              continuation.yield(.invalid(invalid))
            }
          case .skipped(let error):
            continuation.yield(.invalid(InvalidMessage(id: nil, error: .invalidRequest(error.message))))
          case .fatal(let error):
            continuation.yield(.fatal(error.message))
            continuation.finish()
            return
          }
        }
      }
    }
    reader.stackSize = 1 << 20
    reader.start()
    let server = LanguageServer(
      files: files, options: options, send: { writer.send($0) }, cancellations: cancellations)
    for await event in events {
      switch event {
      case .message(let message):
        await server.handle(message)
        if let status = await server.exitStatus { return status }
      case .invalid(let invalid):
        writer.send(OutgoingMessage.error(id: invalid.id, invalid.error))
      case .fatal(let reason):
        writer.send(OutgoingMessage.error(id: nil, .parseError("\(reason); closing the connection")))
        return 1
      }
    }
    return 1
  }
}

/// Standard input, read as it arrives.
public struct StandardInput: MessageInput {
  public init() {}
  public func read() -> [UInt8] { [UInt8](FileHandle.standardInput.availableData) }
}

/// Standard output, written unbuffered.
public struct StandardOutput: MessageOutput {
  public init() {}
  public func write(_ bytes: [UInt8]) { try? FileHandle.standardOutput.write(contentsOf: Data(bytes)) }
}
