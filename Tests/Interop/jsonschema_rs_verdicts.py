#!/usr/bin/env python3
"""Reference verdicts from jsonschema-rs for the SchemaStore agreement test.

    python3 jsonschema_rs_verdicts.py CASES.json SCHEMAS_DIR > VERDICTS.json

CASES.json: [{"schema": "NAME.json", "instances": {"file name": JSON value, ...}}, ...] (YAML
instances already converted to JSON by Dossier, so only the validators are compared).
References to https://json.schemastore.org/NAME(.json) are served from SCHEMAS_DIR, as
`dossier check --ref-map https://json.schemastore.org/=SCHEMAS_DIR` does. Formats are asserted
(Dossier's default). A reference to a document the subset lacks is served as an empty schema
and listed. Output: {"verdicts": {"NAME.json": {"file name": true | false | "error: ..."}},
"unresolved": [URI, ...]}.
"""
import json
import os
import sys

import jsonschema_rs

cases_path, schemas_dir = sys.argv[1], sys.argv[2]
PREFIXES = ("https://json.schemastore.org/", "https://www.schemastore.org/")
UNRESOLVED = []


def retrieve(uri):
    for prefix in PREFIXES:
        if uri.startswith(prefix):
            name = uri[len(prefix):].split("#")[0]
            for candidate in (name, name + ".json"):
                path = os.path.join(schemas_dir, candidate)
                if os.path.isfile(path):
                    with open(path, encoding="utf-8") as f:
                        return json.load(f)
    # jsonschema-rs resolves every reference while building; a document the subset lacks is
    # served as an empty schema (Dossier instead fails an instance that reaches it).
    UNRESOLVED.append(uri)
    return {}


with open(cases_path, encoding="utf-8") as f:
    cases = json.load(f)
out = {}
for case in cases:
    name = case["schema"]
    with open(os.path.join(schemas_dir, name), encoding="utf-8") as f:
        schema = json.load(f)
    verdicts = {}
    try:
        validator = jsonschema_rs.validator_for(schema, validate_formats=True, retriever=retrieve)
    except Exception as error:  # the schema does not compile for the reference
        for instance in case["instances"]:
            verdicts[instance] = f"error: {error}"[:300]
        out[name] = verdicts
        continue
    for instance, value in case["instances"].items():
        try:
            verdicts[instance] = bool(validator.is_valid(value))
        except Exception as error:
            verdicts[instance] = f"error: {error}"[:300]
    out[name] = verdicts
json.dump({"verdicts": out, "unresolved": sorted(set(UNRESOLVED))}, sys.stdout, indent=1, sort_keys=True)
