"""Bytes to text (decode.py) and Chinese date texts (dates.py), without the network."""

import codecs
from datetime import UTC, datetime

import pytest

from service.collect.dates import parse_date
from service.collect.decode import DecodeError, decode_document, plausibility

SIMPLIFIED = ("珠海市应急管理局发布暴雨红色预警",
              "各区要立即启动防汛一级应急响应，做好危险区域人员转移安置工作，确保群众生命安全。")
TRADITIONAL = ("臺北市政府消防局發布颱風警報",
               "各區公所應立即啟動防颱應變機制，做好危險區域人員疏散撤離工作，確保民眾生命安全。")
# 𠮷 (U+20BB7) lies outside the BMP: GB18030 writes it with four bytes, GBK cannot write it
FOUR_BYTE = ("𠮷野家门店发生燃气泄漏事故",
             "消防救援人员迅速到场处置，疏散顾客三十余人，现场无人员伤亡。")

# (what the document says, the codec it is written in, the text); gb2312/gbk read as gb18030
CASES = [
    pytest.param("gb2312", "gb2312", SIMPLIFIED, "gb18030", id="gb2312"),
    pytest.param("gbk", "gbk", SIMPLIFIED, "gb18030", id="gbk"),
    pytest.param("gb18030", "gb18030", FOUR_BYTE, "gb18030", id="gb18030-4byte"),
    pytest.param("big5", "big5", TRADITIONAL, "big5hkscs", id="big5"),
]
NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)  # 10:00 in Beijing


def feed(text: tuple[str, str], declared: str | None = None) -> str:
    """An RSS document with ``text`` as title and description, and an optional XML declaration."""
    title, description = text
    head = f'<?xml version="1.0" encoding="{declared}"?>\n' if declared else ""
    return (f'{head}<rss version="2.0"><channel><title>{title}</title>'
            f"<item><title>{title}</title><description>{description}</description></item>"
            "</channel></rss>")


@pytest.mark.parametrize(("name", "codec", "text", "reader"), CASES)
def test_declared_in_the_xml_declaration(name, codec, text, reader):
    body = feed(text, declared=name).encode(codec)
    decoded = decode_document(body)
    assert (decoded.encoding, decoded.evidence, decoded.declared) == (reader, "declared", None)
    assert text[0] in decoded.text and text[1] in decoded.text


@pytest.mark.parametrize(("name", "codec", "text", "reader"), CASES)
def test_undeclared_is_detected(name, codec, text, reader):
    body = feed(text).encode(codec)
    decoded = decode_document(body)
    assert (decoded.encoding, decoded.evidence) == (reader, "detected")
    assert decoded.text == feed(text)


@pytest.mark.parametrize("header", ["utf-8", "iso-8859-1"])
@pytest.mark.parametrize("declared", [True, False], ids=["declared", "undeclared"])
@pytest.mark.parametrize(("name", "codec", "text", "reader"), CASES)
def test_wrong_http_charset_is_overruled(name, codec, text, reader, declared, header):
    body = feed(text, declared=name if declared else None).encode(codec)
    decoded = decode_document(body, http_charset=header)
    assert decoded.encoding == reader
    assert decoded.evidence == ("declared" if declared else "detected")
    assert decoded.declared == header  # reported, so the source's row can say it was overruled
    assert text[0] in decoded.text and text[1] in decoded.text


@pytest.mark.parametrize("declared", ["utf-8", None], ids=["declared", "undeclared"])
def test_utf8_bytes_under_a_gbk_header(declared):
    body = feed(SIMPLIFIED, declared=declared).encode("utf-8")
    decoded = decode_document(body, http_charset="gbk")
    assert decoded.encoding == "utf-8" and decoded.declared == "gbk"
    assert SIMPLIFIED[1] in decoded.text


def test_a_right_http_charset_is_taken_first():
    body = feed(SIMPLIFIED).encode("gbk")
    decoded = decode_document(body, http_charset="GB2312")
    assert (decoded.encoding, decoded.evidence, decoded.declared) == ("gb18030", "http", None)


