"""`import statfin --month/--since/--latest` and `init` against a real local PxWeb server.

The server (`pxweb_server.py`) serves table 12r5 built from the real June 2026 export
and months derived from it, in json-stat2 or json, with the faults of a real service.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import ssl
import time
import urllib.error
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clirunner import CliRunner
from pxweb_server import REFERENCE, TABLE_PATH, Month, PxwebServer, month_codes
from tyollisyys_cli import __version__
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.statfin import api
from tyollisyys_cli.statfin.columns import NEEDED_COLUMNS
from tyollisyys_cli.statfin.metadata import TableChanged

runner = CliRunner(env={"COLUMNS": "250"})
SIX_MONTHS = month_codes("2026M01", "2026M06")


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tiny waits between retries, so that faults cost no time."""
    monkeypatch.setattr(api, "BACKOFF_SECONDS", 0.001)
    monkeypatch.setenv(api.ENV_TIMEOUT, "5")
    monkeypatch.delenv(api.ENV_URL, raising=False)


@pytest.fixture
def area_dir(tmp_path: Path) -> Path:
    target = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), target)
    return target


@pytest.fixture
def server() -> Iterator[PxwebServer]:
    with PxwebServer(months=list(SIX_MONTHS)) as served:
        yield served


def run(*args: str | Path, url: str | None = None) -> Any:
    env = {api.ENV_URL: url} if url is not None else {}
    return runner.invoke(app, [str(a) for a in args], env=env)


def fetch(area_dir: Path, served: PxwebServer, *args: str) -> Any:
    return run("--data-dir", area_dir, "import", "statfin", *args, url=served.url)


