"""Entries read off the list page of a site without a feed, by the CSS selectors in sources.yaml."""

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
        title = element_text(title_node) if title_node is not None else ""
        if title_node is not None and len(title) < 4 and title_node.get("title"):
            title = title_node.get("title").strip()
        summary_node = _first(node, selectors.summary) if selectors.summary else None
        date_node = _first(node, selectors.date) if selectors.date else None
        summary = element_text(summary_node) if summary_node is not None else ""
        published = parse_date(element_text(date_node), now=now) if date_node is not None else None
        entries.append(Entry(
            title=" ".join((title or link_node.get("title") or "").split()),
            url=urljoin(url, href.strip()),
            summary=summary,
            content=summary,
            published_at=published,
        ))
    if not entries:
        raise FeedError("selector", f"链接选择器 {selectors.link!r} 在列表条目中没有找到链接")
    return entries


def _first(node, selector: str):
    found = node.cssselect(selector)
    if found:
        return found[0]
    # the list selector may already point at the link itself
    return node if _matches(node, selector) else None


def _matches(node, selector: str) -> bool:
    parent = node.getparent()
    return parent is not None and node in parent.cssselect(selector)
