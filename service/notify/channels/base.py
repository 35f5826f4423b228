"""What a send attempt came to, and the HTTP plumbing the robot and webhook adapters share.

Nothing here raises for a vendor or network failure: every outcome becomes a ``SendResult``
that tells the outbox relay whether to retry, wait out a throttle, or dead-letter at once.
"""

import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import aiohttp

from service.notify.message import AlertMessage

USER_AGENT = "YuqingSentinel/0.1 (+notify)"
JSON_TYPE = "application/json; charset=utf-8"
MAX_REPLY_BYTES = 64 * 1024  # a vendor's reply is a few hundred bytes; more is read no further
_UNLISTED = re.compile(r"……另有(\d+)条未列出")


@dataclass
class SendResult:
    """The outcome of one send through one channel."""

    ok: bool
    retryable: bool = False  # network error, timeout, 5xx, rate limit: try again later
    rate_limited: bool = False  # the vendor throttled us (130101, 45009, 11232, HTTP 429)
    retry_after: float | None = None  # seconds the vendor asks us to wait
    config_error: bool = False  # will never succeed as configured: dead-letter at once
    code: str | None = None  # vendor errcode, HTTP status or SMTP code, as text
    detail: str = ""  # a short English description for the log and the ledger
    omitted: list[int] = field(default_factory=list)  # positions in messages a digest left out
    refused: list[str] = field(default_factory=list)  # email recipients the server refused


def retryable(code: str, detail: str, **kwargs) -> SendResult:
    """A failure worth trying again."""
    return SendResult(False, retryable=True, code=code, detail=detail, **kwargs)


def config_error(code: str, detail: str) -> SendResult:
    """A failure that will recur until someone fixes the configuration."""
    return SendResult(False, config_error=True, code=code, detail=detail)


def rate_limited(code: str, detail: str, retry_after: float | None) -> SendResult:
    """The vendor throttled us; wait ``retry_after`` seconds before the next send."""
    return SendResult(False, retryable=True, rate_limited=True, retry_after=retry_after,
                      code=code, detail=detail)


def omitted(messages: list[AlertMessage], body: bytes) -> list[int]:
    """Positions in ``messages`` of a digest's last alerts, for which there was no room.

    The renderer drops rows from the end and says how many: "……另有N条未列出".
    """
    found = _UNLISTED.search(body.decode(errors="replace")) if len(messages) > 1 else None
    count = int(found.group(1)) if found else 0
    return list(range(len(messages) - count, len(messages)))


@dataclass
class Reply:
    """A vendor's answer to a POST: status, headers (case-insensitive) and the body."""

    status_code: int
    headers: Mapping[str, str]
    content: bytes
    charset: str | None = None

    @property
    def text(self) -> str:
        try:
            return self.content.decode(self.charset or "utf-8", errors="replace")
        except LookupError:  # a charset Python does not know
            return self.content.decode("utf-8", errors="replace")

    def json(self):
        """The body as JSON; ValueError when it is not."""
        return json.loads(self.text)

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300


def retry_after(response: Reply) -> float | None:
    """The Retry-After header in seconds (RFC 9110 §10.2.3: seconds or an HTTP date)."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        return max(parsedate_to_datetime(value).timestamp() - time.time(), 0.0)
    except (TypeError, ValueError):
        return None


def short(text: str, limit: int = 300) -> str:
    """Text trimmed for a log line."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def post(client: aiohttp.ClientSession, url: str, body: bytes, *, timeout: float,
               headers: dict[str, str] | None = None) -> Reply | SendResult:
    """POST ``body`` as JSON; a network failure comes back as a retryable ``SendResult``.

    ``timeout`` bounds the whole exchange; redirects are not followed (the vendor's URL is the
    one to configure).
    """
    host = urlsplit(url).netloc
    all_headers = {"Content-Type": JSON_TYPE, "User-Agent": USER_AGENT, **(headers or {})}
    try:
        async with client.post(url, data=body, headers=all_headers, allow_redirects=False,
                               timeout=aiohttp.ClientTimeout(total=timeout)) as response:
            content = await response.content.read(MAX_REPLY_BYTES)
            return Reply(response.status, response.headers, content, response.charset)
    except TimeoutError as exc:  # aiohttp's timeouts are TimeoutErrors too
        return retryable("timeout", f"{type(exc).__name__} after {timeout:g}s posting to {host}")
    except aiohttp.ClientConnectorError as exc:
        return retryable("connect", f"cannot connect to {host}: {short(exc) or 'refused'}")
    except (aiohttp.InvalidURL, ValueError) as exc:
        return config_error("url", f"unusable URL {url!r}: {short(exc)}")
    except aiohttp.ClientError as exc:
        # a connection dropped, a malformed reply: the outcome is unknown, so a retry may
        # duplicate the message; the alert number in the text makes a duplicate recognisable
        return retryable("network", f"{type(exc).__name__} talking to {host}: {short(exc)}")


def by_status(response: Reply, vendor: str) -> SendResult:
    """Classify a response by its HTTP status alone."""
    status = response.status_code
    what = f"{vendor} answered HTTP {status}: {short(response.text, 200)}"
    if 200 <= status < 300:
        return SendResult(True, code=str(status), detail=f"{vendor} accepted (HTTP {status})")
    if status == 429:
        return rate_limited(str(status), what, retry_after(response))
    if status >= 500 or status == 408:
        return retryable(str(status), what, retry_after=retry_after(response))
    if 300 <= status < 400:
        where = response.headers.get("location", "")
        return config_error(str(status), f"{vendor} redirects to {where!r}; configure that URL")
    return config_error(str(status), what)


# what a vendor error code means for the relay
RATE, CONFIG, RETRY = "rate", "config", "retry"


def by_vendor_code(response: Reply, vendor: str, outcomes: dict[int, str], *,
                   throttle: float, code_keys: tuple[str, ...],
                   message_keys: tuple[str, ...]) -> SendResult:
    """Classify a robot's reply by the error code in its JSON body.

    The robots answer HTTP 200 even when they refuse a message, so the status alone proves
    nothing; an unknown code is retried, and dead-lettered by the relay after its attempts.
    """
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict) or not any(key in data for key in code_keys):
        result = by_status(response, vendor)
        if result.ok:  # 2xx without an errcode: not a reply we can trust
            return retryable(str(response.status_code), f"{vendor} gave an unreadable reply: "
                             f"{short(response.text, 200)!r}")
        return result
    code = next(data[key] for key in code_keys if key in data)
    message = next((str(data[key]) for key in message_keys if data.get(key)), "")
    try:
        code = int(code)
    except (TypeError, ValueError):
        return retryable(str(code), f"{vendor} gave a non-numeric code {code!r}: {message}")
    if code == 0 and response.is_success:
        return SendResult(True, code="0", detail=f"{vendor} accepted: {short(message, 100)}")
    detail = f"{vendor} errcode {code}: {short(message, 240)}"
    if response.status_code == 429:
        return rate_limited(str(code), detail, retry_after(response) or throttle)
    outcome = outcomes.get(code, RETRY)
    if outcome == RATE:
        return rate_limited(str(code), detail, retry_after(response) or throttle)
    if outcome == CONFIG:
        return config_error(str(code), detail)
    return retryable(str(code), detail, retry_after=retry_after(response))
