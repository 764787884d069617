"""The one HTTP client: polite, bounded, retried, rate-limited, cached.

Every request kb makes goes through `Client.get`. It sends a User-Agent naming
kb, keeps to a per-service spacing (arXiv: one request every 3 s, shared by all
kb processes through a lock file), retries 429/5xx with backoff that honours
Retry-After, bounds each call by a total deadline and a maximum size, and
caches successful API answers. Base URLs come from environment variables so
tests can point them at a local server.

Bounded waits: a whole answer (headers, body, trailer) must arrive within the
total deadline, however slowly a server trickles it (a watchdog, not only a
check between chunks); a server that accepts the connection and never answers
fails within KB_SILENT_TIMEOUT (30 s) overall, retries included; a refused
connection within KB_REFUSED_TIMEOUT (5 s). Every deliberate wait (the arXiv
spacing, a retry after 429/5xx, a slow server) is announced through `notice`,
which the CLI shows on a terminal.

Secrets: headers named in `secret_headers` (Semantic Scholar's x-api-key) are
sent to the host asked, never to another host a redirect points at.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from kb.atomic import env_flag, file_lock, mend_surrogates, said, what_it_is, write_bytes
from kb.errors import KBError, LimitExceeded, LockTimeout, NetworkError, NotFound, UsageError
from kb.text.ids import split_url
from kb.text.lazyre import lazy
from kb.version import VERSION

RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_REDIRECTS = 5
SLOW_NOTICE_AFTER = 3.0        # seconds without an answer before kb says it is waiting
WATCHDOG_GRACE = 1.0           # past the deadline, before a stuck read is abandoned
SERVICE_NAMES = {"arxiv": "arXiv", "s2": "Semantic Scholar", "doi": "doi.org"}
ENV_MAX = 1e9                  # a setting of seconds, megabytes or times: below it
WAIT_MAX = 3600.0              # no one wait on a server (a timeout, a spacing, a backoff) is longer: an hour
RETRIES_MAX = 20               # KB_RETRIES: each retry is a request more to a service that failed
ANSWER_MAX_BYTES = 16 * 1024 * 1024     # a feed, a JSON or BibTeX answer: a few kB to a few MB, never more
TURN_WAIT_MIN = 60.0           # the least kb waits for another kb process's turn asking a rate-limited service


#: The shortest timeout kb takes (a millisecond): KB_TOTAL_TIMEOUT=0 gave up on every answer before it came and
#: blamed the server ('download too slow, stopped after 0 s').
SHORTEST_TIMEOUT = 0.001


def _env_float(name: str, default: float, most: float | None = None, whole: bool = False,
               least: float = 0.0) -> float:
    """The KB_* number `name` (`default` when unset): finite, 0 or more, below ENV_MAX, and at most
    `most` (a wait: KB_ARXIV_DELAY=9e8 made kb wait 28 years between two requests) and `whole`
    when it counts (KB_RETRIES=2.7 was 2, silently); else one line naming it and its value."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    # past 1e9 (31 years of seconds) no clock kb waits on holds it: KB_ARXIV_DELAY=1e308 or KB_CONNECT_TIMEOUT=1e300
    # was an internal error (OverflowError) at the first request, as KB_LOCK_TIMEOUT's bound already keeps
    if not math.isfinite(value) or value < 0 or value >= ENV_MAX:
        raise UsageError(f"{name}={raw!r} is not a number of seconds, bytes or times kb can use",
                         hint=f"unset {name}, or give a number from 0 to less than {ENV_MAX:,.0f}")
    if whole and not value.is_integer():
        raise UsageError(f"{name}={said(raw, 40)} is not a whole number", hint=f"unset {name}, or give one such as "
                         f"{default:g}")
    if value < least:
        raise UsageError(f"{name}={said(raw, 40)} is no time to wait for a server: kb would give up on every answer "
                         "before it came", hint=f"unset {name}, or give a number from {least:g} to {most:g}")
    if most is not None and value > most:
        what = f"more retries than kb makes (at most {most:g})" if whole else \
            f"longer than kb ever waits on a server (at most {most:,g} s)"
        raise UsageError(f"{name}={said(raw, 40)} is {what}", hint=f"unset {name}, or give a number from 0 to {most:g}")
    return value


def header_value(name: str, example: str, secret: bool = False) -> str:
    """The environment variable `name` ("" when unset), which kb sends in an HTTP header:
    printable ASCII on one line, or UsageError naming it (a secret's value is not printed).
    A letter beyond Latin-1 was an internal error, a line break a header of the user's own."""
    value = os.environ.get(name, "")
    if value.isascii() and value.isprintable():
        return value
    shown_value = f"(its {len(value):,} characters)" if secret else said(value, 80)
    raise UsageError(f"{name}={shown_value} holds what an HTTP header cannot carry: kb sends it as printable "
                     "ASCII on one line", hint=f"unset {name}, or give {example}")


def quote_path(text: str, safe: str = "/", what: str = "the identifier") -> str:
    """An identifier (a DOI, a Semantic Scholar paper id) as the path of a URL: percent-quoted, its '/'
    (in `safe`) kept. One holding a segment '.' or '..' between slashes is refused (NotFound: no
    service can be asked for it; a DOI a PDF prints so is passed over as one that resolves to nothing): an
    address reads such a segment as a step up the path, written %2E or not (RFC 3986: the same
    character), so 10.5555/a/../../10.1234/b asked doi.org for 10.1234/b, and 'DOI:10.5555/a/../../
    ARXIV:2001.00001' Semantic Scholar for another paper's list: never the identifier given."""
    quoted = urllib.parse.quote(text, safe=safe)
    if "." in quoted and any(part in (".", "..") for part in quoted.split("/")):
        raise NotFound(f"{what} {said(text, 80)} holds a '.' or '..' between slashes, which a web address reads "
                         "as a step along its path: kb cannot ask for it as it is", hint="check it for typos")
    return quoted