@pytest.mark.parametrize("mangle", [
    # a GBK page read as Latin-1 and saved again as UTF-8: 珠海市 → Öéº£ÊÐ
    pytest.param(lambda text: text.encode("gbk").decode("latin-1").encode("utf-8"),
                 id="gbk-latin1"),
    # UTF-8 encoded twice: 珠海市 → ç\x8f\xa0æµ·å¸\x82
    pytest.param(lambda text: text.encode("utf-8").decode("latin-1").encode("utf-8"),
                 id="double-utf8"),
    # the same through Windows-1252, as most CMSes do it: 珠海市 → ç\xa0æµ·å¸‚
    pytest.param(lambda text: text.encode("utf-8").decode("cp1252", "ignore").encode("utf-8"),
                 id="double-cp1252"),
])
@pytest.mark.parametrize("header", [None, "utf-8"])
def test_mojibake_is_an_error_not_text(mangle, header):
    body = mangle(feed(SIMPLIFIED))
    body.decode("utf-8")  # valid UTF-8: only the plausibility check can tell
    with pytest.raises(DecodeError, match="无法可靠识别文本编码") as caught:
        decode_document(body, http_charset=header)
    assert caught.value.error_class == "encoding"
    if header:
        assert "声明的编码为 utf-8" in str(caught.value)


def test_short_gbk_text_under_a_latin1_header():
    body = feed(("火灾", "无")).encode("gbk")  # 3 characters: too few to judge by rare Han
    decoded = decode_document(body, http_charset="iso-8859-1")
    assert (decoded.encoding, decoded.declared) == ("gb18030", "iso-8859-1")
    assert "<title>火灾</title>" in decoded.text


def test_detection_prefers_chinese_codecs_to_the_detectors_guess():
    # charset_normalizer calls these bytes cp949 (Korean): 火灾通报 would come out as 삽棟繫괩
    body = b'<rss version="2.0"><channel><item><title>' + "火灾通报".encode("gbk") + b"</title>"
    body += b"</item></channel></rss>"
    decoded = decode_document(body, http_charset="iso-8859-1")
    assert decoded.encoding == "gb18030" and "火灾通报" in decoded.text


def test_valid_utf8_is_not_judged_by_its_han_characters():
    japanese = ("気象庁：東京都で震度5弱の地震",
                "この地震による津波の心配はありません。けが人の情報は入っていません。")
    decoded = decode_document(feed(japanese).encode("utf-8"), http_charset="utf-8")
    assert (decoded.encoding, decoded.evidence) == ("utf-8", "http")
    assert plausibility(japanese[1]) > 0.5  # kana would condemn it in a GB or Big5 decoding


def test_latin_text_is_plausible():
    french = ("Sécurité civile : alerte météo",
              "Évacuation préventive à Marseille, tempête côtière")
    decoded = decode_document(feed(french).encode("latin-1"), http_charset="ISO-8859-1")
    assert (decoded.encoding, decoded.evidence) == ("cp1252", "http")
    assert french[1] in decoded.text
    assert plausibility("最高气温38°C，面积3×4米，埃隆·马斯克访华") == 0.0
    assert plausibility("他说：“快跑……”——话音未落") == 0.0


def test_plausibility_tells_clean_text_from_mojibake():
    clean = SIMPLIFIED[1] + TRADITIONAL[1]
    assert plausibility(clean) == 0.0
    assert plausibility(clean.encode("gbk", "ignore").decode("latin-1")) > 0.5
    assert plausibility(clean.encode("utf-8").decode("latin-1")) == 1.0  # C1 counted once
    assert plausibility("喆堃珺") == 0.0  # rare names: too little text to judge
    assert plausibility("»ðÔÖ") == 1.0  # but Latin runs are mojibake at any length


def test_override_beats_every_claim():
    body = feed(TRADITIONAL, declared="utf-8").encode("big5")
    decoded = decode_document(body, http_charset="gbk", override="big5")
    assert (decoded.encoding, decoded.evidence) == ("big5hkscs", "override")
    assert TRADITIONAL[0] in decoded.text


