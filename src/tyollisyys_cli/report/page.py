"""The page: the sections laid out by a Jinja2 template, styles inline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tyollisyys_cli.i18n import _, language, month, month_end, ngettext
from tyollisyys_cli.report.content import (
    Headline,
    Section,
    findings_section,
    headlines,
    notes_section,
)
from tyollisyys_cli.report.sections import (
    caseload_section,
    commuting_section,
    staffing_section,
    trend_section,
    unemployment_section,
)
from tyollisyys_cli.report.words import source_lines

if TYPE_CHECKING:
    from markupsafe import Markup

    from tyollisyys_cli.report.records import ReportRecords


@dataclass(frozen=True)
class Summary:
    """What the report is about and its headline figures."""

    area: str
    #: The page's heading: the area, or the places asked about and their area.
    heading: str
    month: str
    #: The month as "the end of {month}" takes it (Finnish `kesäkuun 2026`).
    month_end: str
    plan_month: str
    places: str
    sources: list[str]
    months_held: str
    headlines: list[Headline]
    #: The words of the cards and charts a reader may not know (FTE; under and over).
    terms: str = ""


def summary(records: ReportRecords) -> Summary:
    area = records.area_name
    if records.example:  # (a page of the example's figures, taken for an area's own)
        area = _("{area} ({data})").format(area=area, data=_(records.example))
    return Summary(
        area=area,
        heading=records.heading,
        month=month(records.month),
        month_end=month_end(records.month),
        plan_month=month(records.plan_month),
        places=", ".join(records.places) if records.places else _("every municipality"),
        sources=source_lines(records),
        months_held=", ".join(month(held) for held in records.months_held),
        headlines=headlines(records),
        terms=_(
            "FTE: full-time equivalent (htv), one person's full-time work for a year; "
            "clients per advisor: clients over the FTE that carry a personal caseload; "
            "under or over the target: fewer or more clients per advisor than the target "
            "band (a lighter or a heavier caseload)."
        ),
    )


def sections(records: ReportRecords) -> list[Section]:
    """The sections after the summary, in reading order."""
    return [
        caseload_section(records),
        staffing_section(records),
        unemployment_section(records),
        trend_section(records),
        commuting_section(records),
        findings_section(records),
        notes_section(records),
    ]


#: The space between a number's groups of digits (`4 706`), or before its per cent sign
#: (`12,14 %`), which a line may break at.
_GROUPS = re.compile(r"(?<=\d) (?=\d{3}(?!\d)|%)")


def whole_numbers(value: object) -> object:
    """A text shown on the page with its numbers kept on one line (a no-break space
    between their groups: printed, "4 706" broke into "4 / 706"). Markup (the charts)
    passes as it is."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return _GROUPS.sub("\u00a0", value)
    return value


#: A month as the English page writes it (`2023-08`), which a line may break after its
#: hyphen: printed, a card read "at the end of 2026-" / "06", a caption "since 2023-" / "08".
_MONTH = re.compile(
    r"(?<![\w-])(\d{4}-\d{2}"
    # (and a range of figures, `~100–150`: printed, "~100–" / "150")
    r"|~?\d[\d\u00a0.,]*–\d[\d\u00a0.,]*\d|~?\d–\d)(?![\w-])"
)


def _months_whole(marked: str) -> str:
    """Escaped text (`marked`) with its months and ranges kept on one line, outside its code (a file
    name such as `statistics/2026-06.csv` is left as it is)."""
    parts = re.split(r"(<code>.*?</code>)", marked)
    return "".join(
        part if part.startswith("<code>") else _MONTH.sub(r'<span class="nowrap">\1</span>', part)
        for part in parts
    )


def whole(text: str, words: PlanWords | None = None) -> Markup:
    """`text` escaped, with its numbers and months kept on one line (and the plan's
    `words` marked in their language)."""
    from markupsafe import Markup, escape

    marked = str(escape(whole_numbers(text)))
    return Markup(_months_whole(words.mark(marked) if words else marked))


def inline_code(text: str, words: PlanWords | None = None) -> Markup:
    """`text` escaped, with its `backquoted` parts (commands, options) as code and its
    numbers and months kept on one line (and the plan's `words` marked in their language)."""
    from markupsafe import Markup, escape

    kept = str(whole_numbers(text))
    marked = re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(kept)))
    return Markup(_months_whole(words.mark(marked) if words else marked))


@dataclass(frozen=True)
class PlanWords:
    """The titles a page quotes from the plan, in the plan's language where it is not the
    page's: each passage in double quotes of a source the data give (`Plan section 1,
    "Kuvausta kunnittain…"`) is marked `lang`, for a screen reader to speak it in its own
    language."""

    lang: str
    #: The sources as the page shows them, escaped.
    sources: tuple[str, ...]
    #: The page glosses its terms with Finnish ones (`FTE … (htv)`), to be marked so:
    #: an English page's.
    finnish_glosses: bool = False

    def mark(self, marked: str) -> str:
        """Escaped text with the quoted passages of the sources in it marked (and the
        Finnish glosses)."""
        for source in self.sources:
            if source in marked:
                quoted = _QUOTED.sub(rf'\1<span lang="{self.lang}">\2</span>\3', source)
                marked = marked.replace(source, quoted)
        if self.finnish_glosses:
            marked = _GLOSS.sub(r'(<span lang="fi">\1</span>)', marked)
        return marked


#: The Finnish terms an English page gives in brackets after its own: `FTE … (htv)`, the
#: plan's `clients (asiakas)`.
_GLOSS = re.compile(r"\((htv|asiakas)\)")


#: A passage in quotes, escaped: "…" (as the data write it in ASCII), ”…” (as Finnish and
#: Swedish print it) or “…”.
_QUOTED = re.compile(r"(&#34;|”|“)(.+?)(&#34;|”)")


def plan_words(records: ReportRecords) -> PlanWords | None:
    """The plan's words on a page in another language than the plan's; None where the
    page is in the plan's own."""
    from markupsafe import escape

    if records.plan_language == language():
        return None
    shown = {*records.sources_shown.values(), records.statistics_source, records.reference_source}
    return PlanWords(
        records.plan_language,
        finnish_glosses=language() == "en",
        sources=tuple(
            escaped
            # (the longest first: a source that holds another is marked whole)
            for escaped in (
                str(escape(whole_numbers(text)))
                for text in sorted(shown, key=lambda text: (-len(text), text))
            )
            if _QUOTED.search(escaped)
        ),
    )


def render_page(records: ReportRecords, *, tool_version: str) -> str:
    """The whole page as HTML: no script, no address outside itself."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("tyollisyys_cli.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        finalize=whole_numbers,
    )
    # Newstyle gettext fills `%(name)s` placeholders itself and escapes what it fills in.
    environment.install_gettext_callables(  # type: ignore[attr-defined]  # added by the i18n extension
        gettext=_, ngettext=ngettext, newstyle=True
    )
    words = plan_words(records)
    environment.filters["code"] = lambda text: inline_code(text, words)
    environment.filters["whole"] = lambda text: whole(text, words)
    template = environment.get_template("report.html.j2")
    return template.render(
        summary=summary(records),
        sections=sections(records),
        tool_version=tool_version,
        lang=language(),
    )
