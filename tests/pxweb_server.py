"""A small PxWeb API (version 1) on 127.0.0.1 for the tests: table 12r5 and its faults.

The table is built from the real June 2026 export (`data/statfin-12r5-2026M06.json`);
other months are derived from it (`derived_month`). `GET` on the table's path answers
its metadata, `POST` a query in the format it asks for (`json-stat2` or `json`), as
Statistics Finland's service does. `faults` is a queue: each request takes the next
fault, if any, and fails with it.
"""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REFERENCE = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"
TABLE_PATH = "/PxWeb/api/v1/fi/StatFin/tyonv/statfin_tyonv_pxt_12r5.px"
REFERENCE_MONTH = "2026M06"

#: Area → content values (as text, `...` withheld), for one month.
Month = dict[str, list[str]]


def reference() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(REFERENCE.read_text("utf-8"))
    return document


def derived_month(june: Month, contents: list[str], offset: int) -> Month:
    """June's figures with `offset % 3` fewer unemployed men (and unemployed), rate anew."""
    less = offset % 3
    at = {code: i for i, code in enumerate(contents)}
    result: Month = {}
    for area, values in june.items():
        values = list(values)
        men = values[at["TYOTTOMATMIEHET"]]
        if less and men.isdigit() and int(men) >= less:
            values[at["TYOTTOMATMIEHET"]] = str(int(men) - less)
            unemployed = int(values[at["TYOTTOMATLOPUSSA"]]) - less
            values[at["TYOTTOMATLOPUSSA"]] = str(unemployed)
            labour_force = int(values[at["TYOVOIMATK"]])
            values[at["TYOTOSUUS"]] = f"{unemployed / labour_force * 100:.1f}"
        result[area] = values
    return result


