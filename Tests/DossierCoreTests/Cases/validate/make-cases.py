#!/usr/bin/env python3
"""Writes the broken-annotation cases of ValidateCaseTests: each case is a seed annotation with ONE
fault (the first occurrence of OLD replaced by NEW), so that line numbers stay those of the seed.
Run from this folder; then record the expected diagnostics with
UPDATE_GOLDENS=1 swift test --filter ValidateCaseTests and review every expected.txt by hand."""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[4]
A003 = "003_9ffac5d15d52c637.yaml"
A000 = "000_ec6a5abef4a65f2a.yaml"
EOF = None  # append NEW at the end of the file
BOMB = "".join(f"  - &l{i} [*l{i-1}, *l{i-1}, *l{i-1}, *l{i-1}, *l{i-1}, *l{i-1}, *l{i-1}, *l{i-1}, *l{i-1}, *l{i-1}]\n" for i in range(1, 10))
CASES = {
    "duplicate-key": (A003, "    section: 7\n", "    section: 7\n    section: 7\n"),
    "unknown-key": (A003, "    section: 7\n", "    sectoin: 7\n"),
    "misspelled-country": (A003, "      - country: Russia\n        sector: MIL\n        role: participant\n        raw: The Russian military",
                           "      - country: Rusia\n        sector: MIL\n        role: participant\n        raw: The Russian military"),
    "misspelled-set-member": (A003, "            - Northern Macedonia\n", "            - Northen Macedonia\n"),
    "unknown-area": (A003, "    areas: [joint_operations]\n    edition:\n      ordinal: 1", "    areas: [joint_operation]\n    edition:\n      ordinal: 1"),
    "quote-not-in-section": (A003, "      - made video calls\n", "      - made phone calls\n"),
    "quote-found-twice": (A003, "            - {quote: Guinea, occurrence: 2}\n", "            - Guinea\n"),
    "occurrence-too-high": (A003, "            - {quote: Guinea, occurrence: 2}\n", "            - {quote: Guinea, occurrence: 3}\n"),
    "missing-section": (A003, "    section: 7\n", "    section: 9\n"),
    "bad-edtf": (A003, 'edtf: "2021-11-04/"', 'edtf: "2021-02-30"'),
    "edtf-shape": (A003, 'edtf: "2021-11-04/"', 'edtf: "Nov 2021"'),
    "date-after-publication": (A003, 'edtf: "2021-11-04/"', 'edtf: "2021-12-24/"'),
    "byline-contradiction": (A003, "editor: Li Jiayao", "editor: Li Jiayo"),
    "published-mismatch": (A003, '"2021-12-23T18:03:31+08:00"', '"2021-12-23T10:03:31Z"'),
    "published-not-a-date-time": (A003, '"2021-12-23T18:03:31+08:00"', '"2021-12-32T18:03:31+08:00"'),
    "wrong-type": (A003, "      ordinal: 12\n", "      ordinal: twelve\n"),
    "yes-is-a-string": (A003, "        implicit: true\n        raw: the two navies\n      - country: Russia",
                        "        implicit: yes\n        raw: the two navies\n      - country: Russia"),
    "tab-indentation": (A003, "    section: 7\n", "\tsection: 7\n"),
    "alias-bomb": (A003, EOF, "bomb:\n  - &l0 [lol]\n" + BOMB),
    "anchor": (A003, "    areas: [security_dialogue]\n    mode: [video]", "    areas: &a [security_dialogue]\n    mode: [video]"),
    "duplicate-id": (A003, "id: 003-h2-letters", "id: 003-h2-video-calls"),
    "set-exceeds-total": (A003, "total: {unit: countries, value: 30, qualifier: more_than, raw: over 30 countries}",
                          "total: {unit: countries, value: 10, qualifier: exact, raw: over 30 countries}"),
    "complete-set-too-small": (A003, "          completeness: partial\n          completeness_evidence: including",
                               "          completeness: complete\n          completeness_evidence: including"),
    "member-listed-twice": (A003, "            - Egypt\n", "            - {quote: Egypt, country: Pakistan}\n"),
    "unknown-organization": (A003, "      - organization: CMC-OIMC\n", "      - organization: CMC-OMIC\n"),
    "title-not-in-raw": (A003, "titles: [State Councilor, Defense Minister, General]", "titles: [State Councillor, Defense Minister, General]"),
    "unknown-subtype": (A003, "subtype: salvage", "subtype: salvaging"),
    "vague-with-value": (A003, "{unit: countries, qualifier: vague, raw: many countries}", "{unit: countries, value: 3, qualifier: vague, raw: many countries}"),
    "explicit-basis-without-raw": (A003, '      edtf: "2021"\n      basis: inferred_publication_year\n      raw: This year',
                                   '      edtf: "2021"\n      basis: explicit'),
    "second-document": (A003, EOF, "---\nkind: definition\n"),
    "zh-item-missing": (A000, "      item: 7\n      evidence: 维和", "      item: 8\n      evidence: 维和"),
    "zh-evidence-wrong-item": (A000, "      item: 7\n      evidence: 护航", "      item: 6\n      evidence: 护航"),
    "definition-with-activities": (A000, "kind: definition", "kind: news_article"),
    "unknown-term": (A000, "  - term: arms_control\n", "  - term: arms_controls\n"),
    "title-contradiction": (A000, "  title: International Military Cooperation\n", "  title: International Military Co-operation\n"),
    "stale-correction": (A003, "  languages: [en]\n", "  languages: [en]\n  corrections:\n    - {field: editor, original: Li Jiayo, value: Li Jiayao, reason: the archive page spells it so}\n"),
    "correction-mismatch": (A003, "  languages: [en]\n", "  languages: [en]\n  corrections:\n    - {field: editor, value: Li Jiayi, reason: the archive page spells it so}\n"),
    "repeated-correction": (A003, "  languages: [en]\n", "  languages: [en]\n  corrections:\n    - {field: editor, value: Li Jiayao, reason: the archive page spells it so}\n    - {field: editor, value: Li Jiayao, reason: the print edition spells it so}\n"),
    "unknown-part-of": (A003, "    part_of: 003-h6-army-games\n", "    part_of: 003-h6-army-game\n"),
    "organization-country-mismatch": (A003, "      - organization: CMC-OIMC\n", "      - organization: CMC-OIMC\n        country: Russia\n"),
    "area-needs-notes": (A003, "    type: outreach\n    areas: [personnel_exchanges]", "    type: outreach\n    areas: [other]"),
    "unknown-activity-type": (A003, "    type: outreach\n", "    type: outreech\n"),
    "reserved-activity-type": (A003, "    type: outreach\n", "    type: arms_transfer\n"),
    "basis-outside-publication-year": (A003, 'edtf: "2021-11-04/"', 'edtf: "2020-11-04/"'),
    "basis-not-bounded-by-publication": (A003, 'edtf: "2021-01-01/2021-12-23"', 'edtf: "2021-01-01/2021-12-22"'),
    "set-member-of-wrong-kind": (A003, "            - Egypt\n", "            - {quote: Egypt, organization: UN}\n"),
    "place-not-in-raw": (A003, "      place: Museum of the CPC\n", "      place: CPC Museum\n"),
    "merge-key": (A003, "    section: 7\n", "    <<: {section: 7}\n"),
    "explicit-tag": (A003, "    section: 7\n", "    section: !!int 7\n"),
    "unmapped-list-item": (A000, "      item: 5\n      evidence: personnel exchanges", "      evidence: personnel exchanges"),
    "missing-schema-comment": (A003, "# yaml-language-server: $schema=../Schemas/annotation.schema.json\n", "# Highlights, coded.\n"),
    "languages-differ": (A003, "  languages: [en]\n", "  languages: [en, zh]\n"),
    "term-mapped-twice": (A000, "  - term: arms_control\n", "  - term: personnel_exchanges\n"),
}

for name, (seed, old, new) in CASES.items():
    text = (ROOT / "Input" / seed).read_text(encoding="utf-8")
    if old is EOF:
        text, old, new = text + "\u0000", "\u0000", new
    assert old in text, f"{name}: the text to replace is gone from {seed}"
    folder = pathlib.Path(__file__).resolve().parent / name
    folder.mkdir(exist_ok=True)
    (folder / seed).write_text(text.replace(old, new, 1), encoding="utf-8")
print(f"{len(CASES)} cases written")
