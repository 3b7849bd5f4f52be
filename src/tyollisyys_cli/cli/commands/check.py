"""`tyollisyys check`: the plan's printed figures against the ones computed from its counts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tyollisyys_cli.cli.completion import (
    check_formats,
    choices,
    complete_month,
    fail_on_levels,
    rule_codes,
)
from tyollisyys_cli.cli.options import (
    CommandDataDir,
    CommandDebug,
    CommandLang,
    month_value,
    output_path,
)
from tyollisyys_cli.cli.state import state
from tyollisyys_cli.errors import DataErrors, escaped
from tyollisyys_cli.i18n import _

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tyollisyys_cli.check.rules import Rule

_SELECT = _(
    "Run only these rules: codes, prefixes or names, comma-separated or repeated (e.g. "
    "TOT001,COM or totals-row)."
)
_IGNORE = _(
    "Skip these rules: codes, prefixes or names, comma-separated or repeated (e.g. "
    "TOT001,COM or totals-row)."
)
Format = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar=_("FORMAT"),
        autocompletion=choices(check_formats),
        help=_(
            "text (for people; file:line:col lines when not on a terminal), json, or "
            "github (GitHub Actions annotations)."
        ),
    ),
]
FailOn = Annotated[
    str,
    typer.Option(
        "--fail-on",
        metavar=_("LEVEL"),
        autocompletion=choices(fail_on_levels),
        help=_("Exit 1 when a finding reaches LEVEL: error, warning or never."),
    ),
]
#: `--month` as the other commands take it, but `check` checks every month by default.
Month = Annotated[
    str | None,
    typer.Option(
        "--month",
        metavar=_("YYYY-MM"),
        help=_(
            "Check only this month's statistics (default: every month held); the plan's "
            "files and month are always checked."
        ),
        callback=month_value,
        autocompletion=complete_month,
    ),
]


def _codes(name: str, help_text: str) -> Any:
    """--select or --ignore: rule codes or prefixes, completed from the rules."""
    return typer.Option(
        name,
        metavar=_("CODES"),
        help=help_text,
        show_default=False,
        autocompletion=choices(rule_codes),
    )


Select = Annotated[list[str] | None, _codes("--select", _SELECT)]
Ignore = Annotated[list[str] | None, _codes("--ignore", _IGNORE)]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar=_("PATH"),
        parser=output_path,
        help=_(
            "Write the report to PATH (atomically). A name ending .json writes the JSON "
            "report unless --format names another."
        ),
    ),
]
Explain = Annotated[
    str | None,
    typer.Option(
        "--explain",
        metavar=_("CODE"),
        help=_("Print a rule's documentation."),
        autocompletion=choices(rule_codes),
    ),
]
ListRules = Annotated[
    bool, typer.Option("--list-rules", help=_("List the rules with their codes."))
]


def _say(text: str, *, err: bool = False) -> None:
    if not err:
        from tyollisyys_cli.cli.output import write_stdout

        write_stdout(text)
        return
    sys.stderr.write(text)  # (its errors are escaped: backslashreplace)
    sys.stderr.flush()


HELP = _(
    "Check that the plan's figures follow from its base counts.\n\n"
    "Recomputes every figure the plan prints or states (totals rows, rates, job "
    "self-sufficiency, figures given in two places, figures in the text, staffing "
    "sums) and reports each disagreement with the file, line and column of the "
    "printed value.\n\n"
    "Checks the statistics of every month held; --month checks only that month's, "
    "besides the plan's own files and month.\n\n"
    "Exit codes: 0 when no finding reaches --fail-on, 1 when one does, 2 for a "
    "usage error or unreadable or invalid data files."
)


def check(
    ctx: typer.Context,
    fmt: Format = "text",
    fail_on: FailOn = "error",
    month: Month = None,
    select: Select = None,
    ignore: Ignore = None,
    output: Output = None,
    explain: Explain = None,
    list_rules: ListRules = False,
    data_dir: CommandDataDir = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys check`; HELP is its --help, in the run's language."""
    from tyollisyys_cli.check.rules import RULES, rule
    from tyollisyys_cli.cli.errors import UsageProblem

    run_state = state(ctx)
    if list_rules or explain is not None:
        # They print about the rules, not a check: an option for a check is refused,
        # never ignored (`--explain TOT001 -o x.txt` wrote nothing).
        asked = "--list-rules" if list_rules else "--explain"
        options = {
            "--explain": "explain",
            "--format": "fmt",
            "--fail-on": "fail_on",
            "--month": "month",
            "--select": "select",
            "--ignore": "ignore",
            "--output": "output",
        }
        extra = [n for n, key in options.items() if key in run_state.given and n != asked]
        if extra:
            raise UsageProblem(
                _("{asked} describes the rules and runs no check: leave out {options}").format(
                    asked=asked, options=", ".join(extra)
                )
            )
    if list_rules:
        _say(_rule_list(RULES))
        return
    if explain is not None:
        try:
            found = rule(explain)
        except KeyError:
            import difflib  # (only for an unknown rule)

            # A prefix (`XRF`, as --select takes it) or a near code (`COM01`) names rules.
            codes = [r.code for r in RULES]
            near = [c for c in codes if c.startswith(explain.upper())] if explain else []
            near = near or difflib.get_close_matches(explain.upper(), codes, n=3)
            if near:
                raise UsageProblem(
                    _("no rule {code!r}; did you mean {codes}? (see --list-rules)").format(
                        code=explain,
                        codes=_(" or ").join(
                            [", ".join(near[:-1]), near[-1]] if near[1:] else near
                        ),
                    )
                ) from None
            raise UsageProblem(
                _("no rule {code!r}; see --list-rules").format(code=explain)
            ) from None
        _say(f"{found.code} ({found.name})\n\n{_fitted(found.doc)}\n")
        return
    from tyollisyys_cli.check.reporters import FORMATS, reporters
    from tyollisyys_cli.check.reporters.text import render_terminal, summary
    from tyollisyys_cli.check.runner import FAIL_ON, choose_rules, run
    from tyollisyys_cli.cli.output import format_for, refuse_named_otherwise, refuse_other_format

    given_format, given_level = fmt, fail_on  # (as typed, for a message: not `csv` of `CSV`)
    fmt, fail_on = fmt.lower(), fail_on.lower()  # (as rule codes and table formats)
    if "fmt" not in run_state.given:
        fmt = format_for(fmt, output, for_people="text", formats=FORMATS)
        if output is not None and str(output) != "-" and fmt == "text":
            # (a name that asks for a format check does not write: .csv, .xlsx, .html)
            refuse_other_format(output, ".txt")
    else:
        refuse_named_otherwise(fmt, output, FORMATS)
    if fmt not in FORMATS:
        import difflib  # (only for a name that is no format)

        problem = _("unknown format {format!r}; choose one of {formats}").format(
            format=given_format if fmt == given_format.lower() else fmt,
            formats=", ".join(FORMATS),
        )
        for meant in difflib.get_close_matches(fmt, FORMATS, 1):  # (`jsno`: json)
            problem += "; " + _("did you mean {names}?").format(names=repr(meant))
        raise UsageProblem(problem)
    if fail_on not in FAIL_ON:
        raise UsageProblem(
            _("unknown level {level!r} for --fail-on; choose error, warning or never").format(
                level=given_level
            )
        )
    if output is not None and str(output) == "-":
        output = None  # as for the tables: `-` is standard output
    rules = choose_rules(select or [], ignore or [])
    try:
        area = run_state.area()
    except DataErrors as exc:
        # Files that cannot be read: said as CI reads this format too (annotations on
        # the pull request's lines; a JSON report where one was asked for), then as ever.
        if fmt in {"github", "json"} and exc.source in {"data", "folder"}:
            _data_errors(exc, fmt, output, fail_on, run_state.source().folder)
        raise
    outcome = run(area, rules, fail_on=fail_on, month=month)
    # (the run's notes, as every command writes them: the bundled example read with an
    # area below; once the report is sure to be written, else only why not)
    if output is not None:
        from tyollisyys_cli.cli.output import write_atomically

        report = reporters()[fmt](outcome, area.name)
        with write_atomically(output, area.files.values(), run_state.source().folder) as stream:
            stream.write(report.encode("utf-8"))
        run_state.say_notes()
        _say(
            _("{summary}; report written to {path}").format(
                summary=summary(outcome), path=escaped(str(output))
            )
            + "\n",
            err=True,
        )
    elif fmt == "text" and sys.stdout.isatty():
        from tyollisyys_cli.cli.output import console  # rich: only for the terminal view

        run_state.say_notes()
        render_terminal(outcome, console(), area.name)
    else:
        run_state.say_notes()
        _say(reporters()[fmt](outcome, area.name))
        if fmt != "json":
            _say(summary(outcome) + "\n", err=True)
    if outcome.exit_code:
        raise typer.Exit(outcome.exit_code)


