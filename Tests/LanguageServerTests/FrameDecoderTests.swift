import DossierTestSupport
import Foundation
import JSONSchema
import Testing

@testable import LanguageServer

@Suite struct FrameDecoderTests {
  func frame(_ json: String) -> [UInt8] { FrameEncoder.frame(Array(json.utf8)) }

  func drain(_ decoder: inout FrameDecoder) -> [FrameDecoder.Event] {
    var events: [FrameDecoder.Event] = []
    while let event = decoder.next() { events.append(event) }
    return events
  }

  @Test func splitsConsecutiveMessagesFedByteByByte() {
    let bytes = frame(#"{"a":1}"#) + frame(#"{"b":"中文😀"}"#)
    var decoder = FrameDecoder()
    var events: [FrameDecoder.Event] = []
    for byte in bytes {
      decoder.append([byte])
      events += drain(&decoder)
    }
    #expect(events == [.message(Array(#"{"a":1}"#.utf8)), .message(Array(#"{"b":"中文😀"}"#.utf8))])
    #expect(!decoder.hasPartialMessage)
  }

  @Test func acceptsOtherHeadersAnyCaseAndBareLineFeeds() {
    var decoder = FrameDecoder()
    decoder.append(
      Array("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8))
    decoder.append(Array("Content-Length: 2\n\n[]".utf8))
    #expect(drain(&decoder) == [.message(Array("{}".utf8)), .message(Array("[]".utf8))])
  }

  @Test func truncatedHeaderOrBodyWaitsAndReportsAPartialMessage() {
    var decoder = FrameDecoder()
    decoder.append(Array("Content-Len".utf8))
    #expect(drain(&decoder).isEmpty)
    #expect(decoder.hasPartialMessage)
    var body = FrameDecoder()
    body.append(Array("Content-Length: 10\r\n\r\n{\"a\"".utf8))
    #expect(drain(&body).isEmpty)
    #expect(body.hasPartialMessage)
  }

  @Test(arguments: [
    "Content-Length: abc\r\n\r\n{}", "Content-Length: -5\r\n\r\n{}",
    "Content-Length: 99999999999999999999\r\n\r\n",
    "X-Other: 1\r\n\r\n{}", "Content-Length 2\r\n\r\n{}", "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
    "Content-Length: 2\r\nContent-Type: application/json; charset=latin1\r\n\r\n{}",
  ])
  func malformedHeadersAreFatal(_ input: String) {
    var decoder = FrameDecoder()
    decoder.append(Array(input.utf8))
    let events = drain(&decoder)
    #expect(events.count == 1)
    guard case .fatal = events.first else {
      Issue.record("expected a fatal error, got \(events)")
      return
    }
    // Nothing more comes out of a failed stream.
    decoder.append(frame("{}"))
    #expect(drain(&decoder).isEmpty)
  }

  @Test func endlessHeaderIsFatalWithoutUnboundedBuffering() {
    var decoder = FrameDecoder(maximumHeaderLength: 100)
    decoder.append([UInt8](repeating: UInt8(ascii: "x"), count: 1000))
    guard case .fatal = decoder.next() else {
      Issue.record("expected fatal")
      return
    }
  }

  @Test func hugeMessageIsSkippedAndTheStreamGoesOn() {
    var decoder = FrameDecoder(maximumContentLength: 1000)
    decoder.append(Array("Content-Length: 5000\r\n\r\n".utf8))
    // Arrives in pieces; none of it is kept.
    for _ in 0..<5 { decoder.append([UInt8](repeating: 0x41, count: 1000)) }
    decoder.append(frame(#"{"ok":true}"#))
    let events = drain(&decoder)
    #expect(events.count == 2)
    guard case .skipped = events.first else {
      Issue.record("expected skipped, got \(events)")
      return
    }
    #expect(events.last == .message(Array(#"{"ok":true}"#.utf8)))
  }

  @Test func invalidUTF8AndInvalidJSONBodiesGiveParseErrors() {
    for body: [UInt8] in [
      [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], Array("{\"a\":".utf8), [0xC3], Array("nul".utf8),
    ] {
      guard case .failure(let invalid) = IncomingMessage.parse(body) else {
        Issue.record("expected a failure for \(body)")
        continue
      }
      #expect(invalid.error.code == ResponseError.parseErrorCode)
    }
  }

  @Test func invalidRequestsKeepTheirIDWhenReadable() {
    let cases: [(String, RequestID?, Int)] = [
      (#"{"jsonrpc":"1.0","id":3,"method":"x"}"#, .number(3), ResponseError.invalidRequestCode),
      (#"{"jsonrpc":"2.0","id":"a","method":7}"#, .string("a"), ResponseError.invalidRequestCode),
      (#"{"jsonrpc":"2.0","id":{"x":1},"method":"m"}"#, nil, ResponseError.invalidRequestCode),
      (#"[{"jsonrpc":"2.0","id":1,"method":"m"}]"#, nil, ResponseError.invalidRequestCode),
      (#"{"jsonrpc":"2.0","id":1,"method":"m","params":3}"#, .number(1), ResponseError.invalidRequestCode),
      ("42", nil, ResponseError.invalidRequestCode),
    ]
    for (text, id, code) in cases {
      guard case .failure(let invalid) = IncomingMessage.parse(Array(text.utf8)) else {
        Issue.record("expected a failure for \(text)")
        continue
      }
      #expect(invalid.id == id, "\(text)")
      #expect(invalid.error.code == code, "\(text)")
    }
  }

  /// Random mutations of a valid session never trap the decoder, and every event is one of the three
  /// kinds; the decoder's buffer stays within the limits.
  @Test func fuzzedStreamsNeverTrap() {
    var random = SplitMix(seed: 16)
    let session =
      frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#)
      + frame(
        #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.yaml","text":"中文😀","version":1}}}"#
      )
      + frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
    for _ in 0..<2000 {
      var bytes = session
      for _ in 0..<(1 + Int(random.next() % 6)) {
        let index = Int(random.next() % UInt64(bytes.count))
        switch random.next() % 5 {
        case 0: bytes[index] = UInt8(truncatingIfNeeded: random.next())
        case 1: bytes.remove(at: index)
        case 2: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: index)
        case 3: bytes = Array(bytes[..<index])
        default: bytes.insert(contentsOf: Array("9999999".utf8), at: index)
        }
        if bytes.isEmpty { break }
      }
      var decoder = FrameDecoder(maximumHeaderLength: 256, maximumContentLength: 4096)
      var offset = 0
      while offset < bytes.count {
        let step = 1 + Int(random.next() % 64)
        decoder.append(bytes[offset..<min(bytes.count, offset + step)])
        offset += step
        while let event = decoder.next() {
          if case .message(let content) = event {
            #expect(content.count <= 4096)
            _ = IncomingMessage.parse(content)
          }
        }
      }
    }
  }

  /// A request cancelled while it waits in the queue is answered with RequestCancelled; the session
  /// goes on and ends with status 0 after shutdown and exit.
  @Test func cancelledRequestsAndExitThroughTheLoop() async throws {
    let files = try memoryWorkspace()
    func message(_ text: String) -> [UInt8] { FrameEncoder.frame(Array(text.utf8)) }
    let input = ChunkedInput(
      chunks: [
        message(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"file:///ws"}}"#)
          + message(
            #"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///ws/Input/x.yaml"},"position":{"line":0,"character":0}}}"#
          )
          + message(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}}"#),
        message(#"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#)
          + message(#"{"jsonrpc":"2.0","method":"exit"}"#),
      ])
    let output = CollectedOutput()
    let status = await LanguageServer.serve(input: input, output: output, files: files)
    #expect(status == 0)
    var decoder = FrameDecoder()
    decoder.append(output.bytes)
    var responses: [JSONValue] = []
    while case .message(let content)? = decoder.next() { responses.append(try JSONReader().read(content)) }
    #expect(
      responses.first { $0["id"] == .integer(2) }?["error"]?["code"]
        == .integer(ResponseError.requestCancelledCode))
    #expect(responses.first { $0["id"] == .integer(3) }?["result"] == .null)
  }
}

/// Input that returns the given chunks, then the end of the stream.
final class ChunkedInput: MessageInput, @unchecked Sendable {
  private let lock = NSLock()
  private var chunks: [[UInt8]]
  init(chunks: [[UInt8]]) { self.chunks = chunks }
  func read() -> [UInt8] {
    lock.lock()
    defer { lock.unlock() }
    return chunks.isEmpty ? [] : chunks.removeFirst()
  }
}

/// Output kept in memory.
final class CollectedOutput: MessageOutput, @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [UInt8] = []
  func write(_ bytes: [UInt8]) {
    lock.lock()
    stored += bytes
    lock.unlock()
  }
  var bytes: [UInt8] {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }
}
