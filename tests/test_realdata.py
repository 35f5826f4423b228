"""Real-world Chinese feeds from ../shared/data (GB2312, Big5, UTF-8), collected end to end."""

import html
import re
from pathlib import Path

import pytest
from lxml import etree
from sqlmodel import Session, select

from service.collect.decode import decode_document
from service.models import Item, Source
from tests.collecting import run_cycles
from tests.conftest import SHARED_DATA, install_sources
from tests.servers import Reply

pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is not here"),
]
_DECLARED = re.compile(rb"""encoding\s*=\s*["'][^"']+["']""")


def real_feeds() -> list[Path]:
    """Every feed file of the chardet CJK test set and the xwlb feed."""
    return sorted([*SHARED_DATA.glob("chardet-cjk-feeds/*/*.xml"),
                   *SHARED_DATA.glob("xwlb-rss-feed/*.xml")])


def source_id(path: Path) -> str:
    """A source id made from the feed's folder and file name."""
    return f"{path.parent.name}.{path.stem}".lower()


def fold(text: str | None) -> str:
    """Whitespace folded to single spaces."""
    return " ".join((text or "").split())


def own_entries(body: bytes) -> list[dict]:
    """Title, GUID and link of each item/entry as lxml's recovering parser reads the raw bytes."""
    root = etree.fromstring(body, etree.XMLParser(recover=True))
    entries = []
    for node in root.iter() if root is not None else []:
        if not isinstance(node.tag, str) or etree.QName(node).localname not in ("item", "entry"):
            continue
        fields: dict[str, str] = {}
        for child in node:
            if isinstance(child.tag, str):
                name = etree.QName(child).localname
                value = child.get("href") if name == "link" and child.get("href") else \
                    "".join(child.itertext())
                fields.setdefault(name, value.strip())
        entries.append({"title": fold(html.unescape(fields.get("title", ""))),
                        "guid": fields.get("guid") or fields.get("id"),
                        "link": fields.get("link")})
    return entries


def matching_item(entry: dict, position: int, items: list[Item]) -> Item:
    """Our item for one of the feed's entries: by GUID, else by link, else by position."""
    if entry["guid"]:
        found = [i for i in items if i.guid == entry["guid"]]
    elif entry["link"]:
        found = [i for i in items if i.url == entry["link"]]
    else:
        found = []
    return found[0] if len(found) == 1 else items[position]


def test_real_feeds_are_collected_without_mojibake(engine, settings, clock, site):
    feeds = real_feeds()
    assert len(feeds) >= 20
    lines = []
    for path in feeds:
        # a bare text/xml: RFC 3023 would make it us-ascii; the declaration has to win
        url = site.route(f"/{path.parent.name}/{path.name}",
                         Reply(body=path.read_bytes(), headers={"Content-Type": "text/xml"}))
        lines.append(f"  - {{id: '{source_id(path)}', name: '{path.stem}', kind: rss, "
                     f"url: '{url}'}}")
    install_sources(engine, settings, clock, "sources:\n" + "\n".join(lines) + "\n")

    [report] = run_cycles(engine, settings, clock)

    failed = {r.outcome.source_id: r.outcome.error_message for r in report.sources
              if not r.outcome.ok}
    assert failed == {} and len(report.sources) == len(feeds)
    with Session(engine) as session:
        items = session.exec(select(Item).order_by(Item.id)).all()
        rows = session.exec(select(Source)).all()
    assert all(row.last_error_class is None for row in rows)
    assert [i.title for i in items if "\ufffd" in i.title + i.summary + i.content] == []
    compared = 0
    for path in feeds:
        ours = [i for i in items if i.source_id == source_id(path)]
        theirs = own_entries(path.read_bytes())
        assert len(ours) >= len(theirs) > 0, path.name
        for position, entry in enumerate(theirs):
            assert fold(matching_item(entry, position, ours).title) == entry["title"], path.name
            compared += 1
    assert compared >= 300
    encodings = {(row.id.split(".")[0], row.detected_encoding) for row in rows}
    assert encodings == {("big5", "big5hkscs"), ("gb2312", "gb18030"), ("xwlb-rss-feed", "utf-8")}


def test_real_feeds_without_their_declaration_are_detected():
    for path in real_feeds():
        body = path.read_bytes()
        declared = decode_document(body)
        undeclared = decode_document(_DECLARED.sub(b"", body, count=1), http_charset="iso-8859-1")
        assert undeclared.encoding == declared.encoding, path.name
        assert undeclared.text == _DECLARED.sub(b"", declared.text.encode(), count=1).decode()
