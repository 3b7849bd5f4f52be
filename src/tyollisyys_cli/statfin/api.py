"""Fetching table 12r5 from Statistics Finland's PxWeb API (version 1).

`GET` on the table's URL gives its metadata (variables, their codes and values); the
query is built from it, never from a list of months or codes kept here: the area,
month and contents variables are found by what they hold (`KU` + municipality codes,
months such as `2026M06` or the variable marked `time`, the content codes of 12r5).
`POST` on the same URL asks for the cells, in json-stat2.

The service's published limits are kept: at most `RATE_QUERIES` queries per
`RATE_SECONDS`, at most `MAX_CELLS` cells per query (a long range of months is split
into several queries), a timeout on every request, and retries with exponential
backoff on 429 and 5xx answers (waiting what `Retry-After` asks, up to `MAX_WAIT`)
and on dropped connections and cut answers. Every request names the tool in its
User-Agent. The standard library's `urllib` is enough for a GET and a POST of JSON.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tyollisyys_cli import __version__
from tyollisyys_cli.errors import DataErrors, escaped, shortened, system_reason
from tyollisyys_cli.i18n import N_, _, numeral
from tyollisyys_cli.statfin.columns import NEEDED_COLUMNS
from tyollisyys_cli.statfin.document import MAX_BYTES, decode_json, months_to_come, parse_document
from tyollisyys_cli.statfin.metadata import TableMetadata, read_metadata
from tyollisyys_cli.statfin.pxweb import Export12r5, count_text

DEFAULT_URL = "https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/tyonv/statfin_tyonv_pxt_12r5.px"
ENV_URL = "TYOLLISYYS_STATFIN_URL"
#: Seconds to wait for each request (connecting, then each read) before giving up.
ENV_TIMEOUT = "TYOLLISYYS_STATFIN_TIMEOUT"
DEFAULT_TIMEOUT = 30.0
PROJECT_URL = "https://pypi.org/project/tyollisyys/"
USER_AGENT = f"tyollisyys/{__version__} (+{PROJECT_URL})"
RATE_QUERIES = 30
RATE_SECONDS = 10.0
MAX_CELLS = 100_000
ATTEMPTS = 4
BACKOFF_SECONDS = 1.0
#: A `Retry-After` longer than this is not waited for: the run fails and says when.
MAX_WAIT = 60.0
#: An answer's body must arrive within this many timeouts of the request (a server that
#: trickles it a byte at a time never hits the timeout of each read; the status line and
#: headers are bounded by that timeout only).
WHOLE_ANSWER_TIMEOUTS = 4

#: (The docs are not installed with the tool: the message says where the table is.)
ADVICE = N_(
    "retry later, or download table 12r5 by hand from "
    "https://pxdata.stat.fi/PxWeb/pxweb/fi/StatFin/ (Työnvälitystilasto; every content, "
    "saved as JSON) and pass the file: {command}"
)
#: After an answer that a retry does not change (a refusal, a redirect).
ADVICE_BY_HAND = N_(
    "download table 12r5 by hand from https://pxdata.stat.fi/PxWeb/pxweb/fi/StatFin/ "
    "(Työnvälitystilasto; every content, saved as JSON) and pass the file: {command}"
)
#: The command that takes a table downloaded by hand, for `import statfin`.
IMPORT_BY_HAND = N_("tyollisyys import statfin FILE")


class FetchFailed(Exception):
    """The service could not be reached or did not answer usably (exit code 1)."""


#: What to do when the service gives a month after this computer's date.
CHECK_THE_CLOCK = N_("check the computer's date and time")


class BadApiUrl(ValueError):
    """An --api-url (or TYOLLISYYS_STATFIN_URL) that is not an http(s) URL."""


def check_url(url: str, where: str = "--api-url") -> str:
    """The URL, when it is an http or https URL with a host (and a valid port), written
    in the characters an address may hold (printable ASCII, no spaces). `where`: what
    gave it (--api-url or TYOLLISYYS_STATFIN_URL), for the message."""
    odd = next((char for char in url if not "!" <= char <= "~"), None)
    if odd is not None:
        raise BadApiUrl(
            _(
                "{where} {url!r}: an address cannot hold {character!r} (a space, a line "
                "break or a letter such as ö); write it as Statistics Finland gives it, "
                "such as {example}"
            ).format(where=where, url=shown_url(url), character=odd, example=DEFAULT_URL)
        )
    if not _is_http_url(url):
        raise BadApiUrl(
            _(
                "{where} {url!r} is not an http(s) URL; give the address of table 12r5, "
                "such as {example}"
            ).format(where=where, url=shown_url(url), example=DEFAULT_URL)
        )
    parts = urllib.parse.urlsplit(url)
    if parts.username is not None or parts.password is not None:
        # (urllib would not send them: the run failed as a host not found, four times)
        raise BadApiUrl(
            _(
                "{where} {url!r}: an address with a user name or password is not supported "
                "(Statistics Finland's service asks for none); give the table's address "
                "without it"
            ).format(where=where, url=shown_url(url))
        )
    return url


def _is_http_url(url: str) -> bool:
    try:
        parts = urllib.parse.urlsplit(url)  # `http://[::1/x` (a bracket left open): ValueError
        port = parts.port  # a port out of range or not a number: ValueError
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and bool(parts.netloc) and port != 0


@dataclass
class RateLimit:
    """At most `queries` requests in any `seconds` (a sliding window)."""

    queries: int = RATE_QUERIES
    seconds: float = RATE_SECONDS
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _sent: deque[float] = field(default_factory=deque, repr=False)

    def wait(self) -> None:
        """Wait until one more request keeps within the limit, and count it."""
        now = self.clock()
        while self._sent and now - self._sent[0] >= self.seconds:
            self._sent.popleft()
        if len(self._sent) >= self.queries:
            self.sleep(self.seconds - (now - self._sent[0]))
            self._sent.popleft()
            now = self.clock()
        self._sent.append(now)


def _whole_number(text: str | None) -> int | None:
    """`text` as a whole number when it is written in the digits 0-9 only (a header's
    `²` or `٣` is no number to an HTTP server), else None."""
    if text is None:
        return None
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() else None


def _retry_after(headers: Any) -> float | None:
    """Seconds asked by a `Retry-After` header (seconds or an HTTP date), if any."""
    value = headers.get("Retry-After") if headers is not None else None
    if not value:
        return None
    seconds = _whole_number(value)
    if seconds is not None:
        return float(seconds)
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, OverflowError):
        return None
    if when.tzinfo is None:  # `-0000`: a time in UTC whose source zone is unknown
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is not followed: it arrives as an HTTPError, and the run names it
    (a POST followed as a GET, a loop or another scheme would be reported as something
    else)."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def shown_url(url: str) -> str:
    """`url` as a message shows it: a password in it is never printed back (`user:***@`),
    and an address without one is shown as it is (`…/12r5@v2.px`)."""
    scheme, sep, rest = url.partition("://")
    if not sep:  # (a proxy written without its scheme: `user:secret@host:port`)
        scheme, rest = "", url
    userinfo, at, after = rest.rpartition("@")
    if not at or not _is_userinfo(userinfo):
        return url
    return f"{scheme}{sep}{userinfo.partition(':')[0]}:***@{after}"


def _is_userinfo(text: str) -> bool:
    """Whether `text`, before an address's last `@`, is a user and a password
    (`analyst:p/ss`), not a host and its path (`127.0.0.1:9/px/12r5`, `host/a`)."""
    user, colon, password = text.partition(":")
    return bool(colon) and not re.search(r"[/?#]", user) and not re.match(r"\d*[/?#]", password)


@dataclass
class Client:
    """Requests to one table's URL, within the service's limits."""

    url: str = DEFAULT_URL
    timeout: float = DEFAULT_TIMEOUT
    attempts: int = ATTEMPTS
    backoff: float = BACKOFF_SECONDS
    max_cells: int = MAX_CELLS
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    rate: RateLimit = field(default_factory=RateLimit)
    #: What gave the address (`--api-url`, `TYOLLISYYS_STATFIN_URL`), for the hint after
    #: a 404; empty for the default address.
    given_by: str = "--api-url"
    #: Called with (queries done, queries in all) after each data query.
    progress: Callable[[int, int], None] | None = None
    #: Told, before each wait for another try, what failed and how long the wait is (a
    #: run that waited minutes in silence looked hung).
    tell: Callable[[str], None] | None = None
    #: The command that takes the table downloaded by hand, as shown (the advice after a
    #: failure; empty: `import statfin`'s).
    by_hand: str = ""

    @property
    def table_name(self) -> str:
        """The table's file name, such as `statfin_tyonv_pxt_12r5.px`."""
        return Path(urllib.parse.urlsplit(self.url).path).name or shown_url(self.url)

    def _failed(self, what: str, *, advice: str = ADVICE) -> FetchFailed:
        # (what the server said is shown, never obeyed: no escape sequence reaches the
        # terminal, no line break splits the message)
        return FetchFailed(
            _("could not fetch table 12r5 from {url}: {problem}; {advice}").format(
                url=shown_url(self.url),
                problem=escaped(shortened(what, 400)),
                advice=_(advice).format(command=self.by_hand or _(IMPORT_BY_HAND)),
            )
        )

    def request(self, body: dict[str, Any] | None = None) -> bytes:
        """The answer's bytes to a GET (no body) or a POST of `body` as JSON."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        problem = _("no answer")
        for attempt in range(self.attempts):
            self.rate.wait()
            wait = self.backoff * 2**attempt
            try:
                return self._once(data)
            except urllib.error.HTTPError as exc:
                exc.close()
                status = f"HTTP {exc.code} {exc.reason}"
                if 300 <= exc.code < 400:
                    moved = exc.headers.get("Location", "") if exc.headers is not None else ""
                    elsewhere = (
                        _(
                            "the service answered that the table is elsewhere ({status}, "
                            "to {location}); if that is the table's new address, set "
                            "{variable} to it"
                        )
                        if self.given_by == ENV_URL  # (a cron job's: no option to add)
                        else _(
                            "the service answered that the table is elsewhere ({status}, "
                            "to {location}); if that is the table's new address, pass it "
                            "with --api-url"
                        )
                    )
                    raise self._failed(
                        elsewhere.format(
                            status=status,
                            location=repr(shortened(moved.strip(), 200)),
                            variable=ENV_URL,
                        ),
                        advice=ADVICE_BY_HAND,
                    ) from None
                if exc.code != 429 and exc.code < 500:
                    refused = _("the service refused the request ({status})")
                    if exc.code == 407:  # (a proxy that asks for a login, not the service)
                        refused = _proxy_login("{status}")
                    if exc.code == 404 and self.given_by:
                        refused = _(
                            "the service refused the request ({status}) (is {where} the "
                            "address of table 12r5?)"
                        )
                    elif exc.code == 404:  # (the default address: the table moved?)
                        refused = _(
                            "the service refused the request ({status}) (has table 12r5 "
                            "moved? give its address with --api-url)"
                        )
                    raise self._failed(
                        refused.format(status=status, where=self.given_by)
                        + (_through_proxy(self.url) if exc.code == 407 else ""),
                        advice=ADVICE_BY_HAND,
                    ) from None
                asked = _retry_after(exc.headers)
                if asked is not None and asked > MAX_WAIT:
                    raise self._failed(
                        _("the service is busy ({status}) and asks to wait {seconds} s").format(
                            status=status, seconds=f"{asked:.0f}"
                        )
                    ) from None
                wait = wait if asked is None else asked
                problem = _("the service is busy or failing ({status})").format(status=status)
            except (TimeoutError, urllib.error.URLError, OSError, http.client.HTTPException) as exc:
                lasting = _lasting_problem(exc, self.url)
                if lasting is not None:  # (no retry mends an address or a certificate)
                    lasting += _through_proxy(self.url)
                    raise self._failed(lasting, advice=ADVICE_BY_HAND) from None
                problem = _network_problem(exc, self.timeout) + _through_proxy(self.url)
            if attempt + 1 < self.attempts:
                if self.tell is not None:
                    self.tell(
                        _("{problem}; trying again in {seconds} s ({attempt} of {count})").format(
                            problem=problem,
                            seconds=numeral(f"{wait:.0f}" if wait >= 1 else f"{wait:.1g}"),
                            attempt=attempt + 2,
                            count=self.attempts,
                        )
                    )
                self.sleep(wait)
        if self.attempts > 1:
            problem = _("{problem} (tried {count} times)").format(
                problem=problem, count=self.attempts
            )
        raise self._failed(problem)

    def _once(self, data: bytes | None) -> bytes:
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(
            self.url, data=data, headers=headers, method="GET" if data is None else "POST"
        )
        opener = urllib.request.build_opener(_NoRedirect)
        deadline = self.clock() + WHOLE_ANSWER_TIMEOUTS * self.timeout
        with opener.open(request, timeout=self.timeout) as answer:
            encoding = (answer.headers.get("Content-Encoding") or "identity").strip().lower()
            if encoding != "identity":  # (urllib asks for none, and decodes none)
                raise self._failed(
                    _(
                        "the answer is compressed ({encoding}), which the tool did not ask "
                        "for and does not read"
                    ).format(encoding=shortened(encoding, 40)),
                    advice=ADVICE_BY_HAND,
                )
            kind = (answer.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind in {"text/html", "application/xhtml+xml"}:  # (a login or error page)
                raise self._failed(
                    _("the answer is a web page ({kind}), not the table's JSON").format(kind=kind)
                )
            charset = (answer.headers.get_content_charset() or "utf-8").replace("_", "-")
            declared = _whole_number(answer.headers.get("Content-Length"))
            if declared is not None and declared > MAX_BYTES:
                raise self._failed(_too_large())
            body = self.read_body(answer, deadline)
        if len(body) > MAX_BYTES:
            raise self._failed(_too_large())
        if declared is not None and len(body) != declared:
            raise http.client.IncompleteRead(body, declared - len(body))
        if charset not in {"utf-8", "utf8", "us-ascii"} and not _is_utf8(body):
            raise self._failed(
                _("the answer is text in {charset}; the table's JSON is UTF-8").format(
                    charset=repr(shortened(charset, 40))
                ),
                advice=ADVICE_BY_HAND,
            )
        return body

    def read_body(self, answer: Any, deadline: float) -> bytes:
        """The answer's body, at most one byte over `MAX_BYTES`, read as it arrives;
        one that has not arrived whole by `deadline` fails the run (not retried)."""
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk: bytes = answer.read1(min(1 << 16, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if self.clock() > deadline:
                raise self._failed(
                    _("the answer did not arrive whole within {seconds} s").format(
                        seconds=numeral(f"{WHOLE_ANSWER_TIMEOUTS * self.timeout:g}")
                    )
                )
        return b"".join(chunks)

    def _json(self, body: dict[str, Any] | None) -> Any:
        data = self.request(body)
        try:
            return decode_json(data, Path(self.table_name))
        except DataErrors as exc:
            raise self._failed(_unusable(exc)) from None

    def metadata(self) -> TableMetadata:
        """The table's variables (GET on its URL)."""
        return read_metadata(self._json(None), shown_url(self.url))

    def fetch(
        self, metadata: TableMetadata, *, municipalities: list[str], months: list[str]
    ) -> list[Export12r5]:
        """The months (codes such as `2026M06`) for the municipalities (three-digit codes)."""
        areas = metadata.area_values(municipalities)
        per_month = max(1, len(areas) * len(NEEDED_COLUMNS))
        step = max(1, self.max_cells // per_month)
        batches = [months[i : i + step] for i in range(0, len(months), step)]
        exports: list[Export12r5] = []
        for done, batch in enumerate(batches, start=1):
            query = metadata.query(areas=areas, months=batch, contents=list(NEEDED_COLUMNS))
            document = self._json(query)
            try:
                # (a problem found later, at a municipality's cell, names the answer: the
                # table's file name alone read as a file of the user's)
                answer = Path(_("the answer of {table}").format(table=self.table_name))
                got = parse_document(document, answer, origin=f"PxWeb API, {self.table_name}")
            except DataErrors as exc:
                raise self._failed(_unusable(exc)) from None
            later = months_to_come(got)
            if later is not None:  # (not the service's failure: no retry, no file to save)
                raise self._failed(
                    _("it gives {months}").format(months=later), advice=CHECK_THE_CLOCK
                )
            wanted = {f"{m[:4]}-{m[5:]}" for m in batch}
            lacking = sorted(wanted - {export.month for export in got})
            if lacking:
                raise self._failed(_("the answer lacks {months}").format(months=", ".join(lacking)))
            exports += [export for export in got if export.month in wanted]
            if self.progress is not None:
                self.progress(done, len(batches))
        return exports


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _too_large() -> str:
    return _("the answer is larger than {limit} bytes").format(limit=count_text(MAX_BYTES))


def _unusable(exc: DataErrors) -> str:
    """Why an answer is no table, without the advice for a file saved by hand (which
    named `import statfin --latest`, the very command that failed)."""
    from tyollisyys_cli.statfin.pxweb import ACCEPTED_FORMATS

    reason = exc.errors[0].message.replace("; " + _(ACCEPTED_FORMATS), "")
    return _("the answer is not usable ({reason})").format(reason=reason)


def _lasting_problem(exc: BaseException, url: str) -> str | None:
    """A failure that trying again does not mend (a host not found, a certificate that
    cannot be verified, https to what speaks none, a proxy asking for a login), said
    so; None for one that may pass (a name server down for a moment, a handshake cut)."""
    import ssl

    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    proxy = _proxy(url)
    if isinstance(reason, socket.gaierror) and reason.errno in _NOT_FOUND:
        host = _host(proxy) if proxy else urllib.parse.urlsplit(url).hostname
        return _(
            "cannot find the host {host} ({reason}): is the address right, and is the network up?"
        ).format(host=host, reason=reason.strerror or reason)
    if isinstance(reason, ssl.SSLCertVerificationError):
        return _(
            "the service's certificate could not be verified ({reason}); where your "
            "organisation's network inspects secure connections, set SSL_CERT_FILE to a "
            "file that holds its root certificate (ask your IT support)"
        ).format(reason=reason.verify_message or reason)
    if isinstance(reason, ssl.SSLError) and getattr(reason, "reason", "") == "WRONG_VERSION_NUMBER":
        return _(
            "a secure (https) connection could not be made ({reason}): is the address "
            "right, https or http?"
        ).format(reason="WRONG_VERSION_NUMBER")
    if str(reason).startswith("Tunnel connection failed: 407"):  # (https through a proxy)
        return _proxy_login(str(reason).removeprefix("Tunnel connection failed: ").strip())
    return None


#: The name server's answers that a name does not exist (not that it cannot say now).
_NOT_FOUND = {
    getattr(socket, name) for name in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, name)
}