def endpoint(name: str) -> str:
    """Base URLs, overridable by environment variables."""
    defaults = {
        "KB_ARXIV_API_URL": "https://export.arxiv.org/api/query",
        "KB_ARXIV_PDF_URL": "https://arxiv.org/pdf",
        "KB_DOI_URL": "https://doi.org",
        "KB_CROSSREF_URL": "https://api.crossref.org",
        "KB_S2_API_URL": "https://api.semanticscholar.org",
    }
    raw = os.environ.get(name)
    if not raw:
        return defaults[name]
    parts = split_url(raw.strip())
    # a space or a control character (a newline pasted with the address) is in no address:
    # requests refused it at the first call, its message naming neither the variable nor kb's
    blank = any(c.isspace() or not c.isprintable() for c in raw.strip())
    if parts is None or blank or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{name}={said(raw, 80)} is not an http or https address kb can ask",
                         hint=f"unset {name}, or give one such as {defaults[name]}")
    return raw.strip().rstrip("/")


@dataclass
class Settings:
    """Timeouts, limits and spacing, read from the environment once per client."""

    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    total_timeout: float = 180.0       # one call, retries included
    silent_timeout: float = 30.0       # no answer at all, retries included
    refused_timeout: float = 5.0       # connection refused, retries included
    retries: int = 3
    backoff: float = 2.0               # seconds, doubled per retry
    max_retry_after: float = 120.0     # longer Retry-After: give up and say so
    max_bytes: int = 200 * 1024 * 1024
    spacing: dict[str, float] = field(default_factory=dict)
    offline: bool = False
    user_agent: str = ""

    @classmethod
    def from_env(cls) -> "Settings":
        contact = header_value("KB_MAILTO", "an e-mail address such as you@example.org")
        ua = f"kb/{VERSION} (literature-and-claims knowledge base; https://github.com/kb-tools/kb"
        ua += f"; mailto:{contact})" if contact else ")"
        return cls(
            connect_timeout=_env_float("KB_CONNECT_TIMEOUT", 5.0, WAIT_MAX, least=SHORTEST_TIMEOUT),
            read_timeout=_env_float("KB_READ_TIMEOUT", 30.0, WAIT_MAX, least=SHORTEST_TIMEOUT),
            total_timeout=_env_float("KB_TOTAL_TIMEOUT", 180.0, WAIT_MAX, least=SHORTEST_TIMEOUT),
            silent_timeout=_env_float("KB_SILENT_TIMEOUT", 30.0, WAIT_MAX, least=SHORTEST_TIMEOUT),
            refused_timeout=_env_float("KB_REFUSED_TIMEOUT", 5.0, WAIT_MAX),
            retries=int(_env_float("KB_RETRIES", 3, RETRIES_MAX, whole=True)),
            backoff=_env_float("KB_BACKOFF", 2.0, WAIT_MAX),
            max_retry_after=_env_float("KB_MAX_RETRY_AFTER", 120.0, WAIT_MAX),
            max_bytes=int(_env_float("KB_MAX_DOWNLOAD_MB", 200) * 1024 * 1024),
            spacing={
                "arxiv": _env_float("KB_ARXIV_DELAY", 3.0, WAIT_MAX),
                "s2": _env_float("KB_S2_DELAY", 1.0, WAIT_MAX),
                "doi": _env_float("KB_DOI_DELAY", 0.0, WAIT_MAX),
            },
            offline=bool(env_flag("KB_OFFLINE")),
            user_agent=ua,
        )


@dataclass
class Response:
    url: str
    status: int
    headers: dict[str, str]
    content: bytes
    from_cache: bool = False

    @property
    def text(self) -> str:
        """The answer as text, in the charset its Content-Type names (UTF-8 when it names none); bytes
        that are no text in it are Unusable, never each read as U+FFFD and filed as a paper's title."""
        declared = _CHARSET.search(self.headers.get("content-type", ""))
        charset = declared.group(1).strip("\"' ").lower() if declared else "utf-8"
        try:
            return self.content.decode("utf-8-sig" if charset in ("utf-8", "utf8") else charset)
        except LookupError:
            raise Unusable(f"text in the charset {said(charset, 40)}, which kb does not know") from None
        except UnicodeDecodeError as exc:
            raise Unusable(f"text that is not {charset.upper() if declared else 'UTF-8'} as it says "
                           f"(byte 0x{self.content[exc.start]:02x} at {exc.start:,})" if declared else
                           f"text that is not UTF-8 and names no charset (byte 0x{self.content[exc.start]:02x} "
                           f"at {exc.start:,})") from None

    def json(self):
        """The answer as JSON, a half of a UTF-16 pair alone in a string as U+FFFD (mend_surrogates)."""
        try:
            return mend_surrogates(json.loads(self.content), self.content)[0]
        except RecursionError:
            raise NetworkError(f"{host_of(self.url)} sent JSON nested too deeply to read") from None
        except ValueError as exc:
            kind = what_it_is(self.content)
            if kind == "JSON" and isinstance(exc, json.JSONDecodeError):
                raise NetworkError(f"{host_of(self.url)} sent JSON that is cut off or malformed ({exc})") from None
            if kind == "JSON":      # read as JSON, it is no JSON Python holds: said so, never 'JSON instead of JSON'
                what = "text that is not UTF-8" if isinstance(exc, UnicodeDecodeError) else \
                    "a number too long to read (over 4,300 digits)" if "digits" in str(exc) else _one_line(exc)
                raise NetworkError(f"{host_of(self.url)} sent JSON kb cannot read: {what}; nothing was kept",
                                   hint="the server is misbehaving; try again later") from None
            raise NetworkError(f"{host_of(self.url)} sent {kind or f'{len(self.content):,} bytes'} "
                               f"({self.content_type or 'no content type'}) instead of JSON") from None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def reached(asked: str, url: str) -> str:
    """The host of `url`, where kb asked `asked`: "b.org (where a.org redirected kb)" when a redirect
    sent the request to another host."""
    first, there = host_of(asked), host_of(url)
    return there if there == first else f"{there} (where {first} redirected kb)"


