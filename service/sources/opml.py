"""`yuqing sources import-opml`: add the feeds of an OPML file to sources.yaml."""

from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from service.configfile import ConfigError, read_yaml
from service.sources.schema import SourcesFile, load_sources, slugify


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # URLs already present


def read_opml(path: Path) -> list[dict]:
    """The feed outlines of an OPML file: title, xmlUrl, type and the folder they sit in."""
    try:
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    except (OSError, etree.XMLSyntaxError) as exc:
        line = getattr(exc, "lineno", None)
        raise ConfigError(path, [(line, "", f"not a readable OPML file: {exc}")]) from None
    feeds = []
    for outline in tree.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if not url:
            continue
        parent = outline.getparent()
        folder = parent.get("title") or parent.get("text") if parent.tag == "outline" else None
        feeds.append({
            "title": (outline.get("title") or outline.get("text") or "").strip(),
            "url": url.strip(),
            "type": (outline.get("type") or "rss").lower(),
            "folder": folder,
            "line": outline.sourceline,
        })
    return feeds


def import_opml(opml: Path, sources_path: Path) -> ImportReport:
    """Append OPML feeds not yet in sources.yaml; comments and order of the file are kept."""
    current = load_sources(sources_path)
    root = read_yaml(sources_path) or CommentedMap()
    entries = root.setdefault("sources", CommentedSeq())
    taken_ids = {s.id for s in current.sources}
    taken_urls = {str(s.url).rstrip("/") for s in current.sources}
    report = ImportReport()
    for feed in read_opml(opml):
        if feed["url"].rstrip("/") in taken_urls:
            report.skipped.append(feed["url"])
            continue
        source_id = _unique_id(feed, taken_ids)
        entry = CommentedMap()
        entry["id"] = source_id
        entry["name"] = feed["title"] or urlsplit(feed["url"]).netloc
        entry["kind"] = "atom" if "atom" in feed["type"] else "rss"
        entry["url"] = feed["url"]
        if feed["folder"]:
            entry["tags"] = [feed["folder"]]
        entries.append(entry)
        taken_ids.add(source_id)
        taken_urls.add(feed["url"].rstrip("/"))
        report.added.append(source_id)
    if report.added:
        yaml = YAML(typ="rt")
        yaml.indent(mapping=2, sequence=4, offset=2)
        buffer = StringIO()
        yaml.dump(root, buffer)
        SourcesFile.model_validate(YAML(typ="safe").load(buffer.getvalue()))
        sources_path.write_text(buffer.getvalue(), encoding="utf-8")
    return report


def _unique_id(feed: dict, taken: set[str]) -> str:
    parts = urlsplit(feed["url"])
    base = slugify(feed["title"]) if feed["title"].isascii() and feed["title"] else ""
    base = base or slugify(f"{parts.hostname or ''}{parts.path}")
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base[:60]}-{n}"
        n += 1
    return candidate
