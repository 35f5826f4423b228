"""One source, end to end, without the database: fetch, decode, parse, complete, key.

The caller persists the outcome (``store.save_outcome``); this module never raises for a bad
source, it describes what went wrong in the outcome instead.
"""

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import httpx

from service.clock import Clock
from service.collect.decode import DecodeError, decode_document
from service.collect.entries import Entry, assign_keys, content_hash
from service.collect.extract import extract_article
from service.collect.feeds import FeedError, parse_feed
from service.collect.fetcher import FetchError, FetchPolicy, HostLimits, HostPacer, fetch
from service.collect.html_list import parse_list_page
from service.sources.schema import Kind, SourceConfig

log = logging.getLogger(__name__)

KnownKeys = Callable[[str, list[str]], Awaitable[set[str]]]

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
               "*/*;q=0.5")
HTML_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass
class SourceSnapshot:
    """What a refresh needs to know about a source, detached from the database session."""

    config: SourceConfig
    etag: str | None = None
    last_modified: str | None = None
    last_full_fetch_at: datetime | None = None
    interval_seconds: float = 0.0
    consecutive_failures: int = 0
    is_down: bool = False

    @property
    def id(self) -> str:
        return self.config.id


@dataclass
class RefreshOutcome:
    source_id: str
    started_at: datetime
    finished_at: datetime | None = None
    status: int | None = None
    not_modified: bool = False
    entries: list[Entry] = field(default_factory=list)
    error_class: str | None = None
    error_message: str | None = None
    retry_after: float | None = None
    etag: str | None = None
    last_modified: str | None = None
    conditional: bool = False
    max_age: float | None = None
    ttl: float | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        """The source answered with a usable document (or 304)."""
        return self.error_class is None


@dataclass
class RefreshContext:
    """The shared parts every refresh in a cycle uses."""

    client: httpx.AsyncClient
    policy: FetchPolicy
    limits: HostLimits
    pacer: HostPacer
    clock: Clock
    known_keys: KnownKeys | None = None
    item_pages_per_fetch: int = 10
    unconditional_after: timedelta = timedelta(hours=12)
    parser: "DocumentParser | None" = None  # runs parse_document elsewhere (another process)


@dataclass
class ParsedDocument:
    """What ``parse_document`` read from a fetched document (plain data, so it pickles)."""

    entries: list[Entry] = field(default_factory=list)
    encoding: str | None = None
    ttl: float | None = None
    warnings: list[str] = field(default_factory=list)
    error_class: str | None = None
    error_message: str | None = None


DocumentParser = Callable[..., Awaitable[ParsedDocument]]


def parse_document(body: bytes, *, charset: str | None, url: str, config: SourceConfig,
                   now: datetime) -> ParsedDocument:
    """Decode, parse and key a fetched document; never raises for a bad document.

    CPU only, no I/O and no shared state, so a caller may run it in another process
    (``RefreshContext.parser``) while the event loop goes on fetching.
    """
    parsed = ParsedDocument()
    try:
        decoded = decode_document(body, http_charset=charset, override=config.encoding)
        parsed.encoding = decoded.encoding
        if decoded.declared:
            parsed.warnings.append(f"charset {decoded.declared} overruled by {decoded.encoding}")
        entries = _parse(decoded.text, url, config, parsed, now)
        parsed.entries = assign_keys([e for e in entries if e.title or e.url or e.content])
    except DecodeError as exc:
        parsed.error_class, parsed.error_message = DecodeError.error_class, str(exc)
    except FeedError as exc:
        parsed.error_class, parsed.error_message = exc.error_class, exc.message
    return parsed