def host_of(url: str) -> str:
    parts = split_url(url)
    return parts.netloc if parts is not None and parts.netloc else url


def _wait_words(seconds: float) -> str:
    """A wait as a person reads it: '3600 s', '31 days'; a date centuries ahead
    (Retry-After: Fri, 31 Dec 9999) is said so, not in billions of seconds."""
    if seconds < 86_400:
        return f"{seconds:.0f} s"
    if seconds < 3_650 * 86_400:
        days = round(seconds / 86_400)
        return "1 day" if days == 1 else f"{days:,} days"          # (a day's Retry-After was '1 days')
    return "more than ten years"


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    import email.utils  # stdlib, but 10 ms at start-up (sockets): only for a date here

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class Client:
    """HTTP for kb. `cache_dir` holds the cached answers and the rate-limit stamps
    shared by every kb process; `tmp_dir` is where atomic writes are prepared.
    `progress(label, bytes so far, total)` reports downloads; `notice(message)`
    announces a deliberate wait (and `notice(None)` its end)."""

    def __init__(self, cache_dir: Path, tmp_dir: Path, settings: Settings | None = None,
                 progress: Callable[[str, int, int | None], None] | None = None,
                 notice: Callable[[str | None], None] | None = None):
        self.cache_dir = Path(cache_dir)
        self.tmp_dir = Path(tmp_dir)
        self.settings = settings or Settings.from_env()
        self.progress = progress
        self.notice = notice or (lambda message: None)
        self._session = None

    # -- plumbing -------------------------------------------------------
    @property
    def session(self):
        if self._session is None:
            import requests

            s = requests.Session()
            s.headers["User-Agent"] = self.settings.user_agent
            s.max_redirects = MAX_REDIRECTS
            s.hooks["response"].append(_refuse_odd_redirect)
            self._session = s
        return self._session

    def _wait_turn(self, service: str) -> None:
        """Keep `service`'s spacing across every kb process on this machine."""
        spacing = self.settings.spacing.get(service, 0.0)
        if spacing <= 0:
            return
        stamp = self.cache_dir / f"ratelimit-{service}"
        with self._turn(service, stamp.with_suffix(".lock"), spacing):
            try:
                last = float(stamp.read_text())
            except (OSError, ValueError):
                last = 0.0
            wait = min(last + spacing - time.time(), spacing)
            if wait > 0:
                if wait >= 0.5:
                    self.notice(f"waiting {wait:.1f} s before asking {SERVICE_NAMES.get(service, service)} "
                                f"again (it asks for one request every {spacing:g} s)")
                time.sleep(wait)
                self.notice(None)
            # When this request starts: written without waiting on the disk, so the next
            # request's wait counts from the moment this one went out.
            write_bytes(stamp, repr(time.time()).encode(), self.tmp_dir, durable=False)

    @contextlib.contextmanager
    def _turn(self, service: str, lock: Path, spacing: float) -> Iterator[None]:
        """`service`'s turn on this machine: its rate-limit lock, which a kb process holds a few
        seconds at most (the spacing it waits). One held longer is a kb process stopped (Ctrl-Z)
        or stuck while it held the turn: said in one line naming that process and what to do,
        not as the knowledge base's lock and its setting (KB_LOCK_TIMEOUT, which is not read here)."""
        name = SERVICE_NAMES.get(service, service)
        timeout = max(TURN_WAIT_MIN, spacing * 20)

        def waiting(message: str | None) -> None:
            self.notice(message and f"waiting for another kb process to end its turn asking {name} "
                                    f"(at most {timeout:g} s)")
        try:
            with file_lock(lock, timeout=timeout, on_wait=waiting):
                yield
        except LockTimeout as exc:
            who = f"another kb process (pid {exc.holder})" if exc.holder else "another kb process"
            raise LockTimeout(f"{who} has held kb's turn to ask {name} for {exc.waited:g} s, where a turn "
                              f"takes {spacing:g} s: it is stopped (Ctrl-Z) or stuck",
                              hint=f"let it go on (fg in its terminal) or end it{f' (kill {exc.holder})' if exc.holder else ''}, "
                                   "then run this command again") from None

    def _cache_path(self, url: str, headers: dict[str, str]) -> Path:
        key = json.dumps([url, sorted(headers.items())]).encode()
        return self.cache_dir / (hashlib.sha256(key).hexdigest() + ".json")

    def _cached(self, cache_file: Path, cache_ttl: float, validate) -> Response | None:
        try:
            entry = json.loads(cache_file.read_text("utf-8"))
            if time.time() - entry["fetched_at"] >= cache_ttl:
                return None
            url, status, headers, body = entry["url"], entry["status"], entry["headers"], entry["body"]
            # valid JSON of another shape (a hand edit, another tool's file): no answer kb kept,
            # where a header that was no text failed later, an internal error
            if not (isinstance(url, str) and type(status) is int and isinstance(body, str)
                    and isinstance(headers, dict)
                    and all(isinstance(k, str) and isinstance(v, str) for k, v in headers.items())):
                return None
            response = Response(url, status, headers, body.encode("utf-8", errors="surrogateescape"), from_cache=True)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None
        if validate is not None:
            try:
                validate(response)
            except NetworkError:
                cache_file.unlink(missing_ok=True)      # an answer kb cannot use is not kept
                return None
        return response

    # -- the call -------------------------------------------------------
    def get(self, url: str, *, service: str = "other", headers: dict[str, str] | None = None,
            params: dict[str, str] | None = None, cache_ttl: float | None = None,
            max_bytes: int | None = None, accept_statuses: tuple[int, ...] = (200,),
            label: str | None = None, validate: Callable[[Response], None] | None = None,
            secret_headers: tuple[str, ...] = (), answer: str | None = None) -> Response:
        """GET `url`; raise NetworkError with the host and what went wrong.

        Statuses in `accept_statuses` are returned; other 4xx raise at once;
        429/5xx are retried. `cache_ttl` seconds: serve a cached 200 if fresh;
        `cache_ttl=None` never reads the cache (a refresh) but still keeps the
        new answer when the call is cacheable (`validate` given or `cache_ttl`).
        `validate(response)` raises NetworkError for an answer kb cannot use:
        such an answer is never cached. `secret_headers` go to this host only.
        `answer` names a small answer ("an arXiv feed", "JSON"): it is bounded by
        ANSWER_MAX_BYTES once decompressed, not by the download limit of a PDF.
        """
        headers = dict(headers or {})
        if params:
            url = url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        host = host_of(url)
        cache_file = self._cache_path(url, {k: v for k, v in headers.items() if k not in secret_headers}) \
            if cache_ttl is not None or validate is not None else None
        if cache_file and cache_ttl and cache_file.is_file():
            cached = self._cached(cache_file, cache_ttl, validate)
            if cached is not None:
                return cached
        if self.settings.offline:
            raise NetworkError(f"offline: kb would need to fetch {url}",
                               hint="run without --offline / KB_OFFLINE when the network is there")
        limit = max_bytes or self.settings.max_bytes
        if answer is not None:
            limit = min(limit, ANSWER_MAX_BYTES)
        started = time.monotonic()
        deadline = started + self.settings.total_timeout
        silent_deadline = started + self.settings.silent_timeout
        refused_since: float | None = None
        attempt = 0
        while True:
            attempt += 1
            if refused_since is None:       # a refused connection sent nothing: no spacing owed
                self._wait_turn(service)
            try:
                response = self._fetch_watched(url, headers, secret_headers, limit, deadline,
                                               silent_deadline, label, answer)
            except _Refused as exc:
                where = exc.where or host
                now = time.monotonic()
                refused_since = refused_since if refused_since is not None else started
                delay = max(REFUSED_PAUSE, _doubled(min(self.settings.backoff, 1.0), attempt))
                if now + delay - refused_since > self.settings.refused_timeout:
                    raise NetworkError(f"{where}: {exc.reason} (for {now - refused_since + 0.0:.0f} s, "
                                       f"{attempt} attempts)",
                                       hint="is the server up? KB_REFUSED_TIMEOUT sets how long kb retries") from None
                self._sleep_before_retry(where, delay, deadline, exc.reason, attempt)
                continue
            except _Silent as exc:
                where = exc.where or host
                if time.monotonic() >= silent_deadline - 0.05 or attempt > self.settings.retries:
                    # the seconds waited, and whether the server began its answer: a server that sent its headers,
                    # then stalled, given up on after 8 s was said 'no answer within 30 s' (KB_SILENT_TIMEOUT's)
                    waited = time.monotonic() - started
                    what = ("sent the start of its answer, then nothing more: gave up after"
                            if exc.reason.startswith("no data") else "no answer within")
                    raise NetworkError(f"{where}: {what} {waited:.0f} s ({attempt} attempts)",
                                       hint="try again later; KB_SILENT_TIMEOUT and KB_READ_TIMEOUT set how long kb "
                                            "waits") from None
                delay = _doubled(self.settings.backoff, attempt)
                self._sleep_before_retry(where, min(delay, max(0.0, silent_deadline - time.monotonic())),
                                         deadline, exc.reason, attempt)
                continue
            except _Retryable as exc:
                where = exc.where or host
                if attempt > self.settings.retries:
                    raise NetworkError(f"{where}: {exc.reason} (gave up after {attempt} attempts)") from None
                delay = _doubled(self.settings.backoff, attempt)
                self._sleep_before_retry(where, delay, deadline, exc.reason, attempt)
                continue
            if response.status in accept_statuses:
                break
            if response.status in RETRY_STATUSES:
                where = reached(url, response.url)
                if attempt > self.settings.retries:
                    raise NetworkError(f"{where} answered HTTP {response.status} "
                                       f"(gave up after {attempt} attempts)",
                                       hint="try again later")
                retry_after = parse_retry_after(response.headers.get("retry-after"))
                if retry_after is not None and retry_after > self.settings.max_retry_after:
                    raise NetworkError(f"{where} answered HTTP {response.status} and asks to "
                                       f"retry after {_wait_words(retry_after)}, over kb's limit of "
                                       f"{self.settings.max_retry_after:.0f} s (KB_MAX_RETRY_AFTER)",
                                       hint="try again later")
                delay = _doubled(self.settings.backoff, attempt)
                if retry_after is not None:
                    delay = max(delay, retry_after)
                self._sleep_before_retry(where, delay, deadline, f"HTTP {response.status}", attempt)
                continue
            raise HTTPStatusError(response)
        if validate is not None and response.status == 200:
            validate(response)
        if cache_file and response.status == 200:
            entry = {"url": response.url, "status": response.status, "headers": response.headers,
                     # byte for byte: an answer in another charset (a feed in ISO-8859-1) read back from
                     # the cache as it came, where each byte not UTF-8 was kept as U+FFFD
                     "body": response.content.decode("utf-8", errors="surrogateescape"),
                     "fetched_at": time.time()}
            write_bytes(cache_file, json.dumps(entry).encode(), self.tmp_dir)
        return response

    def _sleep_before_retry(self, host: str, delay: float, deadline: float, reason: str,
                            attempt: int) -> None:
        if time.monotonic() + delay > deadline:
            raise NetworkError(f"{host}: {reason}; no time left to retry within "
                               f"{self.settings.total_timeout:.0f} s",
                               hint="raise KB_TOTAL_TIMEOUT or try again later")
        if delay >= 0.5:
            self.notice(f"{host}: {reason}; retrying in {delay:.0f} s "
                        f"(attempt {attempt + 1} of at most {self.settings.retries + 1})")
        time.sleep(delay)
        self.notice(None)

    def _fetch_watched(self, url: str, headers: dict[str, str], secret_headers: tuple[str, ...],
                       limit: int, deadline: float, silent_deadline: float,
                       label: str | None, answer: str | None = None) -> Response:
        """One attempt, in a worker thread the caller stops waiting for at the deadline:
        a server that trickles its headers or a chunked trailer byte by byte is never
        waited for past it (reads are bounded per byte, not per answer)."""
        box: dict[str, object] = {}

        def work() -> None:
            try:
                box["response"] = self._fetch_once(url, headers, secret_headers, limit, deadline,
                                                   silent_deadline, label, answer)
            except BaseException as exc:          # handed to the caller's thread
                box["error"] = exc

        worker = threading.Thread(target=work, name="kb-http", daemon=True)
        worker.start()
        announced = False
        while worker.is_alive():
            left = deadline + WATCHDOG_GRACE - time.monotonic()    # the worker's own checks come first
            if left <= 0:
                break
            worker.join(min(left, SLOW_NOTICE_AFTER))
            if worker.is_alive() and not announced and "response" not in box:
                announced = True
                self.notice(f"waiting for {host_of(url)} (at most {max(0.0, deadline - time.monotonic()):.0f} s more)")
        if announced:
            self.notice(None)
        if worker.is_alive():
            self._session = None        # the stuck connection is never reused
            raise NetworkError(f"{host_of(url)}: download too slow, stopped after "
                               f"{self.settings.total_timeout:.0f} s (no complete answer yet)",
                               hint="raise KB_TOTAL_TIMEOUT or try again later")
        if "error" in box:
            raise box["error"]            # type: ignore[misc]
        return box["response"]            # type: ignore[return-value]

    def _fetch_once(self, url: str, headers: dict[str, str], secret_headers: tuple[str, ...], limit: int,
                    deadline: float, silent_deadline: float, label: str | None,
                    answer: str | None = None) -> Response:
        import requests

        host = host_of(url)
        read = min(self.settings.read_timeout, deadline - time.monotonic(),
                   max(0.1, silent_deadline - time.monotonic()))
        timeout = (self.settings.connect_timeout, max(0.1, read))
        try:
            try:
                r = self._open(url, headers, secret_headers, timeout)
            except requests.exceptions.RequestException as exc:
                # the host that failed: one a redirect sent kb to is named, never the host asked in its stead
                if getattr(exc, "request", None) is not None and exc.request.url:
                    host = reached(url, exc.request.url)
                proxy_failed(exc, exc.request.url if getattr(exc, "request", None) is not None else url, host)
                raise
        except requests.exceptions.TooManyRedirects:
            raise NetworkError(f"{host}: too many redirects for {url}") from None
        except requests.exceptions.ConnectTimeout:
            raise _Retryable("connection timed out", host) from None
        except requests.exceptions.ReadTimeout:
            raise _Silent(f"no answer within {timeout[1]:.0f} s", host) from None
        except requests.exceptions.ConnectionError as exc:
            text = str(exc)
            if "Connection refused" in text:
                raise _Refused("connection refused", host) from None
            if "Name or service not known" in text or "Temporary failure in name resolution" in text \
                    or "nodename nor servname" in text or "No address associated" in text:
                raise NetworkError(f"cannot reach {host}: the name does not resolve "
                                   "(no network?)") from None
            if "timed out" in text.lower():
                raise _Silent(f"no answer within {timeout[1]:.0f} s", host) from None
            unreadable = not_http(exc)
            if unreadable is not None:
                raise NetworkError(f"{host} sent an answer that is not HTTP kb can read ({unreadable}); nothing was "
                                   "kept", hint="the server is misbehaving; try again later") from None
            raise _Retryable("connection failed", host) from None
        except requests.exceptions.InvalidURL as exc:
            raise NetworkError(f"invalid URL {url}: {exc}") from None
        except requests.exceptions.InvalidHeader as exc:
            raise NetworkError(f"{host} sent an answer with a header kb cannot read ({_one_line(exc)}): "
                               "kb cannot tell where its answer ends; nothing was kept",
                               hint="the server is misbehaving; try again later") from None
        except requests.exceptions.RequestException as exc:
            raise NetworkError(f"{host}: {type(exc).__name__}") from None
        host = reached(url, r.url)
        try:
            headers_out = {k.lower(): v for k, v in r.headers.items()}
            refuse_unknown_coding(host, headers_out.get("content-encoding"))
            declared_n = declared_length(host, headers_out)
            if declared_n is not None and declared_n > limit:
                raise self._over_limit(host, limit, answer, r, declared_n)
            chunks: list[bytes] = []
            got = 0
            last_report = 0.0
            try:
                # read1 returns what has arrived, so a trickling server cannot
                # hold us past the deadline between checks.
                while True:
                    try:
                        chunk = r.raw.read1(65536, decode_content=True)
                    except urllib3_errors() as exc:
                        if type(exc).__name__ == "DecodeError":      # the bytes came; undoing their encoding failed
                            encoding = r.headers.get("Content-Encoding", "its")
                            raise NetworkError(f"{host} sent an answer whose {encoding} encoding is broken "
                                               f"(it cannot be decompressed, after {got:,} bytes)",
                                               hint="try again later") from None
                        raise requests.exceptions.ConnectionError(str(exc)) from None
                    if not chunk:
                        break
                    got += len(chunk)
                    if got > limit:
                        raise self._over_limit(host, limit, answer, r)
                    if time.monotonic() > deadline:
                        raise NetworkError(f"{host}: download too slow, stopped after "
                                           f"{self.settings.total_timeout:.0f} s ({got:,} bytes)",
                                           hint="raise KB_TOTAL_TIMEOUT")
                    chunks.append(chunk)
                    if self.progress and label and time.monotonic() - last_report > 0.2:
                        self.progress(label, got, declared_n)
                        last_report = time.monotonic()
            except requests.exceptions.ChunkedEncodingError:
                raise NetworkError(f"{host}: the download was cut off after {got:,} bytes "
                                   "(truncated response)") from None
            except requests.exceptions.ConnectionError as exc:
                if "IncompleteRead" in str(exc) or "Connection broken" in str(exc):
                    raise NetworkError(f"{host}: the download was cut off after {got:,} bytes "
                                       "(truncated response)") from None
                if "timed out" in str(exc).lower():
                    if time.monotonic() >= deadline - 0.05:
                        # the read's wait was what the total time left allowed: the download as a whole was
                        # too slow, not silent (a dripping server on a loaded machine said 'no data for 0 s')
                        raise NetworkError(f"{host}: download too slow, stopped after "
                                           f"{self.settings.total_timeout:.0f} s ({got:,} bytes)",
                                           hint="raise KB_TOTAL_TIMEOUT") from None
                    raise _Silent(f"no data for {timeout[1]:.0f} s mid-download", host) from None
                raise NetworkError(f"{host}: connection lost after {got:,} bytes") from None
            except requests.exceptions.RequestException as exc:
                raise NetworkError(f"{host}: download failed ({type(exc).__name__})") from None
            # Content-Length counts the bytes sent: of a compressed answer (Content-Encoding), those read off the
            # wire, never the bytes once decompressed (a short record sent gzip-compressed is longer sent than held)
            sent = _wire_bytes(r, got) if headers_out.get("content-encoding") else got
            if declared_n is not None and sent < declared_n and r.status_code == 200:
                got = sent
                raise NetworkError(f"{host}: the download was cut off: {got:,} of "
                                   f"{declared_n:,} bytes (truncated response)")
            if r.status_code == 200 and got == 0 and declared_n is None \
                    and "chunked" not in headers_out.get("transfer-encoding", "").lower():
                # nothing says where this answer ends but the connection closing, and it closed before a byte of
                # it: a server that hung up in its head ('Content-Type: application/atom+xml\r\nContent-Le')
                # was read as a whole empty answer, said '0 bytes instead of an Atom feed'
                raise NetworkError(f"{host}: the download was cut off: the connection closed before any of its "
                                   "answer came, its head perhaps cut short too (truncated response); nothing was "
                                   "kept", hint="try again later")
            coding = headers_out.get("content-encoding", "").strip()
            if coding and coding.lower() != "identity" and r.status_code == 200 and sent == 0:
                # Content-Length: 0 marked gzip is no compressed stream at all, never one cut in transit
                size = "Content-Length: 0" if declared_n == 0 else "0 bytes"
                raise NetworkError(f"{host} sent an empty answer ({size}) marked {said(coding, 30)}-"
                                   "compressed: it holds no compressed stream at all; nothing was kept",
                                   hint="the server is misbehaving; try again later")
            if headers_out.get("content-encoding") and r.status_code == 200 and compressed_cut(r):
                raise NetworkError(f"{host}: the download was cut off: its compressed stream "
                                   f"({said(r.headers['Content-Encoding'], 30)}) stops before its end ({got:,} bytes "
                                   "once decompressed; truncated response); nothing was kept", hint="try again later")
            if self.progress and label:
                self.progress(label, got, declared_n or got)
            return Response(r.url, r.status_code, headers_out, b"".join(chunks))
        finally:
            r.close()

    def _over_limit(self, host: str, limit: int, answer: str | None, r, declared: int | None = None) -> KBError:
        """The answer is larger than kb takes: a PDF over the download limit (which the user
        may raise), or a small answer (a feed, JSON) that is no such answer."""
        encoding = r.headers.get("Content-Encoding", "").strip()
        if answer is None:
            if declared is not None:
                return LimitExceeded(f"{host}: response of {declared:,} bytes is over the limit of {limit:,}",
                                     hint="raise KB_MAX_DOWNLOAD_MB")
            return LimitExceeded(f"{host}: response is over the limit of {limit:,} bytes",
                                 hint="raise KB_MAX_DOWNLOAD_MB")
        size = f"{declared:,} bytes" if declared is not None else f"over {limit // (1024 * 1024):,} MB"
        sent = ""
        if declared is None and encoding and encoding.lower() != "identity":
            try:
                sent = f" once decompressed (from {int(r.raw.tell()):,} bytes sent {encoding}-compressed)"
            except (AttributeError, TypeError, ValueError, OSError):
                sent = f" once decompressed (sent {encoding}-compressed)"
        return NetworkError(f"{host} sent an answer of {size}{sent} where {answer} was expected: far more "
                            f"than such an answer holds (kb reads at most {limit // (1024 * 1024):,} MB of it); "
                            "nothing was kept",
                            hint="the server is misbehaving; try again later")

    def _open(self, url: str, headers: dict[str, str], secret_headers: tuple[str, ...], timeout):
        """session.get, following redirects; with secret headers, by hand, sending the
        secrets only while the host is the one asked (requests strips Authorization
        across hosts, not custom headers such as x-api-key)."""
        import requests

        if not secret_headers:
            return self.session.get(url, headers=headers, timeout=timeout, stream=True)
        first_host = host_of(url)
        for _ in range(MAX_REDIRECTS + 1):
            send = headers if host_of(url) == first_host else \
                {k: v for k, v in headers.items() if k not in secret_headers}
            r = self.session.get(url, headers=send, timeout=timeout, stream=True, allow_redirects=False)
            location = r.headers.get("location")
            if r.status_code not in (301, 302, 303, 307, 308) or not location:
                return r
            r.close()
            url = urllib.parse.urljoin(url, location)
        raise requests.exceptions.TooManyRedirects()