def test_override_that_does_not_fit_is_an_error():
    body = feed(FOUR_BYTE).encode("gb18030")
    with pytest.raises(DecodeError, match="按配置的编码 utf-8 解码失败：第 \\d+ 字节无效"):
        decode_document(body, override="utf-8")


@pytest.mark.parametrize(("codec", "bom"), [
    ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
])
def test_bom_beats_header_and_declaration(codec, bom):
    body = bom + feed(SIMPLIFIED, declared="gbk").encode(codec)
    decoded = decode_document(body, http_charset="gbk")
    assert decoded.evidence == "bom"
    assert decoded.text.lstrip("\ufeff").startswith('<?xml version="1.0" encoding="gbk"?>')
    assert SIMPLIFIED[1] in decoded.text


@pytest.mark.parametrize("meta", [
    '<meta charset="gbk">',
    '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
])
def test_html_meta_charset(meta):
    page = (f"<!DOCTYPE html><html><head>{meta}<title>{SIMPLIFIED[0]}</title></head>"
            f"<body><p>{SIMPLIFIED[1]}</p></body></html>")
    decoded = decode_document(page.encode("gbk"), http_charset="iso-8859-1")
    assert (decoded.encoding, decoded.evidence) == ("gb18030", "declared")
    assert decoded.text == page


def test_empty_body_is_an_error():
    with pytest.raises(DecodeError, match="响应内容为空"):
        decode_document(b"")


@pytest.mark.parametrize(("text", "expected"), [
    ("2026年11月26日 10:30", "2026-11-26T02:30:00+00:00"),
    ("2026年11月26日下午3点", "2026-11-26T07:00:00+00:00"),
    ("2026-11-26 10:30", "2026-11-26T02:30:00+00:00"),
    ("发布时间：2026-11-26 09:30　来源：应急管理局", "2026-11-26T01:30:00+00:00"),
    ("2026/11/26", "2026-11-25T16:00:00+00:00"),
    ("11-25 08:00", "2026-11-25T00:00:00+00:00"),
    ("10分钟前", "2026-11-26T01:50:00+00:00"),
    ("三小时前", "2026-11-25T23:00:00+00:00"),
    ("半小时前", "2026-11-26T01:30:00+00:00"),
    ("十五分钟前", "2026-11-26T01:45:00+00:00"),
    ("刚刚", "2026-11-26T02:00:00+00:00"),
    ("昨天 09:15", "2026-11-25T01:15:00+00:00"),
    ("前天", "2026-11-23T16:00:00+00:00"),
    ("Wed, 25 Nov 2026 16:00:00 +0800", "2026-11-25T08:00:00+00:00"),
    ("Wed, 25 Nov 2026 16:00:00 GMT", "2026-11-25T16:00:00+00:00"),
    ("Wed, 25 Nov 2026 16:00:00", "2026-11-25T08:00:00+00:00"),  # no zone: Beijing time
    ("Wed, 25 Nov 2026 16:00:00 CST", "2026-11-25T08:00:00+00:00"),  # China, not US Central
    ("2026-11-26 10:30 CST", "2026-11-26T02:30:00+00:00"),
    ("2026-11-26T02:30:00Z", "2026-11-26T02:30:00+00:00"),
    ("2026-11-26T10:30:00.250+08:00", "2026-11-26T02:30:00+00:00"),
    ("2026-11-26T10:30:00-05:00", "2026-11-26T15:30:00+00:00"),
])
def test_dates_as_chinese_sites_write_them(text, expected):
    value = parse_date(text, now=NOW)
    assert value.isoformat() == expected
    assert value.tzinfo is UTC


def test_yesterday_is_the_beijing_day():
    late = datetime(2026, 11, 26, 17, 0, tzinfo=UTC)  # already 27 November, 01:00 in Beijing
    assert parse_date("昨天 23:00", now=late).isoformat() == "2026-11-26T15:00:00+00:00"


@pytest.mark.parametrize("text", [None, "", "　 ", "明天见", "2026-13-45", "下周三",
                                  "Invalid Date"])
def test_unparseable_dates_are_none(text):
    assert parse_date(text, now=NOW) is None
