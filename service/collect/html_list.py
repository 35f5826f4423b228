"""Entries read off the list page of a site without a feed, by the CSS selectors in sources.yaml."""

import re
from datetime import datetime
from urllib.parse import urljoin

from lxml import etree

from service.collect.dates import parse_date
from service.collect.entries import Entry
from service.collect.extract import element_text, html_document
from service.collect.feeds import FeedError
from service.sources.schema import HtmlSelectors


def parse_list_page(text: str, *, url: str, selectors: HtmlSelectors, now: datetime) -> list[Entry]:
    """One entry per element matched by ``selectors.list``; one without a real link is skipped."""
    try:
        root = html_document(text)
    except (etree.ParserError, ValueError) as exc:
        raise FeedError("parse", f"无法解析网页：{exc}") from None
    nodes = root.cssselect(selectors.list)
    if not nodes:
        raise FeedError("selector",
                        f"列表选择器 {selectors.list!r} 在页面上没有匹配到任何条目（网页改版？）")
    entries = []
    for node in nodes:
        link_node = _first(node, selectors.link)
        href = link_node.get("href") if link_node is not None else None
        if not href or href.strip().lower().startswith(("javascript:", "#", "mailto:")):
            continue
        title_node = _first(node, selectors.title)
        title, trailing_date = _title(title_node, link_node)
        summary_node = _first(node, selectors.summary) if selectors.summary else None
        date_node = _first(node, selectors.date) if selectors.date else None
        summary = element_text(summary_node) if summary_node is not None else ""
        date_text = element_text(date_node) if date_node is not None else trailing_date
        published = parse_date(date_text, now=now) if date_text else None
        entries.append(Entry(
            title=title,
            url=urljoin(url, href.strip()),
            summary=summary,
            content=summary,
            published_at=published,
        ))
    if not entries:
        raise FeedError("selector", f"链接选择器 {selectors.link!r} 在列表条目中没有找到链接")
    return entries


def _title(title_node, link_node) -> tuple[str, str | None]:
    """The entry's title, and a date that list pages often glue onto its end.

    A title cut short with an ellipsis on the page is taken from the ``title`` attribute,
    which such sites fill with the whole title.
    """
    text = " ".join(element_text(title_node).split()) if title_node is not None else ""
    attribute = next((n.get("title").strip() for n in (title_node, link_node)
                      if n is not None and (n.get("title") or "").strip()), "")
    if attribute and (len(text) < 4 or text.endswith(("…", "...", "..")) and len(attribute) > 4):
        text = " ".join(attribute.split())
    match = _TRAILING_DATE.search(text)
    if match and match.start() >= 4:
        return text[:match.start()].rstrip(), match.group(1)
    return text, None


_TRAILING_DATE = re.compile(
    r"\s*[\[［(（]?(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)[\]］)）]?\s*$")


def _first(node, selector: str):
    found = node.cssselect(selector)
    if found:
        return found[0]
    # the list selector may already point at the link itself
    return node if _matches(node, selector) else None


def _matches(node, selector: str) -> bool:
    parent = node.getparent()
    return parent is not None and node in parent.cssselect(selector)
