#!/usr/bin/env python3
"""Developer aid: check the annotation corpus and the vocabularies (not the real validator).

The real checks are `dossier validate` (Swift). This script exists so that the schemas, the
vocabularies and the seed annotations can be checked while the Swift pipeline is being written, and
so that the rules of docs/annotations.md have an executable statement. It needs Python 3 with
`jsonschema` (4.x) and `PyYAML`.

Usage: python3 scripts/check-corpus.py [--root DIR] [-v] [--self-test]
  --self-test  applies each fault of SELF_TEST_FAULTS to a temporary copy of Input/ and Schemas/ and
               checks that the script reports it (exit 1).
Exit status: 0 when everything passes, 1 when a check fails, 2 on usage errors.

What it checks:
  * YAML: every file parsed with YAML 1.2 core-schema scalar resolution (yes/no/on/off, dates and
    sexagesimal numbers stay strings); duplicate keys, anchors/aliases, merge keys, explicit tags,
    multi-document streams and tab characters are rejected.
  * Every vocabulary file validates against its schema in Schemas/vocabularies/schema/, every
    Input/*.yaml against Schemas/annotation.schema.json (Draft 2020-12, format assertions on).
  * Vocabulary rules: unique ids, quoted labels occur in the source document, parents exist,
    aliases unambiguous, codes exist.
  * Annotation rules of docs/annotations.md: sections exist, every quote is found exactly once in
    its scope (or at its `occurrence`) after folding U+2019 to ' and white space runs to one space,
    countries/organizations/terms/subtypes resolve, ids unique across the corpus, EDTF parses and
    is not after publication unless planned, participant-set totals agree with the members,
    metadata agrees with the byline unless corrected, definition terms cover every list item.
"""
from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import pathlib
import re
import sys
import unicodedata

try:
    import jsonschema
    import yaml
except ImportError as error:  # pragma: no cover
    print(f"check-corpus: needs jsonschema and PyYAML ({error})", file=sys.stderr)
    sys.exit(2)


# --------------------------------------------------------------------------------------------
# Problems


class Report:
    def __init__(self, verbose: bool) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.verbose = verbose

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: error: {message}")

    def warning(self, where: str, message: str) -> None:
        self.warnings.append(f"{where}: warning: {message}")

    def info(self, message: str) -> None:
        if self.verbose:
            print(message)


# --------------------------------------------------------------------------------------------
# YAML 1.2 core schema loading with locations


