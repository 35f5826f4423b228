"""Bytes to text without silent mojibake.

Order of evidence: the source's override, a BOM, the HTTP charset, the document's own declaration
(XML declaration or ``<meta>``), then detection. gb2312/gbk are read as gb18030 (their superset),
big5 as big5hkscs and iso-8859-1 as windows-1252 (as browsers do). A candidate is used only when it
decodes strictly *and* the result is plausible Chinese or Latin text; otherwise the next one is
tried, and when none is, the document is an error. Detection tries UTF-8, GB18030 and Big5 first
and takes charset_normalizer's guess only when none of them gives plausible text: on Chinese bytes
its guess is often a Korean or legacy codepage that decodes without error.
"""

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from charset_normalizer import from_bytes

_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']", re.I)
_XML_DECL_TEXT = re.compile(
    r"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])([A-Za-z0-9._:-]+)([\"'])", re.I)
_META_CHARSET = re.compile(
    rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I
)
# keyed by Python's codec name (codecs.lookup(label).name)
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "ascii": "utf-8",
    "iso8859-1": "cp1252",
}
# labels that servers send and Python does not know (WHATWG Encoding Standard)
_ALIASES = {"x-gbk": "gb18030", "gb_2312-80": "gb18030", "chinese": "gb18030",
            "csgb2312": "gb18030", "x-x-big5": "big5hkscs", "x-user-defined": "cp1252"}
_CHINESE_CANDIDATES = ("utf-8", "gb18030", "big5hkscs")
# what Windows-1252 makes of the bytes 0x80-0x9F
_CP1252_SPECIALS = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))
_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
MAX_SUSPICIOUS_SHARE = 0.12


class DecodeError(Exception):
    """No candidate encoding gives plausible text."""

    error_class = "encoding"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    evidence: str  # override, bom, http, declared, detected
    declared: str | None = None  # what the document or header claimed, when it was overruled