def _data_errors(
    exc: DataErrors, fmt: str, output: Path | None, fail_on: str, folder: Path
) -> None:
    """The data errors in the github or json format, on standard output or in `output`
    (never one of the data folder's files)."""
    from tyollisyys_cli.area.paths import DATA_FILES
    from tyollisyys_cli.check.reporters import github
    from tyollisyys_cli.check.reporters import json as json_report

    errors = exc.errors
    text = (
        github.data_errors(errors) if fmt == "github" else json_report.data_errors(errors, fail_on)
    )
    if output is None:
        _say(text)
        return
    from tyollisyys_cli.cli.output import write_atomically

    with write_atomically(output, [folder / name for name in DATA_FILES], folder) as stream:
        stream.write(text.encode("utf-8"))


def _fitted(doc: str) -> str:
    """A rule's documentation fitted to the terminal: a paragraph or list item with a
    line longer than the terminal is wrapped anew (a list item's lines under its text);
    one that fits is kept as written."""
    from tyollisyys_cli.cli.output import text_width
    from tyollisyys_cli.render.wrap import wrap

    columns = text_width()
    blocks: list[str] = []
    for block in doc.split("\n\n"):
        lines = block.splitlines()
        if all(len(line) <= columns for line in lines):
            blocks.append(block)
            continue
        items: list[list[str]] = []
        for line in lines:
            if not items or line.lstrip(" ").startswith("- "):
                items.append([line])
            else:
                items[-1].append(line)
        wrapped: list[str] = []
        for item in items:
            indent = " " * (len(item[0]) - len(item[0].lstrip(" ")))
            rest = indent + ("  " if item[0].lstrip(" ").startswith("- ") else "")
            text = " ".join(line.strip() for line in item)
            wrapped.extend(wrap(text, columns, first=indent, rest=rest))
        blocks.append("\n".join(wrapped))
    return "\n\n".join(blocks)


def _rule_list(rules: Sequence[Rule]) -> str:
    """A line per rule (code, name, summary), the summary wrapped to the terminal's
    width (off a terminal, to COLUMNS or the width of piped tables)."""
    from tyollisyys_cli.cli.output import text_width
    from tyollisyys_cli.render.wrap import wrap

    width = max(len(r.name) for r in rules)
    indent = " " * (max(len(r.code) for r in rules) + 2 + width + 2)
    columns = max(text_width(), len(indent) + 20)
    lines = [
        line
        for entry in rules
        for line in wrap(
            entry.summary, columns, first=f"{entry.code}  {entry.name:<{width}}  ", rest=indent
        )
    ]
    return "\n".join(lines) + "\n"
