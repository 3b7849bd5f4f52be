"""`report` as a browser renders it: headless Chromium opens the page, and the tests
read what it rendered (the DOM after parsing), the PDF it prints and the screenshot.

`.ci/run` installs Debian's `chromium` and `poppler-utils` (for `pdftotext`); without
them these tests are skipped, except on CI (`CI=true`), where they fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clirunner import CliRunner
from lines import line_of
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
EXPORT = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"
SCREENSHOT = ROOT / "docs" / "report.png"
WINDOW = (1200, 1600)

KAINUU = [
    "Hyrynsalmi",
    "Kajaani",
    "Kuhmo",
    "Kuusamo",
    "Paltamo",
    "Puolanka",
    "Ristijärvi",
    "Sotkamo",
    "Suomussalmi",
    "Taivalkoski",
]
KAINUU_UNITS = [
    "Paltamo (ml. Hyrynsalmi ja Ristijärvi)",
    "Kajaani",
    "Kuhmo",
    "Kuusamo",
    "Puolanka",
    "Sotkamo",
    "Suomussalmi",
    "Taivalkoski",
]
OULU = [
    "Hailuoto",
    "Ii",
    "Kempele",
    "Liminka",
    "Lumijoki",
    "Muhos",
    "Oulu",
    "Pudasjärvi",
    "Vaala",
    "Tyrnävä",
    "Utajärvi",
]


def program(name: str) -> str:
    """The path of `name`; a failure on CI, where `.ci/run` installs it, else a skip."""
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed (.ci/run installs it with apt-get)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def test_a_missing_browser_fails_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="apt-get"):
        program("chromium")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        program("pdftotext")


def chromium(page: Path, work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Headless Chromium on `page`, with a profile of its own under `work`, offline."""
    command = [
        program("chromium"),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={work / 'profile'}",
        *args,
        page.resolve().as_uri(),
    ]
    return subprocess.run(
        command, cwd=work, capture_output=True, text=True, timeout=180, check=True
    )


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    chart: str | None  # the id of the chart (svg) it is in
    text: list[str] = field(default_factory=list)


class Dom(HTMLParser):
    """The elements of a rendered page, with the chart each is in and the text of the
    table cells, headings and list items."""

    VOID = frozenset(
        ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr")
    )  # fmt: skip

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        chart = self._open[-1].chart if self._open else None
        if tag == "svg" and values.get("id", "").startswith("chart-"):
            chart = values["id"]
        element = Element(tag, values, chart)
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self._open.pop()

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text.append(data)

    def by_id(self, element_id: str) -> Element:
        found = [e for e in self.elements if e.attrs.get("id") == element_id]
        assert len(found) == 1, f"{len(found)} elements with id {element_id}"
        return found[0]

    def text(self, element_id: str) -> str:
        return " ".join("".join(self.by_id(element_id).text).split())

    def charts(self) -> list[str]:
        return [e.attrs["id"] for e in self.elements if e.tag == "svg" and e.chart]

    def marks(self, chart: str) -> dict[str, int]:
        """Marks of a chart by kind: `mark-caseload-3` counts as `caseload`."""
        counts: dict[str, int] = {}
        for element in self.elements:
            found = re.fullmatch(r"mark-([a-z-]+)-\d+", element.attrs.get("id", ""))
            if element.chart == chart and found:
                counts[found.group(1)] = counts.get(found.group(1), 0) + 1
        return counts

    def column(self, table_id: str, index: int) -> list[str]:
        """The texts of one column of a table's body rows."""
        table = self.by_id(table_id)
        start = self.elements.index(table)
        cells: list[str] = []
        row: list[str] = []
        in_body = False
        for element in self.elements[start + 1 :]:
            if element.tag == "table":
                break
            if element.tag == "tbody":
                in_body = True
            elif element.tag == "tr" and in_body:
                row = []
            elif element.tag in ("th", "td") and in_body:  # (a row's first cell heads it)
                row.append(" ".join("".join(element.text).split()))
                if len(row) == index + 1:
                    cells.append(row[index])
        return cells


@dataclass(frozen=True)
class Rendered:
    page: Path
    dom: Dom
    work: Path


