"""Plain text from HTML: feed summaries, and the main text of an article page."""

import re
from functools import cache

import lxml.html
from lxml import etree

_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "hr"}
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_NEWLINES = re.compile(r"\s*\n\s*")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def html_to_text(fragment: str | None) -> str:
    """Readable plain text of an HTML fragment, paragraphs on their own lines."""
    if not fragment:
        return ""
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(re.sub(r"<[^>]+>", " ", fragment))
    return element_text(root)


def html_document(text: str):
    """The parsed page; an XHTML page's XML declaration is dropped (lxml refuses it in a str)."""
    return lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))


def element_text(element) -> str:
    """Plain text of a parsed element, with block elements on their own lines."""
    for bad in list(element.iter(*_DROP_TAGS)):
        if bad.getparent() is not None:
            bad.drop_tree()
    parts: list[str] = []
    _walk(element, parts)
    return _tidy("".join(parts))


def _walk(element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag.lower() in _BLOCK_TAGS
    if block:
        parts.append("\n")
    if element.text and isinstance(element.tag, str):
        parts.append(element.text)
    for child in element:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n")


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text)
    return _NEWLINES.sub("\n", text).strip()


def extract_article(html: str, *, url: str | None = None, selector: str | None = None) -> str:
    """The article text of a page: the configured selector if given, else trafilatura.

    trafilatura's minimum sizes are lowered because short Chinese notices (通知, 通报) carry
    their whole message in under 250 characters.
    """
    if selector:
        try:
            root = html_document(html)
        except (etree.ParserError, ValueError):
            return ""
        found = root.cssselect(selector)
        if found:
            return "\n".join(t for t in (element_text(node) for node in found) if t)
    import trafilatura

    text = trafilatura.extract(
        html, url=url, config=_trafilatura_config(), include_comments=False,
        include_tables=True, favor_recall=True, deduplicate=False,
    )
    return _tidy(text or "")


@cache
def _trafilatura_config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "20")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "10")
    config.set("DEFAULT", "MIN_EXTRACTED_COMM_SIZE", "10")
    config.set("DEFAULT", "MIN_OUTPUT_COMM_SIZE", "10")
    return config