class CoreLoader(yaml.SafeLoader):
    """SafeLoader whose implicit resolvers follow the YAML 1.2 core schema."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(regexp), first)

STANDARD_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


class YAMLProblem(Exception):
    pass


def escape_pointer(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def load_yaml(path: pathlib.Path) -> tuple[object, dict[str, tuple[int, int]]]:
    """Returns (value, locations) where locations maps JSON pointers to 1-based (line, column)."""
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.split("\n"), start=1):
        if "\t" in line:
            raise YAMLProblem(f"{path}:{number}:{line.index(chr(9)) + 1}: tab character (use spaces)")
    for event in yaml.parse(text, Loader=CoreLoader):
        if isinstance(event, yaml.AliasEvent):
            raise YAMLProblem(f"{path}:{event.start_mark.line + 1}:{event.start_mark.column + 1}: alias not allowed")
        if getattr(event, "anchor", None):
            raise YAMLProblem(f"{path}:{event.start_mark.line + 1}:{event.start_mark.column + 1}: anchor not allowed")
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)) and event.tag is not None:
            raise YAMLProblem(f"{path}:{event.start_mark.line + 1}:{event.start_mark.column + 1}: explicit tag {event.tag} not allowed")
    nodes = list(yaml.compose_all(text, Loader=CoreLoader))
    if len(nodes) != 1:
        raise YAMLProblem(f"{path}: expected exactly one YAML document, found {len(nodes)}")
    locations: dict[str, tuple[int, int]] = {}

    def build(node: yaml.Node, pointer: str) -> object:
        locations[pointer] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in STANDARD_TAGS:
                raise YAMLProblem(f"{path}:{node.start_mark.line + 1}: unsupported tag {node.tag}")
            return node.value if node.tag == "tag:yaml.org,2002:str" else convert(node)
        if isinstance(node, yaml.SequenceNode):
            return [build(item, f"{pointer}/{index}") for index, item in enumerate(node.value)]
        mapping: dict[str, object] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<" and key_node.style is None):
                raise YAMLProblem(f"{path}:{key_node.start_mark.line + 1}: merge keys (<<) are not allowed")
            if not isinstance(key_node, yaml.ScalarNode):
                raise YAMLProblem(f"{path}:{key_node.start_mark.line + 1}: keys must be scalars")
            key = key_node.value
            if key in mapping:
                raise YAMLProblem(
                    f"{path}:{key_node.start_mark.line + 1}:{key_node.start_mark.column + 1}: duplicate key {key!r} "
                    f"(first at line {first_seen[key]})"
                )
            first_seen[key] = key_node.start_mark.line + 1
            mapping[key] = build(value_node, f"{pointer}/{escape_pointer(key)}")
        return mapping

    def convert(node: yaml.ScalarNode) -> object:
        value = node.value
        if node.tag == "tag:yaml.org,2002:null":
            return None
        if node.tag == "tag:yaml.org,2002:bool":
            return value.lower() == "true"
        if node.tag == "tag:yaml.org,2002:int":
            if value.startswith("0o"):
                return int(value[2:], 8)
            if value.startswith("0x"):
                return int(value[2:], 16)
            return int(value, 10)
        lowered = value.lower()
        if lowered.endswith("inf"):
            return float("-inf") if value.startswith("-") else float("inf")
        if lowered == ".nan":
            return float("nan")
        return float(value)

    return build(nodes[0], ""), locations


def where(path: pathlib.Path, locations: dict, pointer: str) -> str:
    probe = pointer
    while probe not in locations and probe:
        probe = probe.rsplit("/", 1)[0]
    line, column = locations.get(probe, (1, 1))
    return f"{path}:{line}:{column} [{pointer or '/'}]"


# --------------------------------------------------------------------------------------------
# Text folding and matching


def fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'")
    return re.sub(r"\s+", " ", text)


def occurrences(haystack: str, needle: str) -> int:
    count, start = 0, 0
    while True:
        index = haystack.find(needle, start)
        if index < 0:
            return count
        count += 1
        start = index + 1


def name_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


# --------------------------------------------------------------------------------------------
# A minimal reading of the seed layout (DESIGN §2.1); the Swift ingest stage is the real one.

BYLINE = re.compile(
    r"^(?:Source|来源)[:：](?P<source>.+?)\s*(?:Editor|编辑|责任编辑)[:：](?P<editor>.+?)\s+"
    r"(?P<stamp>[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2})\s*$"
)
HEADING = re.compile(r"^(?P<number>[1-9][0-9]*)\. \S")
HAN = re.compile(r"[\u3400-\u9fff]")


class Document:
    def __init__(self, path: pathlib.Path) -> None:
        self.path = path
        self.text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        lines = self.text.split("\n")
        self.title = next((line.strip() for line in lines if line.strip()), "")
        self.byline = None
        self.sections: dict[int, list[str]] = {0: []}
        self.lists: dict[str, list[str]] = {}
        self.language_text: dict[str, list[str]] = {}
        current = 0
        seen_title = False
        for line in lines:
            stripped = line.strip()
            if not stripped:
                continue
            language = "zh" if HAN.search(stripped) else "en"
            self.language_text.setdefault(language, []).append(stripped)
            if not seen_title:
                seen_title = True
                continue
            match = BYLINE.match(stripped)
            if match and self.byline is None:
                self.byline = match.groupdict()
                continue
            heading = HEADING.match(stripped)
            if heading:
                current = int(heading.group("number"))
                self.sections[current] = [stripped]
                continue
            self.sections.setdefault(current, []).append(stripped)
        self.lists["en"] = self._english_list(lines)
        self.lists["zh"] = self._chinese_list(lines)

    @staticmethod
    def _english_list(lines: list[str]) -> list[str]:
        items: list[str] = []
        for index, line in enumerate(lines):
            if line.rstrip().endswith(":") and not HAN.search(line):
                for follower in lines[index + 1 :]:
                    stripped = follower.strip()
                    match = re.match(r"^(.*?)(?:; and|;|\.)$", stripped)
                    if not match or HAN.search(stripped):
                        break
                    items.append(match.group(1))
                    if stripped.endswith("."):
                        break
                if items:
                    return items
        return items

    @staticmethod
    def _chinese_list(lines: list[str]) -> list[str]:
        for line in lines:
            match = re.search(r"包括[:：](.*?)[,，]?等等。", line)
            if match:
                return [item for item in re.split(r"[,，]", match.group(1)) if item]
        return []

    def section_text(self, number: int) -> str | None:
        if number not in self.sections:
            return None
        return "\n".join(self.sections[number])


# --------------------------------------------------------------------------------------------
# EDTF (levels 0 and 1)

DATE = re.compile(r"^(?P<y>[0-9]{4}|[0-9]{3}X|[0-9]{2}XX)(?:-(?P<m>[0-9]{2}|XX)(?:-(?P<d>[0-9]{2}|XX))?)?(?P<q>[?~%])?$")
DATETIME = re.compile(
    r"^(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})T(?P<h>[0-9]{2}):(?P<mi>[0-9]{2}):(?P<s>[0-9]{2})(?P<z>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?$"
)


def edtf_date_bounds(text: str) -> tuple[dt.date, dt.date]:
    match = DATE.match(text)
    if not match:
        raise ValueError(f"not an EDTF date: {text!r}")
    year, month, day = match.group("y"), match.group("m"), match.group("d")
    low_year = int(year.replace("X", "0"))
    high_year = int(year.replace("X", "9"))
    if month is None:
        return dt.date(low_year, 1, 1), dt.date(high_year, 12, 31)
    if month == "XX":
        if day is not None and day != "XX":
            raise ValueError(f"day given for an unspecified month: {text!r}")
        return dt.date(low_year, 1, 1), dt.date(high_year, 12, 31)
    number = int(month)
    if 21 <= number <= 24:
        if day is not None:
            raise ValueError(f"a season has no day: {text!r}")
        return dt.date(low_year, 1, 1), dt.date(high_year, 12, 31)
    if not 1 <= number <= 12:
        raise ValueError(f"month out of range: {text!r}")
    last = calendar.monthrange(high_year, number)[1]
    if day is None or day == "XX":
        return dt.date(low_year, number, 1), dt.date(high_year, number, last)
    if "X" in year:
        return dt.date(low_year, number, int(day)), dt.date(high_year, number, int(day))
    if not 1 <= int(day) <= calendar.monthrange(low_year, number)[1]:
        raise ValueError(f"no such day: {text!r}")
    value = dt.date(low_year, number, int(day))
    return value, value


def edtf_bounds(text: str) -> tuple[dt.date | None, dt.date | None]:
    """Earliest and latest day an EDTF value can denote (None = open or unknown)."""
    match = DATETIME.match(text)
    if match:
        dt.datetime.fromisoformat(match.group("date") + "T" + f"{match.group('h')}:{match.group('mi')}:{match.group('s')}")
        day = dt.date.fromisoformat(match.group("date"))
        return day, day
    if "/" in text:
        start, _, end = text.partition("/")
        if "/" in end:
            raise ValueError("more than one '/'")
        if start in ("", "..") and end in ("", ".."):
            raise ValueError("an interval needs at least one date")
        low = None if start in ("", "..") else edtf_date_bounds(start)[0]
        high = None if end in ("", "..") else edtf_date_bounds(end)[1]
        if low and high and low > high:
            raise ValueError("interval ends before it starts")
        return low, high
    return edtf_date_bounds(text)


# --------------------------------------------------------------------------------------------
# Vocabularies


class Vocabularies:
    def __init__(self, root: pathlib.Path, report: Report, documents: dict[str, Document]) -> None:
        base = root / "Schemas" / "vocabularies"
        schemas = base / "schema"
        self.ok = True
        files = {
            "cooperation-areas": (base / "cooperation-areas.yaml", schemas / "cooperation-areas.schema.json"),
            "activity-types": (base / "activity-types.yaml", schemas / "activity-types.schema.json"),
            "country-aliases": (base / "country-aliases.yaml", schemas / "country-aliases.schema.json"),
            "organizations": (base / "organizations.yaml", schemas / "organizations.schema.json"),
        }
        data: dict[str, object] = {}
        for name, (path, schema_path) in files.items():
            try:
                value, locations = load_yaml(path)
            except (YAMLProblem, yaml.YAMLError, OSError) as error:
                report.error(str(path), str(error))
                self.ok = False
                continue
            if validate(value, schema_path, path, locations, report):
                data[name] = (value, locations, path)
            else:
                self.ok = False
        for json_name, schema_name in [
            ("iso_3166-1.json", "iso_3166-1.schema.json"),
            ("iso_3166-1.zh_CN.json", "iso_3166-1.zh_CN.schema.json"),
        ]:
            path = base / json_name
            value = json.loads(path.read_text(encoding="utf-8"))
            if validate(value, schemas / schema_name, path, {}, report):
                data[json_name] = value
            else:
                self.ok = False
        if not self.ok:
            return
        self._build(data, report, documents)

    def _build(self, data: dict, report: Report, documents: dict[str, Document]) -> None:
        # countries
        self.alpha3: dict[str, str] = {}
        self.country_keys: dict[str, str] = {}
        for entry in data["iso_3166-1.json"]["3166-1"]:
            self.alpha3[entry["alpha_3"]] = entry["name"]
        for source in ("iso_3166-1.json", "iso_3166-1.zh_CN.json"):
            for entry in data[source]["3166-1"]:
                for field in ("name", "official_name", "common_name"):
                    if field in entry:
                        key = name_key(entry[field])
                        known = self.country_keys.get(key)
                        if known and known != entry["alpha_3"]:
                            report.error(source, f"ISO name {entry[field]!r} names both {known} and {entry['alpha_3']}")
                        self.country_keys[key] = entry["alpha_3"]
        iso_keys = dict(self.country_keys)
        aliases, locations, path = data["country-aliases"]
        alias_targets: dict[str, tuple[str, int]] = {}
        for index, entry in enumerate(aliases["aliases"]):
            pointer = f"/aliases/{index}"
            code, key = entry["country"], name_key(entry["alias"])
            if code not in self.alpha3:
                report.error(where(path, locations, pointer + "/country"), f"unknown alpha-3 code {code}")
            if entry["alias"] in self.alpha3:
                report.error(where(path, locations, pointer + "/alias"), f"alias {entry['alias']!r} is spelled like an alpha-3 code")
            if key in alias_targets:
                other_code, other_index = alias_targets[key]
                report.error(
                    where(path, locations, pointer + "/alias"),
                    f"alias {entry['alias']!r} repeats alias {other_index} (same key)" if other_code == code
                    else f"ambiguous alias {entry['alias']!r}: {other_code} (alias {other_index}) and {code}",
                )
            alias_targets[key] = (code, index)
            if key in iso_keys and iso_keys[key] != code:
                report.error(where(path, locations, pointer + "/alias"), f"alias {entry['alias']!r} → {code} contradicts the ISO name of {iso_keys[key]}")
            self.country_keys[key] = code
        # organizations
        organizations, locations, path = data["organizations"]
        self.org_ids: dict[str, dict] = {}
        self.org_keys: dict[str, str] = {}
        for index, entry in enumerate(organizations["organizations"]):
            pointer = f"/organizations/{index}"
            if entry["id"] in self.org_ids:
                report.error(where(path, locations, pointer + "/id"), f"duplicate organization id {entry['id']}")
            self.org_ids[entry["id"]] = entry
            if "country" in entry and entry["country"] not in self.alpha3:
                report.error(where(path, locations, pointer + "/country"), f"unknown alpha-3 code {entry['country']}")
            forms = [entry["id"], *entry["names"].values()]
            if "acronym" in entry:
                forms.append(entry["acronym"])
            forms += [alias["text"] for alias in entry.get("aliases", [])]
            for form in forms:
                key = name_key(form)
                known = self.org_keys.get(key)
                if known and known != entry["id"]:
                    report.error(where(path, locations, pointer), f"organization name {form!r} is ambiguous: {known} and {entry['id']}")
                self.org_keys[key] = entry["id"]
        for index, entry in enumerate(organizations["organizations"]):
            if "parent" in entry and entry["parent"] not in self.org_ids:
                report.error(where(path, locations, f"/organizations/{index}/parent"), f"unknown parent {entry['parent']}")
        # cooperation areas
        areas, locations, path = data["cooperation-areas"]
        self.areas: dict[str, dict] = {}
        source = documents.get(areas["source"]["document"])
        if source is None:
            report.error(where(path, locations, "/source/document"), f"source document {areas['source']['document']} not in Input/")
        for index, term in enumerate(areas["terms"]):
            pointer = f"/terms/{index}"
            if term["id"] in self.areas:
                report.error(where(path, locations, pointer + "/id"), f"duplicate term {term['id']}")
            self.areas[term["id"]] = term
            if term["origin"] == "quoted" and source is not None:
                for language, label in term["labels"].items():
                    if fold(label) not in fold(source.text):
                        report.error(where(path, locations, f"{pointer}/labels/{language}"), f"quoted label {label!r} not in {source.path.name}")
        for index, term in enumerate(areas["terms"]):
            parent = term.get("parent")
            if parent is not None:
                if parent not in self.areas:
                    report.error(where(path, locations, f"/terms/{index}/parent"), f"unknown parent {parent}")
                elif not term["id"].startswith(parent + "."):
                    report.error(where(path, locations, f"/terms/{index}/id"), f"id must start with its parent {parent}.")
            elif "." in term["id"]:
                report.error(where(path, locations, f"/terms/{index}"), "a dotted id needs parent")
        # activity types
        types, locations, path = data["activity-types"]
        self.types: dict[str, dict] = {}
        for index, term in enumerate(types["terms"]):
            if term["id"] in self.types:
                report.error(where(path, locations, f"/terms/{index}/id"), f"duplicate type {term['id']}")
            self.types[term["id"]] = term
            subtypes = [sub["id"] for sub in term.get("subtypes", [])]
            if len(set(subtypes)) != len(subtypes):
                report.error(where(path, locations, f"/terms/{index}/subtypes"), "duplicate subtype")

    def country(self, text: str) -> str | None:
        if re.fullmatch(r"[A-Z]{3}", text):
            return text if text in self.alpha3 else None
        return self.country_keys.get(name_key(text))

    def organization(self, text: str) -> str | None:
        return self.org_keys.get(name_key(text))


def validate(value: object, schema_path: pathlib.Path, path: pathlib.Path, locations: dict, report: Report) -> bool:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(value), key=lambda error: list(map(str, error.absolute_path)))
    for error in errors:
        best = jsonschema.exceptions.best_match([error])
        pointer = "".join(f"/{escape_pointer(str(part))}" for part in best.absolute_path)
        report.error(where(path, locations, pointer), f"schema: {best.message} (at {'/'.join(map(str, best.absolute_schema_path))})")
    return not errors


# --------------------------------------------------------------------------------------------
# Annotations


class AnnotationChecker:
    def __init__(self, path: pathlib.Path, value: dict, locations: dict, document: Document,
                 vocabularies: Vocabularies, report: Report, activity_ids: dict) -> None:
        self.path, self.value, self.locations = path, value, locations
        self.document, self.vocab, self.report = document, vocabularies, report
        self.activity_ids = activity_ids
        self.quote_count = 0

    def at(self, pointer: str) -> str:
        return where(self.path, self.locations, pointer)

    def error(self, pointer: str, message: str) -> None:
        self.report.error(self.at(pointer), message)

    # quotes ---------------------------------------------------------------------------------
    def quote(self, quote: object, scope: str, scope_name: str, pointer: str) -> str | None:
        """Checks one quote against its scope text; returns the quoted text."""
        if isinstance(quote, dict):
            text, wanted = quote["quote"], quote.get("occurrence")
        else:
            text, wanted = quote, None
        self.quote_count += 1
        count = occurrences(fold(scope), fold(text))
        if count == 0:
            self.error(pointer, f"quote {text!r} not found in {scope_name}")
        elif wanted is None and count > 1:
            self.error(pointer, f"quote {text!r} occurs {count} times in {scope_name}; add occurrence: N")
        elif wanted is not None and wanted > count:
            self.error(pointer, f"occurrence {wanted} of {text!r} asked, {scope_name} has {count}")
        return text

    # metadata -------------------------------------------------------------------------------
    def check_metadata(self) -> dt.date | None:
        metadata = self.value["metadata"]
        corrections = {c["field"]: (i, c) for i, c in enumerate(metadata.get("corrections", []))}
        byline = self.document.byline or {}
        text_values = {"title": self.document.title, "publisher": byline.get("source"), "editor": byline.get("editor")}
        for field in ("title", "publisher", "editor"):
            found = text_values[field]
            given = metadata.get(field)
            correction = corrections.get(field)
            if correction is not None:
                index, entry = correction
                if entry.get("original") is not None and entry["original"] != found:
                    self.error(f"/metadata/corrections/{index}/original", f"the text has {found!r}, not {entry['original']!r}")
                if given is not None and given != entry["value"]:
                    self.error(f"/metadata/{field}", f"{field} {given!r} differs from its correction {entry['value']!r}")
            elif given is not None and found is not None and fold(given).strip() != fold(found).strip():
                self.error(f"/metadata/{field}", f"{field} {given!r} disagrees with the text {found!r} (add a correction with a reason)")
            elif given is not None and found is None and field != "title":
                self.report.warning(self.at(f"/metadata/{field}"), f"the text has no {field} to compare with")
        published = metadata.get("published")
        correction = corrections.get("published")
        if correction is not None:
            index, entry = correction
            if published is not None and published != entry["value"]:
                self.error("/metadata/published", f"published {published!r} differs from its correction {entry['value']!r}")
            if entry.get("original") is not None and entry["original"] != byline.get("stamp"):
                self.error(f"/metadata/corrections/{index}/original", f"the text has {byline.get('stamp')!r}, not {entry['original']!r}")
            published = entry["value"]
        if published is None:
            return None
        moment = dt.datetime.fromisoformat(published.replace("Z", "+00:00"))
        stamp = byline.get("stamp")
        if stamp and correction is None:
            local = moment.strftime("%Y-%m-%d %H:%M:%S")
            if local != stamp:
                self.error("/metadata/published", f"published local time {local} disagrees with the byline {stamp}")
        return moment.date()

    # activities -----------------------------------------------------------------------------
    def check_activities(self, published: dt.date | None) -> None:
        local_ids = {activity["id"] for activity in self.value.get("activities", [])}
        for index, activity in enumerate(self.value.get("activities", [])):
            base = f"/activities/{index}"
            if activity["id"] in self.activity_ids:
                self.error(base + "/id", f"activity id {activity['id']} already used at {self.activity_ids[activity['id']]}")
            else:
                self.activity_ids[activity["id"]] = self.at(base + "/id")
            section = self.document.section_text(activity["section"])
            if section is None:
                self.error(base + "/section", f"section {activity['section']} does not exist in {self.document.path.name}")
                continue
            scope = f"section {activity['section']}"
            q = lambda value, pointer: self.quote(value, section, scope, pointer)  # noqa: E731
            for position, evidence in enumerate(activity["evidence"]):
                q(evidence, f"{base}/evidence/{position}")
            for field in ("name", "first_of_kind"):
                if field in activity:
                    q(activity[field], f"{base}/{field}")
            if "edition" in activity:
                q(activity["edition"]["raw"], f"{base}/edition/raw")
            kind = self.vocab.types.get(activity["type"])
            if kind is None:
                self.error(base + "/type", f"unknown activity type {activity['type']}")
            elif kind.get("status") == "reserved":
                self.report.warning(self.at(base + "/type"), f"activity type {activity['type']} is reserved")
            if "subtype" in activity and kind is not None:
                allowed = [sub["id"] for sub in kind.get("subtypes", [])]
                if activity["subtype"] not in allowed:
                    self.error(base + "/subtype", f"{activity['subtype']} is not a subtype of {activity['type']} ({', '.join(allowed) or 'none'})")
            for position, area in enumerate(activity["areas"]):
                term = self.vocab.areas.get(area)
                if term is None:
                    self.error(f"{base}/areas/{position}", f"unknown cooperation area {area}")
                elif term.get("requires_note") and "notes" not in activity:
                    self.error(f"{base}/areas/{position}", f"area {area} needs notes on the activity")
            if "part_of" in activity and activity["part_of"] not in local_ids:
                self.error(base + "/part_of", f"part_of names unknown activity {activity['part_of']}")
            if activity.get("part_of") == activity["id"]:
                self.error(base + "/part_of", "an activity cannot be part of itself")
            self.check_date(activity, base, section, scope, published)
            if "location" in activity:
                location = activity["location"]
                raw = q(location["raw"], f"{base}/location/raw")
                if "place" in location and raw is not None and fold(location["place"]) not in fold(raw):
                    self.error(f"{base}/location/place", f"place {location['place']!r} is not inside raw {raw!r}")
                if "country" in location and self.vocab.country(location["country"]) is None:
                    self.error(f"{base}/location/country", f"unknown country {location['country']!r}")
            for position, quantity in enumerate(activity.get("quantities", [])):
                q(quantity["raw"], f"{base}/quantities/{position}/raw")
            for position, participant in enumerate(activity["participants"]):
                self.check_participant(participant, f"{base}/participants/{position}", q)

    def check_date(self, activity: dict, base: str, section: str, scope: str, published: dt.date | None) -> None:
        date = activity["date"]
        if "raw" in date:
            self.quote(date["raw"], section, scope, f"{base}/date/raw")
        try:
            low, high = edtf_bounds(date["edtf"])
        except ValueError as error:
            self.error(f"{base}/date/edtf", f"invalid EDTF {date['edtf']!r}: {error}")
            return
        if published is None:
            return
        if activity.get("assertion") != "planned" and low is not None and low > published:
            self.error(f"{base}/date/edtf", f"{date['edtf']} is after publication ({published}); mark assertion: planned")
        basis = date["basis"]
        if basis in ("inferred_publication_year", "inferred_event_name", "bounded_by_publication"):
            known = [bound for bound in (low, high) if bound is not None]
            if basis == "inferred_publication_year" and any(bound.year != published.year for bound in known):
                self.error(f"{base}/date/edtf", f"basis {basis} but {date['edtf']} is not within {published.year}")
            if basis == "bounded_by_publication" and published not in (low, high):
                self.error(f"{base}/date/edtf", f"basis {basis} but neither end of {date['edtf']} is the publication date {published}")

    def check_participant(self, participant: dict, base: str, q) -> None:
        raw = q(participant["raw"], base + "/raw") if "raw" in participant else None
        code = None
        if "country" in participant:
            code = self.vocab.country(participant["country"])
            if code is None:
                self.error(base + "/country", f"unknown country {participant['country']!r}")
        if "organization" in participant:
            org = self.vocab.organization(participant["organization"])
            if org is None:
                self.error(base + "/organization", f"unknown organization {participant['organization']!r}")
            else:
                org_country = self.vocab.org_ids[org].get("country")
                if code and org_country and code != org_country:
                    self.error(base, f"organization {org} belongs to {org_country}, not {code}")
        if "person" in participant and raw is not None:
            person = participant["person"]
            for label, text in [("name", person["name"])] + [("title", t) for t in person.get("titles", [])]:
                if fold(text) not in fold(raw):
                    self.error(base + "/person", f"{label} {text!r} is not inside raw {raw!r}")
        if "set" in participant:
            self.check_set(participant["set"], base + "/set", q)

    def check_set(self, group: dict, base: str, q) -> None:
        members = []
        for position, member in enumerate(group["members"]):
            pointer = f"{base}/members/{position}"
            if isinstance(member, str):
                text = q(member, pointer)
            elif "occurrence" in member:
                text = q({"quote": member["quote"], "occurrence": member["occurrence"]}, pointer)
            else:
                text = q(member["quote"], pointer)
            if group["member_kind"] == "country":
                target = member.get("country", text) if isinstance(member, dict) else text
                resolved = self.vocab.country(target)
                if isinstance(member, dict) and "organization" in member:
                    self.error(pointer, "a country set member cannot name an organization")
                if resolved is None:
                    self.error(pointer, f"member {target!r} does not resolve to a country")
            else:
                target = member.get("organization", text) if isinstance(member, dict) else text
                resolved = self.vocab.organization(target)
                if resolved is None:
                    self.error(pointer, f"member {target!r} does not resolve to an organization")
            if resolved is not None:
                if resolved in members:
                    self.error(pointer, f"{resolved} listed twice")
                members.append(resolved)
        if "completeness_evidence" in group:
            q(group["completeness_evidence"], base + "/completeness_evidence")
        listed = len(group["members"])
        total = group.get("total")
        if total is not None:
            q(total["raw"], base + "/total/raw")
            value, qualifier = total.get("value"), total["qualifier"]
            lower, upper = bounds(value, qualifier)
            if upper is not None and listed > upper:
                self.error(base + "/members", f"{listed} members listed but the stated total is {qualifier} {value} (at most {upper})")
            if group["completeness"] == "complete" and lower is not None and listed < lower:
                self.error(base + "/completeness", f"complete, but {listed} members listed and the stated total is {qualifier} {value}")
            if group["completeness"] == "complete" and qualifier == "vague":
                self.error(base + "/completeness", "a set with a vague total cannot be complete")
        elif group["completeness"] == "complete" and listed == 0:
            self.error(base + "/completeness", "an empty set with no total cannot be complete")

    # terms ----------------------------------------------------------------------------------
    def check_terms(self) -> None:
        mapped: dict[str, set[int]] = {"en": set(), "zh": set()}
        seen: dict[str, int] = {}
        for index, term in enumerate(self.value.get("terms", [])):
            base = f"/terms/{index}"
            if term["term"] in seen:
                self.error(base + "/term", f"term {term['term']} already mapped at /terms/{seen[term['term']]}")
            seen[term["term"]] = index
            vocabulary = self.vocab.areas if term["vocabulary"] == "cooperation-areas" else self.vocab.types
            if term["term"] not in vocabulary:
                self.error(base + "/term", f"unknown {term['vocabulary']} term {term['term']}")
            for language in ("en", "zh"):
                form = term.get(language)
                if form is None:
                    continue
                items = self.document.lists.get(language, [])
                if "item" in form:
                    if form["item"] > len(items):
                        self.error(f"{base}/{language}/item", f"the {language} list has {len(items)} items, not {form['item']}")
                        continue
                    scope = items[form["item"] - 1]
                    scope_name = f"{language} list item {form['item']}"
                    mapped[language].add(form["item"])
                else:
                    scope = "\n".join(self.document.language_text.get(language, []))
                    scope_name = f"the {language} text"
                self.quote(form["evidence"], scope, scope_name, f"{base}/{language}/evidence")
        for language, items in self.document.lists.items():
            for number in range(1, len(items) + 1):
                if number not in mapped[language]:
                    self.report.warning(str(self.path), f"{language} list item {number} ({items[number - 1]!r}) is not mapped to a term")


def bounds(value, qualifier):
    if qualifier == "vague" or value is None:
        return None, None
    if qualifier == "exact":
        return value, value
    if qualifier == "more_than":
        return (value + 1 if float(value).is_integer() else value), None
    if qualifier == "at_least":
        return value, None
    if qualifier == "nearly":
        return None, (value - 1 if float(value).is_integer() else value)
    return None, None  # approx


# --------------------------------------------------------------------------------------------
# Self-test: each fault below is applied to a copy of the repository; the check must fail.

A003 = "Input/003_9ffac5d15d52c637.yaml"
A000 = "Input/000_ec6a5abef4a65f2a.yaml"
SELF_TEST_FAULTS = [
 ("misspelled country", A003, "            - Northern Macedonia\n", "            - Northen Macedonia\n"),
 ("quote not in section", A003, "      - made video calls\n", "      - made phone calls\n"),
 ("quote twice", A003, "            - {quote: Guinea, occurrence: 2}\n", "            - Guinea\n"),
 ("occurrence too high", A003, "            - {quote: Guinea, occurrence: 2}\n", "            - {quote: Guinea, occurrence: 3}\n"),
 ("unknown area", A003, "    areas: [joint_operations]\n    edition:\n      ordinal: 1", "    areas: [joint_operation]\n    edition:\n      ordinal: 1"),
 ("bad edtf", A003, 'edtf: "2021-11-04/"', 'edtf: "2021-02-30"'),
 ("edtf schema", A003, 'edtf: "2021-11-04/"', 'edtf: "Nov 2021"'),
 ("after publication", A003, 'edtf: "2021-11-04/"', 'edtf: "2021-12-24/"'),
 ("byline contradiction", A003, "editor: Li Jiayao", "editor: Li Jiayo"),
 ("published mismatch", A003, '"2021-12-23T18:03:31+08:00"', '"2021-12-23T10:03:31Z"'),
 ("set too many", A003, "total: {unit: countries, value: 30, qualifier: more_than, raw: over 30 countries}\n          completeness: partial", "total: {unit: countries, value: 20, qualifier: exact, raw: over 30 countries}\n          completeness: partial"),
 ("duplicate key", A003, "    section: 7\n", "    section: 7\n    section: 7\n"),
 ("tab", A003, "    section: 7\n", "    section:\t7\n"),
 ("anchor", A003, "    areas: [security_dialogue]\n    mode: [video]\n    name: China", "    areas: &a [security_dialogue]\n    mode: [video]\n    name: China"),
 ("unknown key", A003, "    section: 7\n", "    section: 7\n    sectoin: 7\n"),
 ("missing section", A003, "    section: 7\n", "    section: 9\n"),
 ("duplicate id", A003, "id: 003-h2-letters", "id: 003-h2-video-calls"),
 ("title not in raw", A003, "titles: [State Councilor, Defense Minister, General]\n        country: China\n        sector: MIL\n        role: visitor", "titles: [State Councillor, Defense Minister, General]\n        country: China\n        sector: MIL\n        role: visitor"),
 ("wrong type", A003, "      ordinal: 12\n", "      ordinal: twelve\n"),
 ("yes is string", A003, "        implicit: true\n        raw: the two navies\n      - country: Russia", "        implicit: yes\n        raw: the two navies\n      - country: Russia"),
 ("unknown subtype", A003, "subtype: salvage", "subtype: salvaging"),
 ("vague with value", A003, "{unit: countries, qualifier: vague, raw: many countries}", "{unit: countries, value: 3, qualifier: vague, raw: many countries}"),
 ("zh item", A000, "      item: 7\n      evidence: 维和", "      item: 8\n      evidence: 维和"),
 ("zh evidence wrong item", A000, "      item: 7\n      evidence: 护航", "      item: 6\n      evidence: 护航"),
 ("ambiguous alias", "Schemas/vocabularies/country-aliases.yaml", "  - {alias: Congo Republic,", "  - {alias: congo  republic, country: COD, lang: en, source: test}\n  - {alias: Congo Republic,"),
 ("alias conflicts iso", "Schemas/vocabularies/country-aliases.yaml", "  - {alias: Turkey,", "  - {alias: Sudan, country: SSD, lang: en, source: test}\n  - {alias: Turkey,"),
 ("alias like code", "Schemas/vocabularies/country-aliases.yaml", "  - {alias: Turkey,", "  - {alias: SSD, country: SDN, lang: en, source: test}\n  - {alias: Turkey,"),
 ("org ambiguous", "Schemas/vocabularies/organizations.yaml", "      - {text: 东盟, lang: zh}", "      - {text: 东盟, lang: zh}\n      - {text: Shanghai Cooperation Organisation, lang: en}"),
 ("quoted label", "Schemas/vocabularies/cooperation-areas.yaml", "en: personnel exchanges", "en: personnel exchange programmes"),
 ("definition with activities", A000, "kind: definition", "kind: news_article"),
 ("explicit basis no raw", A003, '      edtf: "2021"\n      basis: inferred_publication_year\n      raw: This year', '      edtf: "2021"\n      basis: explicit'),
]


def self_test(root: pathlib.Path) -> int:
    import shutil
    import subprocess
    import tempfile

    failures = 0
    for name, file, old, new in SELF_TEST_FAULTS:
        with tempfile.TemporaryDirectory() as temporary:
            copy = pathlib.Path(temporary)
            for folder in ("Input", "Schemas"):
                shutil.copytree(root / folder, copy / folder)
            target = copy / file
            text = target.read_text(encoding="utf-8")
            if old not in text:
                print(f"self-test: STALE {name}: the text to replace is gone from {file}")
                failures += 1
                continue
            target.write_text(text.replace(old, new, 1), encoding="utf-8")
            result = subprocess.run([sys.executable, __file__, "--root", str(copy)], capture_output=True, text=True)
            first = next((line for line in result.stdout.splitlines() if ": error: " in line), "")
            if result.returncode == 1 and first:
                print(f"self-test: ok   {name}: {first.replace(str(copy) + '/', '')[:160]}")
            else:
                print(f"self-test: MISSED {name} (exit {result.returncode})")
                failures += 1
    print(f"self-test: {len(SELF_TEST_FAULTS) - failures}/{len(SELF_TEST_FAULTS)} faults detected")
    return 1 if failures else 0


# --------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parent.parent)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--self-test", action="store_true", help="apply known faults to copies of the corpus and expect each to fail")
    arguments = parser.parse_args()
    root: pathlib.Path = arguments.root
    if arguments.self_test:
        return self_test(root)
    report = Report(arguments.verbose)
    documents = {path.stem: Document(path) for path in sorted((root / "Input").glob("*.txt"))}
    vocabularies = Vocabularies(root, report, documents)
    schema_path = root / "Schemas" / "annotation.schema.json"
    activity_ids: dict[str, str] = {}
    checked = 0
    for path in sorted((root / "Input").glob("*.yaml")):
        checked += 1
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        if first != "# yaml-language-server: $schema=../Schemas/annotation.schema.json":
            report.warning(f"{path}:1:1", "first line should be '# yaml-language-server: $schema=../Schemas/annotation.schema.json'")
        document = documents.get(path.stem)
        if document is None:
            report.error(str(path), f"no {path.stem}.txt beside the annotation")
            continue
        try:
            value, locations = load_yaml(path)
        except (YAMLProblem, yaml.YAMLError) as error:
            report.error(str(path), str(error))
            continue
        if not validate(value, schema_path, path, locations, report) or not vocabularies.ok:
            continue
        checker = AnnotationChecker(path, value, locations, document, vocabularies, report, activity_ids)
        published = checker.check_metadata()
        checker.check_activities(published)
        checker.check_terms()
        report.info(f"{path.name}: {len(value.get('activities', []))} activities, {len(value.get('terms', []))} terms, "
                    f"{checker.quote_count} quotes checked")
    for line in report.warnings + report.errors:
        print(line)
    print(f"check-corpus: {checked} annotation file(s), {len(report.errors)} error(s), {len(report.warnings)} warning(s)")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