def _refuse_odd_redirect(response, *args, **kwargs):
    """requests' hook on every answer, before it follows a redirect: one to an address that is
    not http(s) (file://, ftp://) or that urllib cannot split ('http://[::1') is a NetworkError
    naming it, where requests said 'InvalidSchema' or raised an internal error (ValueError)."""
    if not response.is_redirect:
        return response
    location = response.headers.get("location", "")
    try:
        parts = split_url(urllib.parse.urljoin(response.url, location))
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        response.close()
        raise NetworkError(f"{host_of(response.url)} redirected kb to {said(location, 100)}, which kb does not "
                           "follow: it asks http and https addresses only",
                           hint="the server is misbehaving; try again later")
    came = split_url(response.url)
    where, scope = _scope(parts.hostname), _scope(came.hostname or "") if came else None
    if where in _INWARD and (where != scope or where in _NEVER_FOLLOWED):
        response.close()
        raise NetworkError(f"{host_of(response.url)} redirected kb to {said(location, 100)}, {_INWARD[where]}, "
                           "which kb does not follow from a host elsewhere: a request there could reach this "
                           "machine's or its network's own services",
                           hint="the server is misbehaving; try again later")
    return response


_INWARD = {"loopback": "an address of this machine", "private": "a private network's address",
           "link-local": "a link-local address", "reserved": "a reserved address"}
