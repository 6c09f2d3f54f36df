// YAML loader benchmark: Dossier's loader against libyaml's bare event parse of the same bytes.
//
//   swift run -c release yaml-bench [--size MB] [--runs N] [--write OUT] [FILE]
//
// Without FILE it generates a deterministic, annotation-like YAML document of about --size MB
// (default 50). It reports MB/s (1 MB = 10^6 bytes) of: libyaml's event parse alone, the loader's
// compose step (node tree with positions, all checks), and the full load (compose + conversion to a
// JSON value with its source map). Each figure is the best of --runs runs (default 3), in process CPU
// time, so that other processes on a shared machine disturb it less.
import CLibYAML
import DossierCore
import DossierTestSupport
import Foundation

struct Generator {
  var random = SplitMix(seed: 0x9E37_79B9_7F4A_7C15)

  mutating func next() -> UInt64 { random.next() }

  mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

  static let countries = [
    "Russia", "China", "Kazakhstan", "Northern Macedonia", "Republic of Congo", "Pakistan", "Egypt",
    "United Arab Emirates", "Viet Nam", "Côte d'Ivoire", "Türkiye", "São Tomé and Príncipe",
  ]
  static let words = [
    "the", "military", "exercise", "joint", "training", "cooperation", "forces", "naval", "participated",
    "international", "defense", "ministry", "agreement", "security", "peacekeeping", "delegation", "中国",
    "军队", "联合", "演习", "合作", "国际", "“quoted”", "first", "time", "—", "2021",
  ]

  mutating func sentence(_ count: Int) -> String {
    (0..<count).map { _ in pick(Self.words) }.joined(separator: " ")
  }

  /// One activity entry, as people write them in annotation sidecars.
  mutating func activity(_ n: Int) -> String {
    let participants = (0..<(2 + Int(next() % 4))).map { _ in
      "      - {country: \(pick(Self.countries)), role: \(pick(["participant", "host", "observer"]))}"
    }
    let evidence = (0..<(1 + Int(next() % 3))).map { _ in
      "      - \"\(sentence(8 + Int(next() % 16)))\""
    }
    return """
        - id: act-\(n)   # activity \(n)
          section: \(1 + next() % 12)
          type: \(pick(["exercise", "training", "visit", "agreement", "exchange"]))
          areas: [\(pick(["joint_exercises_training", "education", "peacekeeping"])), \(pick(["logistics", "medical"]))]
          name: '\(pick(Self.words)) \(pick(Self.words)) \(n)'
          date: \(2000 + next() % 25)-\(String(format: "%02d", 1 + next() % 12))
          planned: \(next() % 2 == 0 ? "true" : "false")
          count: \(next() % 1000)
          ratio: \(Double(next() % 10_000) / 100)
          location: \(pick(Self.countries))
          note: |
            \(sentence(10))
            \(sentence(6))
          participants:
      \(participants.joined(separator: "\n"))
          evidence:
      \(evidence.joined(separator: "\n"))

      """
  }

  mutating func document(bytes target: Int) -> [UInt8] {
    var out = """
      # yaml-language-server: $schema=../Schemas/annotation.schema.json
      kind: news_article
      metadata:
        publisher: China Military Online
        editor: Li Jiayao
        published: 2021-12-23T18:03:31+08:00
        languages: [en, zh]
      activities:

      """
    var n = 0
    var chunk = ""
    while out.utf8.count + chunk.utf8.count < target {
      chunk += activity(n)
      n += 1
      if chunk.utf8.count > 1 << 20 {
        out += chunk
        chunk = ""
      }
    }
    out += chunk
    return Array(out.utf8)
  }
}

/// Parses all events with libyaml and discards them; returns the event count.
func bareParse(_ bytes: [UInt8]) -> Int {
  let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
  let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
  defer {
    parser.deallocate()
    event.deallocate()
  }
  yaml_parser_initialize(parser)
  defer { yaml_parser_delete(parser) }
  var count = 0
  bytes.withUnsafeBufferPointer { buffer in
    yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
    while yaml_parser_parse(parser, event) == 1 {
      let done = event.pointee.type == YAML_STREAM_END_EVENT
      yaml_event_delete(event)
      count += 1
      if done { return }
    }
    fatalError("libyaml: \(String(cString: parser.pointee.problem))")
  }
  return count
}

