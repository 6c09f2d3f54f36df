// lsp-bench: how fast `dossier lsp` publishes diagnostics after a change, and whether its memory stays
// flat over many changes. Drives the built binary over stdio exactly as an editor does.
//
//   swift build -c release --product dossier --product lsp-bench
//   .build/release/lsp-bench [--binary .build/release/dossier] [--changes 100] [--memory-changes 1000]
//
// Each change replaces the whole text of the seed sidecar Input/003_9ffac5d15d52c637.yaml, alternating
// between a version with a misspelled country and the original, and waits for the diagnostics of that
// version; the latency is from writing the change to reading its publishDiagnostics. The server runs
// with its default quiet period (15 ms), which is included. Memory is the server's resident set size
// (VmRSS of /proc/PID/status) after each block of changes.
import Foundation
import JSONSchema

struct Options {
  var binary = ".build/release/dossier"
  var changes = 100
  var memoryChanges = 1000
  var root = FileManager.default.currentDirectoryPath

  init(_ arguments: [String]) {
    var iterator = arguments.dropFirst().makeIterator()
    while let argument = iterator.next() {
      switch argument {
      case "--binary": binary = iterator.next() ?? binary
      case "--changes": changes = Int(iterator.next() ?? "") ?? changes
      case "--memory-changes": memoryChanges = Int(iterator.next() ?? "") ?? memoryChanges
      case "--root": root = iterator.next() ?? root
      default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
      }
    }
  }
}

final class Client: @unchecked Sendable {
  let process = Process()
  let input = Pipe()
  let output = Pipe()
  var buffer: [UInt8] = []

  init(binary: String, root: String) throws {
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["lsp"]
    process.currentDirectoryURL = URL(fileURLWithPath: root)
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
  }

  func send(_ message: JSONValue) {
    let content = Array(JSONWriter.text(of: message).utf8)
    input.fileHandleForWriting.write(Data(Array("Content-Length: \(content.count)\r\n\r\n".utf8) + content))
  }

  /// Reads messages until one satisfies `predicate`.
  func read(until predicate: (JSONValue) -> Bool) -> JSONValue {
    while true {
      while let message = take() {
        if predicate(message) { return message }
      }
      let data = output.fileHandleForReading.availableData
      if data.isEmpty {
        FileHandle.standardError.write(Data("the server closed its output\n".utf8))
        exit(1)
      }
      buffer += data
    }
  }

  func take() -> JSONValue? {
    guard
      let end = (0..<max(0, buffer.count - 3)).first(where: {
        buffer[$0..<($0 + 4)].elementsEqual([13, 10, 13, 10])
      })
    else { return nil }
    let header = String(decoding: buffer[..<end], as: UTF8.self)
    guard let length = Int(header.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "")
    else {
      return nil
    }
    guard buffer.count >= end + 4 + length else { return nil }
    let content = Array(buffer[(end + 4)..<(end + 4 + length)])
    buffer.removeFirst(end + 4 + length)
    return try? JSONReader().read(content)
  }

  /// CPU time (user + system) the server has used, in milliseconds.
  var cpuMilliseconds: Double {
    let stat = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)) ?? ""
    // Fields after the command name (which is in parentheses): utime is the 14th field, stime the 15th.
    guard let close = stat.lastIndex(of: ")") else { return 0 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
    return (user + system) * 1000 / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// Resident set size of the server in KiB.
  var residentKiB: Int {
    let status =
      (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
      return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return 0
  }
}

func loadAverage() -> String {
  ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3)
    .joined(separator: " ")
}

func object(_ pairs: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(pairs)) }

let options = Options(CommandLine.arguments)
let seedPath = options.root + "/Input/003_9ffac5d15d52c637.yaml"
guard let original = try? String(contentsOfFile: seedPath, encoding: .utf8) else {
  FileHandle.standardError.write(Data("cannot read \(seedPath); run from the repository root\n".utf8))
  exit(2)
}
let misspelled: String = {
  guard let range = original.range(of: "country: Russia\n") else { return original }
  return original.replacingCharacters(in: range, with: "country: Rusia\n")
}()
let uri = "file://" + seedPath
let client = try Client(binary: options.binary, root: options.root)
client.send(
  object([
    ("jsonrpc", .string("2.0")), ("id", .integer(1)), ("method", .string("initialize")),
    ("params", object([("rootUri", .string("file://" + options.root)), ("capabilities", object([]))])),
  ]))