_NEVER_FOLLOWED = ("link-local", "reserved")    # cloud metadata services answer at 169.254.169.254


def _scope(host: str) -> str | None:
    """Which kind of address `host` is when it is written as one ('127.0.0.1', '[fe80::1]', 'localhost'):
    "loopback", "private", "link-local", "reserved" or "global"; None for any other name (never looked
    up: an answer of the DNS can change between this look and the request)."""
    import ipaddress

    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return "loopback"
    try:
        ip = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        # the forms of an IPv4 address the system's resolver reads as one without asking the DNS ('2130706433',
        # '0x7f.1', '127.1': 127.0.0.1)
        import socket

        if not re.fullmatch(r"[0-9a-fx.]+", host) or not re.search(r"\d", host):
            return None
        try:
            ip = ipaddress.ip_address(socket.inet_aton(host))
        except OSError:
            return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_unspecified or ip.is_multicast or ip.is_reserved:
        return "reserved"
    if ip.is_private or ip in ipaddress.ip_network("100.64.0.0/10"):
        return "private"
    return "global"


_CHARSET = lazy(r"(?i);\s*charset\s*=\s*([^;]+)")
_LOGIN_PATH = lazy(r"(?i)(?:^|[/_.-])(?:log-?in|log-?on|sign-?in|sso|auth\w*|cas|captive|portal|session)(?:$|[/_.?-])")
_PASSWORD_FIELD = lazy(rb"(?i)<input[^>]*\btype\s*=\s*[\"']?password")


