"""Entries as the collector sees them, and the keys that make each one unique within a source."""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track who shared or clicked a link (WeChat, Weibo, Toutiao, UTM ...)
TRACKING_PARAMS = frozenset({
    "spm", "from", "isappinstalled", "share_token", "share_source", "sharer_shareid",
    "scene", "clicktime", "enterid", "wfr", "vd_source", "share_from", "share_medium",
    "share_plat", "share_session_id", "share_tag", "timestamp", "tt_from", "utm_source",
    "fbclid", "gclid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "ref", "ref_src",
})


@dataclass
class Entry:
    """One entry read from a feed or a list page, before it is stored."""

    title: str
    url: str | None = None
    guid: str | None = None
    summary: str = ""
    content: str = ""
    published_at: datetime | None = None
    key: str = ""
    content_hash: str = ""
    canonical_url: str | None = None


def canonical_url(url: str | None) -> str | None:
    """The URL without fragment, default port or tracking parameters, host in lower case."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return url.strip()
    netloc = parts.hostname.lower()
    if port and (parts.scheme, port) not in (("http", 80), ("https", 443)):
        netloc += f":{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith("utm_")
    ]
    return urlunsplit((parts.scheme, netloc, parts.path or "/", urlencode(sorted(query)), ""))


def content_hash(title: str, text: str) -> str:
    """SHA-256 over the title and text with white space folded."""
    normal = " ".join(title.split()) + "\n" + " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def assign_keys(entries: list[Entry]) -> list[Entry]:
    """Give each entry its dedup key: GUID, else canonical URL, else title+content hash.

    The URL in a key keeps its fragment: blogs and archive pages link each entry to an anchor
    on one shared page (``archive.html#109424958546889584``). A GUID that several entries of one
    document share (a broken feed) is combined with the URL, and with the content hash when the
    URLs agree too, so distinct entries stay distinct. Entries that come out identical are kept
    once.
    """
    guid_counts: dict[str, int] = {}
    for entry in entries:
        entry.canonical_url = canonical_url(entry.url)
        entry.content_hash = content_hash(entry.title, entry.content or entry.summary)
        if entry.guid:
            guid_counts[entry.guid] = guid_counts.get(entry.guid, 0) + 1
    unique: dict[str, Entry] = {}
    for entry in entries:
        url = _keyed_url(entry)
        if entry.guid and guid_counts[entry.guid] > 1:
            basis = f"guid:{entry.guid}|{url or ''}|{entry.content_hash}"
        elif entry.guid:
            basis = f"guid:{entry.guid}"
        elif url:
            basis = f"url:{url}"
        else:
            basis = f"hash:{entry.content_hash}"
        entry.key = hashlib.sha256(basis.encode("utf-8")).hexdigest()
        unique.setdefault(entry.key, entry)
    return list(unique.values())


def _keyed_url(entry: Entry) -> str | None:
    """The canonical URL with the entry's own fragment, if it has one."""
    if not entry.canonical_url or not entry.url or "#" not in entry.url:
        return entry.canonical_url
    fragment = entry.url.strip().partition("#")[2]
    return f"{entry.canonical_url}#{fragment}" if fragment else entry.canonical_url