def canonical_encoding(name: str | None) -> str | None:
    """The codec we read ``name`` with (its superset for GB and Big5), or None if unknown."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    try:
        codec = codecs.lookup(_ALIASES.get(label, label)).name
    except LookupError:
        return None
    return codecs.lookup(_SUPERSETS.get(codec, codec)).name


def declared_encoding(body: bytes) -> str | None:
    """The encoding named by an XML declaration or an HTML ``<meta>`` in the first 4 KiB."""
    head = body[:4096]
    if match := _XML_DECL.match(head):
        return match.group(1).decode("ascii")
    if match := _META_CHARSET.search(head):
        return match.group(1).decode("ascii")
    return None


def decode_document(
    body: bytes, *, http_charset: str | None = None, override: str | None = None
) -> Decoded:
    """Decode a fetched document; raises DecodeError rather than return implausible text."""
    if not body:
        raise DecodeError("响应内容为空")
    if override:
        codec = canonical_encoding(override) or override
        try:
            return Decoded(body.decode(codec), codec, "override")
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"按配置的编码 {override} 解码失败：第 {exc.start} 字节无效") from None
    for bom, codec in _BOMS:
        if body.startswith(bom):
            try:
                return Decoded(body.decode(codec), codecs.lookup(codec).name, "bom")
            except UnicodeDecodeError:
                break
    claims = [("http", http_charset), ("declared", declared_encoding(body))]
    overruled = None
    for evidence, name in claims:
        codec = canonical_encoding(name)
        if codec is None:
            continue
        text = _try_decode(body, codec)
        if text is not None and _share(codec, text) <= MAX_SUSPICIOUS_SHARE:
            return Decoded(text, codec, evidence, declared=overruled)
        overruled = overruled or name
    return _detect(body, overruled)


def _detect(body: bytes, overruled: str | None) -> Decoded:
    found = _most_plausible(body, _CHINESE_CANDIDATES) or _most_plausible(body, _guesses(body))
    if found:
        codec, text = found
        return Decoded(text, codec, "detected", declared=overruled)
    claim = f"声明的编码为 {overruled}，但" if overruled else ""
    raise DecodeError(f"{claim}无法可靠识别文本编码：任何候选编码（UTF-8、GB18030、Big5 等）"
                      "的解码结果都不是正常文字")


def _most_plausible(body: bytes, codecs_: tuple[str, ...]) -> tuple[str, str] | None:
    """The codec (and text) with the fewest suspicious characters, earlier ones winning ties."""
    scored = []
    for rank, codec in enumerate(codecs_):
        text = _try_decode(body, codec)
        if text is not None and (share := _share(codec, text)) <= MAX_SUSPICIOUS_SHARE:
            scored.append((share, rank, codec, text))
    if not scored:
        return None
    _, _, codec, text = min(scored)
    return codec, text


def _guesses(body: bytes) -> tuple[str, ...]:
    best = from_bytes(body[:65536]).best()
    guess = canonical_encoding(best.encoding) if best is not None else None
    return (guess,) if guess and guess not in _CHINESE_CANDIDATES else ()


def _try_decode(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _share(codec: str, text: str) -> float:
    # bytes that are not UTF-8 practically never decode as UTF-8: only strong signs count there
    return plausibility(text, weak_signs=not codec.startswith("utf"))


def plausibility(text: str, *, weak_signs: bool = True) -> float:
    """The share of non-ASCII characters that betray a wrong decoding (0 = clean text).

    Strong signs count always: C1 controls, U+FFFD, private-use or unassigned code points, and
    runs of three or more Latin-1/Windows-1252 characters in a row, which is what CJK bytes read
    as a Latin codepage look like (应急 → Ó¦¼±), while real Latin text (Café, São, °C, 埃隆·马斯克)
    has them one or two at a time. Weak signs (Han characters outside GB2312 and Big5 level 1,
    kana) count only once there are 8 non-ASCII characters: a short text may hold a rare name;
    and only with ``weak_signs``, which the decoder turns off for text that is valid UTF-8
    (Japanese, classical Chinese).
    """
    common = _common_han()
    considered = strong = weak = 0
    run: list[int] = []
    for char in text:
        code = ord(char)
        if 0x80 <= code <= 0x2FF or char in _CP1252_SPECIALS:
            run.append(code)
        elif run:
            strong += _latin_run_signs(run)
            run = []
        if code < 0x80:
            continue
        considered += 1
        if 0x4E00 <= code <= 0x9FFF:
            weak += char not in common
        elif 0xFF61 <= code <= 0xFF9F or 0x3040 <= code <= 0x30FF:  # kana: GBK/Big5 crossed
            weak += 1
        elif code == 0xFFFD or unicodedata.category(char) in ("Co", "Cn", "Cs"):
            strong += 1
    strong += _latin_run_signs(run)
    if not considered:
        return 0.0
    if considered < 8 or not weak_signs:
        return strong / considered
    return (strong + weak) / considered


def _latin_run_signs(run: list[int]) -> int:
    """Suspicious characters in a run of Latin-1/Windows-1252 characters (code points)."""
    latin = sum(0x80 <= code <= 0x2FF for code in run)
    if len(run) >= 3 and latin * 2 >= len(run):  # not mere punctuation such as ……” or ——“
        return len(run)
    return sum(code <= 0x9F for code in run)  # C1 controls


@cache
def _common_han() -> frozenset[str]:
    """Han characters of GB2312 and Big5 level 1: what ordinary Chinese text is made of."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            chars.add(bytes((lead, trail)).decode("gb2312", errors="ignore"))
    for lead in range(0xA4, 0xC7):
        for trail in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            chars.add(bytes((lead, trail)).decode("big5", errors="ignore"))
    chars.discard("")
    return frozenset(chars)


def as_utf8_xml(text: str) -> bytes:
    """The document as UTF-8 bytes, with its XML declaration (if any) saying so."""
    return _XML_DECL_TEXT.sub(r"\g<1>utf-8\g<3>", text, count=1).encode("utf-8")