def redirect_target(asked: str, response: Response) -> str | None:
    """Where a redirect sent the request for `asked`, as a person reads it (scheme, host and
    path: a query may carry a session token); None when the answer came from `asked` itself."""
    final = urllib.parse.urlsplit(response.url)
    if final._replace(fragment="") == urllib.parse.urlsplit(asked)._replace(fragment=""):
        return None
    return urllib.parse.urlunsplit((final.scheme, final.netloc, final.path, "", ""))


def looks_like_login(response: Response) -> bool:
    """A page asking to sign in: a password field, or a path a sign-in page lives at."""
    return bool(_PASSWORD_FIELD.search(response.content[:262144])
                or _LOGIN_PATH.search(urllib.parse.urlsplit(response.url).path))


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


def _wire_bytes(r, got: int) -> int:
    """The bytes of an answer read off the connection (before its Content-Encoding is undone), as urllib3
    counts them; `got` where it cannot say."""
    try:
        sent = r.raw.tell()
    except (AttributeError, OSError, ValueError):
        return got
    return sent if isinstance(sent, int) else got


def not_http(exc: BaseException) -> str | None:
    """What made the head of an answer no HTTP kb reads, as a person reads it, when that is why `exc` was raised:
    a status line that is none ('ICY 200 OK', a binary blob), a header line over http.client's 65,536 bytes, more
    than its 100 headers. None for a connection that failed otherwise (one closed before any answer,
    RemoteDisconnected, is retried as any failed connection). Each was 'connection failed (gave up after 4
    attempts)': asked again 3 times, and what the server sent said nowhere."""
    import http.client

    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if id(item) in seen or not isinstance(item, BaseException):
            continue
        seen.add(id(item))
        if isinstance(item, http.client.RemoteDisconnected):
            return None
        if isinstance(item, http.client.BadStatusLine):
            line = item.args[0] if item.args and isinstance(item.args[0], str) else ""
            return f"its status line is {said(line.strip(), 60)}" if line.strip() else "its status line is empty"
        if isinstance(item, http.client.LineTooLong):
            return "a line of its head is longer than 65,536 bytes"
        if isinstance(item, http.client.HTTPException) and "more than" in str(item) and "headers" in str(item):
            return "it has more than 100 header lines"
        todo += [*item.args, item.__cause__, item.__context__]
    return None


