"""RSS 0.9x/1.0/2.0 and Atom documents to entries, via feedparser on correctly decoded input.

A document that yields no feed is ``not_a_feed`` when it is an HTML page or JSON (a wrong URL, a
portal's front page, a login wall), else ``parse`` with the XML error.
"""

import re
from calendar import timegm
from dataclasses import dataclass
from datetime import UTC, datetime

import feedparser

from service.collect.dates import parse_date
from service.collect.decode import as_utf8_xml
from service.collect.entries import Entry
from service.collect.extract import html_to_text

# an HTML page (real pages are rarely well-formed XML, so feedparser reports an XML error) or JSON
_NOT_XML_FEED = re.compile(r"^\s*[{\[]|<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)


class FeedError(Exception):
    """A document that is not a readable feed."""

    def __init__(self, error_class: str, message: str):
        super().__init__(message)
        self.error_class = error_class
        self.message = message


@dataclass
class ParsedFeed:
    title: str
    entries: list[Entry]
    ttl_seconds: float | None = None
    warning: str | None = None  # feedparser's bozo exception class, when it recovered


def parse_feed(text: str, *, url: str, now: datetime) -> ParsedFeed:
    """Entries of a feed document that was already decoded to text."""
    body = as_utf8_xml(text)
    parsed = feedparser.parse(
        body,
        response_headers={"content-type": "application/xml; charset=utf-8",
                          "content-location": url},
    )
    version = parsed.get("version") or ""
    feed = parsed.get("feed", {})
    if not version and not parsed.entries:
        if parsed.get("bozo") and not _NOT_XML_FEED.search(text[:4096]):
            problem = _bozo_text(parsed.get("bozo_exception"))
            raise FeedError("parse", f"无法解析的订阅源（XML 错误：{problem}）")
        raise FeedError("not_a_feed",
                        "内容不是 RSS 或 Atom 订阅源（可能是网页，应配置为 html 类型）")
    entries = [_entry(raw, now) for raw in parsed.entries]
    warning = type(parsed.bozo_exception).__name__ if parsed.get("bozo") else None
    return ParsedFeed(
        title=html_to_text(feed.get("title", "")),
        entries=entries,
        ttl_seconds=_ttl(feed.get("ttl")),
        warning=warning,
    )


def _entry(raw, now: datetime) -> Entry:
    summary_html = raw.get("summary", "") or ""
    content_html = ""
    if raw.get("content"):
        content_html = "\n".join(part.get("value", "") for part in raw["content"])
    summary = html_to_text(summary_html)
    content = html_to_text(content_html) if content_html else summary
    return Entry(
        title=" ".join(html_to_text(raw.get("title", "")).split()),
        url=raw.get("link") or None,
        guid=(raw.get("id") or "").strip() or None,
        summary=summary,
        content=content,
        published_at=_published(raw, now),
    )


def _published(raw, now: datetime) -> datetime | None:
    # feedparser reads a zone-less time as UTC; ours reads it as Beijing time
    for key in ("published", "updated", "created", "dc_date"):
        if value := parse_date(raw.get(key), now=now):
            return value
    for key in ("published_parsed", "updated_parsed"):
        if parsed := raw.get(key):
            return datetime.fromtimestamp(timegm(parsed), UTC)
    return None


def _ttl(value) -> float | None:
    try:
        minutes = float(value)
    except (TypeError, ValueError):
        return None
    return minutes * 60 if minutes > 0 else None


def _bozo_text(exc) -> str:
    if exc is None:
        return "未知错误"
    message = str(getattr(exc, "getMessage", lambda: exc)())
    return message[:200]
