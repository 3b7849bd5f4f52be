"""Bad data never crashes the tool: a table of small edits of data/, and the paths around it.

Each case edits a copy of data/ in tmp_path (tests/edits.py) and runs `caseload` on it:
the exit code and the `error:` lines must be exactly the case's, with every place named
relative to the edited line or found by its content. To add a case: add its edit here,
run the tool on an edited copy, check that the messages say what a person needs to fix
it, and write them in.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import tyollisyys_cli.files
from clirunner import CliRunner
from edits import (
    MONTH_HEADER,
    SOURCE,
    Append,
    C,
    Case,
    DeleteLine,
    Encode,
    InsertAfter,
    M,
    MakeDir,
    Remove,
    Rename,
    Replace,
    S,
    Write,
    Y,
    Zip,
    case,
    copy_data,
    month,
    prepare,
)
from lines import line_of
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.files import yamlfile

#: A billion-laughs alias bomb of a few hundred bytes: an inline snippet written as the
#: whole file, so the alias-bomb case names its own lines by number.
BOMB = """# yaml-language-server: $schema=../schemas/municipalities.schema.json
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""

#: A source with ä and ö, which Latin-1 writes as bytes that are not UTF-8.
FINNISH_SOURCE = SOURCE.replace("Statistics Finland", "Tilastokeskus, työnvälitystilasto")

#: Hyrynsalmi's code, 105, written 999: where it is, and each reference by 105 in
#: municipalities.yaml.
HYRYNSALMI_AS_999 = [
    (
        'municipalities.yaml:{line:code: "999"}:11: municipalities[0].code (Hyrynsalmi): 999 '
        "is no municipality code in the classification of 2025; Hyrynsalmi's code is 105"
    ),
    (
        "municipalities.yaml:{next:service_unit: paltamo}:19: municipalities[0].service_unit "
        "(Hyrynsalmi): Hyrynsalmi names service unit 'paltamo' but is not among its members"
    ),
    (
        'municipalities.yaml:{line:members: ["578", "105", "697"]}:22: '
        "service_units[0].members[1] (Paltamo (ml. Hyrynsalmi ja Ristijärvi)): unknown "
        "municipality code 105: it is Hyrynsalmi's, whose code municipalities.yaml writes 999"
    ),
    (
        'municipalities.yaml:{line:serves: ["578", "105", "697"]}:21: '
        "shared_services[0].serves[1] (Vieraskielisten ohjaus pienille kunnille): unknown "
        "municipality code 105: it is Hyrynsalmi's, whose code municipalities.yaml writes 999"
    ),
    (
        'municipalities.yaml:{line:serves: ["105", "205"}:14: shared_services[1].serves[0] '
        "(International Info): unknown municipality code 105: it is Hyrynsalmi's, whose code "
        "municipalities.yaml writes 999"
    ),
]