def test_a_month_the_clock_says_is_to_come_is_not_imported(
    area_dir: Path, server: PxwebServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A computer's clock behind the service's months: the months were written, and then
    every command refused them as months to come; now one line that says to check the
    clock (exit 1: not the user's file to mend, and no retry or download helps)."""
    from tyollisyys_cli.area import months

    monkeypatch.setattr(months, "this_month", lambda: "2026-04")
    before = contents(area_dir)
    result = fetch(area_dir, server, "--since", "2026-04")
    assert result.exit_code == 1, result.output
    assert result.output.endswith(
        ": it gives 2026-05, 2026-06, months that have not come yet by this computer's date "
        "(2026-04); check the computer's date and time\n"
    )
    assert contents(area_dir) == before


def contents(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def statistics(area_dir: Path) -> list[str]:
    return sorted(p.name for p in (area_dir / "statistics").glob("*"))


# ------------------------------------------------------------------------ what is fetched


def test_latest_month_is_fetched_and_imported_exactly(area_dir: Path, server: PxwebServer) -> None:
    result = fetch(area_dir, server, "--latest")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Imported 2026-06 for Kainuu–Koillismaa (10 municipalities) from PxWeb API, "
        f"statfin_tyonv_pxt_12r5.px into {area_dir / 'statistics' / '2026-06.csv'}.\n"
    )
    latest = load_area(area_dir).snapshot()
    assert latest.month == "2026-06"
    kajaani = latest.rows["205"]
    assert (kajaani.labour_force, kajaani.unemployed, kajaani.unemployment_rate) == (
        16917,
        2066,
        12.2,
    )
    hyrynsalmi = latest.rows["105"]  # null values with status `...` in json-stat2
    assert (hyrynsalmi.under_25, hyrynsalmi.foreign, hyrynsalmi.in_services) == (
        "withheld",
        "withheld",
        "withheld",
    )
    assert latest.rows["305"].job_seekers == 1197


def test_the_query_is_built_from_the_metadata(area_dir: Path, server: PxwebServer) -> None:
    assert fetch(area_dir, server, "--month", "2026-04").exit_code == 0
    get, post = server.requests
    assert (get.method, get.path, get.body) == ("GET", TABLE_PATH, None)
    assert post.method == "POST"
    assert post.headers["User-Agent"].startswith(f"tyollisyys/{__version__} (+")
    assert post.headers["Content-Type"] == "application/json"
    query = {item["code"]: item["selection"]["values"] for item in post.body["query"]}
    assert query["Alue"] == [
        "KU105",
        "KU205",
        "KU290",
        "KU305",
        "KU578",
        "KU620",
        "KU697",
        "KU765",
        "KU777",
        "KU832",
    ]
    assert query["Kuukausi"] == ["2026M04"]
    assert "TYOTTOMATLOPUSSA" in query["Tiedot"] and "KASSASSA" not in query["Tiedot"]
    assert post.body["response"] == {"format": "json-stat2"}


def test_fetched_and_file_imports_agree(area_dir: Path, server: PxwebServer) -> None:
    """The same month from the API and from the file: the file's import changes nothing."""
    assert fetch(area_dir, server, "--month", "2026-06").exit_code == 0
    fetched = (area_dir / "statistics" / "2026-06.csv").read_text("utf-8")
    again = run("--data-dir", area_dir, "import", "statfin", REFERENCE)
    assert again.exit_code == 0, again.output
    assert "already held with the same figures" in again.output
    assert (area_dir / "statistics" / "2026-06.csv").read_text("utf-8") == fetched
    assert fetched.splitlines()[2].startswith("205,16917,12.2,2066,1167,899,132,422,")


def test_since_imports_every_month_to_the_latest(area_dir: Path, server: PxwebServer) -> None:
    result = fetch(area_dir, server, "--since", "2026-03")
    assert result.exit_code == 0, result.output
    assert statistics(area_dir) == ["2026-03.csv", "2026-04.csv", "2026-05.csv", "2026-06.csv"]
    assert result.output.count("Imported ") == 4
    area = load_area(area_dir)
    assert area.months == ["2023-08", "2026-03", "2026-04", "2026-05", "2026-06"]
    # The derived months: June less 0, 1, 2, 0 unemployed men.
    kajaani = [s.rows["205"].unemployed for s in area.snapshots if s.month >= "2026-03"]
    assert kajaani == [2066, 2064, 2065, 2066]
    assert len(server.posts) == 1  # 4 months × 10 municipalities × 19 contents: one query


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize(("stop", "code"), [("SIGTERM", 143), ("Ctrl-C", 130)])
def test_an_import_stopped_while_writing_writes_no_month(
    area_dir: Path,
    server: PxwebServer,
    monkeypatch: pytest.MonkeyPatch,
    stop: str,
    code: int,
) -> None:
    """SIGTERM (a cancelled CI job) left a temporary file in statistics/; Ctrl-C left the
    months before it written. Stopped while the second month is synced to the disk."""
    real_fsync = os.fsync
    synced: list[int] = []

    def stopped_at_the_second(descriptor: int) -> None:
        synced.append(descriptor)
        if len(synced) == 2:
            if stop == "SIGTERM":
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(5)  # (the signal arrives first)
            raise KeyboardInterrupt
        real_fsync(descriptor)

    monkeypatch.setattr("tyollisyys_cli.files.atomic.os.fsync", stopped_at_the_second)
    result = fetch(area_dir, server, "--since", "2026-03")
    assert result.exit_code == code, result.output
    assert list((area_dir / "statistics").iterdir()) == []
    assert load_area(area_dir).months == ["2023-08"]
    monkeypatch.setattr("tyollisyys_cli.files.atomic.os.fsync", real_fsync)
    again = fetch(area_dir, server, "--since", "2026-03")
    assert again.exit_code == 0, again.output
    assert statistics(area_dir) == ["2026-03.csv", "2026-04.csv", "2026-05.csv", "2026-06.csv"]


def test_the_same_months_again_change_nothing(area_dir: Path, server: PxwebServer) -> None:
    assert fetch(area_dir, server, "--since", "2026-05").exit_code == 0
    before = contents(area_dir)
    again = fetch(area_dir, server, "--since", "2026-05")
    assert again.exit_code == 0, again.output
    assert again.output.count("nothing changed") == 2
    assert contents(area_dir) == before


def _revise_kajaani(month: str, figures: Month) -> None:
    if month == "2026M06":
        figures["KU205"][1] = "2070"
        figures["KU205"][4] = "1171"


def test_changed_figures_are_refused_before_anything_is_written(
    area_dir: Path, server: PxwebServer
) -> None:
    assert fetch(area_dir, server, "--latest").exit_code == 0
    server.edit_month = _revise_kajaani
    before = contents(area_dir)
    refused = fetch(area_dir, server, "--since", "2026-04")
    assert refused.exit_code == 2, refused.output
    assert "2026-06 is already held" in refused.output
    assert "Kajaani (205) unemployed: 2066 → 2070" in refused.output
    assert contents(area_dir) == before  # 2026-04 and 2026-05 were not written either
    replaced = fetch(area_dir, server, "--since", "2026-04", "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert "Replaced 2026-06" in replaced.output
    assert load_area(area_dir).snapshot().rows["205"].unemployed == 2070
    assert statistics(area_dir) == ["2026-04.csv", "2026-05.csv", "2026-06.csv"]


def test_the_plans_own_month_is_skipped_in_a_range(area_dir: Path) -> None:
    plan_yaml = (area_dir / "municipalities.yaml").read_bytes()
    with PxwebServer(months=["2023M07", "2023M08", "2026M06"]) as served:
        result = fetch(area_dir, served, "--since", "2023-07")
    assert result.exit_code == 0, result.output
    assert "2023-08 skipped: the plan's own month" in result.output
    assert statistics(area_dir) == ["2023-07.csv", "2026-06.csv"]
    assert (area_dir / "municipalities.yaml").read_bytes() == plan_yaml


def test_an_answer_in_the_json_format_is_read_too(area_dir: Path) -> None:
    with PxwebServer(months=list(SIX_MONTHS), answer_format="json") as served:
        result = fetch(area_dir, served, "--since", "2026-05")
    assert result.exit_code == 0, result.output
    assert load_area(area_dir).snapshot().rows["205"].unemployed == 2066


def test_renamed_variable_codes_are_followed(area_dir: Path) -> None:
    """The variables are found by what they hold, whatever their codes."""
    with PxwebServer(area_code="Region", month_code="Month", contents_code="Contents") as served:
        result = fetch(area_dir, served, "--latest")
        query = {item["code"] for item in served.posts[0].body["query"]}
    assert result.exit_code == 0, result.output
    assert query == {"Region", "Month", "Contents"}


def test_api_url_option_wins_over_the_environment(area_dir: Path, server: PxwebServer) -> None:
    result = runner.invoke(
        app,
        ["--data-dir", str(area_dir), "import", "statfin", "--latest", "--api-url", server.url],
        env={api.ENV_URL: "http://127.0.0.1:9/nowhere"},
    )
    assert result.exit_code == 0, result.output


# ------------------------------------------------------------------------------- faults


def _rename_content(document: dict[str, Any]) -> None:
    values = document["variables"][2]["values"]
    values[values.index("TYOTTOMATLOPUSSA")] = "TYOTTOMAT_LOPUSSA"


def _no_months(document: dict[str, Any]) -> None:
    month = document["variables"][1]
    month["time"] = False
    month["values"] = ["kesäkuu 2026"]


def _no_municipalities(document: dict[str, Any]) -> None:
    area = document["variables"][0]
    area["values"] = [value.replace("KU", "K") for value in area["values"]]


FAILURES = [
    # (name, server settings, message, exit code)
    ("429", {"faults": ["429"] * 4}, "busy or failing (HTTP 429", 1),
    ("503", {"faults": ["503"] * 4}, "(HTTP 503 Service Unavailable) (tried 4 times)", 1),
    ("truncated", {"faults": ["truncate"] * 4}, "the answer was cut short", 1),
    ("invalid", {"faults": [None, "invalid"]}, "the answer is not usable (not a PxWeb", 1),
    ("slow", {"faults": ["slow"] * 4}, "no answer within 0.3 s", 1),
    ("renamed", {"edit_metadata": _rename_content}, "lacks the content TYOTTOMATLOPUSSA", 1),
    ("no-months", {"edit_metadata": _no_months}, "no variable of months", 1),
    ("no-areas", {"edit_metadata": _no_municipalities}, "listing municipalities", 1),
    ("wait-long", {"faults": ["429"], "retry_after": "3600"}, "asks to wait 3600 s", 1),
    # A date without a zone (`-0000`), and a wait in digits that are no ASCII digits, were
    # internal errors (a naive date less an aware one; float('²')).
    (
        "past-date",
        {"faults": ["503"] * 4, "retry_after": "Wed, 21 Oct 2015 07:28:00 -0000"},
        "(HTTP 503 Service Unavailable) (tried 4 times)",
        1,
    ),
    ("odd-wait", {"faults": ["503"] * 4, "retry_after": "\u00b2"}, "(tried 4 times)", 1),
    # A redirect is named, never followed: urllib turned the POST after a 301 into a GET
    # without the query, and reported the answer as unusable.
    ("moved", {"faults": [None, "301"]}, "the table is elsewhere (HTTP 301 Moved", 1),
    ("moved-307", {"faults": ["307"]}, "the table is elsewhere (HTTP 307 Temporary", 1),
    # A web page (a maintenance or login page) was "not valid JSON", with no word of it.
    ("html-page", {"faults": ["html-page"]}, "the answer is a web page (text/html), not", 1),
    # An answer in another charset was "not UTF-8 text", with no word of the charset.
    ("latin-1", {"faults": ["latin-1"]}, "the answer is text in 'iso-8859-1'; the table's", 1),
    # A compressed answer was "not UTF-8 text", with no word of the compression.
    ("gzip", {"faults": ["gzip"]}, "the answer is compressed (gzip), which the tool did", 1),
    # What the server says is shown, not obeyed: the escape sequence arrived raw.
    ("forged", {"faults": ["forged"]}, "(HTTP 403 \\x1b[2J\\x1b[31mFORGED", 1),
]


@pytest.mark.parametrize(
    ("name", "settings", "message", "code"), FAILURES, ids=[f[0] for f in FAILURES]
)
def test_failures_are_one_line_and_write_nothing(
    area_dir: Path,
    name: str,
    settings: dict[str, Any],
    message: str,
    code: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if name == "slow":
        monkeypatch.setenv(api.ENV_TIMEOUT, "0.3")
    before = contents(area_dir)
    with PxwebServer(months=list(SIX_MONTHS), **settings) as served:
        result = fetch(area_dir, served, "--since", "2026-05")
        url = served.url
        asked = [r.path for r in served.requests]
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output and "\x1b" not in result.output
    assert len(result.output.splitlines()) == 1
    if name.startswith("moved"):
        told = f"to '{served.moved_url}'); if that is the table's new address, set "
        assert told + "TYOLLISYYS_STATFIN_URL to it;" in result.output  # (as `fetch` gives it)
        assert all(path == TABLE_PATH for path in asked)  # (the new address never asked)
    if name in {"moved-307", "forged"}:
        assert len(asked) == 1  # (a failure no retry mends is not retried)
    if code == 1 and name not in {"renamed", "no-months", "no-areas"}:
        assert f"could not fetch table 12r5 from {url}" in result.output
        # A refusal or a redirect is not mended by a retry: only the file is advised.
        retry = name not in {"moved", "moved-307", "forged", "gzip", "latin-1"}
        assert ("retry later, or download table 12r5 by hand" in result.output) is retry
        assert "download table 12r5 by hand" in result.output
        assert "tyollisyys import statfin FILE" in result.output
    assert contents(area_dir) == before


class _Trickle:
    """An answer that gives a byte a read, each read half a second on `clock`."""

    def __init__(self, clock: list[float]) -> None:
        self.clock, self.reads = clock, 0

    def read1(self, size: int) -> bytes:
        self.clock[0] += 0.5
        self.reads += 1
        return b"{"


def test_an_answer_that_trickles_fails_at_its_deadline() -> None:
    """Every read came within the timeout, so the run waited for the whole answer: for
    ever, for an answer that never ends. Now its body must arrive within 4 timeouts."""
    now = [100.0]
    client = api.Client(url="http://127.0.0.1:9/t.px", timeout=1.0, clock=lambda: now[0])
    answer = _Trickle(now)
    with pytest.raises(api.FetchFailed, match="the answer did not arrive whole within 4 s"):
        client.read_body(answer, deadline=now[0] + 4.0)
    assert answer.reads == 9  # (the first read past the deadline ends it)


def test_a_length_in_no_ascii_digits_is_no_length(area_dir: Path) -> None:
    """`Content-Length: ²` was int('²'): an internal error. The answer is read to its end."""
    with PxwebServer(faults=[None, "odd-length"]) as served:
        result = fetch(area_dir, served, "--latest")
    assert result.exit_code == 0, result.output
    assert load_area(area_dir).snapshot().rows["205"].unemployed == 2066


def test_an_address_with_a_password_is_refused_without_printing_it(area_dir: Path) -> None:
    """urllib never sends a user name or password: the run failed four times as a host
    not found, printing the password back."""
    with PxwebServer() as served:
        wrong = served.url.replace("http://", "http://analyst:secretpw@")
        result = run("--data-dir", area_dir, "import", "statfin", "--latest", url=wrong)
        assert served.requests == []
    assert result.exit_code == 2, result.output
    assert "'http://analyst:***@127.0.0.1:" in result.output
    assert "an address with a user name or password is not supported" in result.output
    assert "secretpw" not in result.output


def test_a_month_that_cannot_be_written_stops_the_import_before_any_is_written(
    area_dir: Path, server: PxwebServer
) -> None:
    """2026-04 and 2026-05 were written, then 2026-06 (read-only) stopped the run."""
    assert fetch(area_dir, server, "--latest").exit_code == 0
    held = area_dir / "statistics" / "2026-06.csv"
    held.chmod(0o444)
    server.edit_month = _revise_kajaani
    before = contents(area_dir)
    result = fetch(area_dir, server, "--since", "2026-04", "--replace")
    # (exit 2, as any file of the user's to mend; no other name to choose for a month)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: cannot write {held}: the file is read-only; make it writable (chmod u+w)\n"
    )
    assert contents(area_dir) == before
    assert statistics(area_dir) == ["2026-06.csv"]


def test_a_statistics_link_to_nothing_is_named_so(area_dir: Path, server: PxwebServer) -> None:
    (area_dir / "statistics").symlink_to(area_dir / "gone")
    result = fetch(area_dir, server, "--latest")
    assert result.exit_code == 2, result.output  # (the user's to mend, as for init)
    assert (
        f"{area_dir / 'statistics'}: is a link to {area_dir / 'gone'}, which does not exist; "
        "remove the link or make the folder it names"
    ) in result.output
    assert not (area_dir / "gone").exists()
    assert server.requests == []  # (named before anything is fetched)


@pytest.mark.parametrize("fault", ["429", "503", "500", "truncate", "slow"])
def test_a_passing_fault_is_retried(
    area_dir: Path, fault: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fault == "slow":
        monkeypatch.setenv(api.ENV_TIMEOUT, "0.3")
    with PxwebServer(faults=[None, fault]) as served:
        result = fetch(area_dir, served, "--latest")
        assert [r.method for r in served.requests] == ["GET", "POST", "POST"]
    assert result.exit_code == 0, result.output
    assert load_area(area_dir).snapshot().rows["205"].unemployed == 2066


def test_utf8_labelled_with_another_charset_is_read(area_dir: Path) -> None:
    """Only text that is not UTF-8 is refused, whatever its label says."""
    with PxwebServer(faults=["latin-1-label", "latin-1-label"]) as served:
        result = fetch(area_dir, served, "--latest")
    assert result.exit_code == 0, result.output
    assert load_area(area_dir).snapshot().rows["205"].unemployed == 2066


def test_a_month_as_the_finnish_tables_show_it(area_dir: Path, server: PxwebServer) -> None:
    result = fetch(area_dir, server, "--month", "6/2026")
    assert result.exit_code == 0, result.output
    assert statistics(area_dir) == ["2026-06.csv"]


def test_a_month_not_yet_published_is_a_usage_problem(area_dir: Path, server: PxwebServer) -> None:
    result = fetch(area_dir, server, "--month", "2026-07")
    assert result.exit_code == 2, result.output
    assert result.output == (
        "error: 2026-07 is not published in table 12r5 yet (the latest month is 2026-06); "
        "try again after Statistics Finland publishes it, or use --latest\n"
    )
    assert [r.method for r in server.requests] == ["GET"]
    assert not (area_dir / "statistics").exists()


def test_offline_is_a_network_failure(area_dir: Path) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    url = f"http://127.0.0.1:{port}{TABLE_PATH}"
    result = run("--data-dir", area_dir, "import", "statfin", "--latest", url=url)
    assert result.exit_code == 1, result.output
    assert result.output == (
        f"error: could not fetch table 12r5 from {url}: connection refused (tried 4 times); "
        "retry later, or download table 12r5 by hand from "
        "https://pxdata.stat.fi/PxWeb/pxweb/fi/StatFin/ (Työnvälitystilasto; every content, "
        "saved as JSON) and pass the file: tyollisyys import statfin FILE\n"
    )
    assert not (area_dir / "statistics").exists()


def test_a_wrong_address_is_refused_at_once(area_dir: Path, server: PxwebServer) -> None:
    result = fetch(area_dir, server, "--latest", "--api-url", server.url + "x")
    assert result.exit_code == 1
    assert "refused the request (HTTP 404 Not Found) (is --api-url the address" in result.output
    assert len(server.requests) == 1
    # From the environment, the hint names the variable (it named --api-url).
    result = run("--data-dir", area_dir, "import", "statfin", "--latest", url=server.url + "x")
    assert "(HTTP 404 Not Found) (is TYOLLISYYS_STATFIN_URL the address" in result.output


def test_a_redirect_names_what_gave_the_address(area_dir: Path) -> None:
    """A cron job's address, moved, was told to pass --api-url: the variable is what it
    changes (the address from `fetch` is the variable's)."""
    for given, told in (
        ((), "set TYOLLISYYS_STATFIN_URL to it;"),
        (("--api-url",), "pass it with --api-url;"),
    ):
        with PxwebServer(months=list(SIX_MONTHS), faults=["301"]) as served:
            args = [*given, served.url] if given else []
            result = fetch(area_dir, served, "--latest", *args)
            moved = served.moved_url
        assert result.exit_code == 1
        assert f"to '{moved}'); if that is the table's new address, {told}" in result.output


def test_a_404_at_the_default_address_asks_whether_the_table_moved(server: PxwebServer) -> None:
    client = api.Client(url=server.url + "x", given_by="", sleep=lambda s: None)
    with pytest.raises(api.FetchFailed, match=r"has table 12r5 moved\? give its address with"):
        client.metadata()


USAGE = [
    ((), "give FILE, --month YYYY-MM, --since YYYY-MM or --latest (one of them)"),
    (("--latest", "--month", "2026-06"), "give only one of --month, --latest"),
    (
        ("--month", "2026-06-01"),
        "--month expects a month as YYYY-MM or M/YYYY (such as 2026-06 or 6/2026), not "
        "'2026-06-01'",
    ),
    (
        ("--since", "13.2023"),  # (no month 13: said, as --month of a table says it)
        "--since expects a month as YYYY-MM or M/YYYY (such as 2026-06 or 6/2026), not "
        "'13.2023'; there is no month 13 (01 to 12)",
    ),
    (("--latest", "--api-url", "ftp://example.org/x"), "is not an http(s) URL"),
    (("--latest", "--api-url", "http://[::1/x"), "'http://[::1/x' is not an http(s) URL"),
    (("--latest", "--api-url", "http://example.org:99999/x"), "is not an http(s) URL"),
    ((str(REFERENCE), "--api-url", "http://example.org/x"), "--api-url is for fetching"),
    # Characters no address holds: refused at once, never sent (they were exit 70, or
    # retried as network errors).
    (("--latest", "--api-url", "http://127.0.0.1:9/työnv/x.px"), "cannot hold 'ö'"),
    (("--latest", "--api-url", "http://127.0.0.1:9/a b"), "cannot hold ' '"),
    (("--latest", "--api-url", "http://127.0.0.1:9/a\r\nb"), "'http://127.0.0.1:9/a\\r\\nb': an"),
    (("--latest", "--api-url", "http://127.0.0.1\u200b:9/"), "cannot hold '\\u200b'"),
]


@pytest.mark.parametrize(("args", "message"), USAGE)
def test_usage_problems(area_dir: Path, args: tuple[str, ...], message: str) -> None:
    result = run("--data-dir", area_dir, "import", "statfin", *args)
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_init_refuses_an_address_from_the_environment_with_a_letter_no_address_holds(
    tmp_path: Path,
) -> None:
    result = run(
        "init", tmp_path / "kk", "--area", "Kainuu-Koillismaa", url="http://127.0.0.1:9/työnv/x"
    )
    assert result.exit_code == 2, result.output
    # (named as the variable that gave it, not as an --api-url never typed)
    assert "TYOLLISYYS_STATFIN_URL 'http://127.0.0.1:9/työnv/x': an address cannot hold 'ö'" in (
        result.output
    )
    assert not (tmp_path / "kk").exists()


def test_a_bad_timeout_setting_is_a_usage_problem(
    area_dir: Path, server: PxwebServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (an underscore, as in the data files: refused; an hour or more is named as too long)
    for written in ("soon", "1_0", "3600", "0"):
        monkeypatch.setenv(api.ENV_TIMEOUT, written)
        result = fetch(area_dir, server, "--latest")
        assert result.exit_code == 2
        assert (
            "TYOLLISYYS_STATFIN_TIMEOUT expects seconds more than 0 and less than 3600 "
            f"(such as 30), not {written!r}"
        ) in result.output


# ---------------------------------------------------------------------------------- init


def test_init_without_a_file_fetches_the_latest_month(tmp_path: Path, server: PxwebServer) -> None:
    target = tmp_path / "kk"
    result = run("init", target, "--area", "Kainuu-Koillismaa", url=server.url)
    assert result.exit_code == 0, result.output
    assert "statistics of 2026-06" in result.output
    area = load_area(target)
    assert area.plan.area.reference_month == "2026-06"
    kajaani = area.snapshot().rows["205"]
    assert (kajaani.labour_force, kajaani.unemployed, kajaani.unemployment_rate) == (
        16917,
        2066,
        12.2,
    )
    assert "table 12r5 of 2026-06 (PxWeb API, statfin_tyonv_pxt_12r5.px)" in (
        target / "municipalities.yaml"
    ).read_text("utf-8")


def test_init_offline_writes_nothing(tmp_path: Path) -> None:
    with PxwebServer(faults=["503"] * 4) as served:
        result = run("init", tmp_path / "kk", "--area", "Kainuu-Koillismaa", url=served.url)
    assert result.exit_code == 1, result.output
    assert "could not fetch table 12r5" in result.output
    # The file downloaded by hand goes to init, not to import (which needs the folder).
    assert result.output.endswith(
        f"and pass the file: tyollisyys init {tmp_path / 'kk'} --area Kainuu-Koillismaa "
        "--from FILE\n"
    )
    assert not (tmp_path / "kk").exists()


# ------------------------------------------------------------------------ the client alone


def test_retry_after_is_honoured_and_backoff_doubles(server: PxwebServer) -> None:
    waited: list[float] = []
    server.faults = ["429", "503", "500"]
    server.retry_after = "7"
    client = api.Client(url=server.url, backoff=0.5, sleep=waited.append, attempts=4)
    metadata = client.metadata()
    # 429 and 503 ask for 7 s; the 500 carries no Retry-After: backoff 0.5 × 2².
    assert waited == [7.0, 7.0, 2.0]
    assert metadata.months == list(SIX_MONTHS)


def test_each_wait_for_another_try_is_told(server: PxwebServer) -> None:
    """On a terminal: three minutes of 503s and timeouts passed in silence."""
    told: list[str] = []
    server.faults = ["503", "500"]
    server.retry_after = "7"
    client = api.Client(url=server.url, backoff=0.5, sleep=lambda s: None, tell=told.append)
    client.metadata()
    assert told == [
        "the service is busy or failing (HTTP 503 Service Unavailable); trying again in 7 s "
        "(2 of 4)",
        "the service is busy or failing (HTTP 500 Internal Server Error); trying again in "
        "1 s (3 of 4)",
    ]


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        (  # (a name that no DNS resolves: `.invalid` is reserved for that)
            "https://pxdata.invalid/x.px",
            "cannot find the host pxdata.invalid (",
        ),
    ],
)
def test_a_failure_that_no_retry_mends_is_said_at_once(
    monkeypatch: pytest.MonkeyPatch, url: str, problem: str
) -> None:
    """A host not found was tried four times and told to retry later."""
    monkeypatch.delenv("HTTPS_PROXY", raising=False)
    monkeypatch.delenv("https_proxy", raising=False)
    waited: list[float] = []
    client = api.Client(url=url, sleep=waited.append)
    with pytest.raises(api.FetchFailed) as failed:
        client.metadata()
    message = str(failed.value)
    assert problem in message
    assert "is the address right, and is the network up?" in message
    assert "retry later" not in message and "tried" not in message
    assert waited == []


def test_a_proxy_that_fails_is_named(server: PxwebServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A dead proxy was 'connection refused' from the service, to retry later."""
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    client = api.Client(
        url=server.url.replace("127.0.0.1", "localhost.invalid"), sleep=lambda s: None
    )
    with pytest.raises(api.FetchFailed) as failed:
        client.metadata()
    assert "connection refused (through the proxy 127.0.0.1:9 that http_proxy sets)" in (
        str(failed.value)
    )


def test_an_empty_api_url_is_refused(area_dir: Path) -> None:
    """`--api-url "$MIRROR"` with the variable unset fetched from Statistics Finland."""
    result = run("--data-dir", area_dir, "import", "statfin", "--latest", "--api-url", "")
    assert result.exit_code == 2
    assert "--api-url '' is not an http(s) URL" in result.output


def test_months_are_split_under_the_cell_cap(server: PxwebServer) -> None:
    codes = ["105", "205", "290"]
    per_month = len(codes) * len(NEEDED_COLUMNS)
    client = api.Client(url=server.url, max_cells=2 * per_month, sleep=lambda s: None)
    progress: list[tuple[int, int]] = []
    client.progress = lambda done, total: progress.append((done, total))
    exports = client.fetch(client.metadata(), municipalities=codes, months=list(SIX_MONTHS))
    assert [e.month for e in exports] == [
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
    ]
    months_asked = [
        next(i["selection"]["values"] for i in r.body["query"] if i["code"] == "Kuukausi")
        for r in server.posts
    ]
    assert months_asked == [["2026M01", "2026M02"], ["2026M03", "2026M04"], ["2026M05", "2026M06"]]
    assert progress == [(1, 3), (2, 3), (3, 3)]
    kajaani = exports[-1].municipality("205")
    assert kajaani is not None and kajaani["TYOTTOMATLOPUSSA"] == 2066


def test_the_rate_limit_waits_out_the_window() -> None:
    now = [0.0]
    waited: list[float] = []

    def sleep(seconds: float) -> None:
        waited.append(seconds)
        now[0] += seconds

    limit = api.RateLimit(queries=30, seconds=10.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(30):
        limit.wait()
        now[0] += 0.1
    assert waited == []
    limit.wait()  # the 31st query within 10 s waits until the first leaves the window
    assert waited == [pytest.approx(7.0)]
    limit.wait()
    assert waited == [pytest.approx(7.0), pytest.approx(0.1)]


def test_missing_municipality_in_the_table(server: PxwebServer) -> None:
    client = api.Client(url=server.url, sleep=lambda s: None)
    with pytest.raises(TableChanged, match="lists no municipality KU999"):
        client.fetch(client.metadata(), municipalities=["999"], months=["2026M06"])


def test_a_json_answer_cannot_be_too_large(
    server: PxwebServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api, "MAX_BYTES", 100)
    client = api.Client(url=server.url, sleep=lambda s: None)
    with pytest.raises(api.FetchFailed, match="larger than 100 bytes"):
        client.metadata()


def test_progress_is_shown_on_a_terminal_only() -> None:
    import io

    from tyollisyys_cli.cli.commands.importing import progress_bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert progress_bar(io.StringIO()) is None
    terminal = Terminal()
    show = progress_bar(terminal)
    assert show is not None
    show(1, 2)
    show(2, 2)
    assert terminal.getvalue() == (
        "\rFetching table 12r5 [##########          ] 1/2"
        "\rFetching table 12r5 [####################] 2/2\n"
    )


def test_a_real_process_fetches_and_stays_quiet_off_a_terminal(
    area_dir: Path, server: PxwebServer, tmp_path: Path
) -> None:
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        api.ENV_URL: server.url,
        "TYOLLISYYS_CACHE_DIR": str(tmp_path / "cache"),
    }
    command = [sys.executable, "-m", "tyollisyys_cli", "--data-dir", str(area_dir)]
    done = subprocess.run(
        [*command, "import", "statfin", "--since", "2026-05"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no progress bar: standard error is not a terminal
    assert done.stdout.count("Imported ") == 2
    assert statistics(area_dir) == ["2026-05.csv", "2026-06.csv"]


def test_a_month_file_that_does_not_load_ends_with_how_to_mend_it(
    area_dir: Path, server: PxwebServer
) -> None:
    assert fetch(area_dir, server, "--latest").exit_code == 0
    held = area_dir / "statistics" / "2026-06.csv"
    held.write_text(held.read_text("utf-8").replace(",2066,", ",20x6,", 1), "utf-8")
    result = fetch(area_dir, server, "--latest", "--replace")
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1] == (
        "A month file that does not load can be moved away (or restored from version "
        "control) and its month imported again: 2026-06.csv"
    )
    held.unlink()
    assert fetch(area_dir, server, "--latest").exit_code == 0


def _more_unemployed_than_labour_force(month: str, figures: Month) -> None:
    contents = [c["code"] for c in json.loads(REFERENCE.read_text("utf-8"))["columns"]][2:]
    figures["KU205"][contents.index("TYOTTOMATLOPUSSA")] = "99999"


def test_a_problem_at_a_cell_of_an_answer_names_the_answer(area_dir: Path) -> None:
    """It named `statfin_tyonv_pxt_12r5.px:` alone, which read as a file of the user's;
    and it was exit 2, a file to mend, where an answer the tool cannot use is exit 1."""
    before = contents(area_dir)
    with PxwebServer(edit_month=_more_unemployed_than_labour_force) as served:
        result = fetch(area_dir, served, "--latest")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        "error: the answer of statfin_tyonv_pxt_12r5.px: KU205 2026-06 TYOTTOMATLOPUSSA "
        "(Kajaani): 99999 unemployed is more than the labour force 16917",
        "error: the answer of statfin_tyonv_pxt_12r5.px: KU205 2026-06 HAKIJALOPUSSA "
        "(Kajaani): fewer job seekers (3248) than unemployed (99999), who are job seekers too",
        "2 problems in the answer of the statistics service",
        "Nothing was written. These are the statistics service's figures, not a file of yours "
        "to mend; a month it revises may pass later.",
    ]
    assert contents(area_dir) == before


def _kajaani_withheld(month: str, figures: Month) -> None:
    contents = [c["code"] for c in json.loads(REFERENCE.read_text("utf-8"))["columns"]][2:]
    figures["KU205"][contents.index("TYOTTOMATLOPUSSA")] = "..."


def test_a_figure_the_tool_needs_withheld_in_an_answer_is_exit_1(area_dir: Path) -> None:
    with PxwebServer(edit_month=_kajaani_withheld) as served:
        result = fetch(area_dir, served, "--latest")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[1:] == [
        "1 problem in the answer of the statistics service",
        "Nothing was written. These are the statistics service's figures, not a file of yours "
        "to mend; a month it revises may pass later.",
    ]
    assert "(Kajaani): unemployed (TYOTTOMATLOPUSSA) is withheld" in result.output


def test_a_data_folder_named_statistics_is_no_month_file(
    tmp_path: Path, server: PxwebServer
) -> None:
    """Its broken municipalities.yaml was named as a month file to import again."""
    area = tmp_path / "statistics"
    shutil.copytree(bundled_data_dir(), area)
    plan = area / "municipalities.yaml"
    plan.write_text(plan.read_text("utf-8").replace("labour_force: 3120", "labour_force: x"))
    result = fetch(area, server, "--latest")
    assert result.exit_code == 2, result.output
    assert "municipalities.yaml" in result.output
    assert "A month file that does not load" not in result.output


def test_a_certificate_that_cannot_be_verified_points_to_ssl_cert_file() -> None:
    """A proxy that inspects https (an office's) was 'network error ([SSL: …])', tried
    four times, to retry later."""
    import ssl
    import urllib.error

    refused = ssl.SSLCertVerificationError(1, "certificate verify failed")
    refused.verify_message = "self-signed certificate"
    problem = api._lasting_problem(urllib.error.URLError(refused), api.DEFAULT_URL)
    assert problem == (
        "the service's certificate could not be verified (self-signed certificate); where "
        "your organisation's network inspects secure connections, set SSL_CERT_FILE to a "
        "file that holds its root certificate (ask your IT support)"
    )
    assert api._lasting_problem(urllib.error.URLError(ConnectionResetError()), "") is None


@pytest.mark.parametrize(
    ("reason", "lasting"),
    [
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), True),
        (socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"), False),
        (ssl.SSLEOFError(8, "EOF occurred in violation of protocol"), False),  # (cut: again)
        (OSError("Tunnel connection failed: 407 Proxy Authentication Required"), True),
    ],
)
def test_only_a_failure_that_no_retry_mends_fails_at_once(
    monkeypatch: pytest.MonkeyPatch, reason: OSError, lasting: bool
) -> None:
    """A name server down for a moment, or a handshake cut short, may pass: tried again."""
    for name in ("https_proxy", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    problem = api._lasting_problem(urllib.error.URLError(reason), api.DEFAULT_URL)
    assert (problem is not None) is lasting


def test_a_proxy_is_named_by_its_host_never_its_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`https_proxy=u:secret@…` (no scheme) and a password with a `#` were printed whole."""
    for proxy in ("u:secret@proxy.invalid:3128", "http://u:p#ss@proxy.invalid:3128/"):
        monkeypatch.setenv("https_proxy", proxy)
        monkeypatch.delenv("no_proxy", raising=False)
        monkeypatch.delenv("NO_PROXY", raising=False)
        told = api._through_proxy(api.DEFAULT_URL)
        assert told == " (through the proxy proxy.invalid:3128 that https_proxy sets)"
        missing = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        problem = api._lasting_problem(urllib.error.URLError(missing), api.DEFAULT_URL)
        assert problem is not None and problem.startswith(
            "cannot find the host proxy.invalid:3128 ("
        )
    assert api.shown_url("http://u:p/ss@host/x") == "http://u:***@host/x"
    assert api.shown_url("http://analyst:pw@host/x") == "http://analyst:***@host/x"
    for plain in ("http://127.0.0.1:9/px/12r5@v2.px", "http://h?q=a@b", "http://u@h/x"):
        assert api.shown_url(plain) == plain  # (no password: shown as it is)


def test_an_answer_that_is_no_json_is_not_told_to_fetch_itself() -> None:
    """A web page served as JSON was told to 'let the tool fetch it: tyollisyys import
    statfin --latest', the command that had just fetched it."""
    from tyollisyys_cli.errors import DataErrors
    from tyollisyys_cli.statfin.document import decode_json

    with pytest.raises(DataErrors) as refused:
        decode_json(b"<html><body>Service down</body></html>", Path("x.px"))
    assert "--latest" in refused.value.errors[0].message  # (a file's advice: fetch it)
    unusable = api._unusable(refused.value)
    assert unusable.startswith("the answer is not usable (not a PxWeb JSON export of table")
    assert "--latest" not in unusable and "accepted:" not in unusable


def test_a_month_a_latest_run_missed_is_said_until_it_is_held(area_dir: Path) -> None:
    """A monthly --latest run missed 2026-03: the area held 2026-02 and 2026-04, and no
    import, trend or check said so."""
    with PxwebServer(months=month_codes("2026M01", "2026M02")) as served:
        first = fetch(area_dir, served, "--latest")
    assert first.exit_code == 0, first.output
    assert first.stderr == ""
    with PxwebServer(months=month_codes("2026M01", "2026M04")) as served:
        missed = fetch(area_dir, served, "--latest")
        assert missed.exit_code == 0, missed.output
        assert statistics(area_dir) == ["2026-02.csv", "2026-04.csv"]
        assert " ".join(missed.stderr.split()) == (
            "note: months between those imported are not held: 2026-03; `tyollisyys "
            f"--data-dir {area_dir} import statfin --month 2026-03` fetches it"
        )
        mended = fetch(area_dir, served, "--month", "2026-03")
    assert mended.exit_code == 0, mended.output
    assert "Imported 2026-03 " in mended.stdout
    assert mended.stderr == ""
    assert statistics(area_dir) == ["2026-02.csv", "2026-03.csv", "2026-04.csv"]


def test_since_before_the_tables_first_month_says_where_it_begins(area_dir: Path) -> None:
    with PxwebServer(months=month_codes("2026M01", "2026M02")) as served:
        result = fetch(area_dir, served, "--since", "2025-06")
    assert result.exit_code == 0, result.output
    assert statistics(area_dir) == ["2026-01.csv", "2026-02.csv"]
    assert result.stderr == "note: table 12r5 begins at 2026-01: the months from it are fetched\n"


def test_a_month_the_table_skips_is_not_said_to_be_within_it(area_dir: Path) -> None:
    months = [m for m in month_codes("2026M01", "2026M06") if m != "2026M03"]
    with PxwebServer(months=months) as served:
        result = fetch(area_dir, served, "--month", "2026-03")
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "error: 2026-03 is not in table 12r5, which holds 2026-01 to 2026-06 without it\n"
    )


def test_the_plans_own_month_between_those_imported_is_not_said_to_be_missing(
    area_dir: Path,
) -> None:
    """2023-08, the plan's month held in municipalities.yaml, was named among the months
    not held between an import of 2023-07 and one of 2026-06, on every import."""
    with PxwebServer(months=["2023M07", "2023M08", "2023M09", "2026M06"]) as served:
        assert fetch(area_dir, served, "--month", "2023-07").exit_code == 0
        assert fetch(area_dir, served, "--month", "2023-09").exit_code == 0
        result = fetch(area_dir, served, "--latest")
    assert result.exit_code == 0, result.output
    assert " ".join(result.stderr.split()) == (
        "note: months between those imported are not held: 2023-10 – 2026-05; `tyollisyys "
        f"--data-dir {area_dir} import statfin --since 2023-10` fetches every month from the "
        "first of them (a month held that Statistics Finland has since revised is refused, "
        "with its changes)"
    )
    with PxwebServer(months=["2023M07", "2023M08", "2023M09"]) as served:
        again = fetch(area_dir, served, "--month", "2023-09")
    assert again.exit_code == 0, again.output
    assert "2023-08" not in again.stderr