def render(tmp: Path, *args: str, report_args: tuple[str, ...] = ()) -> Rendered:
    """`tyollisyys [args] report [report_args]`, then the page as Chromium renders it."""
    page = tmp / "report.html"
    result = CliRunner(env={"TYOLLISYYS_DATA_DIR": None}).invoke(
        app, [*args, "report", "-o", str(page), *report_args]
    )
    assert result.exit_code == 0, result.output
    dumped = chromium(page, tmp, "--dump-dom")
    return Rendered(page, Dom(dumped.stdout), tmp)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return render(tmp_path_factory.mktemp("bundled"))


@pytest.fixture(scope="module")
def with_months(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The bundled plan with June 2026 of the official statistics imported."""
    work = tmp_path_factory.mktemp("months")
    data = work / "data"
    shutil.copytree(bundled_data_dir(), data)
    imported = CliRunner().invoke(app, ["--data-dir", str(data), "import", "statfin", str(EXPORT)])
    assert imported.exit_code == 0, imported.output
    return render(work, "--data-dir", str(data))


@pytest.fixture(scope="module")
def initialised(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """An area made with `init`: no staffing, no targets, no commuting, one month."""
    work = tmp_path_factory.mktemp("init")
    data = work / "oulu"
    made = CliRunner().invoke(
        app, ["init", str(data), "--area", "Oulun seutu", "--from", str(EXPORT)]
    )
    assert made.exit_code == 0, made.output
    return render(work, "--data-dir", str(data))


def test_every_municipality_and_unit_is_on_the_page(bundled: Rendered) -> None:
    dom = bundled.dom
    assert dom.column("table-unemployment", 1) == [*KAINUU, "Kainuu–Koillismaa (area)"]
    # The commuting table lists the Kainuu municipalities first, as the plan prints it.
    assert dom.column("table-commuting", 1) == [
        *(name for name in KAINUU if name not in ("Kuusamo", "Taivalkoski")),
        "Kuusamo",
        "Taivalkoski",
        "Kainuu–Koillismaa (area)",
    ]
    units = dom.column("table-caseload", 0)
    assert [u for u in units if u not in ("Paltamo", "Hyrynsalmi", "Ristijärvi")] == KAINUU_UNITS
    assert dom.column("table-staffing", 0) == [*KAINUU_UNITS, "Kainuu–Koillismaa (area)"]
    caseload_chart = " ".join(
        "".join(e.text) for e in dom.elements if e.chart == "chart-caseload" and e.tag == "text"
    )
    for unit in KAINUU_UNITS:
        assert unit in caseload_chart


def test_each_chart_is_an_svg_with_its_marks(bundled: Rendered) -> None:
    dom = bundled.dom
    assert dom.charts() == ["chart-caseload", "chart-gap", "chart-rate", "chart-self-sufficiency"]
    # 8 units with a caseload, 7 with a target band (Sotkamo has none), so 7 gaps.
    assert dom.marks("chart-caseload") == {"caseload": 8, "band": 7}
    assert dom.marks("chart-gap") == {"gap": 7}
    # 10 municipalities and the area computed, each beside its published figure (the
    # area's as the plan prints it in its totals row).
    assert dom.marks("chart-rate") == {"rate": 11, "published-rate": 11}
    assert dom.marks("chart-self-sufficiency") == {
        "self-sufficiency": 11,
        "published-self-sufficiency": 11,
    }
    # Only the plan's month is held: no trend chart, a note saying why (the terminal
    # says how to get one: the page names no command).
    assert dom.text("trend") == (
        "Trend since 2023-08 The data hold only the month 2023-08: the trend needs two months "
        "or more."
    )


def test_every_chart_has_a_caption_a_table_and_axis_labels(bundled: Rendered) -> None:
    dom = bundled.dom
    for chart in dom.charts():
        svg = dom.by_id(chart)
        figure = chart.replace("chart-", "figure-")
        assert svg.attrs["aria-labelledby"] == f"caption-{figure}"
        assert dom.text(f"caption-{figure}")
        assert [e.tag for e in dom.elements if e.attrs.get("id") == figure] == ["figure"]
        labels = ["".join(e.text) for e in dom.elements if e.chart == chart and e.tag == "text"]
        assert any("%" in label or "per advisor" in label or "FTE" in label for label in labels)
    assert "Clients per advisor (clients / caseload-carrying FTE)" in dom.text("figure-caseload")
    assert "Unemployment rate, % (unemployed / labour force × 100)" in dom.text("figure-rate")


def test_no_request_leaves_the_page(bundled: Rendered) -> None:
    dom = bundled.dom
    assert not [e for e in dom.elements if e.tag in ("script", "link", "img", "iframe")]
    for element in dom.elements:
        for name, value in element.attrs.items():
            if name in ("src", "href", "xlink:href", "action", "data"):
                assert value.startswith("#"), (element.tag, name, value)
            assert "url(" not in value or re.fullmatch(r".*url\(#[^)]*\).*", value), value
    assert "://" not in bundled.page.read_text(encoding="utf-8")


def test_summary_and_findings(bundled: Rendered) -> None:
    dom = bundled.dom
    summary = dom.text("summary")
    for figure in ("3 217", "8.3 %", "≤ ~71", "staffing incomplete: Kajaani, Taivalkoski"):
        assert figure in summary
    locations = dom.column("table-findings", 2)
    checked = CliRunner().invoke(app, ["check", "--format", "json"])
    assert len(locations) == len(json.loads(checked.stdout)["findings"]) >= 10
    rate = line_of(bundled_data_dir() / "municipalities.yaml", "unemployment_rate: 8.9")
    assert any(where.endswith(f"municipalities.yaml:{rate}:22") for where in locations)  # RAT001
    assert "Who is a client: unemployed job seekers (2023-08)" in dom.text("notes")


def test_printed_on_a4_with_the_headline_figures(bundled: Rendered) -> None:
    pdf = bundled.work / "report.pdf"
    chromium(bundled.page, bundled.work, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes())
    assert len(boxes) >= 8  # a page for each section at least
    assert {(round(float(w)), round(float(h))) for w, h in boxes} == {(595, 842)}
    text = subprocess.run(
        [program("pdftotext"), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for figure in ("3 217", "8.3 %", "≤ ~71", "38 799"):
        assert figure in text
    pages = [" ".join(page.split()) for page in text.split("\f")]
    # Each section starts a page, and each chart is whole on one page: its first row
    # label and its axis label on the same page.
    titles = (
        "Caseload against the targets",
        "Staffing gaps",
        "Unemployment by municipality",
        "Commuting and job self-sufficiency",
        "Notes and assumptions",
    )
    for title in titles:
        assert any(page.startswith(title) for page in pages), title
    # A section of a few lines (the trend, with one month held) follows the one before
    # on its page: it had a page of its own, with two lines on it.
    trend = next(page for page in pages if "Trend since 2023-08" in page)
    assert not trend.startswith("Trend since") and "Groups of the unemployed" in trend
    # A long table starts on the page of its section's heading: the findings' heading
    # and a sentence had a page of their own, the table all of the next.
    findings = next(page for page in pages if page.startswith("Findings of the check"))
    assert "Level Rule Where" in findings
    for first, axis in (
        ("Paltamo (ml. Hyrynsalmi ja Ristijärvi)", "caseload-carrying FTE)"),
        ("Hyrynsalmi", "(unemployed / labour force × 100)"),
        ("Hyrynsalmi", "(jobs / employed residents × 100; 100 = balance)"),
    ):
        assert any(first in page and axis in page for page in pages), axis
    # Each caption is whole on one page: the commuting chart's last line began a page of
    # its own.
    for chart in bundled.dom.charts():
        caption = bundled.dom.text(f"caption-{chart.replace('chart-', 'figure-')}")
        assert any(caption in page for page in pages), caption


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def changed_share(first: Path, second: Path) -> float:
    """The share of pixels that differ clearly (by more than 48 of 255 in grey)."""
    from PIL import Image, ImageChops  # (Pillow: a dependency of matplotlib)

    with Image.open(first) as one, Image.open(second) as other:
        difference = ImageChops.difference(one.convert("L"), other.convert("L"))
        histogram = difference.histogram()
    return sum(histogram[49:]) / sum(histogram)


def test_screenshot_in_docs_is_of_the_current_report(bundled: Rendered) -> None:
    """docs/report.png is what Chromium shows of the bundled area's report at 1200×1600
    (refresh it as docs/report.md says); here it is made again from today's page and
    must look the same (less than 0.1 % of its pixels changed; a new marker shape
    changes more)."""
    shot = bundled.work / "report.png"
    size = f"--window-size={WINDOW[0]},{WINDOW[1]}"
    chromium(bundled.page, bundled.work, f"--screenshot={shot}", size, "--hide-scrollbars")
    assert png_size(shot) == WINDOW
    if not (ROOT / "README.md").exists():
        pytest.skip("docs/ is not beside the tests (installed elsewhere)")
    assert png_size(SCREENSHOT) == WINDOW
    assert changed_share(shot, SCREENSHOT) < 0.001, "docs/report.png is stale: see docs/report.md"
    assert "![" in (ROOT / "docs" / "report.md").read_text(encoding="utf-8")


def test_months_held_give_the_trend(with_months: Rendered) -> None:
    dom = with_months.dom
    assert dom.charts() == [
        "chart-caseload",
        "chart-gap",
        "chart-rate",
        "chart-trend-unemployed",
        "chart-trend-rate",
        "chart-trend-clients-per-advisor",
        "chart-self-sufficiency",
    ]
    for name in ("unemployed", "rate", "clients-per-advisor"):
        assert dom.marks(f"chart-trend-{name}") == {f"trend-{name}": 2}  # 2023-08, 2026-06
    assert dom.column("table-trend-unemployed", 1) == ["3 217", "4 422"]
    assert dom.column("table-trend-unemployed", 2) == ["", "+1 205"]
    assert dom.column("table-trend-rate", 2) == ["", "+3.2"]
    assert dom.column("table-trend-clients-per-advisor", 1) == ["≤ ~71", "≤ ~97"]
    # A range of changes with each end's sign, as the trend table writes it (was ~0–26).
    assert dom.column("table-trend-clients-per-advisor", 2) == ["", "~0 – +26"]
    summary = dom.text("summary")
    assert "4 422" in summary and "+1 205 unemployed" in summary
    assert "rate +3.2 percentage points" in summary
    assert "clients per advisor ~0 – +26" in summary


def test_an_initialised_area(initialised: Rendered) -> None:
    dom = initialised.dom
    # No staffing and no targets yet: no caseload or gap chart, but every unit listed.
    assert dom.charts() == ["chart-rate"]
    assert dom.marks("chart-rate") == {"rate": 12, "published-rate": 11}
    assert dom.column("table-unemployment", 1) == [*OULU, "Oulun seutu (area)"]
    assert dom.column("table-caseload", 0) == OULU
    assert set(dom.column("table-caseload", 2)) == {"no staffing"}
    # Said to the page's reader, not to the analyst ("fill them in municipalities.yaml").
    assert dom.text("figure-caseload").startswith(
        "No unit has both staffing and a target in the data yet, so no caseload can be set "
        "against a target. The figures: clients per advisor"
    )
    # No chart, so no caption or legend that describes one (triangles, red bars); the
    # gap's figures are not the caseload's table again, "no staffing" in each row.
    assert dom.text("figure-gap") == (
        "No unit has both staffing and a target yet, so no gap can be computed."
    )
    assert "table-staffing" not in initialised.page.read_text(encoding="utf-8")
    assert "members indented" not in dom.text("figure-caseload")  # (there are none)
    for figure in ("figure-caseload", "figure-gap"):
        said = dom.text(figure)
        assert "chart" not in said and "triangle" not in said and "Red:" not in said, said
    assert "no commuting table" in dom.text("commuting")
    assert "19 981" in dom.text("summary") and "14.2 %" in dom.text("summary")


def test_report_for_named_places(tmp_path: Path) -> None:
    dom = render(tmp_path, report_args=("Kuhmo",)).dom
    assert dom.column("table-unemployment", 1) == ["Kuhmo", "Kainuu–Koillismaa (area)"]
    assert dom.marks("chart-caseload") == {"caseload": 1, "band": 1}
    assert dom.text("summary").count("Kuhmo") >= 1


#: Run in the page: the ids of the tables beside a chart that do not fit their box.
_OVERFLOWING = (
    "<script>document.body.dataset.overflowing = [...document.querySelectorAll('.figures')]"
    ".filter(box => box.scrollWidth > box.clientWidth + 1)"
    ".map(box => box.querySelector('table').id).join(' ') || 'none';</script></body>"
)


@pytest.mark.parametrize("width", [1000, 1280])
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_tables_beside_the_charts_fit_a_1280_pixel_window(
    tmp_path: Path, lang: str, width: int
) -> None:
    """In Finnish the caseload table scrolled sideways at 1280 pixels, its status column
    cut to 'henkilöst': its headers ('Asiakkaita per virkailija') did not wrap. At 1000
    pixels it was cut at 'tavoitte' beside its chart: below 1100 the table goes under it."""
    page = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["--lang", lang, "report", "-o", str(page)])
    assert result.exit_code == 0, result.output
    measured = tmp_path / "measured.html"
    measured.write_text(page.read_text("utf-8").replace("</body>", _OVERFLOWING), "utf-8")
    dumped = chromium(measured, tmp_path, "--dump-dom", f"--window-size={width},1400").stdout
    assert 'data-overflowing="none"' in dumped, re.findall(r'data-overflowing="[^"]*"', dumped)


#: Run in the page: each chart's text that reaches outside its chart (and so is cut off).
_CLIPPED = (
    "<script>document.body.dataset.clipped = [...document.querySelectorAll('svg.chart')]"
    ".flatMap(svg => { const box = svg.getBoundingClientRect();"
    " return [...svg.querySelectorAll('text')].filter(text => {"
    " const at = text.getBoundingClientRect();"
    " return at.width > 0 && (at.top < box.top - 1 || at.bottom > box.bottom + 1"
    " || at.left < box.left - 1 || at.right > box.right + 1); })"
    ".map(text => svg.id + ': ' + text.textContent); }).join(' | ') || 'none';</script></body>"
)


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_no_text_of_a_chart_is_cut_off(with_months: Rendered, lang: str) -> None:
    """The first trend chart's axis label read 'Unemployed job seekers (persons', cut off
    at the top of its chart in English."""
    page = with_months.work / f"report-{lang}.html"
    data = with_months.work / "data"
    result = CliRunner().invoke(
        app, ["--lang", lang, "--data-dir", str(data), "report", "-o", str(page)]
    )
    assert result.exit_code == 0, result.output
    measured = with_months.work / f"measured-{lang}.html"
    measured.write_text(page.read_text("utf-8").replace("</body>", _CLIPPED), "utf-8")
    dumped = chromium(measured, with_months.work, "--dump-dom", "--window-size=1280,1400").stdout
    assert 'data-clipped="none"' in dumped, re.findall(r'data-clipped="[^"]*"', dumped)


#: Run in the page: the height of each chart's smallest text, in pixels.
_SMALLEST_TEXT = (
    "<script>document.body.dataset.smallest = [...document.querySelectorAll('svg.chart')]"
    ".map(svg => svg.id + ':' + Math.min(...[...svg.querySelectorAll('text')]"
    ".map(text => text.getBoundingClientRect().height).filter(height => height > 0))"
    ".toFixed(1)).join(' ');</script></body>"
)


def test_a_charts_labels_stay_readable_on_a_narrow_screen(bundled: Rendered) -> None:
    """A chart shrunk to a phone's width had labels 10 pixels high in a 500-pixel window
    (the narrowest headless Chromium opens) and 7 at 375; it keeps a readable size and
    scrolls sideways in its box, as a table does."""
    measured = bundled.work / "narrow.html"
    measured.write_text(bundled.page.read_text("utf-8").replace("</body>", _SMALLEST_TEXT))
    dumped = chromium(measured, bundled.work, "--dump-dom", "--window-size=500,1400").stdout
    found = re.search(r'data-smallest="([^"]*)"', dumped)
    assert found, dumped[-500:]
    heights = dict(item.split(":") for item in found.group(1).split())
    assert set(heights) == {"chart-caseload", "chart-gap", "chart-rate", "chart-self-sufficiency"}
    assert all(float(height) >= 12 for height in heights.values()), heights