CASES = [
    case(
        "empty-file",
        "municipalities.yaml is empty (0 bytes)",
        [
            Write(M, ""),
        ],
        [
            "municipalities.yaml: the file is empty",
        ],
    ),
    case(
        "only-comments",
        "municipalities.yaml holds only its comment lines",
        [
            Write(
                M,
                "# yaml-language-server: $schema=../schemas/municipalities.schema.json\n"
                "#\n"
                "# nothing yet\n",
            ),
        ],
        [
            "municipalities.yaml: the file holds no data (only comments)",
        ],
    ),
    case(
        "directory-instead-of-file",
        "municipalities.yaml is a folder",
        [
            MakeDir(M),
        ],
        [
            "municipalities.yaml: is a directory, expected a YAML file",
        ],
    ),
    case(
        "missing-area-file",
        "the folder has commuting.yaml but no municipalities.yaml",
        [
            Remove(M),
        ],
        [
            (
                "municipalities.yaml: file not found, beside commuting.yaml of an area: put "
                "the area's municipalities.yaml back, or give --data-dir to read another area"
            ),
        ],
    ),
    case(
        "not-utf8-latin1",
        "municipalities.yaml saved as Latin-1 (ISO-8859-1)",
        [
            Encode(M, "latin-1"),
        ],
        [
            (
                "municipalities.yaml:{line:(Kainuun Koillismaan}:26: the file is not UTF-8 text "
                "(byte 0xf6, ö in Latin-1); save it as UTF-8"
            ),
        ],
    ),
    case(
        "not-utf8-utf16",
        "commuting.yaml saved as UTF-16",
        [
            Encode(C, "utf-16"),
        ],
        [
            (
                "commuting.yaml:1:1: the file is UTF-16 text (what Windows calls Unicode), not "
                "UTF-8; save it as UTF-8"
            ),
        ],
    ),
    case(
        "not-utf8-utf16-without-its-mark",
        "commuting.yaml saved as UTF-16 with no byte order mark (was 'ä in Latin-1' at 3:90)",
        [
            Encode(C, "utf-16-le"),
        ],
        [
            (
                "commuting.yaml:1:1: the file is UTF-16 text (what Windows calls Unicode), not "
                "UTF-8; save it as UTF-8"
            ),
        ],
    ),
    case(
        "not-utf8-utf16-without-its-mark-a-month",
        "a month file saved as UTF-16 with no byte order mark, every letter ASCII (was a "
        "control character U+0000 at 1:2)",
        [
            Write(S, month()),
            Encode(S, "utf-16-le"),
        ],
        [
            (
                "statistics/2026-06.csv:1:1: the file is UTF-16 text (what Windows calls "
                "Unicode), not UTF-8; save it as UTF-8"
            ),
        ],
    ),
    case(
        "control-character",
        "an invisible control character (U+0007) in a name",
        [
            Replace(M, "    name: Kuhmo\n", "    name: Ku\u0007hmo\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:13: the file holds the control character U+0007, "
                "which YAML does not allow; delete it (it is often invisible: retype the line)"
            ),
        ],
    ),
    case(
        "a-run-of-nul-bytes",
        "a run of NUL bytes, as a crash or a failed sync leaves (was called UTF-16, at 1:1)",
        [
            Write(M, "area:" + "\u0000" * 100 + "\n  name: Kainuu\n"),
        ],
        [
            (
                "municipalities.yaml:1:6: the file holds the control character U+0000, "
                "which YAML does not allow; delete it (it is often invisible: retype the line)"
            ),
        ],
    ),
    case(
        "csv-a-run-of-nul-bytes",
        "a month file ending in a run of NUL bytes (was told a row lacked fifteen cells, "
        "with the NULs for its name)",
        [
            Write(S, month()),
            Append(S, "\u0000" * 600),
        ],
        [
            (
                "statistics/2026-06.csv:{line:\u0000}:1: the file holds the control character "
                "U+0000 (a NUL byte, as a crash or a failed copy leaves); delete it, or move the "
                "file away and import its month again"
            ),
        ],
    ),
    case(
        "tab-indentation",
        "a line indented with a tab",
        [
            Replace(
                M,
                "    region: Kainuu\n    service_unit: paltamo\n"
                "    statistics:\n      labour_force: 765",
                "    region: Kainuu\n    service_unit: paltamo\n"
                "    statistics:\n\tlabour_force: 765",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:1: YAML syntax error: a tab character; indent with "
                "spaces, not tabs"
            ),
        ],
    ),
    case(
        "tab-after-a-colon",
        "a tab between a key and its value (libyaml would read it, PyYAML's Python parser not)",
        [
            Replace(M, "    name: Kuhmo\n", "    name:\tKuhmo\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:10: YAML syntax error: a tab character; write "
                "spaces between and inside values (a tab may stand only in quotes, in a text "
                "after | or >, or in a comment)"
            ),
        ],
    ),
    case(
        "byte-order-mark-inside",
        "a byte order mark at the start of a line, as joining two files leaves",
        [
            Replace(M, "    name: Kuhmo\n", "\ufeff    name: Kuhmo\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:1: the invisible character byte order mark (BOM, "
                "U+FEFF), which belongs only at the very start of a file; remove it (joining "
                "two files leaves one inside)"
            ),
        ],
    ),
    case(
        "indentation-too-shallow",
        "one key of a mapping indented less than the others",
        [
            Replace(C, "    commuting_in: 311", "   commuting_in: 311"),
        ],
        [
            (
                "commuting.yaml:{line}:4: YAML syntax error: this line's indentation does not "
                'fit the block that starts on line {line:municipality: "105"}; indent each key '
                "of a mapping by the same number of spaces"
            ),
        ],
    ),
    case(
        "indentation-too-deep",
        "a key indented further than the one above",
        [
            Replace(C, "    commuting_in: 311", "      commuting_in: 311"),
        ],
        [
            (
                "commuting.yaml:{line}:19: YAML syntax error: a key where none can start: check "
                "the indentation of this line and the lines above, or put a value that contains "
                "': ' in quotes"
            ),
        ],
    ),
    case(
        "unclosed-single-quote",
        "a single quote never closed",
        [
            Replace(C, "printed_name: Hyrnsalmi", "printed_name: 'Hyrnsalmi"),
        ],
        [
            (
                "commuting.yaml:{line}:19: YAML syntax error: the single quote opened here is "
                "never closed; end the text with a matching quote"
            ),
        ],
    ),
    case(
        "unclosed-double-quote",
        "a double quote never closed (the last one in the file)",
        [
            Replace(C, "job_self_sufficiency: 91.773", 'job_self_sufficiency: "91.773'),
        ],
        [
            (
                "commuting.yaml:{line}:25: YAML syntax error: the double quote opened here is "
                "never closed; end the text with a matching quote"
            ),
        ],
    ),
    case(
        "unclosed-flow-list",
        "a [ list without its closing ]",
        [
            Replace(M, 'members: ["578", "105", "697"]', 'members: ["578", "105", "697"'),
        ],
        [
            (
                "municipalities.yaml:{line}:14: YAML syntax error: the [ opened here has no "
                "matching ] before line {line+1}, where the parser gave up; close it, or "
                "put the value in quotes"
            ),
        ],
    ),
    case(
        "unclosed-flow-mapping",
        "a { mapping without its closing }",
        [
            Replace(M, "fte: {min: 2, max: 4}", "fte: {min: 2, max: 4"),
        ],
        [
            (
                "municipalities.yaml:{line}:14: YAML syntax error: the { opened here has no "
                "matching } before line {line+1}, where the parser gave up; close it, or "
                "put the value in quotes"
            ),
        ],
    ),
    case(
        "colon-in-unquoted-text",
        "text containing ': ' written without quotes",
        [
            Replace(
                M,
                'printed: "Hyrnsalmen kunta: Hyrnsalmen kunnantalo, Laskutie 1, 89400 Hyrnsalmi"',
                "printed: Hyrnsalmen kunta: Hyrnsalmen kunnantalo, Laskutie 1, 89400 Hyrnsalmi",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:34: YAML syntax error: a key where none can start: "
                "check the indentation of this line and the lines above, or put a value that "
                "contains ': ' in quotes"
            ),
        ],
    ),
    case(
        "second-document",
        "a second YAML document after a --- line",
        [
            Append(C, "---\nsource: copy\n"),
        ],
        [
            (
                "commuting.yaml:{line}:1: YAML syntax error: a second document starts here (a "
                "line `---`); a data file holds one"
            ),
        ],
    ),
    case(
        "at-sign-starts-value",
        "a value starting with @, which YAML reserves",
        [
            Replace(C, "source: TEM resurssilaskelmat", "source: @TEM resurssilaskelmat"),
        ],
        [
            (
                "commuting.yaml:{line}:9: YAML syntax error: the character '@' cannot start a "
                "value; put the value in quotes"
            ),
        ],
    ),
    case(
        "python-tag",
        "a !!python tag that would run a command in an unsafe loader",
        [
            Replace(
                M, "name: Kainuu–Koillismaa", 'name: !!python/object/apply:os.system ["echo pwned"]'
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:9: area.name: the tag "
                "!!python/object/apply:os.system is not allowed in data files; write plain "
                "values (nothing in the file is ever run or turned into objects)"
            ),
        ],
    ),
    case(
        "custom-tag",
        "a custom tag (!include)",
        [
            Replace(C, "source: TEM resurssilaskelmat", "source: !include sources.yaml"),
        ],
        [
            (
                "commuting.yaml:{line}:9: source: the tag !include is not allowed in data files; "
                "write plain values (nothing in the file is ever run or turned into objects)"
            ),
        ],
    ),
    case(
        "binary-tag",
        "a !!binary value",
        [
            Replace(
                C, "source: TEM resurssilaskelmat", "source: !!binary VEVNIHJlc3Vyc3NpbGFza2VsbWF0"
            ),
        ],
        [
            (
                "commuting.yaml:{line}:9: source: the tag !!binary is not allowed in data files; "
                "write plain values (nothing in the file is ever run or turned into objects)"
            ),
        ],
    ),
    case(
        "anchor-and-alias",
        "a value named with &anchor and reused with *alias",
        [
            Replace(
                C,
                "    labour_force: 3120\n    commuting_in: 311",
                "    labour_force: &kuhmo 3120\n    commuting_in: *kuhmo",
            ),
        ],
        [
            (
                "commuting.yaml:{line}:19: anchor &kuhmo (used again on line {line+1}): anchors "
                "and aliases (&name, *name) are not allowed in data files; write the value out "
                "each time"
            ),
        ],
    ),
    case(
        "merge-key",
        "a << merge key reusing another row",
        [
            Replace(
                C,
                '  - municipality: "205"\n    labour_force: 16615',
                '  - &kajaani\n    municipality: "205"\n    labour_force: 16615',
            ),
            Replace(
                C,
                '  - municipality: "290"\n    labour_force: 3120',
                '  - <<: *kajaani\n    municipality: "290"\n    labour_force: 3120',
            ),
        ],
        [
            (
                "commuting.yaml:{line}:5: anchor &kajaani (used again on line {line:<<: "
                "*kajaani}): anchors and aliases (&name, *name) are not allowed in data files; "
                "write the value out each time"
            ),
        ],
    ),
    case(
        "alias-bomb",
        "a billion-laughs alias bomb of a few hundred bytes",
        [
            Write(M, BOMB),
        ],
        [
            (
                "municipalities.yaml:2:4: anchor &a (used again on line 3): anchors and aliases "
                "(&name, *name) are not allowed in data files; write the value out each time"
            ),
            (
                "municipalities.yaml:3:4: anchor &b (used again on line 4): anchors and aliases "
                "(&name, *name) are not allowed in data files; write the value out each time"
            ),
            (
                "municipalities.yaml:4:4: anchor &c (used again on line 5): anchors and aliases "
                "(&name, *name) are not allowed in data files; write the value out each time"
            ),
            (
                "municipalities.yaml:5:4: anchor &d (used again on line 6): anchors and aliases "
                "(&name, *name) are not allowed in data files; write the value out each time"
            ),
            (
                "municipalities.yaml:6:4: anchor &e (used again on line 7): anchors and aliases "
                "(&name, *name) are not allowed in data files; write the value out each time"
            ),
            (
                "municipalities.yaml:7:4: anchor &f (used again on line 8): anchors and aliases "
                "(&name, *name) are not allowed in data files; write the value out each time"
            ),
            (
                "municipalities.yaml:8:4: anchor &g (used again on line 9): anchors and aliases "
                "(&name, *name) are not allowed in data files; write the value out each time"
            ),
            (
                "municipalities.yaml:9:4: anchor &h (used again on line 10): anchors and aliases "
                "(&name, *name) are not allowed in data files; write the value out each time"
            ),
            (
                "municipalities.yaml:10:4: anchor &i: anchors and aliases (&name, *name) are not "
                "allowed in data files; write the value out each time"
            ),
        ],
    ),
    case(
        "duplicate-key",
        "a key written twice in one mapping",
        [
            InsertAfter(M, "      labour_force: 765", "      labour_force: 766\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:7: municipalities[0].statistics.labour_force: the "
                "key 'labour_force' appears twice in this mapping, on line {line-1} and on line "
                "{line}; keep one"
            ),
        ],
    ),
    case(
        "duplicate-key-and-more",
        "a key written twice does not hide the file's other problems",
        [
            InsertAfter(M, "      labour_force: 765", "      labour_force: 766\n"),
            Replace(M, "      labour_force: 16615\n", "      labour_force: 16 615\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:7: municipalities[0].statistics.labour_force: the "
                "key 'labour_force' appears twice in this mapping, on line {line-1} and on line "
                "{line}; keep one"
            ),
            (
                "municipalities.yaml:{line:labour_force: 16 615}:21: "
                "municipalities[1].statistics.labour_force (Kajaani): expected a whole number "
                "(0 or more), found the text '16 615'; write numbers without spaces: 16615"
            ),
        ],
    ),
    case(
        "duplicate-top-level-key",
        "a top-level key written twice",
        [
            InsertAfter(C, "source: TEM resurssilaskelmat", "source: TEM\n"),
        ],
        [
            (
                "commuting.yaml:{line}:1: source: the key 'source' appears twice in this "
                "mapping, on line {line-1} and on line {line}; keep one"
            ),
        ],
    ),
    case(
        "yes-as-count",
        "yes where a count is expected",
        [
            Replace(M, "      unemployed: 78", "      unemployed: yes"),
        ],
        [
            (
                "municipalities.yaml:{line}:19: municipalities[0].statistics.unemployed "
                "(Hyrynsalmi): expected a whole number (0 or more), found the text 'yes'; this "
                "is a yes/no word, not a number"
            ),
        ],
    ),
    case(
        "yes-as-flag",
        "yes/no where true/false is expected",
        [
            Replace(
                M,
                "        fte: 2.5\n        origin: own\n        caseload: true",
                "        fte: 2.5\n        origin: own\n        caseload: yes",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:19: municipalities[2].staffing[1].caseload (Kuhmo, "
                "työllisyysohjaaja): expected true or false, found the text 'yes'; write true or "
                "false (yes/no and on/off are read as text)"
            ),
        ],
    ),
    case(
        "decimal-comma-percent",
        "a percentage written with a decimal comma",
        [
            Replace(M, "unemployment_rate: 10.2", "unemployment_rate: 10,2"),
        ],
        [
            (
                "municipalities.yaml:{line}:26: municipalities[0].statistics.unemployment_rate "
                "(Hyrynsalmi): expected a percentage between 0 and 100, found the text '10,2'; "
                "use a decimal point, not a comma: 10.2"
            ),
        ],
    ),
    case(
        "decimal-comma-fte",
        "an FTE amount written with a decimal comma",
        [
            Replace(M, "fte: 2.5", "fte: 2,5"),
        ],
        [
            (
                "municipalities.yaml:{line}:14: municipalities[2].staffing[1].fte (Kuhmo, "
                "työllisyysohjaaja): write an amount as a number (3.5), a range {min: 7, max: "
                "8}, a lower bound {at_least: 5} or an approximate value {about: 2}; found the "
                "text '2,5'; use a decimal point, not a comma: 2.5"
            ),
        ],
    ),
    case(
        "decimal-comma-in-a-flow-mapping",
        "a range's end written with a decimal comma inside {…}, read as a field '5'",
        [Replace(M, "fte: {min: 2, max: 4}", "fte: {min: 2, max: 4,5}")],
        [
            (
                "municipalities.yaml:{line}:30: municipalities[5].staffing[4].fte.5 (Puolanka, "
                "elinvoimapalvelut / yritysneuvonta): unknown field '5': a comma inside {…} "
                "starts another field; use a decimal point, not a comma: max: 4.5"
            ),
        ],
    ),
    case(
        "thousands-comma-in-a-flow-mapping",
        "three digits after a comma inside {…}: a thousands separator or a decimal comma",
        [Replace(M, "fte: {min: 2, max: 4}", "fte: {min: 2, max: 4,010}")],
        [
            (
                "municipalities.yaml:{line}:30: municipalities[5].staffing[4].fte.010 (Puolanka, "
                "elinvoimapalvelut / yritysneuvonta): unknown field '010': a comma inside {…} "
                "starts another field; write max: 4010 (without a thousands separator) or max: "
                "4.010 (with a decimal point)"
            ),
        ],
    ),
    case(
        "decimal-comma-and-leading-zero-in-a-flow-mapping",
        "a bound written 3,05 inside {…}: the field is '05', the number 3.05",
        [Replace(M, "fte: {at_least: 3}", "fte: {at_least: 3,05}")],
        [
            (
                "municipalities.yaml:{line}:27: municipalities[5].staffing[3].fte.05 (Puolanka, "
                "henkilöasiakas- ja työnvälitystyö (TE-h…): unknown field '05': a comma inside "
                "{…} starts another field; use a decimal point, not a comma: at_least: 3.05"
            ),
        ],
    ),
    case(
        "spaced-thousands",
        "a count written with a space between thousands",
        [
            Replace(M, "labour_force: 16615", "labour_force: 16 615"),
        ],
        [
            (
                "municipalities.yaml:{line}:21: municipalities[1].statistics.labour_force "
                "(Kajaani): expected a whole number (0 or more), found the text '16 615'; write "
                "numbers without spaces: 16615"
            ),
        ],
    ),
    case(
        "no-break-space-thousands",
        "a count with a no-break space between thousands, as a Finnish-locale spreadsheet "
        "copies it",
        [
            Replace(M, "labour_force: 16615", "labour_force: 16\u00a0615"),
        ],
        [
            (
                "municipalities.yaml:{line}:21: municipalities[1].statistics.labour_force "
                "(Kajaani): expected a whole number (0 or more), found the text '16\\xa0615'; "
                "write numbers without spaces: 16615"
            ),
        ],
    ),
    case(
        "merge-conflict-in-a-quoted-text",
        "a merge conflict left inside a text in quotes (read as its words, into the report)",
        [
            Replace(
                M,
                "note: two advisors at 100 % and a third at 50 %\n",
                'note: "two advisors at 100 % and\n<<<<<<< HEAD\n          a third at 50 %\n'
                '=======\n          a third at 60 %\n>>>>>>> alice\n          of their time"\n',
            ),
        ],
        [
            (
                "municipalities.yaml:{line:<<<<<<< HEAD}:1: an unresolved merge conflict: "
                "'<<<<<<< HEAD' is the line version control (git) writes where a merge "
                "conflicts; keep the side wanted and remove the marker lines (<<<<<<<, ======= "
                "and >>>>>>>)"
            ),
        ],
    ),
    case(
        "csv-merge-conflict",
        "a month file that two imports left in conflict (each row was said to lack cells)",
        [
            Write(S, month()),
            Replace(
                S,
                "\n205,16917,",
                "\n<<<<<<< HEAD\n205,16917,12.2,2066\n=======\n>>>>>>> 1a2b3c4\n205,16917,",
            ),
        ],
        [
            (
                "statistics/2026-06.csv:{line:<<<<<<< HEAD}:1: an unresolved merge conflict: "
                "'<<<<<<< HEAD' is the line version control (git) writes where a merge "
                "conflicts; keep the side wanted and remove the marker lines (<<<<<<<, ======= "
                "and >>>>>>>)"
            ),
        ],
    ),
    case(
        "csv-narrow-no-break-space-thousands",
        "a month's count with a narrow no-break space between thousands",
        [
            Write(S, month()),
            Replace(S, "\n205,16917,", "\n205,16\u202f917,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:5: rows[1].labour_force (Kajaani): expected a "
                "whole number (0 or more), found the text '16\\u202f917'; write numbers "
                "without spaces: 16917"
            ),
        ],
    ),
    case(
        "statistics-of-one-municipality-left-out",
        "a municipality without the plan's statistics, where the others have them",
        [
            Replace(
                M,
                "    statistics:\n      labour_force: 3120\n      unemployment_rate: 8.4\n"
                "      unemployed: 263\n      men: 158\n      women: 105\n"
                "      under_20: withheld\n      under_25: 19\n      over_50: 153\n"
                "      long_term: 87\n      disabled_or_ill: 64\n      foreign: 17\n"
                "      open_vacancies: 31\n",
                "",
            ),
        ],
        [
            (
                "municipalities.yaml:{line:name: Kuhmo}:11: municipalities[2].name (Kuhmo): no "
                "statistics, where the area's other municipalities have the plan's (2023-08); "
                "write its statistics as the plan prints them, or leave them out of every "
                "municipality and import the month instead"
            ),
        ],
    ),
    case(
        "csv-thousands-dot",
        "a month's count with a dot between thousands, as a German-locale spreadsheet saves it",
        [
            Write(S, month()),
            Replace(S, "\n205,16917,", "\n205,16.917,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:5: rows[1].labour_force (Kajaani): expected a "
                "whole number (0 or more), found 16.917; if the dot separates thousands, "
                "write 16917"
            ),
        ],
    ),
    case(
        "thousands-dot-of-a-whole-number",
        "a printed total written 38.000: YAML reads 38.0, which a count would take as 38",
        [
            Replace(M, "  labour_force: 38799\n", "  labour_force: 38.000\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:17: statistics_totals.labour_force: expected a whole "
                "number (0 or more), found 38.000; if the dot separates thousands, write 38000"
            ),
        ],
    ),
    case(
        "claim-of-a-count-with-a-thousands-dot",
        "a count the plan's text states, written with a dot between thousands",
        [
            Replace(M, "    value: 38799\n", "    value: 38.799\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:12: claims[1].value (area-labour-force): expected a "
                "whole number (0 or more), found 38.799; if the dot separates thousands, write "
                "38799"
            ),
        ],
    ),
    case(
        "claim-of-a-rate-with-its-per-cent-sign",
        "a rate the plan's text states, written with its per cent sign and a decimal comma",
        [
            Replace(M, "    value: 69.4\n", "    value: 69,4 %\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:12: claims[11].value "
                "(kainuu-foreign-activation-rate-men): expected a number (0 or more), found the "
                "text '69,4 %'; write the number without %: 69.4"
            ),
        ],
    ),
    case(
        "claim-of-a-count-in-quotes-with-a-thousands-dot",
        "a count the text states, written in quotes with a dot between thousands",
        [
            Replace(M, "    value: 38799\n", '    value: "38.799"\n'),
        ],
        [
            (
                "municipalities.yaml:{line}:12: claims[1].value (area-labour-force): expected a "
                "whole number (0 or more), found the text '38.799'; if the dot separates "
                "thousands, write 38799"
            ),
        ],
    ),
    case(
        "claim-of-a-count-not-whole",
        "a count the text states, written with a decimal part",
        [
            Replace(M, "    value: 3217\n", "    value: 3217.5\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:12: claims[2].value (area-unemployed): expected a "
                "whole number (0 or more), found 3217.5"
            ),
        ],
    ),
    case(
        "count-with-two-thousands-dots",
        "a count written 1.000.000, which YAML reads as text",
        [
            Replace(M, "  labour_force: 38799\n", "  labour_force: 1.000.000\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:17: statistics_totals.labour_force: expected a whole "
                "number (0 or more), found the text '1.000.000'; if the dot separates "
                "thousands, write 1000000"
            ),
        ],
    ),
    case(
        "code-as-a-number-of-another-area",
        "a code written as a number, the quoted code it would be another area's",
        [
            Replace(C, '  - municipality: "105"\n', "  - municipality: 46\n"),
        ],
        [
            (
                "commuting.yaml:{line}:19: rows[0].municipality: a municipality code is text of "
                "three digits; found the number 46; Enonkoski (046) is a municipality of the "
                "employment area Savonlinna, not of this one"
            ),
        ],
    ),
    case(
        "thousands-dot-with-a-plus-sign",
        "a count written +38.000: YAML reads 38.0",
        [
            Replace(M, "  labour_force: 38799\n", "  labour_force: +38.000\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:17: statistics_totals.labour_force: expected a whole "
                "number (0 or more), found +38.000; if the dot separates thousands, write 38000"
            ),
        ],
    ),
    case(
        "csv-thousands-dot-of-a-whole-number",
        "a month's count written 16.000: read as 16.0, which a count would take as 16",
        [
            Write(S, month()),
            Replace(S, "\n205,16917,", "\n205,16.000,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:5: rows[1].labour_force (Kajaani): expected a "
                "whole number (0 or more), found 16.000; if the dot separates thousands, "
                "write 16000"
            ),
        ],
    ),
    case(
        "thousands-dot",
        "a count with a dot between thousands: YAML reads a decimal number",
        [
            Replace(M, "labour_force: 16615", "labour_force: 16.615"),
        ],
        [
            (
                "municipalities.yaml:{line}:21: municipalities[1].statistics.labour_force "
                "(Kajaani): expected a whole number (0 or more), found 16.615; if the dot "
                "separates thousands, write 16615"
            ),
        ],
    ),
    case(
        "csv-code-of-two-digits-of-no-municipality-here",
        "a month's code of two digits: no leading zeros are offered (no 046 here)",
        [
            Write(S, month()),
            Replace(S, "\n105,708,", "\n46,708,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:1: rows[0].municipality (46): expected a "
                "municipality code of three digits, found the text '46'"
            ),
        ],
    ),
    case(
        "self-sufficiency-with-its-per-cent-sign",
        "job self-sufficiency (a share that may pass 100) written with its per cent sign",
        [
            Replace(C, "job_self_sufficiency: 89.13\n", "job_self_sufficiency: 89,13 %\n"),
        ],
        [
            (
                "commuting.yaml:{line}:27: rows[0].job_self_sufficiency (Hyrynsalmi): expected a "
                "number (0 or more), found the text '89,13 %'; write the number without %: 89.13"
            ),
        ],
    ),
    case(
        "csv-municipality-by-name",
        "a month's municipality written by its name where its code belongs",
        [
            Write(S, month()),
            Replace(S, "\n205,16917,", "\nKajaani,16917,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:1: rows[1].municipality (Kajaani): expected a "
                "municipality code of three digits, found the text 'Kajaani'; write its "
                'code: "205" (Kajaani)'
            ),
        ],
    ),
    case(
        "comment-without-space",
        "a comment written against its value: YAML reads it as part of the text",
        [
            Replace(M, "      unemployed: 78\n", "      unemployed: 78# tarkistettu\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:19: municipalities[0].statistics.unemployed "
                "(Hyrynsalmi): expected a whole number (0 or more), found the text '78# "
                "tarkistettu'; a comment needs a space before its #: 78 # …"
            ),
        ],
    ),
    case(
        "per-cent-sign",
        "a rate written with its per cent sign and a decimal comma",
        [
            Replace(M, "unemployment_rate: 8.3\n", "unemployment_rate: 8,3 %\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:26: municipalities[1].statistics.unemployment_rate "
                "(Kajaani): expected a percentage between 0 and 100, found the text '8,3 %'; "
                "write the number without %: 8.3"
            ),
        ],
    ),
    case(
        "csv-per-cent-sign",
        "a month's rate written with its per cent sign, as a spreadsheet may save it",
        [
            Write(S, month()),
            Replace(S, "\n205,16917,12.2,", "\n205,16917,12.2%,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:11: rows[1].unemployment_rate (Kajaani): expected "
                "a percentage between 0 and 100, found the text '12.2%'; write the number "
                "without %: 12.2"
            ),
        ],
    ),
    case(
        "target-as-text",
        "a target band written as the plan prints it, not as a mapping",
        [
            Replace(
                M,
                "    target:\n      min: 100\n      max: 150\n      qualifier: average\n"
                "      printed: keskimäärin 100–150 asiakasta per asiantuntija\n",
                "    target: 100–150\n",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:13: municipalities[1].target (Kajaani): write a "
                "target as a mapping: {min: 100, max: 150} (a band), {max: 100} (under), "
                "{min: 90} (at least) or {about: 100}; found the text '100–150'; write {min: "
                "100, max: 150}"
            ),
        ],
    ),
    case(
        "spaced-thousands-commuting",
        "a commuting count written with a space",
        [
            Replace(C, "labour_force: 16615", "labour_force: 16 615"),
        ],
        [
            (
                "commuting.yaml:{line}:19: rows[1].labour_force (Kajaani): expected a whole number "
                "(0 or more), found the text '16 615'; write numbers without spaces: 16615"
            ),
        ],
    ),
    case(
        "code-as-number",
        "a municipality code written without quotes",
        [
            Replace(M, 'code: "105"', "code: 105"),
        ],
        [
            (
                "municipalities.yaml:{line}:11: municipalities[0].code (Hyrynsalmi): a "
                "municipality code is text of three digits; found the number 105, write it in "
                'quotes: "105"'
            ),
        ],
    ),
    case(
        "code-leading-zero-unquoted",
        "a code with a leading zero written without quotes stays text (091), then is unknown",
        [
            Replace(C, 'municipality: "832"', "municipality: 091"),
        ],
        [
            (
                "commuting.yaml:{line}:19: rows[9].municipality (091): unknown municipality code "
                "091: Helsinki (091) is a municipality of the employment area Helsinki, not of "
                "this one"
            ),
        ],
    ),
    case(
        "code-two-digits",
        "a municipality code of two digits",
        [
            Replace(M, 'responsible_municipality: "205"', 'responsible_municipality: "25"'),
        ],
        [
            (
                "municipalities.yaml:{line}:29: area.responsible_municipality: expected a "
                "municipality code of three digits, found the text '25'"
            ),
        ],
    ),
    case(
        "month-wrong-form",
        "a month written as a date",
        [
            Replace(M, 'reference_month: "2023-08"', "reference_month: 2023-08-31"),
        ],
        [
            (
                "municipalities.yaml:{line}:20: area.reference_month: expected a month written "
                "as \"YYYY-MM\", found the text '2023-08-31'"
            ),
        ],
    ),
    case(
        "month-of-no-month",
        "month 13: it was told to be written as YYYY-MM, as it is",
        [
            Replace(M, 'reference_month: "2023-08"', "reference_month: 2023-13"),
        ],
        [
            (
                "municipalities.yaml:{line}:20: area.reference_month: expected a month written "
                "as \"YYYY-MM\", found the text '2023-13'; there is no month 13 (01 to 12)"
            ),
        ],
    ),
    case(
        "month-of-another-age",
        "a year the tool does not take",
        [
            Replace(M, 'reference_month: "2023-08"', 'reference_month: "1823-08"'),
        ],
        [
            (
                "municipalities.yaml:{line}:20: area.reference_month: expected a month written "
                "as \"YYYY-MM\", found the text '1823-08'; the year is from 1900 to 2099, not 1823"
            ),
        ],
    ),
    case(
        "month-as-the-tables-show-it",
        "a month written as the Finnish tables show it (8/2023), which --month takes",
        [
            Replace(M, 'reference_month: "2023-08"', "reference_month: 8/2023"),
        ],
        [
            (
                "municipalities.yaml:{line}:20: area.reference_month: expected a month written "
                "as \"YYYY-MM\", found the text '8/2023'; write 2023-08"
            ),
        ],
    ),
    case(
        "month-by-its-name",
        "a month by its name, as the tool says a month in Finnish (elokuu 2023)",
        [
            Replace(M, 'reference_month: "2023-08"', "reference_month: elokuu 2023"),
        ],
        [
            (
                "municipalities.yaml:{line}:20: area.reference_month: expected a month written "
                "as \"YYYY-MM\", found the text 'elokuu 2023'; write 2023-08"
            ),
        ],
    ),
    case(
        "month-as-a-number",
        "a month written 8.2023 without quotes, a number to YAML",
        [
            Replace(M, 'reference_month: "2023-08"', "reference_month: 8.2023"),
        ],
        [
            (
                "municipalities.yaml:{line}:20: area.reference_month: expected a month written "
                'as "YYYY-MM", found 8.2023; write 2023-08'
            ),
        ],
    ),
    case(
        "month-as-a-number-of-a-year-ending-in-0",
        "a month written 10.2020 without quotes, which YAML reads as 10.202",
        [
            Replace(M, 'reference_month: "2023-08"', "reference_month: 10.2020"),
        ],
        [
            (
                "municipalities.yaml:{line}:20: area.reference_month: expected a month written "
                'as "YYYY-MM", found 10.2020; write 2020-10'
            ),
        ],
    ),
    case(
        "month-as-a-short-number",
        "a month written 8.2 without quotes: no hint of a year 2000 it never said",
        [
            Replace(M, 'reference_month: "2023-08"', "reference_month: 8.2"),
        ],
        [
            (
                "municipalities.yaml:{line}:20: area.reference_month: expected a month written "
                'as "YYYY-MM", found 8.2'
            ),
        ],
    ),
    case(
        "month-13-as-the-tables-show-it",
        "a month 13 written as the Finnish tables write a month: no month 13, as for 2023-13",
        [
            Replace(M, 'reference_month: "2023-08"', 'reference_month: "13/2023"'),
        ],
        [
            (
                "municipalities.yaml:{line}:20: area.reference_month: expected a month written "
                "as \"YYYY-MM\", found the text '13/2023'; there is no month 13 (01 to 12)"
            ),
        ],
    ),
    case(
        "month-without-its-zero",
        "a month without the leading zero",
        [
            Replace(M, 'reference_month: "2023-08"', "reference_month: 2023-8"),
        ],
        [
            (
                "municipalities.yaml:{line}:20: area.reference_month: expected a month written "
                "as \"YYYY-MM\", found the text '2023-8'; write 2023-08"
            ),
        ],
    ),
    case(
        "negative-count",
        "a negative count",
        [
            Replace(C, "commuting_in: 311", "commuting_in: -311"),
        ],
        [
            (
                "commuting.yaml:{line}:19: rows[2].commuting_in (Kuhmo): expected a whole number "
                "(0 or more), found -311, a negative count"
            ),
        ],
    ),
    case(
        "fractional-count",
        "a count with decimals",
        [
            Replace(M, "labour_force: 765", "labour_force: 765.5"),
        ],
        [
            (
                "municipalities.yaml:{line}:21: municipalities[0].statistics.labour_force "
                "(Hyrynsalmi): expected a whole number (0 or more), found 765.5"
            ),
        ],
    ),
    case(
        "percent-over-100",
        "a percentage above 100",
        [
            Replace(M, "unemployment_rate: 8.3", "unemployment_rate: 108.3"),
        ],
        [
            (
                "municipalities.yaml:{line}:26: municipalities[1].statistics.unemployment_rate "
                "(Kajaani): expected a percentage between 0 and 100, found 108.3"
            ),
        ],
    ),
    case(
        "withheld-as-dots",
        'a withheld cell written "..." as printed',
        [
            Replace(
                M,
                "      foreign: withheld\n      open_vacancies: 10",
                "      foreign: ...\n      open_vacancies: 10",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:16: municipalities[0].statistics.foreign "
                '(Hyrynsalmi): write a withheld cell ("..." in the plan) as `withheld`'
            ),
        ],
    ),
    case(
        "withheld-in-finnish",
        "a withheld cell written as the Finnish tables show it, salattu",
        [
            Replace(
                M,
                "      foreign: withheld\n      open_vacancies: 10",
                "      foreign: salattu\n      open_vacancies: 10",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:16: municipalities[0].statistics.foreign "
                "(Hyrynsalmi): write a withheld cell (salattu in Finnish tables) as `withheld`"
            ),
        ],
    ),
    case(
        "missing-in-finnish",
        "a cell lost in print written as the Finnish tables show it, puuttuu",
        [
            Replace(
                M,
                "      foreign: withheld\n      open_vacancies: 10",
                "      foreign: Puuttuu\n      open_vacancies: 10",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:16: municipalities[0].statistics.foreign "
                "(Hyrynsalmi): write a cell lost in print (puuttuu in Finnish tables) as "
                "`missing`"
            ),
        ],
    ),
    case(
        "empty-text",
        "a required text left empty",
        [
            Replace(M, "name: Ristijärven kunnantalo", "name:"),
        ],
        [
            (
                "municipalities.yaml:{line}:14: municipalities[6].offices[0].name (Ristijärvi): "
                "expected text, found nothing; write the text after the colon"
            ),
        ],
    ),
    case(
        "true-as-text",
        "true where text is expected",
        [
            Replace(
                M,
                "    region: Pohjois-Pohjanmaa\n    statistics:\n      labour_force: 6523",
                "    region: true\n    statistics:\n      labour_force: 6523",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:13: municipalities[3].region (Kuusamo): expected "
                "text, found the yes/no value true; put it in quotes"
            ),
        ],
    ),
    case(
        "unknown-field",
        "a misspelt optional field",
        [
            Replace(
                M,
                "        note: two advisors at 100 % and a third at 50 %",
                "        notes: two advisors at 100 % and a third at 50 %",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:9: municipalities[2].staffing[1].notes (Kuhmo, "
                "työllisyysohjaaja): unknown field 'notes'; did you mean 'note'?"
            ),
        ],
    ),
    case(
        "required-field-in-capitals",
        "a required field in capitals: the field meant, and not 'missing' besides",
        [
            Replace(M, "    name: Kuhmo\n", "    NAME: Kuhmo\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:5: municipalities[2].NAME: unknown field 'NAME'; "
                "did you mean 'name'?"
            ),
        ],
    ),
    case(
        "misspelt-required-field",
        "a required field misspelt: one problem, the unknown field, not also 'missing'",
        [
            Replace(M, "    name: Kuhmo\n", "    nmae: Kuhmo\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:5: municipalities[2].nmae: unknown field 'nmae'; "
                "did you mean 'name'?"
            ),
        ],
    ),
    case(
        "target-end-left-empty",
        "a target's min written with nothing after it: refused, not taken as left out",
        [
            Replace(
                M, "    target:\n      max: 100\n", "    target:\n      min:\n      max: 100\n"
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:11: municipalities[2].target.min (Kuhmo): "
                "found nothing: write a value, or leave the field out"
            ),
        ],
    ),
    case(
        "unknown-field-holding-a-mapping",
        "a misspelt field whose value starts on the next line: named at its key",
        [
            Replace(
                M,
                "    region: Pohjois-Pohjanmaa\n    statistics:\n      labour_force: 6523",
                "    region: Pohjois-Pohjanmaa\n    statistic:\n      labour_force: 6523",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:5: municipalities[3].statistic (Kuusamo): unknown "
                "field 'statistic'; did you mean 'statistics'?"
            ),
        ],
    ),
    case(
        "missing-required-field",
        "a required column left out",
        [
            DeleteLine(C, "    commuting_in: 311"),
        ],
        [
            (
                "commuting.yaml:{line-2}:5: rows[2].commuting_in (Kuhmo): the required field "
                "'commuting_in' is missing"
            ),
        ],
    ),
    case(
        "origin-misspelt",
        "a choice misspelt",
        [
            Replace(
                M,
                "        fte: 3.5\n        origin: transferring",
                "        fte: 3.5\n        origin: transfering",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:17: municipalities[2].staffing[2].origin (Kuhmo, "
                "TE-hallinnon asiakaspalveluhenkilöstö): expected one of 'own', 'transferring', "
                "'recruited' or 'transferring_or_recruited', found the text 'transfering'; did "
                "you mean 'transferring'?"
            ),
        ],
    ),
    case(
        "list-where-mapping",
        "a list where a mapping of fields is expected",
        [
            Replace(M, "withheld_cell: {min: 1, max: 4}", "withheld_cell: [1, 4]"),
        ],
        [
            (
                "municipalities.yaml:{line}:18: area.withheld_cell: expected a mapping of fields "
                "(name: value), found a list"
            ),
        ],
    ),
    case(
        "text-where-list",
        "one code where a list of codes is expected",
        [
            Replace(M, 'serves: ["578", "105", "697"]', 'serves: "578"'),
        ],
        [
            (
                "municipalities.yaml:{line}:13: shared_services[0].serves (Vieraskielisten "
                "ohjaus pienille kunnille): expected a list (lines starting with '- ', or [a, "
                "b]), found the text '578'"
            ),
        ],
    ),
    case(
        "empty-list",
        "an empty list where one entry at least is needed",
        [
            Replace(M, 'serves: ["578", "105", "697"]', "serves: []"),
        ],
        [
            (
                "municipalities.yaml:{line}:13: shared_services[0].serves (Vieraskielisten "
                "ohjaus pienille kunnille): expected at least one entry, found an empty list"
            ),
        ],
    ),
    case(
        "top-level-list",
        "commuting.yaml written as a bare list",
        [
            Write(C, '- municipality: "105"\n  labour_force: 765\n'),
        ],
        [
            "commuting.yaml:1:1: expected a mapping of fields (name: value), found a list",
        ],
    ),
    case(
        "several-errors",
        "three unrelated mistakes in one file, all reported at once",
        [
            Replace(M, "      unemployed: 78", "      unemployed: 7 8"),
            Replace(M, "unemployment_rate: 13.8", "unemployment_rate: 138"),
            Replace(M, "fte: {at_least: 5}", "fte: {at_least: five}"),
        ],
        [
            (
                "municipalities.yaml:{line}:19: municipalities[0].statistics.unemployed "
                "(Hyrynsalmi): expected a whole number (0 or more), found the text '7 8'"
            ),
            (
                "municipalities.yaml:{line:unemployment_rate: 138}:26: "
                "municipalities[5].statistics.unemployment_rate (Puolanka): expected a "
                "percentage between 0 and 100, found 138"
            ),
            (
                "municipalities.yaml:{line:at_least: five}:25: "
                "municipalities[7].staffing[4].fte.at_least (Sotkamo, henkilöasiakas- ja "
                "työnvälitystyö (siir…): expected a number of FTE (0 or more), found the text "
                "'five'"
            ),
        ],
    ),
    case(
        "finnish-source-of-no-table",
        "a Finnish source under a table name that area.sources does not have: never shown, "
        "and said nothing of",
        [
            Replace(M, "    commuting: Suunnitelman luku 5", "    comuting: Suunnitelman luku 5"),
        ],
        [
            (
                "municipalities.yaml:{line}:5: area.sources_fi.comuting: area.sources has no "
                "table comuting; its tables are statistics, commuting, staffing, offices; "
                "did you mean commuting?"
            ),
        ],
    ),
    case(
        "fte-bound-in-finnish",
        "an FTE's lower bound written in Finnish: told at_least (it was told min, which "
        "then needed a max)",
        [
            Replace(M, "fte: {at_least: 5}", "fte: {vähintään: 5}"),
        ],
        [
            (
                "municipalities.yaml:{line}:15: municipalities[7].staffing[4].fte.vähintään "
                "(Sotkamo, henkilöasiakas- ja työnvälitystyö (siir…): unknown field "
                "'vähintään'; did you mean 'at_least'?"
            ),
        ],
    ),
    case(
        "fte-bound-in-swedish",
        "an FTE's lower bound written in Swedish: told at_least (it was told min, which "
        "then needed a max)",
        [
            Replace(M, "fte: {at_least: 5}", "fte: {minst: 5}"),
        ],
        [
            (
                "municipalities.yaml:{line}:15: municipalities[7].staffing[4].fte.minst "
                "(Sotkamo, henkilöasiakas- ja työnvälitystyö (siir…): unknown field "
                "'minst'; did you mean 'at_least'?"
            ),
        ],
    ),
    case(
        "fte-range-min-above-max",
        "an FTE range whose min is above its max",
        [
            Replace(M, "fte: {min: 2, max: 4}", "fte: {min: 5, max: 4}"),
        ],
        [
            (
                "municipalities.yaml:{line}:14: municipalities[5].staffing[4].fte (Puolanka, "
                "elinvoimapalvelut / yritysneuvonta): range min 5 is larger than max 4"
            ),
        ],
    ),
    case(
        "fte-range-without-max",
        "an FTE range with min only",
        [
            Replace(M, "fte: {min: 2, max: 4}", "fte: {min: 2}"),
        ],
        [
            (
                "municipalities.yaml:{line}:14: municipalities[5].staffing[4].fte (Puolanka, "
                "elinvoimapalvelut / yritysneuvonta): a range needs both min and max"
            ),
        ],
    ),
    case(
        "fte-two-forms",
        "an FTE written in two forms at once",
        [
            Replace(M, "fte: {about: 2.5}", "fte: {about: 2.5, at_least: 2}"),
        ],
        [
            (
                "municipalities.yaml:{line}:14: municipalities[9].staffing[0].fte (Taivalkoski, "
                "kunnan oma resurssi TE-palveluiden tuot…): write an amount as a number (3.5), a "
                "range {min: 7, max: 8}, a lower bound {at_least: 5} or an approximate value "
                "{about: 2}, one of these forms only"
            ),
        ],
    ),
    case(
        "fte-text",
        "an FTE written as text, as the plan prints it: told the mapping it means",
        [
            Replace(M, "fte: {about: 2.5}", "fte: noin 2.5"),
        ],
        [
            (
                "municipalities.yaml:{line}:14: municipalities[9].staffing[0].fte (Taivalkoski, "
                "kunnan oma resurssi TE-palveluiden tuot…): write an amount as a number (3.5), a "
                "range {min: 7, max: 8}, a lower bound {at_least: 5} or an approximate value "
                "{about: 2}; found the text 'noin 2.5'; write {about: 2.5}"
            ),
        ],
    ),
    case(
        "target-as-number",
        "a target written as a bare number",
        [
            Replace(
                M,
                "    target:\n      about: 100\n      printed: n. 100 asiakasta per virkailija",
                "    target: 100",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:13: municipalities[5].target (Puolanka): write a "
                "target as a mapping: {min: 100, max: 150} (a band), {max: 100} (under), {min: "
                "90} (at least) or {about: 100}; found 100; write {about: 100}"
            ),
        ],
    ),
    case(
        "target-min-above-max",
        "a target band whose min is above its max",
        [
            Replace(M, "      min: 90\n      max: 120", "      min: 120\n      max: 90"),
        ],
        [
            (
                "municipalities.yaml:{line}:7: municipalities[8].target (Suomussalmi): target "
                "min 120 is larger than max 90"
            ),
        ],
    ),
    case(
        "withheld-range-min-above-max",
        "the withheld-cell range upside down",
        [
            Replace(M, "withheld_cell: {min: 1, max: 4}", "withheld_cell: {min: 4, max: 1}"),
        ],
        [
            ("municipalities.yaml:{line}:24: area.withheld_cell.min: min 4 is larger than max 1"),
        ],
    ),
    case(
        "count-above-total",
        "a group of the unemployed larger than the unemployed total",
        [
            Replace(M, "      men: 42", "      men: 142"),
        ],
        [
            (
                "municipalities.yaml:{line}:12: municipalities[0].statistics.men (Hyrynsalmi): "
                "142 is larger than the unemployed total 78"
            ),
        ],
    ),
    case(
        "unemployed-above-labour-force",
        "more unemployed than the labour force",
        [
            Replace(M, "      unemployed: 34", "      unemployed: 534"),
        ],
        [
            (
                "municipalities.yaml:{line}:19: municipalities[6].statistics.unemployed "
                "(Ristijärvi): 534 unemployed is more than the labour force 487"
            ),
        ],
    ),
    case(
        "printed-name-of-another-municipality",
        "a printed name that is another municipality's name or code would hide it",
        [
            Replace(M, "printed_names: [Hyrnsalmi]", 'printed_names: [Hyrnsalmi, kajäani, "290"]'),
        ],
        [
            (
                "municipalities.yaml:{line}:32: municipalities[0].printed_names[1] "
                "(Hyrynsalmi): kajäani is also Kajaani (205) as places are looked up (case and "
                "ä/ö aside); one would hide the other"
            ),
            (
                "municipalities.yaml:{line}:41: municipalities[0].printed_names[2] "
                "(Hyrynsalmi): 290 is also Kuhmo (290) as places are looked up (case and ä/ö "
                "aside); one would hide the other"
            ),
        ],
    ),
    case(
        "name-that-is-another-code",
        "a municipality named as another municipality's code would hide it",
        [
            Replace(M, "    name: Kuhmo\n", '    name: "205"\n'),
        ],
        [
            (
                "municipalities.yaml:{line}:11: municipalities[2].name (205): 205 is also "
                "Kajaani (205) as places are looked up (case and ä/ö aside); one would hide "
                "the other"
            ),
        ],
    ),
    case(
        "name-that-is-another-code-in-wide-digits",
        "a name in full-width digits reads, folded, as another municipality's code",
        [
            Replace(M, "    name: Kuhmo\n", '    name: "２０５"\n'),
        ],
        [
            (
                "municipalities.yaml:{line}:11: municipalities[2].name (２０５): ２０５ is also "
                "Kajaani (205) as places are looked up (case and ä/ö aside); one would hide "
                "the other"
            ),
        ],
    ),
    case(
        "printed-name-of-two-municipalities",
        "two municipalities with the same printed name: the second would be found as neither",
        [
            Replace(M, "    name: Kuhmo\n", "    name: Kuhmo\n    printed_names: [hyrnsalmi]\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:21: municipalities[2].printed_names[0] (Kuhmo): "
                "hyrnsalmi is also Hyrynsalmi (105) as places are looked up (case and ä/ö "
                "aside); one would hide the other"
            ),
        ],
    ),
    case(
        "name-with-a-bidirectional-override",
        "an invisible character that reorders the text a table shows (U+202E)",
        [
            Replace(M, "    name: Kuhmo\n", '    name: "Kuh\\u202emo"\n'),
        ],
        [
            (
                "municipalities.yaml:{line}:11: municipalities[2].name (Kuh\\u202emo): the "
                "text holds the invisible character U+202E at character 4; a name, id or "
                "source is one line of plain text (remove it, or write the text on one line)"
            ),
        ],
    ),
    case(
        "printed-sentence-with-a-bidirectional-override",
        "prose may hold line breaks, but no character that reorders what a terminal shows",
        [
            Replace(
                M,
                "      printed: keskimäärin 100–150 asiakasta per asiantuntija\n",
                '      printed: "keskimäärin 100–150 asiakasta\\u202e per asiantuntija"\n',
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:16: municipalities[1].target.printed (Kajaani): "
                "the text holds the invisible character U+202E at character 30; remove it"
            ),
        ],
    ),
    case(
        "duplicate-municipality-code",
        "two municipalities with the same code",
        [
            Replace(M, '  - code: "620"', '  - code: "578"'),
            Remove(C),
        ],
        [
            (
                "municipalities.yaml:{line}:11: municipalities[5].code (Puolanka): municipality "
                'code 578 appears twice (first on line {line:code: "578"})'
            ),
            (
                "municipalities.yaml:{line}:11: municipalities[5].code (Puolanka): 578 is the "
                "code of Paltamo in the classification of 2025; Puolanka's code is 620"
            ),
            (
                'municipalities.yaml:{line:"620", "697", "765"}:49: shared_services[1].serves[5] '
                "(International Info): unknown municipality code 620: it is Puolanka's, whose "
                "code municipalities.yaml writes 578"
            ),
        ],
    ),
    case(
        "code-of-a-member-given-to-another",
        "a member's code written for another municipality: said twice where it is written, "
        "not a third time as a member not naming its unit",
        [
            Replace(M, '  - code: "290"', '  - code: "578"'),
            Remove(C),
        ],
        [
            (
                "municipalities.yaml:{line}:11: municipalities[2].code (Kuhmo): 578 is the "
                "code of Paltamo in the classification of 2025; Kuhmo's code is 290"
            ),
            (
                'municipalities.yaml:{next:code: "578"}:11: municipalities[4].code (Paltamo): '
                "municipality code 578 appears twice (first on line {line})"
            ),
            (
                'municipalities.yaml:{line:"290", "305"}:28: shared_services[1].serves[2] '
                "(International Info): unknown municipality code 290: it is Kuhmo's, whose code "
                "municipalities.yaml writes 578"
            ),
            (
                'municipalities.yaml:{line:place: "290"}:12: claims[8].place (kuhmo-own-fte): '
                "unknown municipality code 290: it is Kuhmo's, whose code municipalities.yaml "
                "writes 578"
            ),
        ],
    ),
    case(
        "plan-language-unknown",
        "the plan's language given as a country (se) instead of a language code",
        [
            Replace(
                M,
                '  reference_month: "2023-08"\n',
                '  reference_month: "2023-08"\n  language: se\n',
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:13: area.language: expected one of 'fi' or 'sv', "
                "found the text 'se'"
            ),
        ],
    ),
    case(
        "name-with-a-blank-before-it",
        "a name in quotes with a blank kept before it: no other file's Kuhmo matched it",
        [
            Replace(M, "    name: Kuhmo\n", '    name: " Kuhmo"\n'),
        ],
        [
            (
                "municipalities.yaml:{line}:11: municipalities[2].name (Kuhmo): the text "
                "' Kuhmo' has a blank before or after it; write 'Kuhmo'"
            ),
        ],
    ),
    case(
        "duplicate-commuting-row",
        "two commuting rows for one municipality",
        [
            Replace(C, 'municipality: "832"', 'municipality: "777"'),
        ],
        [
            (
                "commuting.yaml:{line}:19: rows[9].municipality (Suomussalmi): row for "
                'municipality 777 appears twice (first on line {line:municipality: "777"})'
            ),
        ],
    ),
    case(
        "unknown-municipality-in-commuting",
        "a commuting row for a code not in the area",
        [
            Replace(C, 'municipality: "832"', 'municipality: "833"'),
        ],
        [
            (
                "commuting.yaml:{line}:19: rows[9].municipality (833): unknown municipality code "
                "833: Taivassalo (833) is a municipality of the employment area Turku, not of "
                "this one"
            ),
        ],
    ),
    case(
        "unknown-municipality-in-unit",
        "a service unit member not in the area",
        [
            Replace(M, 'members: ["578", "105", "697"]', 'members: ["578", "105", "697", "999"]'),
        ],
        [
            (
                "municipalities.yaml:{line}:36: service_units[0].members[3] (Paltamo (ml. "
                "Hyrynsalmi ja Ristijärvi)): unknown municipality code 999; it is not among the "
                "area's municipalities"
            ),
        ],
    ),
    case(
        "member-written-by-name",
        "a service unit member written by its name, not its code",
        [Replace(M, 'members: ["578", "105", "697"]', 'members: ["578", "Hyrynsalmi", "697"]')],
        [
            (
                "municipalities.yaml:{line}:22: service_units[0].members[1] (Paltamo (ml. "
                "Hyrynsalmi ja Ristijärvi)): expected a municipality code of three digits, found "
                "the text 'Hyrynsalmi'; write its code: \"105\" (Hyrynsalmi)"
            ),
        ],
    ),
    case(
        "member-written-by-its-swedish-name",
        "a member written by its Swedish name: its code, not 'add it to the file' (it is there), "
        "nor 'did you mean', as if a typo of Kajaani",
        [Replace(M, 'members: ["578", "105", "697"]', 'members: ["578", "105", "Kajana"]')],
        [
            (
                "municipalities.yaml:{line}:29: service_units[0].members[2] (Paltamo (ml. "
                "Hyrynsalmi ja Ristijärvi)): expected a municipality code of three digits, found "
                "the text 'Kajana'; write its code: \"205\" (Kajaani)"
            ),
        ],
    ),
    case(
        "member-written-by-another-areas-swedish-name",
        "a member written by another area's municipality's Swedish name, near one of this "
        "area's: where it belongs, not 'did you mean' Kuhmo",
        [Replace(M, 'members: ["578", "105", "697"]', 'members: ["578", "105", "Kuhmois"]')],
        [
            (
                "municipalities.yaml:{line}:29: service_units[0].members[2] (Paltamo (ml. "
                "Hyrynsalmi ja Ristijärvi)): expected a municipality code of three digits, found "
                "the text 'Kuhmois'; Kuhmoinen (291) is a municipality of the employment area "
                "Tampereen seutu, not of this one"
            ),
        ],
    ),
    case(
        "code-written-otherwise",
        "a municipality's code mistyped as one that is no municipality's: said where it is, "
        "and each reference by the right code is told whose it is (it was told to add "
        "Hyrynsalmi, which is there)",
        [Replace(M, '  - code: "105"', '  - code: "999"')],
        [
            *HYRYNSALMI_AS_999,
            (
                'commuting.yaml:{line:municipality: "105"}:19: rows[0].municipality (105): '
                "unknown municipality code 105: it is Hyrynsalmi's, whose code "
                "municipalities.yaml writes 999"
            ),
        ],
    ),
    case(
        "code-written-otherwise-in-an-area-of-its-own-code",
        "a municipality's code mistyped in an area coded as the classification does not "
        "(an area of the analyst's own making): told by the municipality's name",
        [
            Replace(M, 'code: "10"', 'code: "99"'),
            Replace(M, '  - code: "105"', '  - code: "999"'),
            Remove(C),
        ],
        HYRYNSALMI_AS_999,
    ),
    case(
        "code-of-another-municipality-written",
        "a municipality's code mistyped as another area's municipality's (Helsinki's 091): "
        "said so where it is; a claim about the place by its right code is told whose it is",
        [Replace(M, '  - code: "290"', '  - code: "091"')],
        [
            (
                "municipalities.yaml:{line}:11: municipalities[2].code (Kuhmo): 091 is the code "
                "of Helsinki in the classification of 2025; Kuhmo's code is 290"
            ),
            (
                'municipalities.yaml:{line:serves: ["105", "205"}:28: '
                "shared_services[1].serves[2] (International Info): unknown municipality code "
                "290: it is Kuhmo's, whose code municipalities.yaml writes 091"
            ),
            (
                'municipalities.yaml:{next:place: "290"}:12: claims[8].place '
                "(kuhmo-own-fte): unknown municipality code 290: it is Kuhmo's, whose code "
                "municipalities.yaml writes 091"
            ),
            (
                'commuting.yaml:{line:municipality: "290"}:19: rows[2].municipality (290): '
                "unknown municipality code 290: it is Kuhmo's, whose code municipalities.yaml "
                "writes 091"
            ),
        ],
    ),
    case(
        "claim-place-of-another-area",
        "a claim's place a code of another area's municipality: told whose, as a service "
        "unit's member is",
        [
            Replace(
                M,
                'quantity: caseload_fte\n    place: "305"',
                'quantity: caseload_fte\n    place: "091"',
            )
        ],
        [
            (
                "municipalities.yaml:{line}:12: claims[6].place (kuusamo-caseload-fte): unknown "
                "municipality code 091: Helsinki (091) is a municipality of the employment area "
                "Helsinki, not of this one"
            ),
        ],
    ),
    case(
        "claim-place-of-another-area-by-name",
        "a claim's place another area's municipality by its name: told whose, as its code is",
        [
            Replace(
                M,
                'quantity: caseload_fte\n    place: "305"',
                "quantity: caseload_fte\n    place: Helsingfors",
            )
        ],
        [
            (
                "municipalities.yaml:{line}:12: claims[6].place (kuusamo-caseload-fte): unknown "
                "place 'Helsingfors': expected a municipality code or a service unit id; "
                "Helsinki (091) is a municipality of the employment area Helsinki, not of this "
                "one"
            ),
        ],
    ),
    case(
        "claim-place-in-swedish",
        "a claim's place by a municipality's Swedish name (Kajana): told its code, as its "
        "Finnish name is",
        [
            Replace(
                M,
                'quantity: caseload_fte\n    place: "305"',
                "quantity: caseload_fte\n    place: Kajana",
            )
        ],
        [
            (
                "municipalities.yaml:{line}:12: claims[6].place (kuusamo-caseload-fte): unknown "
                "place 'Kajana': expected a municipality code or a service unit id; write "
                "Kajana as its code '205'"
            ),
        ],
    ),
    case(
        "claim-place-misspelt",
        "a claim's place misspelt: the place meant, by its code",
        [
            Replace(
                M,
                'quantity: caseload_fte\n    place: "305"',
                "quantity: caseload_fte\n    place: Kuusamoo",
            )
        ],
        [
            (
                "municipalities.yaml:{line}:12: claims[6].place (kuusamo-caseload-fte): unknown "
                "place 'Kuusamoo': expected a municipality code or a service unit id; did you "
                "mean '305' (Kuusamo)?"
            ),
        ],
    ),
    case(
        "member-of-another-area-by-code",
        "a service unit member that is a municipality of another employment area",
        [Replace(M, 'members: ["578", "105", "697"]', 'members: ["578", "148", "697"]')],
        [
            (
                "municipalities.yaml:{line:service_unit: paltamo}:19: "
                "municipalities[0].service_unit (Hyrynsalmi): Hyrynsalmi names service unit "
                "'paltamo' but is not among its members"
            ),
            (
                "municipalities.yaml:{line}:22: service_units[0].members[1] (Paltamo (ml. "
                "Hyrynsalmi ja Ristijärvi)): unknown municipality code 148: Inari (148) is a "
                "municipality of the employment area Pohjois- ja Itä-Lappi, not of this one"
            ),
        ],
    ),
    case(
        "member-of-another-area-by-swedish-name",
        "a service unit member written by the Swedish name of another area's municipality",
        [Replace(M, 'members: ["578", "105", "697"]', 'members: ["578", "Enare", "697"]')],
        [
            (
                "municipalities.yaml:{line}:22: service_units[0].members[1] (Paltamo (ml. "
                "Hyrynsalmi ja Ristijärvi)): expected a municipality code of three digits, found "
                "the text 'Enare'; Inari (148) is a municipality of the employment area Pohjois- "
                "ja Itä-Lappi, not of this one"
            ),
        ],
    ),
    case(
        "commuting-municipality-of-another-area-by-name",
        "a commuting row naming a municipality of another employment area by its name",
        [Replace(C, '- municipality: "205"', "- municipality: Inari")],
        [
            (
                "commuting.yaml:{line}:19: rows[1].municipality (Inari): expected a "
                "municipality code of three digits, found the text 'Inari'; Inari (148) is a "
                "municipality of the employment area Pohjois- ja Itä-Lappi, not of this one"
            ),
        ],
    ),
    case(
        "member-written-by-a-near-name",
        "a service unit member written by a misspelt name",
        [Replace(M, 'members: ["578", "105", "697"]', 'members: ["578", "105", "Ristijarv"]')],
        [
            (
                "municipalities.yaml:{line}:29: service_units[0].members[2] (Paltamo (ml. "
                "Hyrynsalmi ja Ristijärvi)): expected a municipality code of three digits, found "
                "the text 'Ristijarv'; did you mean \"697\" (Ristijärvi)?"
            ),
        ],
    ),
    case(
        "commuting-municipality-by-a-misspelt-name",
        "a commuting row naming its municipality by a misspelt name",
        [Replace(C, '- municipality: "205"', "- municipality: Kajaan")],
        [
            (
                "commuting.yaml:{line}:19: rows[1].municipality (Kajaan): expected a "
                "municipality code of three digits, found the text 'Kajaan'; did you mean "
                '"205" (Kajaani)?'
            ),
        ],
    ),
    case(
        "unknown-service-unit",
        "a municipality naming a service unit that does not exist",
        [
            Replace(
                M,
                "    region: Kainuu\n    service_unit: paltamo\n    # The plan prints",
                "    region: Kainuu\n    service_unit: paltamoo\n    # The plan prints",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:19: municipalities[6].service_unit (Ristijärvi): "
                "unknown service unit 'paltamoo'; did you mean 'paltamo'?"
            ),
            (
                'municipalities.yaml:{line:members: ["578", "105", "697"]}:29: '
                "service_units[0].members[2] (Paltamo (ml. Hyrynsalmi ja Ristijärvi)): member "
                "697 does not name service unit 'paltamo' in its service_unit field"
            ),
        ],
    ),
    case(
        "provider-not-member",
        "a service unit whose provider is not among its members",
        [
            Replace(
                M,
                'provider: "578"\n    members: ["578", "105", "697"]',
                'provider: "205"\n    members: ["578", "105", "697"]',
            ),
        ],
        [
            (
                "municipalities.yaml:{line+1}:14: service_units[0].members (Paltamo (ml. "
                "Hyrynsalmi ja Ristijärvi)): the provider 205 must be one of the members"
            ),
        ],
    ),
    case(
        "commuting-part-above-labour-force",
        "more people working in their own municipality than its labour force",
        [
            Replace(C, "working_in_own: 571", "working_in_own: 1571"),
        ],
        [
            (
                "commuting.yaml:{line}:21: rows[3].working_in_own (Paltamo): 1571 is more than the "
                "labour force 1267"
            ),
        ],
    ),
    case(
        "claim-value-and-range",
        "a claim with both a value and a range",
        [
            Replace(
                M,
                "    min: 7\n    max: 8\n    printed: 7–8 htv",
                "    value: 7\n    min: 7\n    max: 8\n    printed: 7–8 htv",
            ),
        ],
        [
            (
                "municipalities.yaml:{line:id: suomussalmi-transferring-advisors-fte}:5: "
                "claims[10] (suomussalmi-transferring-advisors-fte): a claim needs either value "
                "or both min and max"
            ),
        ],
    ),
    case(
        "csv-empty-file",
        "a monthly CSV file of 0 bytes",
        [
            Write(S, ""),
        ],
        [
            "statistics/2026-06.csv: the file is empty",
        ],
    ),
    case(
        "csv-only-header",
        "a monthly CSV file with its header row and no rows",
        [
            Write(S, MONTH_HEADER + "\n"),
        ],
        [
            (
                "statistics/2026-06.csv:1:1: the file has only its header row; write one row per "
                "municipality below it"
            ),
        ],
    ),
    case(
        "csv-unknown-column",
        "a misspelt column name in the header",
        [
            Write(S, month()),
            Replace(S, ",in_services,", ",in_service,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:153: unknown column 'in_service' in the header; "
                "did you mean 'in_services'?"
            ),
        ],
    ),
    case(
        "csv-misspelt-required-column",
        "a required column misspelt: one error, not 'missing' besides",
        [
            Write(S, month()),
            Replace(S, "municipality,labour_force,", "municipality,labour_forse,"),
        ],
        [
            (
                "statistics/2026-06.csv:1:14: unknown column 'labour_forse' in the header; "
                "did you mean 'labour_force'?"
            ),
        ],
    ),
    case(
        "csv-column-in-capitals",
        "a required column in capitals: the column meant, and not 'missing' besides",
        [
            Write(S, month()),
            Replace(S, "municipality,labour_force,", "municipality,LABOUR_FORCE,"),
        ],
        [
            (
                "statistics/2026-06.csv:1:14: unknown column 'LABOUR_FORCE' in the header; "
                "did you mean 'labour_force'?"
            ),
        ],
    ),
    case(
        "csv-finnish-column",
        "a column named in Finnish, as the plan's tables name it",
        [
            Write(S, month()),
            Replace(S, "municipality,labour_force,", "municipality,työvoima,"),
        ],
        [
            (
                "statistics/2026-06.csv:1:14: unknown column 'työvoima' in the header; "
                "did you mean 'labour_force'?"
            ),
        ],
    ),
    case(
        "csv-finnish-column-decomposed",
        "a column named in Finnish, its ö saved as o and a combining mark (as macOS saves it)",
        [
            Write(S, month()),
            Replace(S, "municipality,labour_force,", "municipality,tyo\u0308voima,"),
        ],
        [
            (
                "statistics/2026-06.csv:1:14: unknown column 'tyo\u0308voima' in the header; "
                "did you mean 'labour_force'?"
            ),
        ],
    ),
    case(
        "csv-finnish-column-beside-its-own",
        "a column named in Finnish where the column it means is there already",
        [
            Write(S, month()),
            Replace(S, ",in_services,source\n", ",in_services,työvoima\n"),
        ],
        [
            "statistics/2026-06.csv:1:1: the header has no column 'source'",
            (
                "statistics/2026-06.csv:1:165: unknown column 'työvoima' in the header; the "
                "columns are municipality,labour_force,unemployment_rate,unemployed,men,women,"
                "under_20,under_25,over_50,long_term,disabled_or_ill,foreign,open_vacancies,"
                "job_seekers,in_services,source"
            ),
        ],
    ),
    case(
        "csv-missing-column",
        "a column left out (header and rows)",
        [
            Write(S, month(without_column=11)),
        ],
        [
            "statistics/2026-06.csv:1:1: the header has no column 'foreign'",
        ],
    ),
    case(
        "csv-duplicate-column",
        "a column named twice in the header",
        [
            Write(S, month()),
            Replace(S, ",women,under_20,", ",men,under_20,"),
        ],
        [
            "statistics/2026-06.csv:{line}:1: the header has no column 'women'",
            (
                "statistics/2026-06.csv:{line}:60: the column 'men' appears twice in the header, "
                "as column 5 and column 6; keep one"
            ),
        ],
    ),
    case(
        "fewer-job-seekers-than-unemployed",
        "the plan's job seekers fewer than its unemployed, who are job seekers too",
        [
            InsertAfter(M, "      unemployed: 78", "      job_seekers: 5\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:20: municipalities[0].statistics.job_seekers "
                "(Hyrynsalmi): fewer job seekers (5) than unemployed (78), who are job "
                "seekers too"
            ),
        ],
    ),
    case(
        "csv-fewer-job-seekers-than-unemployed",
        "a month's job seekers fewer than its unemployed, who are job seekers too",
        [
            Write(S, month()),
            Replace(S, ",withheld,142,withheld,", ",withheld,80,withheld,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:61: rows[0].job_seekers (Hyrynsalmi): fewer job "
                "seekers (80) than unemployed (81), who are job seekers too"
            ),
        ],
    ),
    case(
        "csv-short-row",
        "a row one cell short",
        [
            Write(S, month()),
            Replace(S, "2066,1167,899,132,", "2066,1167,899,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:121: rows[1] (Kajaani): the row has 15 cells, the "
                "header 16: a cell is missing (each row has a cell for every column, empty where "
                "there is no value)"
            ),
        ],
    ),
    case(
        "csv-decimal-comma",
        "a decimal comma makes a row one cell too long",
        [
            Write(S, month()),
            Replace(S, "205,16917,12.2,", "205,16917,12,2,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:67: rows[1] (Kajaani): the row has 17 cells, the "
                "header 16: remove the extra cells, or put a cell that holds a comma in quotes"
            ),
        ],
    ),
    case(
        "csv-not-a-number",
        "a letter O for a zero in a count",
        [
            Write(S, month()),
            Replace(S, "205,16917,12.2,2066,", "205,16917,12.2,2O66,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:16: rows[1].unemployed (Kajaani): expected a whole "
                "number (0 or more), found the text '2O66'"
            ),
        ],
    ),
    case(
        "csv-negative-number",
        "a negative count",
        [
            Write(S, month()),
            Replace(S, "290,2905,11.8,344,216,128,15,", "290,2905,11.8,344,216,128,-15,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:27: rows[2].under_20 (Kuhmo): expected a whole "
                "number (0 or more), `withheld` or `missing`, found -15, a negative count"
            ),
        ],
    ),
    case(
        "csv-rate-over-100",
        "a published rate above 100",
        [
            Write(S, month()),
            Replace(S, "305,6583,12.2,", "305,6583,122,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:10: rows[3].unemployment_rate (Kuusamo): expected a "
                "percentage between 0 and 100, found 122"
            ),
        ],
    ),
    case(
        "csv-withheld-as-dots",
        "a withheld cell written as ... (as the export prints it)",
        [
            Write(S, month()),
            Replace(S, "628,withheld,", "628,...,"),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:53: rows[8].in_services (Suomussalmi): write a "
                'withheld cell ("..." in the plan) as `withheld`'
            ),
        ],
    ),
    case(
        "csv-first-row-names-another-source",
        "the first row's source differs from the rest: that row is named, not the others",
        [
            Write(S, month()),
            Replace(S, ',142,withheld,"Statistics Finland', ',142,withheld,"Tilastokeskus'),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:74: rows[0].source (Hyrynsalmi): every row of a "
                "month names the same source; 9 of its 10 rows name 'Statistics Finland, table "
                "12r5 (statfin-12r5-2026M06.json)'"
            ),
        ],
    ),
    case(
        "csv-source-with-a-line-break",
        "a line break inside the first row's quoted source: that one problem, no others",
        [
            Write(S, month()),
            Replace(S, ',142,withheld,"Statistics Finland', ',142,withheld,"Statistics\nFinland'),
        ],
        [
            (
                "statistics/2026-06.csv:{line}:74: rows[0].source (Hyrynsalmi): the text holds a "
                "line break (U+000A) at character 11; a name, id or source is one line of "
                "plain text (remove it, or write the text on one line)"
            ),
        ],
    ),
    case(
        "csv-upper-case-suffix",
        "a month file whose suffix is in capitals: named, not left out without a word",
        [
            Write(S, month()),
            Rename(S, "statistics/2026-06.CSV"),
        ],
        [
            (
                "statistics/2026-06.CSV: a monthly statistics file is named YYYY-MM.csv, "
                "e.g. 2026-06.csv; rename it to 2026-06.csv"
            ),
        ],
    ),
    case(
        "csv-upper-case-suffix-beside-the-month",
        "a month file in capitals beside the month's own (was told to be renamed onto it)",
        [
            Write(S, month()),
            Write("statistics/2026-06.CSV", month()),
        ],
        [
            (
                "statistics/2026-06.CSV: a monthly statistics file is named YYYY-MM.csv, "
                "e.g. 2026-06.csv; 2026-06.csv is there too: if this file holds the month as "
                "it should be, put it in place of 2026-06.csv, else move it out of the folder"
            ),
        ],
    ),
    case(
        "commuting-file-in-capitals",
        "commuting.yaml written Commuting.yaml: named, not left out with its rules",
        [
            Rename(C, "Commuting.yaml"),
        ],
        ["commuting.yaml: file not found; there is Commuting.yaml: rename it to commuting.yaml"],
    ),
    case(
        "data-file-beside-its-yml-twin",
        "municipalities.yml beside municipalities.yaml (a copy, or the one edited): it was "
        "passed over without a word",
        [
            Write("municipalities.yml", "area:\n  name: Kainuu\n"),
        ],
        [
            (
                "municipalities.yml: municipalities.yaml is beside it, and only "
                "municipalities.yaml is read: if this file holds what should be read, put it "
                "in place of municipalities.yaml, else move it out of the folder"
            ),
        ],
    ),
    case(
        "csv-bad-file-name",
        "a month file named without the leading zero of the month",
        [
            Write(S, month()),
            Rename(S, "statistics/2026-6.csv"),
        ],
        [
            (
                "statistics/2026-6.csv: a monthly statistics file is named YYYY-MM.csv, "
                "e.g. 2026-06.csv; rename it to 2026-06.csv"
            ),
        ],
    ),
    case(
        "csv-month-to-come",
        "a month file whose year has two digits swapped (2062 for 2026): it was the latest "
        "month of every table",
        [
            Write(S, month()),
            Rename(S, "statistics/2062-06.csv"),
        ],
        [
            (
                "statistics/2062-06.csv: the month 2062-06 has not come yet, so there are no "
                "statistics of it: is the year or the month in the name mistyped?"
            ),
        ],
    ),
    case(
        "csv-file-of-no-month",
        "a month file named for month 13: it was told to be named YYYY-MM.csv, as it is",
        [
            Write(S, month()),
            Rename(S, "statistics/2026-13.csv"),
        ],
        [
            (
                "statistics/2026-13.csv: a monthly statistics file is named YYYY-MM.csv, "
                "e.g. 2026-06.csv; there is no month 13 (01 to 12)"
            ),
        ],
    ),
    case(
        "csv-not-utf8",
        "a monthly CSV file saved as Latin-1, with ä in its source",
        [
            Write(
                S,
                month(
                    source=SOURCE.replace("Statistics Finland", "Tilastokeskus, työnvälitystilasto")
                ),
            ),
            Encode(S, "latin-1"),
        ],
        [
            (
                "statistics/2026-06.csv:{line:105,708,}:92: the file is not UTF-8 text (byte "
                "0xf6, ö in Latin-1); save it as UTF-8"
            ),
        ],
    ),
    case(
        "csv-a-zip",
        "a month's file packed in a zip archive under its own name (a workbook is told so)",
        [
            Write(S, month()),
            Zip(S),
        ],
        [
            "statistics/2026-06.csv:1:1: the file is a zip archive, not text (unpack it)",
        ],
    ),
    case(
        "csv-semicolons",
        "a month saved with ; between the cells, as a spreadsheet in a Finnish locale does",
        [
            Write(S, month().replace(",", ";").replace("12.2", "12,2")),
        ],
        [
            (
                "statistics/2026-06.csv:1:13: the columns are separated by ';' (as a spreadsheet "
                "in a Finnish locale saves CSV, with decimal commas too); separate them with "
                "commas and write decimals with a point, or move the file away and import its "
                "month again: tyollisyys --data-dir {data} import statfin --month 2026-06"
            ),
        ],
    ),
    case(
        "csv-tabs",
        "a month saved with tabs between the cells (a spreadsheet's copy, saved as text)",
        [
            Write(S, month().replace(",", "\t")),
        ],
        [
            (
                "statistics/2026-06.csv:1:13: the columns are separated by tabs; separate them "
                "with commas, or move the file away and import its month again: tyollisyys "
                "--data-dir {data} import statfin --month 2026-06"
            ),
        ],
    ),
    case(
        "reference-month-to-come",
        "the plan's month mistyped as one that has not come: every table was headed with "
        "it, the plan's figures beneath (a month file of one is refused)",
        [Replace(M, 'reference_month: "2023-08"', 'reference_month: "2099-08"')],
        [
            (
                "municipalities.yaml:{line}:20: area.reference_month: the month 2099-08 has "
                "not come yet, so there are no statistics of it: is the year or the month "
                "mistyped?"
            ),
        ],
    ),
    case(
        "commuting-month-to-come",
        "the commuting table's month one that has not come",
        [InsertAfter(C, "source: TEM resurssilaskelmat", 'month: "2099-01"')],
        [
            (
                "commuting.yaml:{line}:8: month: the month 2099-01 has not come yet, so there "
                "are no statistics of it: is the year or the month mistyped?"
            ),
        ],
    ),
    case(
        "csv-cell-too-long",
        "a cell of 200 000 characters (a paste gone wrong): the csv module's limit",
        [
            Write(S, month()),
            Replace(S, "\n105,708,", "\n105," + "7" * 200_000 + ","),
        ],
        [
            (
                "statistics/2026-06.csv:{line:105,7777}: a cell is longer than 131,072 "
                "characters; a month file holds short cells: is it the right file?"
            ),
        ],
    ),
    case(
        "csv-unclosed-quote",
        "the quote around the source of the last row never closed",
        [
            Write(S, month().removesuffix('"\n') + "\n"),
        ],
        [
            (
                "statistics/2026-06.csv:{line:832,1459,}:65: CSV syntax error: the quote that "
                "opens this cell is never closed; end the cell with a quote"
            ),
        ],
    ),
    case(
        "csv-unknown-municipality",
        "a row for a municipality that is not in the area",
        [
            Write(S, month()),
            Replace(S, "\n620,860,", "\n621,860,"),
        ],
        [
            (
                "statistics/2026-06.csv: rows: no row for Puolanka (620): a month imported "
                "before the area had it? Move this file out of statistics/ and import the month "
                "again"
            ),
            (
                "statistics/2026-06.csv:{line}:1: rows[5].municipality (621): unknown "
                "municipality code 621; it is not in municipalities.yaml"
            ),
        ],
    ),
    case(
        "control-characters-in-a-name",
        "a name holds a line break, a CI workflow command and a terminal escape",
        [
            Replace(M, "name: Hyrynsalmi", 'name: "Hyrynsalmi\\n::error file=x::y\\e[2J"'),
        ],
        [
            (
                "municipalities.yaml:{line}:11: municipalities[0].name (Hyrynsalmi ::error "
                "file=x::y\\x1b[2J): the text holds a line break (U+000A) at character 11; a "
                "name, id or source is one line of plain text (remove it, or write the text on "
                "one line)"
            ),
        ],
    ),
    case(
        "line-separator-in-a-name",
        "a name holds U+2028, which YAML reads as a line break and editors do not show",
        [
            Replace(M, "name: Hyrynsalmi", "name: Hyrynsal\u2028mi"),
        ],
        [
            (
                "municipalities.yaml:{line}:19: the invisible character LINE SEPARATOR "
                "(U+2028), which YAML reads as a line break; remove it (a copy from a web page "
                "or a word processor brings it)"
            ),
        ],
    ),
    case(
        "count-of-5000-digits",
        "a count of more digits than Python converts (ValueError in Python)",
        [
            Replace(M, "labour_force: 765", "labour_force: " + "9" * 5000),
        ],
        [
            (
                "municipalities.yaml:{line}:21: municipalities[0].statistics.labour_force "
                "(Hyrynsalmi): expected a whole number (0 or more), found a number too large to use"
            ),
        ],
    ),
    case(
        "list-of-1100-entries",
        "a list far longer than an area holds (a padded file, parsed no further)",
        [
            Append(M, "padding: [" + "1, " * 1100 + "1]\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:3011: padding[1000]: padding holds more than 1,000 "
                "entries, more than an area's data needs (Finland has 308 municipalities); is it "
                "the right file?"
            ),
        ],
    ),
    case(
        "csv-and-yaml-month",
        "the same month as 2026-06.csv and as 2026-06.yaml (YAML months are no longer read)",
        [
            Write(S, month()),
            Write(Y, "month: '2026-06'\n"),
        ],
        [
            (
                "statistics/2026-06.yaml:1:1: monthly statistics written as YAML (as earlier "
                "versions imported them) are no longer read; re-import the month with "
                "`tyollisyys import statfin FILE`, or write it as YYYY-MM.csv with the header "
                "row municipality,labour_force,unemployment_rate,unemployed,men,women,under_20,"
                "under_25,over_50,long_term,disabled_or_ill,foreign,open_vacancies,job_seekers,"
                "in_services,source (one row per municipality), then remove 2026-06.yaml"
            ),
        ],
    ),
    case(
        "member-listed-twice",
        "a service unit lists one member twice (its clients would count twice)",
        [
            Replace(M, 'members: ["578", "105", "697"]', 'members: ["578", "105", "697", "105"]'),
        ],
        [
            (
                "municipalities.yaml:{line}:36: service_units[0].members[3] (Paltamo (ml. "
                "Hyrynsalmi ja Ristijärvi)): member 105 is listed twice (also members[1]); list "
                "each municipality once, or its clients count twice"
            ),
        ],
    ),
    case(
        "names-fold-to-one",
        "two municipality names that read the same without case and ä/ö (Kajäani, Kajaani)",
        [
            Replace(M, "    name: Kuhmo\n", "    name: Kajäani\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:11: municipalities[2].name (Kajäani): municipality "
                "name Kajäani reads as Kajaani (line {line:name: Kajaani}) when case and ä/ö are "
                "ignored, as places are looked up; one would hide the other"
            ),
        ],
    ),
    case(
        "unit-id-is-a-code",
        "a service unit whose id is a municipality code",
        [
            Replace(M, "  - id: paltamo\n", '  - id: "578"\n'),
            Replace(
                M,
                "    printed_names: [Hyrnsalmi]   # the plan misspells the name throughout\n"
                "    region: Kainuu\n    service_unit: paltamo",
                "    printed_names: [Hyrnsalmi]   # the plan misspells the name throughout\n"
                '    region: Kainuu\n    service_unit: "578"',
            ),
            Replace(
                M,
                "    service_unit: paltamo\n    statistics:\n      labour_force: 1267",
                '    service_unit: "578"\n    statistics:\n      labour_force: 1267',
            ),
            Replace(
                M,
                "    service_unit: paltamo\n    # The plan prints",
                '    service_unit: "578"\n    # The plan prints',
            ),
            Replace(M, "    place: paltamo\n", '    place: "578"\n'),
        ],
        [
            (
                "municipalities.yaml:{line}:9: service_units[0].id (Paltamo (ml. Hyrynsalmi ja "
                "Ristijärvi)): service unit id 578 is also the code of Paltamo; places are found "
                "by code or unit id, so give the unit another id"
            ),
        ],
    ),
    case(
        "fte-not-known",
        "an FTE the plan does not state, written as not known (told how to leave it out)",
        [Replace(M, "fte: 3.5\n", "fte: tuntematon\n")],
        [
            (
                "municipalities.yaml:{line}:14: municipalities[2].staffing[2].fte (Kuhmo, "
                "TE-hallinnon asiakaspalveluhenkilöstö): write an amount as a number (3.5), a "
                "range {min: 7, max: 8}, a lower bound {at_least: 5} or an approximate value "
                "{about: 2}; found the text 'tuntematon'; an FTE the plan does not state is not "
                "written: leave out what holds it, or write what is known, such as "
                "{at_least: 1} (a staff line left out: mark the unit's staffing incomplete, "
                "staffing_incomplete with its reason)"
            ),
        ],
    ),
    case(
        "fte-beyond-any-staff",
        "two staff lines of 1e308 FTE, which would add up to infinity",
        [
            Replace(M, "fte: 2.5\n", "fte: 1.0e+308\n"),
            Replace(M, "fte: 3.5\n", "fte: 1.0e+308\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:14: municipalities[2].staffing[1].fte (Kuhmo, "
                "työllisyysohjaaja): expected a number of FTE (0 or more), found 1e+308, above "
                "10,000, more than any real figure of an area"
            ),
            (
                "municipalities.yaml:{next:fte: 1.0e+308}:14: municipalities[2].staffing[2].fte"
                " (Kuhmo, TE-hallinnon asiakaspalveluhenkilöstö): expected a number of FTE "
                "(0 or more), found 1e+308, above 10,000, more than any real figure of an area"
            ),
        ],
    ),
    case(
        "target-fields-indented-too-little",
        "a target's fields written at the municipality's indent, under an empty target:",
        [
            Replace(
                M,
                "    target:\n      max: 100\n      printed: alle sata",
                "    target:\n    max: 100\n    printed: alle sata",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:5: municipalities[2].max (Kuhmo): unknown field "
                "'max' here, but 'target' has one: is it indented too little?"
            ),
            (
                "municipalities.yaml:{line+1}:5: municipalities[2].printed (Kuhmo): unknown "
                "field 'printed' here, but 'target' has one: is it indented too little?"
            ),
        ],
    ),
    case(
        "target-field-indented-too-little-after-another",
        "a target's second field at the municipality's indent, under a target that has one",
        [
            Replace(
                M,
                "    target:\n      max: 100\n      printed: alle sata",
                "    target:\n      max: 100\n    printed: alle sata",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:5: municipalities[2].printed (Kuhmo): unknown "
                "field 'printed' here, but 'target' has one: is it indented too little?"
            ),
        ],
    ),
    case(
        "target-qualifier-in-finnish",
        "a target's qualifier written in Finnish (noin), as the plan prints it",
        [
            Replace(
                M,
                "      qualifier: about\n      printed: tavoiteltu",
                "      qualifier: noin\n      printed: tavoiteltu",
            )
        ],
        [
            (
                "municipalities.yaml:{line}:18: municipalities[8].target.qualifier "
                "(Suomussalmi): expected one of 'about' or 'average', found the text 'noin'; "
                "did you mean 'about'?"
            ),
        ],
    ),
    case(
        "unknown-field-with-no-empty-mapping-above",
        "a misspelt field where no mapping is left empty: the near name, not an indent",
        [Replace(M, "    printed_names: [Hyrnsalmi]", "    printed: [Hyrnsalmi]")],
        [
            (
                "municipalities.yaml:{line}:5: municipalities[0].printed (Hyrynsalmi): unknown "
                "field 'printed'; did you mean 'printed_names'?"
            ),
        ],
    ),
    case(
        "fte-negative",
        "a negative FTE is named by the field written (fte), or by its form where one is written",
        [
            Replace(M, "fte: 2.5\n", "fte: -2.5\n"),
            Replace(M, "fte: 3.5\n", "fte: {exact: -3.5}\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:14: municipalities[2].staffing[1].fte (Kuhmo, "
                "työllisyysohjaaja): expected a number of FTE (0 or more), found -2.5"
            ),
            (
                "municipalities.yaml:{next:exact: -3.5}:22: municipalities[2].staffing[2]"
                ".fte.exact (Kuhmo, TE-hallinnon asiakaspalveluhenkilöstö): expected a number of "
                "FTE (0 or more), found -3.5"
            ),
        ],
    ),
    case(
        "count-beyond-any-population",
        "a count above any real population (above 2**53 it would lose digits)",
        [
            Replace(M, "      unemployed: 78\n", "      unemployed: 99999999999999999\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:19: municipalities[0].statistics.unemployed "
                "(Hyrynsalmi): expected a whole number (0 or more), found 99999999999999999, "
                "above 10,000,000, more than any real figure of an area"
            ),
        ],
    ),
    case(
        "count-of-400-digits",
        "a count of 400 digits (no float holds it)",
        [
            Replace(M, "      labour_force: 765\n", "      labour_force: 1" + "0" * 399 + "\n"),
        ],
        [
            (
                "municipalities.yaml:{line}:21: municipalities[0].statistics.labour_force "
                "(Hyrynsalmi): expected a whole number (0 or more), found 100000000000… (400 "
                "digits), above 10,000,000, more than any real figure of an area"
            ),
        ],
    ),
    case(
        "commuting-count-beyond-any-population",
        "a commuting count above any real population",
        [
            Replace(C, "    commuting_in: 311\n", "    commuting_in: 31100000000\n"),
        ],
        [
            (
                "commuting.yaml:{line}:19: rows[2].commuting_in (Kuhmo): expected a whole number "
                "(0 or more), found 31100000000, above 10,000,000, more than any real figure of "
                "an area"
            ),
        ],
    ),
    case(
        "incomplete-staffing-on-a-member",
        "staffing_incomplete written on a municipality that a service unit serves",
        [
            Replace(
                M,
                "    service_unit: paltamo\n    statistics:\n      labour_force: 1267",
                "    service_unit: paltamo\n    staffing_incomplete: {reason: transfer unstated}\n"
                "    statistics:\n      labour_force: 1267",
            ),
        ],
        [
            (
                "municipalities.yaml:{line-1}:19: municipalities[4].service_unit (Paltamo): "
                "Paltamo is served by unit 'paltamo': write its staffing and target under the "
                "unit"
            ),
        ],
    ),
    case(
        "fields-in-finnish",
        "field names and a value written in Finnish, as init's comments pair them: one "
        "problem each, with the name meant (osoite was also 'address' missing)",
        [
            Replace(
                M,
                "    staffing:\n      - role: työllisyysasiantuntija\n",
                "    henkilöstö:\n      - role: työllisyysasiantuntija\n",
            ),
            Replace(
                M,
                "        address: Kainuuntie 82, 88900 Kuhmo",
                "        osoite: Kainuuntie 82, 88900 Kuhmo",
            ),
            Replace(
                M,
                "        fte: 5\n        origin: transferring",
                "        fte: 5\n        origin: siirtyvä",
            ),
        ],
        [
            (
                "municipalities.yaml:{line}:5: municipalities[2].henkilöstö (Kuhmo): unknown "
                "field 'henkilöstö'; did you mean 'staffing'?"
            ),
            (
                "municipalities.yaml:{line:osoite}:9: municipalities[2].offices[0].osoite (Kuhmo, "
                "Kuhmon kaupungintalo): unknown field 'osoite'; did you mean 'address'?"
            ),
            (
                "municipalities.yaml:{line:origin: siirtyvä}:17: municipalities[3].staffing[0]."
                "origin (Kuusamo, henkilöasiakas- ja työnvälityspalvelun …): expected one of "
                "'own', 'transferring', 'recruited' or "
                "'transferring_or_recruited', found the text 'siirtyvä'; did you mean "
                "'transferring'?"
            ),
        ],
    ),
    case(
        "commuting-fields-in-finnish",
        "a commuting row's fields and the responsible municipality written in Finnish: one "
        "problem each (kuntanumero was also 'municipality' missing)",
        [
            Replace(M, "  responsible_municipality:", "  vastuukunta:"),
            Replace(C, '  - municipality: "105"', '  - kuntanumero: "105"'),
            Replace(C, "    job_self_sufficiency: 89.13", "    työpaikkaomavaraisuus: 89.13"),
        ],
        [
            (
                "municipalities.yaml:{line}:3: area.vastuukunta: unknown field 'vastuukunta'; "
                "did you mean 'responsible_municipality'?"
            ),
            (
                "commuting.yaml:{line:kuntanumero}:5: rows[0].kuntanumero: unknown field "
                "'kuntanumero'; did you mean 'municipality'?"
            ),
            (
                "commuting.yaml:{line:työpaikkaomavaraisuus}:5: rows[0].työpaikkaomavaraisuus: "
                "unknown field 'työpaikkaomavaraisuus'; did you mean 'job_self_sufficiency'?"
            ),
        ],
    ),
    case(
        "split-parts-do-not-add-up",
        "a split post whose kept and offered FTE do not make the post",
        [
            Replace(M, "      kept_fte: 0.5\n", "      kept_fte: 0.6\n"),
        ],
        [
            (
                "municipalities.yaml:{line-2}:7: shared_services[0].split (Vieraskielisten "
                "ohjaus pienille kunnille): kept_fte 0.6 + offered_fte 0.5 must add up to the "
                "post's fte 1"
            ),
        ],
    ),
]
BY_NAME = {c.name: c for c in CASES}

#: The libyaml and the pure-Python parser must give the same messages. The one place
#: that knows there are two: drop it (and the `parser` argument) when there is one.
PARSERS = {"libyaml": yaml.CSafeLoader, "python": yaml.SafeLoader}


@pytest.fixture(params=sorted(PARSERS))
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfile, "_Loader", PARSERS[request.param])