/// CPU time of this process in seconds: less disturbed than wall time by other processes on a
/// shared machine.
func cpuSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func measure(_ body: () -> Void) -> Double {
  let start = cpuSeconds()
  body()
  return cpuSeconds() - start
}

var sizeMB = 50.0
var runs = 3
var file: String?
var writePath: String?
var only: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--size": sizeMB = Double(arguments.popFirst() ?? "") ?? sizeMB
  case "--runs": runs = max(1, Int(arguments.popFirst() ?? "") ?? runs)
  case "--write": writePath = arguments.popFirst()
  case "--only": only = arguments.popFirst()
  case "-h", "--help":
    print("usage: yaml-bench [--size MB] [--runs N] [--write OUT] [--only bare|compose|load] [FILE]")
    exit(0)
  default: file = argument
  }
}

let bytes: [UInt8]
if let file {
  guard let data = FileManager.default.contents(atPath: file) else {
    FileHandle.standardError.write(Data("yaml-bench: cannot read \(file)\n".utf8))
    exit(2)
  }
  bytes = [UInt8](data)
} else {
  var generator = Generator()
  bytes = generator.document(bytes: Int(sizeMB * 1_000_000))
}
if let writePath {
  // Only write the generated input (to inspect it or profile the loader on it).
  _ = FileManager.default.createFile(atPath: writePath, contents: Data(bytes))
  exit(0)
}
let megabytes = Double(bytes.count) / 1_000_000
print(String(format: "input: %.1f MB%@", megabytes, file.map { " from \($0)" } ?? " (generated)"))

let loader = YAMLLoader()
var events = 0
var nodes = 0
var bare = Double.infinity
var compose = Double.infinity
var load = Double.infinity
var composeRatios: [Double] = []
var loadRatios: [Double] = []
// Each round measures the three right after one another, so that a change of load on a shared
// machine affects them alike; the ratios are taken per round and their median reported.
for _ in 0..<runs {
  var round = (bare: Double.nan, compose: Double.nan, load: Double.nan)
  if only == nil || only == "bare" { round.bare = measure { events = bareParse(bytes) } }
  // Results are kept until after the measurement: the figure is the time to produce the value, not to
  // free it (libyaml's bare parse produces nothing to free either).
  if only == nil || only == "compose" {
    var kept: YAMLStream?
    round.compose = measure { kept = loader.compose(bytes, file: "bench.yaml") }
    guard let stream = kept, !stream.hasErrors else { fatalError("\(kept?.diagnostics.prefix(3) ?? [])") }
    nodes = stream.documents.first?.nodeCount ?? 0
    kept = nil
  }
  if only == nil || only == "load" {
    var kept: LocatedJSON?
    round.load = measure {
      do {
        kept = try loader.load(bytes, file: "bench.yaml")
      } catch {
        fatalError("\(error)")
      }
    }
    precondition(kept != nil)
    kept = nil
  }
  bare = min(bare, round.bare.isNaN ? .infinity : round.bare)
  compose = min(compose, round.compose.isNaN ? .infinity : round.compose)
  load = min(load, round.load.isNaN ? .infinity : round.load)
  composeRatios.append(round.bare / round.compose)
  loadRatios.append(round.bare / round.load)
}

func median(_ values: [Double]) -> Double {
  let sorted = values.filter { !$0.isNaN }.sorted()
  guard !sorted.isEmpty else { return .nan }
  return sorted.count % 2 == 1
    ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

print(
  "events: \(events), nodes: \(nodes); best of \(runs) rounds in process CPU time; ratio = median per round")
print(String(format: "libyaml bare event parse : %7.1f MB/s (%.3f s)", megabytes / bare, bare))
print(
  String(
    format: "Dossier compose (tree)   : %7.1f MB/s (%.3f s), %.0f%% of bare", megabytes / compose, compose,
    100 * median(composeRatios)))
print(
  String(
    format: "Dossier load (JSON + map): %7.1f MB/s (%.3f s), %.0f%% of bare", megabytes / load, load,
    100 * median(loadRatios)))