_ = client.read { $0["id"] == .integer(1) }
client.send(
  object([
    ("jsonrpc", .string("2.0")), ("method", .string("textDocument/didOpen")),
    (
      "params",
      object([
        (
          "textDocument",
          object([
            ("uri", .string(uri)), ("languageId", .string("yaml")), ("version", .integer(1)),
            ("text", .string(original)),
          ])
        )
      ])
    ),
  ]))

func isDiagnostics(_ version: Int) -> (JSONValue) -> Bool {
  {
    $0["method"] == .string("textDocument/publishDiagnostics")
      && $0["params"]?["version"] == .integer(version)
  }
}
_ = client.read(until: isDiagnostics(1))

var version = 1
/// Sends one change and returns the milliseconds until its diagnostics arrive.
@MainActor func change() -> Double {
  version += 1
  let text = version % 2 == 0 ? misspelled : original
  let start = DispatchTime.now().uptimeNanoseconds
  client.send(
    object([
      ("jsonrpc", .string("2.0")), ("method", .string("textDocument/didChange")),
      (
        "params",
        object([
          ("textDocument", object([("uri", .string(uri)), ("version", .integer(version))])),
          ("contentChanges", .array([object([("text", .string(text))])])),
        ])
      ),
    ]))
  let published = client.read(until: isDiagnostics(version))
  let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
  let count = published["params"]?["diagnostics"]?.arrayValue?.count ?? -1
  if count != (version % 2 == 0 ? 1 : 0) {
    FileHandle.standardError.write(Data("unexpected diagnostics for version \(version): \(count)\n".utf8))
    exit(1)
  }
  return elapsed
}

for _ in 0..<5 { _ = change() }  // warm up
let cpuBefore = client.cpuMilliseconds
var latencies = (0..<options.changes).map { _ in change() }.sorted()
let cpuPerChange = (client.cpuMilliseconds - cpuBefore) / Double(options.changes)
@MainActor func percentile(_ p: Double) -> Double {
  latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
}
let median =
  latencies.count % 2 == 1
  ? latencies[latencies.count / 2] : (latencies[latencies.count / 2 - 1] + latencies[latencies.count / 2]) / 2
print("lsp-bench: \(options.changes) changes of the seed sidecar (\(original.utf8.count) bytes)")
print(
  String(format: "  server CPU time per change: %.1f ms", cpuPerChange)
    + " (load average when measured: \(loadAverage()))")
print(
  String(
    format: "  didChange -> publishDiagnostics: median %.1f ms, p90 %.1f ms, worst %.1f ms", median,
    percentile(0.9), latencies.last ?? 0))

var samples: [(changes: Int, kib: Int)] = [(0, client.residentKiB)]
let block = max(1, options.memoryChanges / 10)
var done = 0
while done < options.memoryChanges {
  for _ in 0..<block { _ = change() }
  done += block
  samples.append((done, client.residentKiB))
}
print(
  "  resident memory over \(done) further changes (changes: KiB): "
    + samples.map { "\($0.changes): \($0.kib)" }.joined(separator: ", "))
// Growth after the first block (allocator warm-up) to the end.
if samples.count > 2, let first = samples.dropFirst().first, let last = samples.last {
  print(
    String(
      format: "  growth from %d to %d changes: %d KiB (%.1f%%)", first.changes, last.changes,
      last.kib - first.kib,
      Double(last.kib - first.kib) * 100 / Double(max(1, first.kib))))
}
client.send(object([("jsonrpc", .string("2.0")), ("id", .integer(2)), ("method", .string("shutdown"))]))
_ = client.read { $0["id"] == .integer(2) }
client.send(object([("jsonrpc", .string("2.0")), ("method", .string("exit"))]))
client.process.waitUntilExit()
print("  exit status \(client.process.terminationStatus)")
