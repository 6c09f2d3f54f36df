#!/usr/bin/env python3
"""Copies the JSON Schema meta-schemas of drafts 4, 6, 7, 2019-09 and 2020-12, byte for byte, into
Sources/JSONSchema/MetaSchemas/<path of the URI>.json (the EmbedMetaSchemas plugin embeds them at build time).

Usage: scripts/update-metaschemas.py DIR
DIR holds draft4/, draft6/, draft7/, draft201909/ and draft202012/, each with metaschema.json (and
vocabularies/ for 2019-09 and 2020-12), as shipped by json-schema.org (for example the
jsonschema-specifications Python package's schemas/ folder).
"""
import os, shutil, sys

src = sys.argv[1]
dst = "Sources/JSONSchema/MetaSchemas"
files = [("draft/2020-12/schema", "draft202012/metaschema.json")]
for name in ["core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation",
             "format-assertion", "content"]:
    files.append((f"draft/2020-12/meta/{name}", f"draft202012/vocabularies/{name}"))
files.append(("draft/2019-09/schema", "draft201909/metaschema.json"))
for name in ["core", "applicator", "validation", "meta-data", "format", "content"]:
    files.append((f"draft/2019-09/meta/{name}", f"draft201909/vocabularies/{name}"))
for n in ["7", "6", "4"]:
    files.append((f"draft-0{n}/schema", f"draft{n}/metaschema.json"))
for path, source in files:
    target = os.path.join(dst, path + ".json")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copyfile(os.path.join(src, source), target)