def month_codes(first: str, last: str) -> list[str]:
    """`2026M01`, ..., `2026M06` for first `2026M01` and last `2026M06`."""
    year, month = int(first[:4]), int(first[5:])
    codes = []
    while f"{year}M{month:02d}" <= last:
        codes.append(f"{year}M{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return codes


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class PxwebServer:
    """Table 12r5 served on an ephemeral port; use as a context manager."""

    months: list[str] = field(default_factory=lambda: [REFERENCE_MONTH])
    faults: list[str | None] = field(default_factory=list)
    #: Edits the metadata before it is served (a renamed value, a missing variable).
    edit_metadata: Callable[[dict[str, Any]], None] | None = None
    #: Edits a month's figures before they are served.
    edit_month: Callable[[str, Month], None] | None = None
    #: Answer every query in this format, whatever it asks for.
    answer_format: str | None = None
    retry_after: str = "0"
    slow_seconds: float = 1.5
    area_code: str = "Alue"
    month_code: str = "Kuukausi"
    contents_code: str = "Tiedot"
    requests: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        document = reference()
        self.contents = [c["code"] for c in document["columns"] if c["type"] == "c"]
        self.content_texts = [c["text"] for c in document["columns"] if c["type"] == "c"]
        june: Month = {e["key"][0]: e["values"] for e in document["data"]}
        self.areas = list(june)
        everything = month_codes(min(self.months), REFERENCE_MONTH)
        self.table = {
            code: derived_month(june, self.contents, len(everything) - 1 - i)
            for i, code in enumerate(everything)
            if code in self.months
        }
        self._lock = threading.Lock()

    # -- the answers -------------------------------------------------------------------

    def metadata(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "title": "Työttömät työnhakijat eri ryhmissä ... muuttujina Alue, Kuukausi ja Tiedot",
            "variables": [
                {
                    "code": self.area_code,
                    "text": "Alue",
                    "values": self.areas,
                    "valueTexts": self.areas,
                    "elimination": True,
                },
                {
                    "code": self.month_code,
                    "text": "Kuukausi",
                    "values": sorted(self.table),
                    "valueTexts": sorted(self.table),
                    "time": True,
                },
                {
                    "code": self.contents_code,
                    "text": "Tiedot",
                    "values": self.contents,
                    "valueTexts": self.content_texts,
                },
            ],
        }
        if self.edit_metadata is not None:
            self.edit_metadata(document)
        return document

    def figures(self, month: str) -> Month:
        figures = {area: list(values) for area, values in self.table[month].items()}
        if self.edit_month is not None:
            self.edit_month(month, figures)
        return figures

    def answer(self, query: dict[str, Any]) -> tuple[int, Any]:
        """(status, document) for a POSTed query."""
        chosen: dict[str, list[str]] = {}
        for item in query.get("query", []):
            chosen[item["code"]] = item["selection"]["values"]
        known = {self.area_code, self.month_code, self.contents_code}
        if set(chosen) - known or self.month_code not in chosen:
            return 400, {"error": "Bad Request"}
        months = chosen[self.month_code]
        if any(month not in self.table for month in months):
            return 400, {"error": "Bad Request"}
        areas = chosen.get(self.area_code, self.areas)
        contents = chosen.get(self.contents_code, self.contents)
        wanted = self.answer_format or query.get("response", {}).get("format", "json-stat2")
        tables = {month: self.figures(month) for month in months}
        if wanted == "json":
            return 200, self.as_json(tables, areas, contents)
        return 200, self.as_jsonstat2(tables, areas, contents)

    def as_json(self, tables: dict[str, Month], areas: list[str], contents: list[str]) -> Any:
        at = [self.contents.index(code) for code in contents]
        return {
            "columns": [
                {"code": self.area_code, "text": "Alue", "type": "d"},
                {"code": self.month_code, "text": "Kuukausi", "type": "t"},
                *({"code": code, "text": code, "type": "c"} for code in contents),
            ],
            "comments": [],
            "data": [
                {"key": [area, month], "values": [table[area][i] for i in at]}
                for month, table in tables.items()
                for area in areas
            ],
        }

    def as_jsonstat2(self, tables: dict[str, Month], areas: list[str], contents: list[str]) -> Any:
        at = [self.contents.index(code) for code in contents]
        values: list[Any] = []
        status: dict[str, str] = {}
        for area in areas:
            for table in tables.values():
                for i, column in zip(at, contents, strict=True):
                    text = table[area][i]
                    if text == "...":
                        status[str(len(values))] = "..."
                        values.append(None)
                    elif column == "TYOTOSUUS":
                        values.append(float(text))
                    else:
                        values.append(int(text))

        def dimension(label: str, codes: list[str]) -> dict[str, Any]:
            return {
                "label": label,
                "category": {
                    "index": {code: i for i, code in enumerate(codes)},
                    "label": {code: code for code in codes},
                },
            }

        return {
            "class": "dataset",
            "version": "2.0",
            "label": "12r5",
            "source": "KEHA-keskus, Työnvälitystilasto",
            "updated": "2026-07-21T05:00:00Z",
            "id": [self.area_code, self.month_code, self.contents_code],
            "size": [len(areas), len(tables), len(contents)],
            "dimension": {
                self.area_code: dimension("Alue", areas),
                self.month_code: dimension("Kuukausi", list(tables)),
                self.contents_code: dimension("Tiedot", contents),
            },
            "role": {"time": [self.month_code], "metric": [self.contents_code]},
            "value": values,
            "status": status,
        }

    # -- serving -----------------------------------------------------------------------

    def next_fault(self) -> str | None:
        with self._lock:
            return self.faults.pop(0) if self.faults else None

    @property
    def url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}{TABLE_PATH}"

    @property
    def moved_url(self) -> str:
        """Where a redirect says the table went."""
        return self.url.replace(TABLE_PATH, "/moved" + TABLE_PATH)

    @property
    def posts(self) -> list[Request]:
        return [r for r in self.requests if r.method == "POST"]

    def __enter__(self) -> PxwebServer:
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._http.daemon_threads = True
        self._thread = threading.Thread(target=self._http.serve_forever, args=(0.02,), daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join()


def _handler(served: PxwebServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the tests look at `served.requests`."""

        def do_GET(self) -> None:
            self._serve(None)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self._serve(json.loads(self.rfile.read(length)))

        def _serve(self, body: Any) -> None:
            served.requests.append(Request(self.command, self.path, dict(self.headers), body))
            fault = served.next_fault()
            if self.path != TABLE_PATH:
                return self._send(404, b'{"error": "Not Found"}')
            if fault in {"429", "503"}:
                return self._send(int(fault), b"{}", {"Retry-After": served.retry_after})
            if fault == "500":
                return self._send(500, b"{}")
            if fault in {"301", "307"}:  # the table moved (a redirect is not followed)
                return self._send(int(fault), b"", {"Location": served.moved_url})
            if fault == "forged":  # a reason phrase that would clear the screen and colour it
                return self._send(403, b"{}", reason="\x1b[2J\x1b[31mFORGED: all checks passed")
            if fault == "slow":
                time.sleep(served.slow_seconds)
            status, document = (200, served.metadata()) if body is None else served.answer(body)
            data = json.dumps(document, ensure_ascii=False).encode("utf-8")
            if fault == "invalid":
                data = b"<html><body>Service unavailable</body></html>"
            if fault == "html-page":  # a maintenance or login page, with status 200
                page = b"<html><body>Huoltokatko</body></html>"
                return self._send(status, page, {"Content-Type": "text/html; charset=utf-8"})
            if fault == "latin-1":  # text in another encoding than JSON's UTF-8
                document = {"title": "Työnhakijat", **(document or {})}
                data = json.dumps(document, ensure_ascii=False).encode("latin-1")
                kind = "application/json; charset=ISO-8859-1"
                return self._send(status, data, {"Content-Type": kind})
            if fault == "latin-1-label":  # UTF-8 JSON, labelled with another charset
                kind = "application/json; charset=ISO-8859-1"
                return self._send(status, data, {"Content-Type": kind})
            if fault == "gzip":  # compressed, though the client asked for no encoding
                return self._send(status, gzip.compress(data), {"Content-Encoding": "gzip"})
            if fault == "odd-length":  # a length in digits that are no ASCII digits
                return self._send(status, data, {"Content-Length": "\u00b2"}, length=False)
            if fault == "truncate":
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data[: len(data) // 2])
                self.close_connection = True
                return None
            return self._send(status, data)

        def _send(
            self,
            status: int,
            data: bytes,
            headers: dict[str, str] | None = None,
            *,
            reason: str | None = None,
            length: bool = True,
        ) -> None:
            try:
                self.send_response(status, reason)
                if "Content-Type" not in (headers or {}):
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                if length:
                    self.send_header("Content-Length", str(len(data)))
                else:
                    self.close_connection = True  # (the end of the answer ends it)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a test of its timeout)

    return Handler