def compressed_cut(r) -> bool:
    """Whether a gzip- or deflate-compressed answer, read to its end, stopped before its compressed stream ended:
    cut in transit where nothing else tells (an answer ended by closing the connection, or a Content-Length
    counting the bytes cut), which urllib3 hands over as the part it could decompress ('Content-Encoding: gzip'
    of an Atom feed, a BibTeX or a PDF cut 40 bytes before its end was read as whole, its start kept as the
    answer). False where kb cannot tell (a coding whose decoder says nothing of its end: br, zstd), and for a
    stream urllib3 stopped reading past its end (bytes after a whole gzip member that are none). A lone byte after a
    whole member is read as a member begun (zlib waits for a gzip header's second byte): refused, never guessed."""
    decoder = getattr(r.raw, "_decoder", None)
    if decoder is None:
        return False
    for one in getattr(decoder, "_decoders", None) or [decoder]:
        if type(one).__name__ not in ("GzipDecoder", "DeflateDecoder"):
            continue
        if getattr(one, "_state", 0) not in (0, 1):
            continue            # bytes after a member that are none (urllib3's state 2): dropped, as gzip does
        # a member begun and not ended, the first or a later one (urllib3's state 1: a body of concatenated
        # members, gzip(a) + gzip(b) cut 12 bytes before its end, was read as a and the start of b)
        if getattr(getattr(one, "_obj", None), "eof", True) is False:
            return True
    return False