async def refresh_source(source: SourceSnapshot, ctx: RefreshContext) -> RefreshOutcome:
    """Fetch one source and describe the result; never raises for a bad source."""
    now = ctx.clock.now()
    started = time.monotonic()
    outcome = RefreshOutcome(source_id=source.id, started_at=now)
    config = source.config
    # Some servers answer 304 forever; fetch without validators now and then (tt-rss does 12 h)
    stale = (source.last_full_fetch_at is None
             or now - source.last_full_fetch_at > ctx.unconditional_after)
    outcome.conditional = not stale and bool(source.etag or source.last_modified)
    try:
        result = await fetch(
            ctx.client, str(config.url), policy=ctx.policy, limits=ctx.limits,
            etag=source.etag if outcome.conditional else None,
            last_modified=source.last_modified if outcome.conditional else None,
            headers=config.headers, accept=HTML_ACCEPT if config.kind is Kind.html else FEED_ACCEPT,
        )
        outcome.status = result.status
        outcome.etag = result.etag or (source.etag if result.not_modified else None)
        outcome.last_modified = result.last_modified or (
            source.last_modified if result.not_modified else None)
        outcome.max_age = result.max_age
        if result.not_modified:
            outcome.not_modified = True
            outcome.elapsed = time.monotonic() - started
            return _finish(outcome, ctx)
        parse = ctx.parser or _parse_here
        parsed = await parse(result.body, charset=result.charset, url=result.url, config=config,
                             now=now)
        outcome.encoding, outcome.ttl = parsed.encoding, parsed.ttl
        outcome.warnings.extend(parsed.warnings)
        if parsed.error_class is not None:
            _fail(outcome, parsed.error_class, parsed.error_message or "")
        else:
            entries = parsed.entries
            if config.full_text or config.kind is Kind.html:
                deferred = await _complete_new_entries(entries, config, ctx, outcome)
                entries = [e for e in entries if e.key not in deferred]
            outcome.entries = entries
    except FetchError as exc:
        outcome.status = exc.status
        _fail(outcome, exc.error_class, exc.message, retry_after=exc.retry_after)
    except Exception as exc:  # a bug must not stop the other sources of the cycle
        log.exception("refresh of %s failed unexpectedly", source.id)
        _fail(outcome, "internal", f"内部错误：{type(exc).__name__}: {exc}")
    outcome.elapsed = time.monotonic() - started
    return _finish(outcome, ctx)


async def _parse_here(body: bytes, **kwargs) -> ParsedDocument:
    return parse_document(body, **kwargs)


def _parse(text: str, url: str, config: SourceConfig, parsed: ParsedDocument, now: datetime):
    if config.kind is Kind.html:
        assert config.html is not None
        return parse_list_page(text, url=url, selectors=config.html, now=now)
    feed = parse_feed(text, url=url, now=now)
    parsed.ttl = feed.ttl_seconds
    if feed.warning:
        parsed.warnings.append(f"feed recovered from {feed.warning}")
    return feed.entries


async def _complete_new_entries(entries: list[Entry], config: SourceConfig, ctx: RefreshContext,
                                outcome: RefreshOutcome) -> set[str]:
    """Fetch the article page of entries not stored yet and take its main text.

    Returns the keys of entries to leave for the next refresh: those over the per-fetch limit
    and those whose page failed for a passing reason (timeout, 5xx, rate limit), so an entry of
    a site without a feed is never stored without its text just because its page was slow. A
    page that is gone (4xx) or unreadable is final: the entry is stored with what the list had.
    """
    known = await ctx.known_keys(config.id, [e.key for e in entries]) if ctx.known_keys else set()
    fresh = [e for e in entries if e.key not in known and e.url]
    selector = config.html.content if config.html else None
    deferred = {e.key for e in fresh[ctx.item_pages_per_fetch:]}
    for entry in fresh[: ctx.item_pages_per_fetch]:
        await ctx.pacer.wait(entry.url)
        try:
            page = await fetch(ctx.client, entry.url, policy=ctx.policy, limits=ctx.limits,
                               headers=config.headers, accept=HTML_ACCEPT)
            decoded = decode_document(page.body, http_charset=page.charset,
                                      override=config.encoding)
            text = extract_article(decoded.text, url=page.url, selector=selector)
        except FetchError as exc:
            outcome.warnings.append(f"item page {entry.url}: {exc}")
            if exc.error_class not in PERMANENT_PAGE_ERRORS:
                deferred.add(entry.key)
            continue
        except DecodeError as exc:
            outcome.warnings.append(f"item page {entry.url}: {exc}")
            continue
        if text:
            entry.content = text
            entry.content_hash = content_hash(entry.title, text)
    if deferred:
        outcome.warnings.append(f"{len(deferred)} new entries left for the next refresh")
    return deferred


PERMANENT_PAGE_ERRORS = frozenset({"http_client_error", "too_large", "invalid_url", "empty",
                                   "redirect_loop", "too_many_redirects"})


def _fail(outcome: RefreshOutcome, error_class: str, message: str, *, retry_after=None) -> None:
    outcome.error_class, outcome.error_message = error_class, message
    outcome.retry_after = retry_after
    outcome.entries = []


def _finish(outcome: RefreshOutcome, ctx: RefreshContext) -> RefreshOutcome:
    outcome.finished_at = ctx.clock.now()
    return outcome