def run(data_dir: Path, *args: str) -> Any:
    return CliRunner().invoke(app, ["--data-dir", str(data_dir), *args])


def error_lines(stderr: str, data_dir: Path) -> list[str]:
    """The `error:` lines of standard error, with the data folder left out (named on its
    own, as in a command to run: `{data}`)."""
    prefix = f"{data_dir}{os.sep}"
    return [
        line.removeprefix("error: ").replace(prefix, "").replace(str(data_dir), "{data}")
        for line in stderr.splitlines()
        if line.startswith("error: ")
    ]


def test_the_table_has_its_cases_once_each_with_its_expectation() -> None:
    assert len(CASES) == len(BY_NAME) == 199
    for bad in CASES:
        assert bad.edits and bad.errors, bad.name
        for line in bad.errors:
            assert line.split(":")[0] in {
                M,
                C,
                S,
                "statistics/2026-6.csv",
                "statistics/2026-13.csv",
                "statistics/2026-06.CSV",
                "statistics/2062-06.csv",
                "municipalities.yml",
                Y,
            }, bad.name


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("bad", CASES, ids=[c.name for c in CASES])
def test_bad_input(bad: Case, tmp_path: Path) -> None:
    data, expected = prepare(bad, tmp_path)
    result = run(data, "caseload")
    assert result.exit_code == bad.exit_code, result.output
    assert error_lines(result.stderr, data) == expected
    count = len(expected)
    assert result.stderr.splitlines()[-1] == (
        f"{count} problem{'s' if count != 1 else ''} in the data files"
    )
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_an_edit_needs_its_text_once(tmp_path: Path) -> None:
    twice = case("x", "x", [Replace(M, "labour_force:", "labour_force: 1")], ["x"])
    with pytest.raises(AssertionError, match=r"holds 'labour_force:' [0-9]+ times"):
        prepare(twice, tmp_path)


