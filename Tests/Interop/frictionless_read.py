"""Reads a Frictionless data package with frictionless-py and prints every cell as a tagged string.

Usage: python frictionless_read.py PATH/datapackage.json

Prints one JSON object {resource name: [[cell, ...], ...]} on stdout, rows in file order, cells in
header order, each cell tagged so the caller can compare types without guessing: "N" (missing value),
"s:TEXT" (string), "i:DIGITS" (integer), "b:true"/"b:false" (boolean), "d:ISO" (date or datetime,
ISO 8601 as Python's isoformat writes it). Exits 1 if frictionless reports a read error.
"""

import datetime
import json
import sys

import frictionless


def tag(value):
    if value is None:
        return "N"
    if isinstance(value, bool):
        return "b:true" if value else "b:false"
    if isinstance(value, int):
        return "i:%d" % value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "d:" + value.isoformat()
    if isinstance(value, str):
        return "s:" + value
    raise TypeError("unexpected cell type %s: %r" % (type(value).__name__, value))


def main():
    package = frictionless.Package(sys.argv[1])
    out = {}
    failed = False
    for resource in package.resources:
        rows = []
        with resource:
            names = [field.name for field in resource.schema.fields]
            for row in resource.row_stream:
                if not row.valid:
                    failed = True
                    for error in row.errors:
                        print("%s row %s: %s" % (resource.name, row.row_number, error.message), file=sys.stderr)
                rows.append([tag(row[name]) for name in names])
        out[resource.name] = rows
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