def _proxy_login(status: str) -> str:
    """A 407: the proxy, not the service, refused: it asks for a login."""
    return _(
        "the proxy refused the request ({status}): it asks for a login, which goes into "
        "its address (http://user:password@host:port)"
    ).format(status=status)


def _proxy(url: str) -> str | None:
    """The proxy that carries requests to `url`, if any."""
    parts = urllib.parse.urlsplit(url)
    proxy = urllib.request.getproxies().get(parts.scheme)
    if not proxy or urllib.request.proxy_bypass(parts.hostname or ""):
        return None
    return proxy


def _host(address: str) -> str:
    """The host and port of an address (`http://user:pw@proxy:3128/` → `proxy:3128`)."""
    rest = address.partition("://")[2] or address
    userinfo, at, after = rest.rpartition("@")
    if at and _is_userinfo(userinfo):
        rest = after
    return re.split(r"[/?#]", rest, maxsplit=1)[0]


def _through_proxy(url: str) -> str:
    """` (through the proxy P that HTTPS_PROXY sets)` where a proxy carries requests to
    `url` (its failures were blamed on the service), shown by its host alone (never a
    password in its address); else ''."""
    proxy = _proxy(url)
    if proxy is None:
        return ""
    scheme = urllib.parse.urlsplit(url).scheme
    names = (f"{scheme}_proxy", f"{scheme.upper()}_PROXY")
    variable = next((name for name in names if os.environ.get(name)), names[1])
    return _(" (through the proxy {proxy} that {variable} sets)").format(
        proxy=_host(proxy), variable=variable
    )


def _network_problem(exc: BaseException, timeout: float) -> str:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError):
        return _("no answer within {seconds} s").format(seconds=numeral(f"{timeout:g}"))
    if isinstance(exc, http.client.IncompleteRead):
        return _("the answer was cut short")
    if isinstance(reason, ConnectionRefusedError):
        return _("connection refused")
    if isinstance(reason, OSError) and reason.strerror:
        return _("network error ({reason})").format(reason=system_reason(reason))
    return _("network error ({reason})").format(reason=reason)