def test_places_resolve_relative_to_the_edit(tmp_path: Path) -> None:
    edit = InsertAfter(C, "source: TEM resurssilaskelmat", 'month: "2023-09"\n')
    bad = case(
        "x", "x", [edit], ['commuting.yaml:{line}:1: {line-1} {line:month: "2023-09"} {next:rows:}']
    )
    data, expected = prepare(bad, tmp_path)
    line = line_of(data / C, 'month: "2023-09"')
    rows = line_of(data / C, "rows:")
    assert expected == [f"commuting.yaml:{line}:1: {line - 1} {line} {rows}"]


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    data = copy_data(tmp_path)
    (data / "commuting.yaml").chmod(0)
    try:
        result = run(data, "caseload")
    finally:
        (data / "commuting.yaml").chmod(0o644)
    assert result.exit_code == 2
    assert error_lines(result.stderr, data) == [
        "commuting.yaml: cannot read the file: permission denied"
    ]


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = copy_data(tmp_path)
    real = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "commuting.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = run(data, "caseload")
    assert result.exit_code == 2
    assert error_lines(result.stderr, data) == [
        "commuting.yaml: cannot read the file: permission denied"
    ]


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = copy_data(tmp_path)
    size = (data / "commuting.yaml").stat().st_size
    monkeypatch.setattr(tyollisyys_cli.files, "MAX_FILE_BYTES", 2000)
    result = run(data, "caseload")
    assert result.exit_code == 2
    assert error_lines(result.stderr, data) == [
        f"municipalities.yaml: file is {(data / 'municipalities.yaml').stat().st_size:,} "
        "bytes, larger than the limit of 2,000 bytes for a data file",
        f"commuting.yaml: file is {size:,} bytes, larger than the limit of 2,000 bytes "
        "for a data file",
    ]


