"""The one HTTP client: polite, bounded, retried, rate-limited, cached.

Every request kb makes goes through `Client.get`. It sends a User-Agent naming
kb, keeps to a per-service spacing (arXiv: one request every 3 s, shared by all
kb processes through a lock file), retries 429/5xx with backoff that honours
Retry-After, bounds each call by a total deadline and a maximum size, and
caches successful API answers. Base URLs come from environment variables so
tests can point them at a local server.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kb.atomic import file_lock, write_bytes
from kb.errors import LimitExceeded, NetworkError
from kb.version import VERSION

RETRY_STATUSES = {429, 500, 502, 503, 504}


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise NetworkError(f"{name}={raw!r} is not a number") from None


def endpoint(name: str) -> str:
    """Base URLs, overridable by environment variables."""
    defaults = {
        "KB_ARXIV_API_URL": "https://export.arxiv.org/api/query",
        "KB_ARXIV_PDF_URL": "https://arxiv.org/pdf",
        "KB_DOI_URL": "https://doi.org",
        "KB_CROSSREF_URL": "https://api.crossref.org",
        "KB_S2_API_URL": "https://api.semanticscholar.org",
    }
    return (os.environ.get(name) or defaults[name]).rstrip("/")


@dataclass
class Settings:
    """Timeouts, limits and spacing, read from the environment once per client."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 180.0       # one call, retries included
    retries: int = 3
    backoff: float = 2.0               # seconds, doubled per retry
    max_retry_after: float = 120.0     # longer Retry-After: give up and say so
    max_bytes: int = 200 * 1024 * 1024
    spacing: dict[str, float] = field(default_factory=dict)
    offline: bool = False
    user_agent: str = ""

    @classmethod
    def from_env(cls) -> "Settings":
        contact = os.environ.get("KB_MAILTO", "")
        ua = f"kb/{VERSION} (literature-and-claims knowledge base; https://github.com/kb-tools/kb"
        ua += f"; mailto:{contact})" if contact else ")"
        return cls(
            connect_timeout=_env_float("KB_CONNECT_TIMEOUT", 10.0),
            read_timeout=_env_float("KB_READ_TIMEOUT", 30.0),
            total_timeout=_env_float("KB_TOTAL_TIMEOUT", 180.0),
            retries=int(_env_float("KB_RETRIES", 3)),
            backoff=_env_float("KB_BACKOFF", 2.0),
            max_retry_after=_env_float("KB_MAX_RETRY_AFTER", 120.0),
            max_bytes=int(_env_float("KB_MAX_DOWNLOAD_MB", 200) * 1024 * 1024),
            spacing={
                "arxiv": _env_float("KB_ARXIV_DELAY", 3.0),
                "s2": _env_float("KB_S2_DELAY", 1.0),
                "doi": _env_float("KB_DOI_DELAY", 0.0),
            },
            offline=os.environ.get("KB_OFFLINE", "") not in ("", "0"),
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
        return self.content.decode("utf-8", errors="replace")

    def json(self):
        try:
            return json.loads(self.content)
        except ValueError:
            raise NetworkError(f"{host_of(self.url)} sent something that is not JSON "
                               f"({self.content[:60]!r}...)") from None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def host_of(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return parts.netloc or url


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    import email.utils      # stdlib, but 10 ms at start-up (sockets): only for a date here

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class Client:
    """HTTP for kb. `cache_dir` holds the cached answers and the rate-limit stamps
    shared by every kb process; `tmp_dir` is where atomic writes are prepared."""

    def __init__(self, cache_dir: Path, tmp_dir: Path, settings: Settings | None = None,
                 progress: Callable[[str, int, int | None], None] | None = None):
        self.cache_dir = Path(cache_dir)
        self.tmp_dir = Path(tmp_dir)
        self.settings = settings or Settings.from_env()
        self.progress = progress
        self._session = None

    # -- plumbing -------------------------------------------------------
    @property
    def session(self):
        if self._session is None:
            import requests

            s = requests.Session()
            s.headers["User-Agent"] = self.settings.user_agent
            s.max_redirects = 5
            self._session = s
        return self._session

    def _wait_turn(self, service: str) -> None:
        """Keep `service`'s spacing across every kb process on this machine."""
        spacing = self.settings.spacing.get(service, 0.0)
        if spacing <= 0:
            return
        stamp = self.cache_dir / f"ratelimit-{service}"
        with file_lock(stamp.with_suffix(".lock"), timeout=max(60.0, spacing * 20)):
            try:
                last = float(stamp.read_text())
            except (OSError, ValueError):
                last = 0.0
            wait = last + spacing - time.time()
            if wait > 0:
                time.sleep(min(wait, spacing))
            write_bytes(stamp, repr(time.time()).encode(), self.tmp_dir)

    def _cache_path(self, url: str, headers: dict[str, str]) -> Path:
        key = json.dumps([url, sorted(headers.items())]).encode()
        return self.cache_dir / (hashlib.sha256(key).hexdigest() + ".json")

    # -- the call -------------------------------------------------------
    def get(self, url: str, *, service: str = "other", headers: dict[str, str] | None = None,
            params: dict[str, str] | None = None, cache_ttl: float | None = None,
            max_bytes: int | None = None, accept_statuses: tuple[int, ...] = (200,),
            label: str | None = None) -> Response:
        """GET `url`; raise NetworkError with the host and what went wrong.

        Statuses in `accept_statuses` are returned; other 4xx raise at once;
        429/5xx are retried. `cache_ttl` seconds: serve a cached 200 if fresh.
        """
        headers = dict(headers or {})
        if params:
            url = url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        host = host_of(url)
        cache_file = self._cache_path(url, headers) if cache_ttl else None
        if cache_file and cache_file.is_file():
            try:
                entry = json.loads(cache_file.read_text("utf-8"))
                if time.time() - entry["fetched_at"] < cache_ttl:
                    return Response(entry["url"], entry["status"], entry["headers"],
                                    entry["body"].encode("utf-8"), from_cache=True)
            except (OSError, ValueError, KeyError):
                pass
        if self.settings.offline:
            raise NetworkError(f"offline: kb would need to fetch {url}",
                               hint="run without --offline / KB_OFFLINE when the network is there")
        limit = max_bytes or self.settings.max_bytes
        deadline = time.monotonic() + self.settings.total_timeout
        attempt = 0
        while True:
            attempt += 1
            self._wait_turn(service)
            try:
                response = self._fetch_once(url, headers, limit, deadline, label)
            except _Retryable as exc:
                if attempt > self.settings.retries:
                    raise NetworkError(f"{host}: {exc.reason} (gave up after {attempt} attempts)") from None
                delay = self.settings.backoff * (2 ** (attempt - 1))
                self._sleep_before_retry(host, delay, deadline, exc.reason)
                continue
            if response.status in accept_statuses:
                break
            if response.status in RETRY_STATUSES:
                if attempt > self.settings.retries:
                    raise NetworkError(f"{host} answered HTTP {response.status} "
                                       f"(gave up after {attempt} attempts)",
                                       hint="try again later")
                retry_after = parse_retry_after(response.headers.get("retry-after"))
                if retry_after is not None and retry_after > self.settings.max_retry_after:
                    raise NetworkError(f"{host} answered HTTP {response.status} and asks to "
                                       f"retry after {retry_after:.0f} s",
                                       hint="try again later")
                delay = self.settings.backoff * (2 ** (attempt - 1))
                if retry_after is not None:
                    delay = max(delay, retry_after)
                self._sleep_before_retry(host, delay, deadline, f"HTTP {response.status}")
                continue
            raise HTTPStatusError(response)
        if cache_file and response.status == 200:
            entry = {"url": response.url, "status": response.status, "headers": response.headers,
                     "body": response.content.decode("utf-8", errors="replace"),
                     "fetched_at": time.time()}
            write_bytes(cache_file, json.dumps(entry).encode(), self.tmp_dir)
        return response

    def _sleep_before_retry(self, host: str, delay: float, deadline: float, reason: str) -> None:
        if time.monotonic() + delay > deadline:
            raise NetworkError(f"{host}: {reason}; no time left to retry within "
                               f"{self.settings.total_timeout:.0f} s",
                               hint="raise KB_TOTAL_TIMEOUT or try again later")
        time.sleep(delay)

    def _fetch_once(self, url: str, headers: dict[str, str], limit: int, deadline: float,
                    label: str | None) -> Response:
        import requests

        host = host_of(url)
        timeout = (self.settings.connect_timeout,
                   max(0.1, min(self.settings.read_timeout, deadline - time.monotonic())))
        try:
            r = self.session.get(url, headers=headers, timeout=timeout, stream=True)
        except requests.exceptions.TooManyRedirects:
            raise NetworkError(f"{host}: too many redirects for {url}") from None
        except requests.exceptions.ConnectTimeout:
            raise _Retryable("connection timed out") from None
        except requests.exceptions.ReadTimeout:
            raise _Retryable(f"no answer within {timeout[1]:.0f} s") from None
        except requests.exceptions.ConnectionError as exc:
            text = str(exc)
            if "Connection refused" in text:
                raise _Retryable("connection refused") from None
            if "Name or service not known" in text or "Temporary failure in name resolution" in text \
                    or "nodename nor servname" in text or "No address associated" in text:
                raise NetworkError(f"cannot reach {host}: the name does not resolve "
                                   "(no network?)") from None
            raise _Retryable("connection failed") from None
        except requests.exceptions.InvalidURL as exc:
            raise NetworkError(f"invalid URL {url}: {exc}") from None
        except requests.exceptions.RequestException as exc:
            raise NetworkError(f"{host}: {type(exc).__name__}") from None
        try:
            headers_out = {k.lower(): v for k, v in r.headers.items()}
            declared = headers_out.get("content-length")
            try:
                declared_n = int(declared) if declared else None
            except ValueError:
                declared_n = None
            if declared_n is not None and declared_n > limit:
                raise LimitExceeded(f"{host}: response of {declared_n:,} bytes is over the "
                                    f"limit of {limit:,}", hint="raise KB_MAX_DOWNLOAD_MB")
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
                        raise requests.exceptions.ConnectionError(str(exc)) from None
                    if not chunk:
                        break
                    got += len(chunk)
                    if got > limit:
                        raise LimitExceeded(f"{host}: response is over the limit of {limit:,} bytes",
                                            hint="raise KB_MAX_DOWNLOAD_MB")
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
                    raise _Retryable(f"no data for {timeout[1]:.0f} s mid-download") from None
                raise NetworkError(f"{host}: connection lost after {got:,} bytes") from None
            except requests.exceptions.RequestException as exc:
                raise NetworkError(f"{host}: download failed ({type(exc).__name__})") from None
            if declared_n is not None and got < declared_n and r.status_code == 200:
                raise NetworkError(f"{host}: the download was cut off: {got:,} of "
                                   f"{declared_n:,} bytes (truncated response)")
            if self.progress and label:
                self.progress(label, got, declared_n or got)
            return Response(r.url, r.status_code, headers_out, b"".join(chunks))
        finally:
            r.close()


def urllib3_errors() -> tuple[type[BaseException], ...]:
    import urllib3.exceptions as e

    return (e.ProtocolError, e.ReadTimeoutError, e.IncompleteRead, e.DecodeError, OSError)


class _Retryable(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class HTTPStatusError(NetworkError):
    """A non-retryable HTTP status; callers turn it into a specific message."""

    def __init__(self, response: Response):
        self.response = response
        super().__init__(f"{host_of(response.url)} answered HTTP {response.status} for {response.url}")
