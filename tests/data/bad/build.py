# ruff: noqa: E501  (the edits are quoted whole, as they appear in the files)
"""Rebuild the data files of the malformed cases from the bundled files in data/.

    python tests/data/bad/build.py [CASE]...

Each case is one small edit of a bundled file, written out below. This rewrites the
YAML files of each case folder (never its expected.yaml): after a change to data/, run
it and then the tests, which show any message that moved.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[2] / "data"
M, C = "municipalities.yaml", "commuting.yaml"
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
#: statistics/2026-06.csv as `tyollisyys import statfin` writes it for the bundled area
#: from tests/data/statfin-12r5-2026M06.json.
S = "statistics/2026-06.csv"
SOURCE = '"Statistics Finland, table 12r5 (statfin-12r5-2026M06.json)"'
MONTH = (
    "\n".join(
        [
            "municipality,labour_force,unemployment_rate,unemployed,men,women,under_20,under_25,over_50,long_term,disabled_or_ill,foreign,open_vacancies,job_seekers,in_services,source",
            f"105,708,11.4,81,54,27,0,withheld,53,32,10,withheld,withheld,142,withheld,{SOURCE}",
            f"205,16917,12.2,2066,1167,899,132,422,619,626,294,287,253,3248,512,{SOURCE}",
            f"290,2905,11.8,344,216,128,15,38,148,112,64,15,14,564,withheld,{SOURCE}",
            f"305,6583,12.2,805,430,375,24,79,314,268,135,40,206,1197,129,{SOURCE}",
            f"578,1186,12.5,148,86,62,withheld,13,65,44,44,withheld,withheld,261,withheld,{SOURCE}",
            f"620,860,14.9,128,79,49,withheld,6,66,42,12,10,9,233,withheld,{SOURCE}",
            f"697,447,8.1,36,18,18,withheld,withheld,17,12,withheld,withheld,withheld,69,withheld,{SOURCE}",
            f"765,4658,6.7,312,174,138,9,45,129,62,72,21,34,525,58,{SOURCE}",
            f"777,2671,11.5,308,186,122,9,34,166,101,83,17,13,628,withheld,{SOURCE}",
            f"832,1459,13.3,194,121,73,7,19,98,57,43,withheld,10,285,withheld,{SOURCE}",
        ]
    )
    + "\n"
)


def without_column(text: str, number: int) -> str:
    """The month with its column `number` (0-based) left out (no cell holds a comma
    before the source, so splitting on commas finds the cells)."""
    lines = []
    for line in text.splitlines():
        head, quote, source = line.partition(',"')
        cells = head.split(",")
        del cells[number]
        lines.append(",".join(cells) + quote + source)
    return "\n".join(lines) + "\n"


CASES = {
    # --- reading the file
    "empty-file": ("municipalities.yaml is empty (0 bytes)", [(M, "TEXT", "")]),
    "only-comments": (
        "municipalities.yaml holds only its comment lines",
        [
            (
                M,
                "TEXT",
                "# yaml-language-server: $schema=../schemas/municipalities.schema.json\n#\n# nothing yet\n",
            )
        ],
    ),
    "directory-instead-of-file": ("municipalities.yaml is a folder", [(M, "DIR", None)]),
    "missing-area-file": (
        "the folder has commuting.yaml but no municipalities.yaml",
        [(C, "KEEP", None), (M, "REMOVE", None)],
    ),
    "not-utf8-latin1": ("municipalities.yaml saved as Latin-1 (ISO-8859-1)", [(M, "LATIN1", None)]),
    "not-utf8-utf16": ("commuting.yaml saved as UTF-16", [(C, "UTF16", None)]),
    "control-character": (
        "an invisible control character (U+0007) in a name",
        [(M, "name: Kuhmo", "name: Ku\x07hmo")],
    ),
    # --- YAML syntax
    "tab-indentation": (
        "a line indented with a tab",
        [
            (
                M,
                "    region: Kainuu\n    service_unit: paltamo\n    statistics:\n      labour_force: 765",
                "    region: Kainuu\n    service_unit: paltamo\n    statistics:\n\tlabour_force: 765",
            )
        ],
    ),
    "indentation-too-shallow": (
        "one key of a mapping indented less than the others",
        [(C, "    commuting_in: 311", "   commuting_in: 311")],
    ),
    "indentation-too-deep": (
        "a key indented further than the one above",
        [(C, "    commuting_in: 311", "      commuting_in: 311")],
    ),
    "unclosed-single-quote": (
        "a single quote never closed",
        [(C, "printed_name: Hyrnsalmi", "printed_name: 'Hyrnsalmi")],
    ),
    "unclosed-double-quote": (
        "a double quote never closed (the last one in the file)",
        [(C, "job_self_sufficiency: 91.773", 'job_self_sufficiency: "91.773')],
    ),
    "unclosed-flow-list": (
        "a [ list without its closing ]",
        [(M, 'members: ["578", "105", "697"]', 'members: ["578", "105", "697"')],
    ),
    "unclosed-flow-mapping": (
        "a { mapping without its closing }",
        [(M, "fte: {min: 2, max: 4}", "fte: {min: 2, max: 4")],
    ),
    "colon-in-unquoted-text": (
        "text containing ': ' written without quotes",
        [
            (
                M,
                'printed: "Hyrnsalmen kunta: Hyrnsalmen kunnantalo, Laskutie 1, 89400 Hyrnsalmi"',
                "printed: Hyrnsalmen kunta: Hyrnsalmen kunnantalo, Laskutie 1, 89400 Hyrnsalmi",
            )
        ],
    ),
    "second-document": (
        "a second YAML document after a --- line",
        [(C, "TEXT_APPEND", "---\nsource: copy\n")],
    ),
    "at-sign-starts-value": (
        "a value starting with @, which YAML reserves",
        [(C, "source: TEM resurssilaskelmat", "source: @TEM resurssilaskelmat")],
    ),
    # --- unsafe or unsupported YAML
    "python-tag": (
        "a !!python tag that would run a command in an unsafe loader",
        [(M, "name: Kainuu–Koillismaa", 'name: !!python/object/apply:os.system ["echo pwned"]')],
    ),
    "custom-tag": (
        "a custom tag (!include)",
        [(C, "source: TEM resurssilaskelmat", "source: !include sources.yaml")],
    ),
    "binary-tag": (
        "a !!binary value",
        [(C, "source: TEM resurssilaskelmat", "source: !!binary VEVNIHJlc3Vyc3NpbGFza2VsbWF0")],
    ),
    "anchor-and-alias": (
        "a value named with &anchor and reused with *alias",
        [
            (
                C,
                """    labour_force: 3120
    commuting_in: 311""",
                """    labour_force: &kuhmo 3120
    commuting_in: *kuhmo""",
            )
        ],
    ),
    "merge-key": (
        "a << merge key reusing another row",
        [
            (
                C,
                """  - municipality: "205"
    labour_force: 16615""",
                """  - &kajaani
    municipality: "205"
    labour_force: 16615""",
            ),
            (
                C,
                """  - municipality: "290"
    labour_force: 3120""",
                """  - <<: *kajaani
    municipality: "290"
    labour_force: 3120""",
            ),
        ],
    ),
    "alias-bomb": ("a billion-laughs alias bomb of a few hundred bytes", [(M, "TEXT", BOMB)]),
    "duplicate-key": (
        "a key written twice in one mapping",
        [(M, "      labour_force: 765\n", "      labour_force: 765\n      labour_force: 766\n")],
    ),
    "duplicate-top-level-key": (
        "a top-level key written twice",
        [(C, 'month: "2023-08"\n', 'month: "2023-08"\nmonth: "2023-09"\n')],
    ),
    # --- YAML 1.1 surprises and values written the wrong way
    "yes-as-count": (
        "yes where a count is expected",
        [(M, "      unemployed: 78", "      unemployed: yes")],
    ),
    "yes-as-flag": (
        "yes/no where true/false is expected",
        [
            (
                M,
                """        fte: 2.5
        origin: own
        caseload: true""",
                """        fte: 2.5
        origin: own
        caseload: yes""",
            )
        ],
    ),
    "decimal-comma-percent": (
        "a percentage written with a decimal comma",
        [(M, "unemployment_rate: 10.2", "unemployment_rate: 10,2")],
    ),
    "decimal-comma-fte": (
        "an FTE amount written with a decimal comma",
        [(M, "fte: 2.5", "fte: 2,5")],
    ),
    "spaced-thousands": (
        "a count written with a space between thousands",
        [(M, "labour_force: 16615", "labour_force: 16 615")],
    ),
    "spaced-thousands-commuting": (
        "a commuting count written with a space",
        [(C, "labour_force: 16615", "labour_force: 16 615")],
    ),
    "code-as-number": (
        "a municipality code written without quotes",
        [(M, 'code: "105"', "code: 105")],
    ),
    "code-leading-zero-unquoted": (
        "a code with a leading zero written without quotes stays text (091), then is unknown",
        [(C, 'municipality: "832"', "municipality: 091")],
    ),
    "code-two-digits": (
        "a municipality code of two digits",
        [(M, 'responsible_municipality: "205"', 'responsible_municipality: "25"')],
    ),
    "month-wrong-form": (
        "a month written as a date",
        [(M, 'reference_month: "2023-08"', "reference_month: 2023-08-31")],
    ),
    "negative-count": ("a negative count", [(C, "commuting_in: 311", "commuting_in: -311")]),
    "fractional-count": (
        "a count with decimals",
        [(M, "labour_force: 765", "labour_force: 765.5")],
    ),
    "percent-over-100": (
        "a percentage above 100",
        [(M, "unemployment_rate: 8.3", "unemployment_rate: 108.3")],
    ),
    "withheld-as-dots": (
        'a withheld cell written "..." as printed',
        [
            (
                M,
                "      foreign: withheld\n      open_vacancies: 10",
                "      foreign: ...\n      open_vacancies: 10",
            )
        ],
    ),
    "empty-text": ("a required text left empty", [(M, "name: Ristijärven kunnantalo", "name:")]),
    "true-as-text": (
        "true where text is expected",
        [
            (
                M,
                "    region: Pohjois-Pohjanmaa\n    statistics:\n      labour_force: 6523",
                "    region: true\n    statistics:\n      labour_force: 6523",
            )
        ],
    ),
    # --- structure
    "unknown-field": (
        "a misspelt optional field",
        [
            (
                M,
                "        note: two advisors at 100 % and a third at 50 %",
                "        notes: two advisors at 100 % and a third at 50 %",
            )
        ],
    ),
    "missing-required-field": ("a required column left out", [(C, "    commuting_in: 311\n", "")]),
    "origin-misspelt": (
        "a choice misspelt",
        [
            (
                M,
                """        fte: 3.5
        origin: transferring""",
                """        fte: 3.5
        origin: transfering""",
            )
        ],
    ),
    "list-where-mapping": (
        "a list where a mapping of fields is expected",
        [(M, "withheld_cell: {min: 1, max: 4}", "withheld_cell: [1, 4]")],
    ),
    "text-where-list": (
        "one code where a list of codes is expected",
        [(M, 'serves: ["578", "105", "697"]', 'serves: "578"')],
    ),
    "empty-list": (
        "an empty list where one entry at least is needed",
        [(M, 'serves: ["578", "105", "697"]', "serves: []")],
    ),
    "top-level-list": (
        "commuting.yaml written as a bare list",
        [(C, "TEXT", '- municipality: "105"\n  labour_force: 765\n')],
    ),
    "several-errors": (
        "three unrelated mistakes in one file, all reported at once",
        [
            (M, "      unemployed: 78", "      unemployed: 7 8"),
            (M, "unemployment_rate: 13.8", "unemployment_rate: 138"),
            (M, "fte: {at_least: 5}", "fte: {at_least: five}"),
        ],
    ),
    # --- amounts and targets
    "fte-range-min-above-max": (
        "an FTE range whose min is above its max",
        [(M, "fte: {min: 2, max: 4}", "fte: {min: 5, max: 4}")],
    ),
    "fte-range-without-max": (
        "an FTE range with min only",
        [(M, "fte: {min: 2, max: 4}", "fte: {min: 2}")],
    ),
    "fte-two-forms": (
        "an FTE written in two forms at once",
        [(M, "fte: {about: 2.5}", "fte: {about: 2.5, at_least: 2}")],
    ),
    "fte-text": ("an FTE written as text", [(M, "fte: {about: 2.5}", "fte: noin 2.5")]),
    "target-as-number": (
        "a target written as a bare number",
        [
            (
                M,
                """    target:
      about: 100
      printed: n. 100 asiakasta per virkailija""",
                """    target: 100""",
            )
        ],
    ),
    "target-min-above-max": (
        "a target band whose min is above its max",
        [(M, "      min: 90\n      max: 120", "      min: 120\n      max: 90")],
    ),
    "withheld-range-min-above-max": (
        "the withheld-cell range upside down",
        [(M, "withheld_cell: {min: 1, max: 4}", "withheld_cell: {min: 4, max: 1}")],
    ),
    # --- cross-checks
    "count-above-total": (
        "a group of the unemployed larger than the unemployed total",
        [(M, "      men: 42", "      men: 142")],
    ),
    "unemployed-above-labour-force": (
        "more unemployed than the labour force",
        [(M, "      unemployed: 34", "      unemployed: 534")],
    ),
    "duplicate-municipality-code": (
        "two municipalities with the same code",
        [(M, '  - code: "620"', '  - code: "578"')],
    ),
    "duplicate-commuting-row": (
        "two commuting rows for one municipality",
        [(C, 'municipality: "832"', 'municipality: "777"')],
    ),
    "unknown-municipality-in-commuting": (
        "a commuting row for a code not in the area",
        [(C, 'municipality: "832"', 'municipality: "833"')],
    ),
    "unknown-municipality-in-unit": (
        "a service unit member not in the area",
        [(M, 'members: ["578", "105", "697"]', 'members: ["578", "105", "697", "999"]')],
    ),
    "unknown-service-unit": (
        "a municipality naming a service unit that does not exist",
        [
            (
                M,
                "    region: Kainuu\n    service_unit: paltamo\n    # The plan prints",
                "    region: Kainuu\n    service_unit: paltamoo\n    # The plan prints",
            )
        ],
    ),
    "provider-not-member": (
        "a service unit whose provider is not among its members",
        [
            (
                M,
                'provider: "578"\n    members: ["578", "105", "697"]',
                'provider: "205"\n    members: ["578", "105", "697"]',
            )
        ],
    ),
    "commuting-part-above-labour-force": (
        "more people working in their own municipality than its labour force",
        [(C, "working_in_own: 571", "working_in_own: 1571")],
    ),
    "claim-value-and-range": (
        "a claim with both a value and a range",
        [
            (
                M,
                "    min: 7\n    max: 8\n    printed: 7–8 htv",
                "    value: 7\n    min: 7\n    max: 8\n    printed: 7–8 htv",
            )
        ],
    ),
    # --- monthly statistics in CSV (statistics/2026-06.csv)
    "csv-empty-file": ("a monthly CSV file of 0 bytes", [(S, "TEXT", "")]),
    "csv-only-header": (
        "a monthly CSV file with its header row and no rows",
        [(S, "TEXT", MONTH.splitlines()[0] + "\n")],
    ),
    "csv-unknown-column": (
        "a misspelt column name in the header",
        [(S, ",in_services,", ",in_service,")],
    ),
    "csv-missing-column": (
        "a column left out (header and rows)",
        [(S, "TEXT", without_column(MONTH, 11))],
    ),
    "csv-duplicate-column": (
        "a column named twice in the header",
        [(S, ",women,under_20,", ",men,under_20,")],
    ),
    "csv-short-row": (
        "a row one cell short",
        [(S, "2066,1167,899,132,", "2066,1167,899,")],
    ),
    "csv-decimal-comma": (
        "a decimal comma makes a row one cell too long",
        [(S, "205,16917,12.2,", "205,16917,12,2,")],
    ),
    "csv-not-a-number": (
        "a letter O for a zero in a count",
        [(S, "205,16917,12.2,2066,", "205,16917,12.2,2O66,")],
    ),
    "csv-negative-number": (
        "a negative count",
        [(S, "290,2905,11.8,344,216,128,15,", "290,2905,11.8,344,216,128,-15,")],
    ),
    "csv-rate-over-100": (
        "a published rate above 100",
        [(S, "305,6583,12.2,", "305,6583,122,")],
    ),
    "csv-withheld-as-dots": (
        "a withheld cell written as ... (as the export prints it)",
        [(S, "628,withheld,", "628,...,")],
    ),
    "csv-bad-file-name": (
        "a month file named without the leading zero of the month",
        [(S, "RENAME", "statistics/2026-6.csv")],
    ),
    "csv-not-utf8": (
        "a monthly CSV file saved as Latin-1, with ä in its source",
        [
            (S, "TEXT", MONTH.replace("Statistics Finland", "Tilastokeskus, työnvälitystilasto")),
            (S, "LATIN1", None),
        ],
    ),
    "csv-semicolons": (
        "a month saved with ; between the cells, as a spreadsheet in a Finnish locale does",
        [(S, "TEXT", MONTH.replace(",", ";").replace("12.2", "12,2"))],
    ),
    "csv-unclosed-quote": (
        "the quote around the source of the last row never closed",
        [(S, "TEXT", MONTH[: MONTH.rindex('"')] + "\n")],
    ),
    "csv-unknown-municipality": (
        "a row for a municipality that is not in the area",
        [(S, "\n620,860,", "\n621,860,")],
    ),
    "csv-and-yaml-month": (
        "the same month as 2026-06.csv and as 2026-06.yaml",
        [(S, "KEEP", None), ("statistics/2026-06.yaml", "TEXT", "month: '2026-06'\n")],
    ),
}


SPECIAL = {"DIR", "REMOVE", "LATIN1", "UTF16", "KEEP", "RENAME"}


def build(name: str, edits: list[tuple[str, str, str | None]]) -> Path:
    """Write the files of case `name` into its folder."""
    folder = HERE / name
    for old in [*folder.glob("*.yaml"), *folder.glob("statistics")]:
        if old.is_dir():
            shutil.rmtree(old)
        elif old.name != "expected.yaml":
            old.unlink()
    folder.mkdir(exist_ok=True)
    touched = {file for file, _, _ in edits}
    texts = {f: (SRC / f).read_text(encoding="utf-8") for f in {M} | (touched & {C})}
    if S in touched:
        texts[S] = MONTH
    special: dict[str, str] = {}
    renamed: dict[str, str] = {}
    for file, old, new in edits:
        if old == "TEXT":
            texts[file] = str(new)
        elif old == "TEXT_APPEND":
            texts[file] += str(new)
        elif old in SPECIAL:
            special[file] = old
            if old == "RENAME":
                renamed[file] = str(new)
        else:
            assert texts[file].count(old) == 1, (name, old)
            texts[file] = texts[file].replace(old, str(new))
    for file, text in texts.items():
        how = special.get(file)
        target = folder / renamed.get(file, file)
        target.parent.mkdir(exist_ok=True)
        if how == "REMOVE":
            continue
        if how == "DIR":
            target.mkdir()
            (target / "README").write_text("A folder where municipalities.yaml should be.\n")
        elif how == "LATIN1":
            target.write_bytes(text.encode("latin-1", "replace"))
        elif how == "UTF16":
            target.write_bytes(text.encode("utf-16"))
        else:
            target.write_text(text, encoding="utf-8")
    return folder


if __name__ == "__main__":
    for case, (_problem, case_edits) in CASES.items():
        if len(sys.argv) == 1 or case in sys.argv[1:]:
            build(case, case_edits)
