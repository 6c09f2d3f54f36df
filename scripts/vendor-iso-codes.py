#!/usr/bin/env python3
"""Refresh the vendored ISO 3166-1 snapshot in Schemas/vocabularies/ (developer aid).

Copies Debian iso-codes' iso_3166-1.json byte for byte, and derives iso_3166-1.zh_CN.json: for every
entry, the zh_CN gettext translations of its English name, official_name and common_name, read from
the installed iso_3166-1.mo with `msgunfmt` (GNU gettext). Untranslated strings are left out; nothing
else is changed. Prints the SHA-256 of every input and output for Schemas/vocabularies/NOTICE.

Usage: python3 scripts/vendor-iso-codes.py [--check]
  --check  compare instead of writing; exit 1 when the vendored files differ from a fresh derivation.
"""
import hashlib
import json
import pathlib
import re
import subprocess
import sys

SOURCE_JSON = pathlib.Path("/usr/share/iso-codes/json/iso_3166-1.json")
SOURCE_MO = pathlib.Path("/usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo")
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "Schemas" / "vocabularies"
OUT_JSON = OUT_DIR / "iso_3166-1.json"
OUT_ZH = OUT_DIR / "iso_3166-1.zh_CN.json"
FIELDS = ("name", "official_name", "common_name")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_catalog(mo: pathlib.Path) -> dict:
    po = subprocess.run(["msgunfmt", "--no-wrap", str(mo)], check=True, capture_output=True).stdout.decode("utf-8")
    catalog = {}
    string = r'"(?:[^"\\]|\\.)*"'
    pattern = re.compile(r"^msgid ((?:%s\n)+)msgstr ((?:%s\n)+)" % (string, string), re.M)

    def join(block: str) -> str:
        return "".join(json.loads(part) for part in re.findall(string, block))

    for match in pattern.finditer(po):
        key, value = join(match.group(1)), join(match.group(2))
        if key and value:
            catalog[key] = value
    return catalog


def derive(source: dict, catalog: dict) -> bytes:
    entries = []
    for entry in source["3166-1"]:
        out = {"alpha_3": entry["alpha_3"]}
        for field in FIELDS:
            if field in entry and entry[field] in catalog:
                out[field] = catalog[entry[field]]
        entries.append(out)
    document = {
        "source": {
            "package": "iso-codes",
            "version": "4.15.0",
            "catalog": "iso_3166-1.mo (zh_CN)",
            "derived_by": "scripts/vendor-iso-codes.py",
        },
        "3166-1": entries,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def main() -> int:
    check = "--check" in sys.argv[1:]
    raw = SOURCE_JSON.read_bytes()
    catalog = read_catalog(SOURCE_MO)
    derived = derive(json.loads(raw), catalog)
    outputs = {OUT_JSON: raw, OUT_ZH: derived}
    stale = []
    for path, data in outputs.items():
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path)
        else:
            path.write_bytes(data)
    print(f"{sha256(raw)}  {SOURCE_JSON}")
    print(f"{sha256(SOURCE_MO.read_bytes())}  {SOURCE_MO}")
    for path, data in outputs.items():
        print(f"{sha256(data)}  {path.relative_to(ROOT)}")
    for path in stale:
        print(f"stale: {path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