def test_errors_of_both_files_are_reported_together(tmp_path: Path) -> None:
    both = case(
        "both-files",
        "a mistake in each file",
        [
            Replace(M, "      men: 42", "      men: 4,2"),
            Replace(C, "commuting_in: 311", "commuting_in: on"),
        ],
        [
            "municipalities.yaml:{line}:12: municipalities[0].statistics.men (Hyrynsalmi): "
            "expected a whole number (0 or more), `withheld` or `missing`, found the text "
            "'4,2'",
            "commuting.yaml:{line:commuting_in: on}:19: rows[2].commuting_in (Kuhmo): expected "
            "a whole number (0 or more), found the text 'on'; this is a yes/no word, not a number",
        ],
    )
    data, expected = prepare(both, tmp_path)
    result = run(data, "caseload")
    assert result.exit_code == 2
    assert error_lines(result.stderr, data) == expected


def test_data_dir_missing(tmp_path: Path) -> None:
    result = run(tmp_path / "nowhere", "caseload")
    assert result.exit_code == 2
    # (no "1 problem in the data files": there are none, only a folder that is not there)
    assert result.stderr == f"error: {tmp_path / 'nowhere'}: data directory not found\n"


def test_data_dir_is_a_file(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    result = run(data / "municipalities.yaml", "caseload")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: {data / 'municipalities.yaml'}: is not a directory; the data folder "
        "(--data-dir or TYOLLISYYS_DATA_DIR) is the one that holds municipalities.yaml\n"
    )
    by_environment = CliRunner().invoke(
        app, ["caseload"], env={"TYOLLISYYS_DATA_DIR": str(data / "municipalities.yaml")}
    )
    assert by_environment.exit_code == 2
    assert "(--data-dir or TYOLLISYYS_DATA_DIR)" in by_environment.stderr


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    folder, _ = prepare(BY_NAME["yes-as-count"], tmp_path)
    quiet = run(folder, "caseload")
    loud = CliRunner().invoke(app, ["--debug", "--data-dir", str(folder), "caseload"])
    assert quiet.exit_code == loud.exit_code == 2
    assert "Traceback" not in quiet.stderr
    assert "Traceback (most recent call last)" in loud.stderr
    assert "tyollisyys_cli.errors.DataErrors" in loud.stderr
    assert error_lines(loud.stderr, folder) == error_lines(quiet.stderr, folder)


def test_an_unexpected_failure_is_a_bug_report_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tyollisyys_cli.area import load

    def broken(data_dir: Path) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(load, "load_area", broken)
    monkeypatch.setenv("TYOLLISYYS_NO_CACHE", "1")  # a cached area would not reach the loader
    result = CliRunner().invoke(app, ["caseload"])
    assert result.exit_code == 70
    assert result.stderr.splitlines() == [
        "internal error: ZeroDivisionError: division by zero",
        "This is a bug in tyollisyys; run again with --debug for the traceback.",
    ]


def test_as_a_real_process(tmp_path: Path) -> None:
    folder, expected = prepare(BY_NAME["python-tag"], tmp_path)
    completed = subprocess.run(
        [sys.executable, "-m", "tyollisyys_cli", "--data-dir", str(folder), "caseload"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        f"error: {folder}{os.sep}{expected[0]}",
        "1 problem in the data files",
    ]
