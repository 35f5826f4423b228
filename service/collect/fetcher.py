"""HTTP fetching: builds the request, reads the response within limits, says what it means.

Conditional GET (RFC 9110 §13), redirects followed by hand so loops and hops are counted, a body
cap enforced while streaming (after content decoding, so a gzip bomb is caught), Retry-After
honoured as seconds or an HTTP date (RFC 9110 §10.2.3).
"""

import asyncio
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

_REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A fetch that gave no usable document; ``error_class`` is a stable English identifier."""

    def __init__(self, error_class: str, message: str, *, status: int | None = None,
                 retry_after: float | None = None):
        super().__init__(message)
        self.error_class = error_class
        self.message = message
        self.status = status
        self.retry_after = retry_after


@dataclass
class FetchPolicy:
    """Limits every fetch obeys."""

    user_agent: str
    timeout: float = 20.0
    connect_timeout: float = 10.0
    max_bytes: int = 15 * 1024 * 1024
    max_redirects: int = 5


@dataclass
class FetchResult:
    url: str
    status: int
    body: bytes = b""
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    max_age: float | None = None
    elapsed: float = 0.0

    @property
    def not_modified(self) -> bool:
        """The server answered 304: nothing new since the validators we sent."""
        return self.status == 304


@dataclass
class HostLimits:
    """A global cap on requests in flight and a smaller one per host."""

    total: int = 64
    per_host: int = 2
    _global: asyncio.Semaphore | None = None
    _hosts: dict[str, asyncio.Semaphore] = field(default_factory=dict)

    def slot(self, url: str) -> "_Slot":
        """An async context that holds one global and one per-host slot."""
        if self._global is None:
            self._global = asyncio.Semaphore(self.total)
        host = urlsplit(url).hostname or ""
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self.per_host)
        return _Slot(self._global, self._hosts[host])


class _Slot:
    def __init__(self, outer: asyncio.Semaphore, inner: asyncio.Semaphore):
        self._outer, self._inner = outer, inner

    async def __aenter__(self):
        await self._inner.acquire()
        try:
            await self._outer.acquire()
        except BaseException:
            self._inner.release()
            raise

    async def __aexit__(self, *exc):
        self._outer.release()
        self._inner.release()


class HostPacer:
    """Keeps at least ``gap`` seconds between the starts of requests to one host."""

    def __init__(self, gap: float):
        self.gap = gap
        self._next: dict[str, float] = defaultdict(float)
        self._locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def wait(self, url: str) -> None:
        """Sleep until this host may be asked again."""
        host = urlsplit(url).hostname or ""
        async with self._locks[host]:
            delay = self._next[host] - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            self._next[host] = time.monotonic() + self.gap


def make_client(policy: FetchPolicy, *, max_connections: int = 100) -> httpx.AsyncClient:
    """The shared HTTP client; redirects are followed by ``fetch`` itself."""
    timeout = httpx.Timeout(policy.timeout, connect=policy.connect_timeout)
    limits = httpx.Limits(max_connections=max_connections,
                          max_keepalive_connections=max_connections)
    return httpx.AsyncClient(
        timeout=timeout,
        limits=limits,
        follow_redirects=False,
        headers={"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate"},
    )


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    *,
    policy: FetchPolicy,
    limits: HostLimits | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    headers: Mapping[str, str] | None = None,
    accept: str = "*/*",
) -> FetchResult:
    """GET ``url`` once (following redirects) and return the document or raise FetchError."""
    request_headers = {"Accept": accept, **(headers or {})}
    if etag:
        request_headers["If-None-Match"] = etag
    if last_modified:
        request_headers["If-Modified-Since"] = last_modified
    if limits is None:
        return await _fetch_with_deadline(client, url, request_headers, policy)
    async with limits.slot(url):
        return await _fetch_with_deadline(client, url, request_headers, policy)


async def _fetch_with_deadline(client, url, headers, policy: FetchPolicy) -> FetchResult:
    started = time.monotonic()
    try:
        async with asyncio.timeout(policy.timeout):
            result = await _follow(client, url, headers, policy)
    except TimeoutError:
        raise FetchError("timeout", f"请求超时：{policy.timeout:g} 秒内未读完响应") from None
    except httpx.ConnectTimeout:
        raise FetchError("timeout", f"连接超时（{policy.connect_timeout:g} 秒）") from None
    except httpx.TimeoutException:
        raise FetchError("timeout", f"读取超时（{policy.timeout:g} 秒）") from None
    except httpx.ConnectError as exc:
        raise FetchError("connection", f"无法连接服务器：{_reason(exc)}") from None
    except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
        raise FetchError("protocol", f"连接异常中断：{_reason(exc)}") from None
    except httpx.DecodingError as exc:
        raise FetchError("protocol", f"响应压缩数据损坏：{_reason(exc)}") from None
    except httpx.InvalidURL as exc:
        raise FetchError("invalid_url", f"地址无效：{exc}") from None
    except httpx.HTTPError as exc:
        raise FetchError("protocol", f"HTTP 错误：{_reason(exc)}") from None
    result.elapsed = time.monotonic() - started
    return result


async def _follow(client: httpx.AsyncClient, url: str, headers, policy: FetchPolicy) -> FetchResult:
    visited: list[str] = []
    while True:
        if url in visited:
            raise FetchError("redirect_loop", f"重定向形成循环：{' → '.join([*visited, url])}")
        visited.append(url)
        async with client.stream("GET", url, headers=headers) as response:
            if response.status_code in _REDIRECTS and "location" in response.headers:
                if len(visited) > policy.max_redirects:
                    raise FetchError(
                        "too_many_redirects", f"重定向超过 {policy.max_redirects} 次",
                        status=response.status_code,
                    )
                url = urljoin(url, response.headers["location"])
                continue
            return await _read(response, url, policy)


async def _read(response: httpx.Response, url: str, policy: FetchPolicy) -> FetchResult:
    status = response.status_code
    if status == 304:
        return _result(response, url, b"")
    if status in (429, 503):
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        label = "请求过于频繁（429）" if status == 429 else "服务暂时不可用（503）"
        hint = f"，服务器要求 {retry_after:.0f} 秒后再试" if retry_after is not None else ""
        raise FetchError("rate_limited" if status == 429 else "unavailable", label + hint,
                         status=status, retry_after=retry_after)
    if status >= 400:
        error_class = "http_client_error" if status < 500 else "http_server_error"
        raise FetchError(error_class, f"服务器返回 HTTP {status}", status=status)
    if status >= 300:
        raise FetchError("http_redirect_without_location", f"HTTP {status} 但没有 Location",
                         status=status)
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError("too_large", _too_large(policy.max_bytes), status=status)
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError("too_large", _too_large(policy.max_bytes), status=status)
        chunks.append(chunk)
    body = b"".join(chunks)
    if not body.strip():
        raise FetchError("empty", "服务器返回了空内容", status=status)
    return _result(response, url, body)


def _result(response: httpx.Response, url: str, body: bytes) -> FetchResult:
    content_type = response.headers.get("content-type")
    return FetchResult(
        url=url,
        status=response.status_code,
        body=body,
        content_type=content_type.split(";")[0].strip().lower() if content_type else None,
        charset=response.charset_encoding,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        max_age=_max_age(response.headers.get("cache-control")),
    )


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())


def _max_age(cache_control: str | None) -> float | None:
    if not cache_control:
        return None
    for directive in cache_control.split(","):
        name, _, value = directive.strip().partition("=")
        if name.lower() == "max-age" and value.strip().isdigit():
            return float(value)
    return None


def _too_large(limit: int) -> str:
    return f"响应超过 {limit / 1048576:g} MiB 上限"


def _reason(exc: Exception) -> str:
    return str(exc) or type(exc).__name__
