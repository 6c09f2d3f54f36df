#!/usr/bin/env python3
"""Writes the fuzz seed corpora under Fuzz/Corpus/TARGET (docs/reliability.md, "Fuzzing").

Seeds come from Input/, the annotator-mistake cases of Tests/, the conformance suites in
../shared/conformance (when present) and a list of hostile inputs from issue 17. The corpora are
committed; run this again only to refresh them (it removes the old seeds first).
"""
import glob
import hashlib
import json
import os
import shutil
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "conformance")
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")
SEP = b"\0SIDECAR\0"
DRAFTS = {"draft4": 0, "draft6": 1, "draft7": 2, "draft2019-09": 3, "draft2020-12": 4}

seeds = {t: {} for t in ["yaml", "json", "schema", "ingest", "document", "export"]}


def add(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > 64 * 1024:
        return
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:60]
    seeds[target][safe + "-" + hashlib.sha1(data).hexdigest()[:8]] = data


def read(path):
    with open(path, "rb") as f:
        return f.read()


# Input/ and the mistake cases (each a small edit of an Input/ file).
inputs = {}
for path in sorted(glob.glob(os.path.join(ROOT, "Input", "*"))):
    inputs[os.path.basename(path)] = read(path)
for name, data in inputs.items():
    stem, ext = os.path.splitext(name)
    if ext == ".yaml":
        add("yaml", stem, data)
    else:
        add("ingest", stem, data)
        add("document", stem, data + SEP + inputs.get(stem + ".yaml", b""))
        add("document", stem + "-text-only", data)
cases = yaml.safe_load(read(os.path.join(ROOT, "Tests", "DossierCoreTests", "Cases", "mistakes.yaml")))
for case in cases:
    source = inputs.get(case["file"])
    if source is None:
        continue
    text = source.decode("utf-8")
    edited = text + case["new"] if not case["old"] else text.replace(case["old"], case["new"], 1)
    data = edited.encode(case.get("encoding", "utf-8") if case.get("encoding") in ("utf-16", "utf-8") else "utf-8")
    stem, ext = os.path.splitext(case["file"])
    if ext == ".yaml":
        add("document", case["name"], inputs[stem + ".txt"] + SEP + data)
    else:
        add("ingest", case["name"], data)
        add("document", case["name"], data + SEP + inputs.get(stem + ".yaml", b""))
for path in sorted(glob.glob(os.path.join(ROOT, "Tests", "DossierCoreTests", "Cases", "text", "*.txt"))):
    add("ingest", os.path.basename(path), read(path))

# Hostile inputs of issue 17.
small_yaml = b"id: x\nactivities: []\n"
for name, data in {
    "alias-bomb": b"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\ne: [*d, *d]\n",
    "deep-flow": b"[" * 300 + b"]" * 300,
    "nul-escape": b'title: "a\\0b"\n',
    "c0-escape": b'title: "a\\u0001b\\u001Bc\\ed"\n',
    "utf16-bom": "title: x\n".encode("utf-16"),
    "utf16-nobom": "title: x\n".encode("utf-16-le"),
    "invalid-utf8": b"title: caf\xe9\n",
    "many-keys": "".join(f"k{i}: {i}\n" for i in range(300)).encode(),
    "duplicate-keys": b"a: 1\na: 2\n",
    "tabs": b"a:\n\t- b\n",
    "anchors": b"a: &x 1\nb: *x\nc: *y\n",
    "tags": b"a: !!binary aGk=\nb: !custom x\nc: !!int 0x1F\n",
    "big-int": b"n: 99999999999999999999999999999\nm: -0x8000000000000001\nf: 1e400\n",
    "multi-doc": b"a: 1\n---\nb: 2\n...\n",
    "merge-key": b"base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n",
}.items():
    add("yaml", name, data)
    add("document", "hostile-" + name, inputs.get("000_ec6a5abef4a65f2a.txt", b"Title\n\nText.\n") + SEP + data)
for name, data in {
    "form-feed": b"Title\n\nA paragraph\x0cwith a form feed.\n",
    "u-fffe": "Title\n\nA paragraph \ufffe and \uffff.\n".encode("utf-8", "surrogatepass"),
    "escape-char": b"Title\n\nColour \x1b[31mred\x1b[0m.\n",
    "nul": b"Title\n\nA NUL \x00 here.\n",
    "crlf": b"Title\r\n\r\nLine one.\r\nLine two.\r\n",
    "cr-only": b"Title\r\rLine.\r",
    "bom": b"\xef\xbb\xbfTitle\n\nText.\n",
    "utf16": "Title\n\nText.\n".encode("utf-16"),
    "invalid-utf8": b"Title\n\ncaf\xe9 \xc3\x28\n",
    "one-line-paragraphs": b"Title\n\n" + b"".join(b"p%d.\n\n" % i for i in range(200)),
    "long-line": b"Title\n\n" + b"word " * 2000 + b"\n",
    "zh-numbered": "国际军事合作\n\n一、第一\n\n二、第二\n\n来源：新华网 编辑：张三\n".encode(),
    "empty": b"",
    "only-spaces": b"   \n\t\n",
}.items():
    add("ingest", name, data)
    add("document", "text-" + name, data + SEP + inputs.get("000_ec6a5abef4a65f2a.yaml", b""))

