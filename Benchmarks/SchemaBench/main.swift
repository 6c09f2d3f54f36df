// JSON Schema validator benchmark.
//
//   swift run -c release schema-bench [--count N] [--emit DIR]
//
// Validates N (default 100 000) generated instances of an annotation-shaped schema (nested
// objects, arrays, enums, patterns, `$ref`s, `unevaluatedProperties`, `format` assertion on),
// half valid and half invalid, and prints µs per valid and per invalid instance, both for the
// yes/no check (`isValid`) and for the full error report (`validate`).
// `--emit DIR` also writes schema.json, valid.jsonl and invalid.jsonl so that
// `python3 Benchmarks/SchemaBench/compare_jsonschema_rs.py DIR` can time jsonschema-rs on
// exactly the same inputs.

import Foundation
import JSONSchema

let schemaText = #"""
  {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://dossier.example/bench/annotation.schema.json",
    "type": "object",
    "required": ["id", "title", "language", "published", "events"],
    "properties": {
      "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
      "title": {"type": "string", "minLength": 1, "maxLength": 300},
      "language": {"enum": ["en", "zh", "en+zh"]},
      "published": {"type": "string", "format": "date"},
      "source": {"$ref": "#/$defs/source"},
      "countries": {"type": "array", "items": {"$ref": "#/$defs/country"}, "uniqueItems": true},
      "tags": {"type": "array", "items": {"type": "string", "pattern": "^[a-z][a-z0-9_-]*$"}, "maxItems": 20},
      "events": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/event"}}
    },
    "allOf": [{"$ref": "#/$defs/provenance"}],
    "unevaluatedProperties": false,
    "$defs": {
      "country": {"type": "string", "pattern": "^[A-Z]{3}$"},
      "date": {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
      "source": {
        "type": "object",
        "required": ["publisher", "url"],
        "properties": {"publisher": {"type": "string"}, "url": {"type": "string", "format": "uri"}},
        "additionalProperties": false
      },
      "provenance": {"properties": {"annotator": {"type": "string"}, "reviewed": {"type": "boolean"}}},
      "participant": {
        "type": "object",
        "required": ["country"],
        "properties": {
          "country": {"$ref": "#/$defs/country"},
          "role": {"enum": ["lead", "member", "observer", "host"]}
        },
        "additionalProperties": false
      },
      "evidence": {
        "type": "object",
        "required": ["section", "quote"],
        "properties": {
          "section": {"type": "integer", "minimum": 1},
          "quote": {"type": "string", "minLength": 3}
        },
        "additionalProperties": false
      },
      "event": {
        "type": "object",
        "required": ["id", "kind", "date", "participants", "evidence"],
        "properties": {
          "id": {"type": "string", "pattern": "^e[0-9]+$"},
          "kind": {"enum": ["exercise", "agreement", "visit", "sale", "training", "dialogue"]},
          "date": {"$ref": "#/$defs/date"},
          "status": {"enum": ["completed", "planned", "ongoing"]},
          "participants": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/participant"}},
          "evidence": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/evidence"}},
          "count": {
            "type": "object",
            "required": ["value"],
            "properties": {
              "qualifier": {"enum": ["exactly", "over", "about", "at least"]},
              "value": {"type": "integer", "minimum": 0}
            }
          }
        },
        "unevaluatedProperties": false
      }
    }
  }
  """#

/// A small deterministic generator (64-bit LCG) so every run sees the same instances.
struct Generator {
  var state: UInt64
  mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
  mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}

let countries = ["CHN", "USA", "RUS", "FRA", "DEU", "IND", "PAK", "BRA", "ZAF", "EGY", "IRN", "TUR"]
let kinds = ["exercise", "agreement", "visit", "sale", "training", "dialogue"]
let roles = ["lead", "member", "observer", "host"]

func makeInstance(_ g: inout Generator, index: Int) -> JSONValue {
  func str(_ s: String) -> JSONValue { .string(s) }
  var events: [JSONValue] = []
  for e in 0..<(1 + g.next(3)) {
    var participants: [JSONValue] = []
    for _ in 0..<(1 + g.next(4)) {
      participants.append(
        .object(JSONObject([("country", str(g.pick(countries))), ("role", str(g.pick(roles)))])))
    }
    var evidence: [JSONValue] = []
    for _ in 0..<(1 + g.next(2)) {
      evidence.append(
        .object(
          JSONObject([
            ("section", .integer(1 + g.next(12))),
            (
              "quote",
              str("the two navies held joint drills in the \(g.pick(["south", "east", "north"])) sea")
            ),
          ])))
    }
    var members: [(String, JSONValue)] = [
      ("id", str("e\(e + 1)")), ("kind", str(g.pick(kinds))),
      ("date", str("20\(10 + g.next(15))-0\(1 + g.next(9))-1\(g.next(9))")),
      ("status", str(g.pick(["completed", "planned", "ongoing"]))),
      ("participants", .array(participants)), ("evidence", .array(evidence)),
    ]
    if g.next(3) == 0 {
      members.append(
        ("count", .object(JSONObject([("qualifier", str("over")), ("value", .integer(10 + g.next(20)))]))))
    }
    events.append(.object(JSONObject(members)))
  }
  let picked = Array(Set((0..<(1 + g.next(4))).map { _ in g.pick(countries) })).sorted()
  return .object(
    JSONObject([
      ("id", str("doc-\(index)")),
      ("title", str("Joint exercise report number \(index)")),
      ("language", str(g.pick(["en", "zh", "en+zh"]))),
      ("published", str("2024-0\(1 + g.next(9))-2\(g.next(9))")),
      (
        "source",
        .object(
          JSONObject([
            ("publisher", str("Example News")),
            ("url", str("https://news.example.com/articles/\(index)?ref=feed")),
          ]))
      ),
      ("countries", .array(picked.map(str))),
      ("tags", .array([str("navy"), str("joint-exercise")])),
      ("annotator", str("ann\(g.next(5))")),
      ("reviewed", .bool(g.next(2) == 0)),
      ("events", .array(events)),
    ]))
}

/// One realistic mistake per invalid instance.
func breakInstance(_ value: JSONValue, _ g: inout Generator) -> JSONValue {
  guard case .object(var object) = value, case .array(var events) = object["events"],
    case .object(var event) = events[0]
  else { return value }
  switch g.next(6) {
  case 0: object["countries"] = .array([.string("China")])
  case 1: event["kind"] = .string("excercise")
  case 2: object["titel"] = .string("typo")
  case 3: object["language"] = nil
  case 4: object["published"] = .string("2024-13-45")
  default: event["participants"] = .array([.object(JSONObject([("country", .integer(156))]))])
  }
  events[0] = .object(event)
  object["events"] = .array(events)
  return .object(object)
}

var count = 100_000
var emitDirectory: URL?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--count": count = Int(arguments.popFirst() ?? "") ?? count
  case "--emit": emitDirectory = arguments.popFirst().map { URL(fileURLWithPath: $0) }
  default:
    print("usage: schema-bench [--count N] [--emit DIR]")
    exit(2)
  }
}

let schema = try JSONReader().read(schemaText)
let compileStart = Date()
let validator = try SchemaValidator(schema: schema, options: ValidationOptions(formatAssertion: true))
let compileTime = Date().timeIntervalSince(compileStart)

var generator = Generator(state: 20_261_122)
let valid = (0..<(count / 2)).map { makeInstance(&generator, index: $0) }
let invalid = (0..<(count - count / 2)).map { breakInstance(makeInstance(&generator, index: $0), &generator) }

// Sanity: the generated sets are what they claim to be.
let wrongValid = valid.filter { !validator.isValid($0) }.count
let wrongInvalid = invalid.filter { validator.isValid($0) }.count
if wrongValid + wrongInvalid > 0 {
  print("error: \(wrongValid) valid instances rejected, \(wrongInvalid) invalid instances accepted")
  print(validator.validate(valid.first { !validator.isValid($0) } ?? .null).errors)
  exit(1)
}

/// CPU time of this thread in nanoseconds (robust when the machine is shared).
func threadCPUNanoseconds() -> UInt64 {
  var ts = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
  return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// A measured operation over one instance set.
struct Measurement {
  let label: String
  let instances: [JSONValue]
  let body: (JSONValue) -> Int
  var best = Double.infinity
  var sink = 0
}

// Warm-up pass (untimed), so the first measurement does not pay for cold caches.
for instance in valid + invalid { _ = validator.validate(instance) }

var measurements = [
  Measurement(label: "isValid, valid instances", instances: valid) { validator.isValid($0) ? 1 : 0 },
  Measurement(label: "isValid, invalid instances", instances: invalid) { validator.isValid($0) ? 1 : 0 },
  Measurement(label: "validate (all errors), valid", instances: valid) {
    validator.validate($0).errors.count
  },
  Measurement(label: "validate (all errors), invalid", instances: invalid) {
    validator.validate($0).errors.count
  },
]
// Five interleaved rounds; the best round counts (thread CPU time, so a busy machine matters less).
for _ in 0..<5 {
  for index in measurements.indices {
    let start = threadCPUNanoseconds()
    var sink = 0
    for instance in measurements[index].instances { sink &+= measurements[index].body(instance) }
    let elapsed = Double(threadCPUNanoseconds() - start) / 1000
    measurements[index].best = min(
      measurements[index].best, elapsed / Double(measurements[index].instances.count))
    measurements[index].sink &+= sink
  }
}
print("schema-bench: compile \(String(format: "%.2f", compileTime * 1000)) ms, \(count) instances")
for m in measurements {
  print(
    "\(m.label.padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(format: "%8.2f", m.best)) µs/instance  (\(m.instances.count) instances, best of 5 rounds, CPU time, checksum \(m.sink))"
  )
}

if let emitDirectory {
  try FileManager.default.createDirectory(at: emitDirectory, withIntermediateDirectories: true)
  try Data(schemaText.utf8).write(to: emitDirectory.appendingPathComponent("schema.json"))
  for (name, set) in [("valid.jsonl", valid), ("invalid.jsonl", invalid)] {
    var text = ""
    for instance in set {
      text += JSONWriter.text(of: instance)
      text += "\n"
    }
    try Data(text.utf8).write(to: emitDirectory.appendingPathComponent(name))
  }
  print("wrote schema.json, valid.jsonl, invalid.jsonl to \(emitDirectory.path)")
}