def refuse_unknown_coding(host: str, coding: str | None) -> None:
    """An answer compressed in a coding kb cannot undo (br or zstd without their modules, one nobody knows) is
    refused before it is read: its bytes would be taken as they came, compressed, for a feed, JSON or a PDF.
    kb asks only for the codings it can undo (Accept-Encoding), so a server sending another is misbehaving."""
    if not coding:
        return
    from urllib3.util.request import ACCEPT_ENCODING
    known = {c.strip() for c in ACCEPT_ENCODING.lower().split(",")} | {"identity", "x-gzip", ""}
    unknown = [c.strip() for c in coding.lower().split(",") if c.strip() not in known]
    if unknown:
        shown = ascii(unknown[0][:40]) if len(unknown) == 1 else ascii(", ".join(unknown)[:60])
        raise NetworkError(f"{host} sent an answer compressed as {shown}, which kb cannot undo "
                           f"(it asks for {ACCEPT_ENCODING.replace(',', ', ')} only); nothing was kept",
                           hint="the server is misbehaving; try again later")


def declared_length(host: str, headers: dict[str, str]) -> int | None:
    """The size an answer's Content-Length promises; None when it has none. A value that is
    no size (not digits, negative, two different values) is refused at once: an HTTP library
    reads such an answer until the server closes the connection, which a server keeping it
    open never does (kb would wait for its read timeout, then retry)."""
    declared = headers.get("content-length")
    if declared is None or "chunked" in headers.get("transfer-encoding", "").lower():
        return None         # a chunked answer says where it ends itself (RFC 9112 6.3)
    values = {v.strip() for v in declared.split(",")}
    if len(values) == 1:
        value = values.pop()
        if value.isascii() and value.isdigit():
            return int(value)
    shown_value = declared if len(declared) <= 60 else declared[:60] + "..."
    raise NetworkError(f"{host} sent a Content-Length of {shown_value!r}, which is not one size in bytes: "
                       "kb cannot tell where its answer ends; nothing was kept",
                       hint="the server is misbehaving; try again later")


def proxy_failed(exc: BaseException, url: str, host: str) -> None:
    """Raise what `exc` is when a proxy the environment names (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY) is
    what failed: one that refuses or does not resolve (retried, as a server that does), or an address no
    proxy kb can use (a SOCKS proxy, '[::1', ftp://). It was said as the server asked ('127.0.0.1:5:
    connection refused', 'invalid URL http://...', 'InvalidSchema'), the variable named nowhere."""
    import requests
    import requests.utils

    if not isinstance(exc, (requests.exceptions.ProxyError, requests.exceptions.InvalidURL,
                            requests.exceptions.InvalidSchema)):
        return
    try:
        proxy = requests.utils.select_proxy(url, requests.utils.get_environ_proxies(url))
    except ValueError:
        proxy = None
    if not proxy:
        return
    scheme = (split_url(url) or urllib.parse.urlsplit("http://x")).scheme.lower()
    names = (f"{scheme}_proxy", f"{scheme.upper()}_PROXY", "all_proxy", "ALL_PROXY")
    var = next((n for n in names if os.environ.get(n) == proxy), f"{scheme.upper()}_PROXY")
    if isinstance(exc, requests.exceptions.ProxyError):
        text = str(exc)
        why = "refused the connection" if "refused" in text.lower() else \
            "has a name that does not resolve" if "resolve" in text or "not known" in text else "could not be reached"
        raise _Retryable(f"the proxy {said(proxy, 80)} ({var}) {why}; check or unset {var}",
                         f"{host} through a proxy")
    raise NetworkError(f"the proxy {said(proxy, 80)} set in {var} is no proxy kb can use ({_one_line(exc)})",
                       hint=f"fix or unset {var}")


def urllib3_errors() -> tuple[type[BaseException], ...]:
    import urllib3.exceptions as e

    return (e.ProtocolError, e.ReadTimeoutError, e.IncompleteRead, e.DecodeError, OSError)


#: The least pause before asking again an address where nothing listens: with KB_BACKOFF=0 kb asked it
#: thousands of times a second until KB_REFUSED_TIMEOUT, and after 1,024 attempts the doubled wait
#: overflowed (an internal error).
REFUSED_PAUSE = 0.05


def _doubled(backoff: float, attempt: int) -> float:
    """The wait before attempt `attempt + 1`: `backoff` doubled per attempt, its doubling bounded (2 ** 1024
    is no float); the deadlines bound the wait itself."""
    return backoff * 2.0 ** min(attempt - 1, 30)


class _Retryable(Exception):
    """`where`: the host that failed, when a redirect sent kb to another than the one asked."""

    def __init__(self, reason: str, where: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.where = where


class _Silent(_Retryable):
    """The server took the connection but sent nothing in time."""


class _Refused(_Retryable):
    """Nothing listens at the address."""


class Unusable(NetworkError):
    """An answer that arrived whole but that kb cannot use (raised by a `validate`): never cached."""


class HTTPStatusError(NetworkError):
    """A non-retryable HTTP status; callers turn it into a specific message."""

    def __init__(self, response: Response):
        self.response = response
        super().__init__(f"{host_of(response.url)} answered HTTP {response.status} for {response.url}")