# JSON: instances and schemas of the JSON Schema Test Suite, and hostile texts.
suite = os.path.join(SHARED, "JSON-Schema-Test-Suite", "tests")
schema_seeds = []
if os.path.isdir(suite):
    for draft, byte in DRAFTS.items():
        for path in sorted(glob.glob(os.path.join(suite, draft, "*.json"))):
            groups = json.loads(read(path))
            for n, group in enumerate(groups):
                if not group.get("tests"):
                    continue
                instance = group["tests"][0]["data"]
                schema_seeds.append(
                    (f"{draft}-{os.path.basename(path)[:-5]}-{n}",
                     bytes([byte]) + json.dumps(group["schema"]).encode() + b"\0" + json.dumps(instance).encode()))
    # Every fourth group: about 400 seeds across the drafts.
    for name, data in schema_seeds[::4]:
        add("schema", name, data)
    for path in sorted(glob.glob(os.path.join(suite, "draft2020-12", "*.json")))[:60]:
        add("json", "suite-" + os.path.basename(path), read(path))
else:
    print("note: ../shared/conformance is absent; no conformance seeds", file=sys.stderr)
for name, data in {
    "minlength-huge": b"\x04" + b'{"minLength": 2305843009213693952}' + b"\0" + b'"abc"',
    "maxitems-huge": b"\x04" + b'{"maxItems": 1e400, "minItems": -1}' + b"\0" + b"[1]",
    "multipleof": b"\x02" + b'{"multipleOf": 1e-400}' + b"\0" + b"1e400",
    "pattern-backtrack": b"\x04" + b'{"pattern": "^(?:(?=a)(a+)+b|a*)$"}' + b"\0" + b'"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"',
    "unknown-keys": b"\x04" + b'{"type": "object", "additionalProperties": false}' + b"\0"
    + json.dumps({f"k{i}": i for i in range(300)}).encode(),
    "ref-file": b"\x04" + b'{"$ref": "file:///proc/self/environ"}' + b"\0" + b"1",
    "ref-loop": b"\x04" + b'{"$defs": {"a": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}' + b"\0" + b"1",
    "dynamic-ref": b"\x04" + b'{"$dynamicAnchor": "n", "items": {"$dynamicRef": "#n"}}' + b"\0" + b"[[[1]]]",
}.items():
    add("schema", name, data)
for name, data in {
    "deep": b"[" * 1000 + b"]" * 1000,
    "numbers": b"[0, -0, 1e400, -1e-400, 123456789012345678901234567890, 0.1e1, 1E+2]",
    "escapes": b'["\\u0000", "\\ud83d\\ude00", "\\ud800", "\\/", "\\b\\f\\n\\r\\t"]',
    "duplicate-keys": b'{"a": 1, "a": 2}',
    "bom": b'\xef\xbb\xbf{"a": 1}',
    "invalid-utf8": b'["\xff"]',
    "trailing": b'{"a": 1} x',
    # Issue 17: exponents at and beyond the limit (+-999999999 in scientific notation), exact or refused.
    "exponent-limit": b"[1e999999999, 0.0001e+1000000002, -1000e-1000000002, 1.234567890121e+10000000011]",
}.items():
    add("json", name, data)
for path in sorted(glob.glob(os.path.join(ROOT, "Schemas", "*.json"))) + sorted(
        glob.glob(os.path.join(ROOT, "Schemas", "vocabularies", "*.json"))):
    add("json", os.path.basename(path), read(path))
yaml_suite = os.path.join(SHARED, "yaml-test-suite", "data")
if os.path.isdir(yaml_suite):
    for case in sorted(os.listdir(yaml_suite)):
        path = os.path.join(yaml_suite, case, "in.yaml")
        if os.path.exists(path):
            add("yaml", "suite-" + case, read(path))
        path = os.path.join(yaml_suite, case, "in.json")
        if os.path.exists(path) and len(seeds["json"]) < 200:
            add("json", "yaml-suite-" + case, read(path))

# Export: record strings separated by 0xFF.
tricky = [
    "tab\there, line\nbreak, cr\r, back\\slash, \\N, \\\\N, \\t, \"quotes\" 'single' <&> ]]>",
    "提供维和、护航、人道主义援助救灾等国际公共安全产品 😀", "\u0301e\u0301te\u0301 \u2028 \u007f ''",
    "\\N", "", " leading and trailing ", "a\u0000b", "form\u000cfeed", "\ufffe\uffff", "\u001b[31m",
    "\ud7ff\ue000\U0010ffff", "&amp; &#0; <![CDATA[x]]>", "\u0085 NEL \u2029 PS", "x" * 500,
]
for n in range(len(tricky)):
    pieces = tricky[n:] + tricky[:n]
    add("export", f"tricky-{n}", b"\xff".join(p.encode("utf-8", "surrogatepass") for p in pieces))
add("export", "plain", b"\xff".join(w.encode() for w in ["Title", "Publisher", "Editor", "Notes", "Heading"]))

# Every input that once failed (Fuzz/Regressions/TARGET) is a seed too.
for target in seeds:
    for path in sorted(glob.glob(os.path.join(ROOT, "Fuzz", "Regressions", target, "*"))):
        add(target, "regression-" + os.path.basename(path), read(path))

for target, files in seeds.items():
    folder = os.path.join(CORPUS, target)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for name, data in sorted(files.items()):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
    print(f"{target}: {len(files)} seeds", file=sys.stderr)
