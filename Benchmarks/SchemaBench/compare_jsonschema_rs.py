#!/usr/bin/env python3
"""Times jsonschema-rs on the same schema and instances as `schema-bench`.

    swift run -c release schema-bench --emit /tmp/schema-bench
    python3 Benchmarks/SchemaBench/compare_jsonschema_rs.py /tmp/schema-bench

Requires `pip install jsonschema-rs`. Format assertion is on, as in schema-bench.
Parsing the JSON lines is done before timing; only validation is timed.
"""
import json
import sys
import time

import jsonschema_rs

directory = sys.argv[1] if len(sys.argv) > 1 else "/tmp/schema-bench"
with open(f"{directory}/schema.json") as f:
    schema = json.load(f)
validator = jsonschema_rs.validator_for(schema, validate_formats=True)


def load(name):
    with open(f"{directory}/{name}") as f:
        return [json.loads(line) for line in f if line.strip()]


valid = load("valid.jsonl")
invalid = load("invalid.jsonl")
assert all(validator.is_valid(i) for i in valid), "a valid instance was rejected"
assert not any(validator.is_valid(i) for i in invalid), "an invalid instance was accepted"


for instance in valid + invalid:  # warm-up pass (untimed)
    list(validator.iter_errors(instance))


cases = [
    ["is_valid, valid instances", valid, lambda i: 1 if validator.is_valid(i) else 0],
    ["is_valid, invalid instances", invalid, lambda i: 1 if validator.is_valid(i) else 0],
    ["iter_errors (all errors), valid", valid, lambda i: len(list(validator.iter_errors(i)))],
    ["iter_errors (all errors), invalid", invalid, lambda i: len(list(validator.iter_errors(i)))],
]
best = [float("inf")] * len(cases)
sinks = [0] * len(cases)
# Five interleaved rounds; the best round counts (thread CPU time, so a busy machine matters less).
for _ in range(5):
    for k, (label, instances, body) in enumerate(cases):
        start = time.thread_time_ns()
        sink = 0
        for instance in instances:
            sink += body(instance)
        best[k] = min(best[k], (time.thread_time_ns() - start) / 1000 / len(instances))
        sinks[k] += sink
print(f"jsonschema-rs {getattr(jsonschema_rs, '__version__', '')}".strip())
for k, (label, instances, _) in enumerate(cases):
    print(f"{label:<34} {best[k]:8.2f} µs/instance  ({len(instances)} instances, best of 5 rounds, CPU time, checksum {sinks[k]})")
