"""What goes wrong on the wire, through real cycles: each failure is named on the source's row
(error class and a Chinese message for the duty officer) and never stops the other sources."""

import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from tests.collecting import items_of, run_cycles, source_row
from tests.conftest import install_sources
from tests.servers import Reply

FIXTURES = Path(__file__).parent / "fixtures"
FEED = (FIXTURES / "rss20_zh.xml").read_bytes()
FEED_TITLES = ["唐家湾镇一厂房发生火灾 无人员伤亡", "珠海市防汛抗旱指挥部发布暴雨预警",
               "横琴危化品企业开展液氯泄漏应急演练"]
XML = {"Content-Type": "application/xml"}


def sources_yaml(urls: dict[str, str], extra: str = "") -> str:
    """sources.yaml with one rss source per (id, url), each with ``extra`` settings."""
    lines = [f"  - {{id: {sid}, name: 源{sid}, kind: rss, url: '{url}'{extra}}}"
             for sid, url in urls.items()]
    return "sources:\n" + "\n".join(lines) + "\n"




def redirect(location: str, status: int = 302) -> Reply:
    """A redirect to ``location``."""
    return Reply(status, b"", {"Location": location})


def test_each_failure_is_named_and_spares_the_other_sources(engine, settings, clock, site):
    settings.fetch_per_host = 20  # the two slow sources must not hold up the rest
    big = b'<?xml version="1.0"?><rss version="2.0"><channel>' + b" " * (300 * 1024)
    site.route("/loop-a", redirect("/loop-b"))
    site.route("/loop-b", redirect(site.url("/loop-a"), 301))
    for hop in range(1, 7):
        site.route(f"/hop/{hop}", redirect(f"/hop/{hop + 1}", 307))
    site.route("/hop/7", Reply(body=FEED, headers=XML))
    routes = {
        "good": Reply(body=FEED, headers=XML),
        "garbage": Reply(body=b'<?xml version="1.0"?>\n<<<>>> &&& </', headers=XML),
        "page": Reply(body=(FIXTURES / "list_page.html").read_bytes(),
                      headers={"Content-Type": "text/html; charset=utf-8"}),
        "gone": Reply(404, b"<h1>404</h1>"),
        "broken": Reply(500, b"Internal Server Error"),
        "busy": Reply(503, b"maintenance"),
        "stalled": Reply(body=FEED, stall=3),
        "trickle": Reply(body=FEED, trickle=0.01),
        "huge": Reply(body=big),
        "huge-chunked": Reply(body=big, chunked=True),
        "bomb": Reply(body=big * 4, gzip=True),
        "empty": Reply(200, b"\n  \n"),
        "nowhere": Reply(302, b""),
        "mojibake": Reply(body=FEED.decode().encode("utf-8").decode("latin-1").encode(),
                          headers=XML),
    }
    urls = {sid: site.route(f"/{sid}", reply) for sid, reply in routes.items()}
    urls |= {"loop": site.url("/loop-a"), "hops": site.url("/hop/1"),
             "refused": "http://127.0.0.1:1/feed.xml"}
    install_sources(engine, settings, clock, sources_yaml(urls))

    [report] = run_cycles(engine, settings, clock)

    loop = f"{site.url('/loop-a')} → {site.url('/loop-b')} → {site.url('/loop-a')}"
    expected = {
        "garbage": ("parse", "无法解析的订阅源（XML 错误：not well-formed (invalid token)）"),
        "page": ("not_a_feed", "内容不是 RSS 或 Atom 订阅源（可能是网页，应配置为 html 类型）"),
        "gone": ("http_client_error", "服务器返回 HTTP 404"),
        "broken": ("http_server_error", "服务器返回 HTTP 500"),
        "busy": ("unavailable", "服务暂时不可用（503）"),
        "trickle": ("timeout", "请求超时：2 秒内未读完响应"),
        **dict.fromkeys(["huge", "huge-chunked", "bomb"], ("too_large", "响应超过 0.25 MiB 上限")),
        "empty": ("empty", "服务器返回了空内容"),
        "nowhere": ("http_redirect_without_location", "HTTP 302 但没有 Location"),
        "mojibake": ("encoding", "声明的编码为 utf-8，但无法可靠识别文本编码：任何候选编码"
                                 "（UTF-8、GB18030、Big5 等）的解码结果都不是正常文字"),
        "loop": ("redirect_loop", f"重定向形成循环：{loop}"),
        "hops": ("too_many_redirects", "重定向超过 5 次"),
    }
    rows = {sid: source_row(engine, sid) for sid in urls}
    assert {sid: (rows[sid].last_error_class, rows[sid].last_error_message)
            for sid in expected} == expected
    # a stall is caught by the read timeout or the deadline, whichever fires first
    assert rows["stalled"].last_error_message in ("读取超时（2 秒）", "请求超时：2 秒内未读完响应")
    assert rows["stalled"].last_error_class == "timeout"
    assert rows["refused"].last_error_class == "connection"
    assert rows["refused"].last_error_message.startswith("无法连接服务器：")
    assert {sid: rows[sid].last_status for sid in ("gone", "broken", "busy", "nowhere")} == {
        "gone": 404, "broken": 500, "busy": 503, "nowhere": 302}
    assert report.failures == len(urls) - 1
    assert all(rows[sid].consecutive_failures == 1 for sid in urls if sid != "good")
    # the good source, in the same cycle, is untouched by all of that
    assert [i.title for i in items_of(engine, "good")] == FEED_TITLES
    assert rows["good"].last_error_class is None and rows["good"].consecutive_failures == 0
    assert len(site.hits("/hop/6")) == 1 and not site.hits("/hop/7")  # the 6th hop not taken
    assert all(not items_of(engine, sid) for sid in urls if sid != "good")


def test_a_recoverable_broken_feed_is_stored_with_a_warning(engine, settings, clock, site):
    url = site.route("/bozo", Reply(body=(FIXTURES / "bozo_feed.xml").read_bytes(), headers=XML))
    install_sources(engine, settings, clock, sources_yaml({"bozo": url}))

    [report] = run_cycles(engine, settings, clock)

    assert report.failures == 0
    assert report.sources[0].outcome.warnings == ["feed recovered from SAXParseException"]
    items = items_of(engine, "bozo")
    assert [(i.title, i.url) for i in items] == [
        ("香洲区开展高层建筑消防 安全检查", "http://example.test/xz/2026/11/26/1.html?id=1&page=2"),
        ("防汛 & 防风：香洲区转移渔排人员40人", "http://example.test/xz/2026/11/25/7.html"),
    ]
    assert items[0].published_at.isoformat() == "2026-11-26T00:15:00+00:00"


def test_not_modified_keeps_state_and_a_full_fetch_follows_after_12_hours(engine, settings,
                                                                         clock, site):
    def handle(request):
        if request.headers.get("if-modified-since") == "Wed, 25 Nov 2026 08:00:00 GMT":
            return Reply(304, headers={"Last-Modified": "Thu, 26 Nov 2026 01:00:00 GMT"})
        return Reply(body=FEED, headers={**XML, "Last-Modified": "Wed, 25 Nov 2026 08:00:00 GMT"})

    url = site.route("/feed", handle)
    install_sources(engine, settings, clock, sources_yaml({"zh": url}))

    first, second = run_cycles(engine, settings, clock, cycles=2, advance=600)

    assert first.new_items == 3 and second.new_items == 0
    assert second.sources[0].outcome.not_modified and second.failures == 0
    row = source_row(engine, "zh")
    assert (row.last_status, row.consecutive_failures, row.last_error_class) == (304, 0, None)
    assert row.last_modified == "Thu, 26 Nov 2026 01:00:00 GMT"  # a 304 may refresh it
    assert len(items_of(engine, "zh")) == 3
    clock.advance(hours=13)  # servers can answer 304 forever: fetch without validators
    [third] = run_cycles(engine, settings, clock)
    assert "if-modified-since" not in site.hits("/feed")[-1].headers
    assert third.sources[0].outcome.status == 200 and third.new_items == 0


@pytest.mark.parametrize("form", ["seconds", "http-date"])
def test_rate_limited_source_waits_as_long_as_the_server_asks(engine, settings, clock, site,
                                                              form):
    def handle(request):
        # an HTTP date is read against the real clock, as a server would mean it
        when = format_datetime(datetime.now(UTC) + timedelta(hours=3), usegmt=True)
        return Reply(429, b"slow down", {"Retry-After": "10800" if form == "seconds" else when})

    url = site.route("/feed", handle)
    install_sources(engine, settings, clock, sources_yaml({"busy": url}))

    run_cycles(engine, settings, clock)

    row = source_row(engine, "busy")
    assert (row.last_error_class, row.last_status) == ("rate_limited", 429)
    delay = (row.next_check_at - clock.now()).total_seconds()
    assert 10790 <= delay <= 10800  # not the 5-minute backoff of a first failure
    assert row.last_error_message == f"请求过于频繁（429），服务器要求 {delay:.0f} 秒后再试"


def test_server_errors_back_off_exponentially(engine, settings, clock, site):
    url = site.route("/feed", Reply(500, b"oops"))
    install_sources(engine, settings, clock, sources_yaml({"flaky": url}, ", min_interval: 60"))
    delays = []
    for _ in range(4):
        run_cycles(engine, settings, clock)
        delays.append((source_row(engine, "flaky").next_check_at - clock.now()).total_seconds())
        clock.advance(delays[-1])
    # base 60 s doubled per failure, with up to 20 % jitter
    assert [60 * 2**n <= d <= 60 * 2**n * 1.2 for n, d in enumerate(delays)] == [True] * 4
    assert source_row(engine, "flaky").consecutive_failures == 4
    assert len(site.hits("/feed")) == 4


def test_gzip_body_is_decoded(engine, settings, clock, site):
    url = site.route("/feed.xml", Reply(body=FEED, headers=XML, gzip=True))
    install_sources(engine, settings, clock, sources_yaml({"gz": url}))
    [report] = run_cycles(engine, settings, clock)
    assert "gzip" in site.hits("/feed.xml")[0].headers["accept-encoding"]
    assert report.failures == 0
    assert [i.title for i in items_of(engine, "gz")] == FEED_TITLES


def test_a_moved_feed_is_followed(engine, settings, clock, site):
    body = FEED.replace(b"http://example.test/news/2.html", b"../news/2.html")
    site.route("/new/feed.xml", Reply(body=body, headers=XML))
    site.route("/rss", redirect("/old/feed.xml", 301))
    site.route("/old/feed.xml", redirect(site.url("/new/feed.xml"), 308))
    install_sources(engine, settings, clock, sources_yaml({"moved": site.url("/rss")}))

    [report] = run_cycles(engine, settings, clock)

    assert report.failures == 0 and report.new_items == 3
    items = items_of(engine, "moved")
    assert [i.title for i in items] == FEED_TITLES
    assert items[1].url == site.url("/news/2.html")  # relative to where the feed really is


def test_chinese_feeds_under_a_wrong_http_charset(engine, settings, clock, site):
    gbk = FEED.decode().replace('encoding="utf-8"', 'encoding="gbk"').encode("gbk")
    big5 = (FIXTURES / "rss20_tw.xml").read_text(encoding="utf-8").encode("big5")
    urls = {
        "gbk": site.route("/gbk", Reply(body=gbk, headers={
            "Content-Type": "text/xml; charset=utf-8"})),
        "big5": site.route("/big5", Reply(body=big5, headers={
            "Content-Type": "application/rss+xml; charset=ISO-8859-1"})),
    }
    install_sources(engine, settings, clock, sources_yaml(urls))

    [report] = run_cycles(engine, settings, clock)

    assert report.failures == 0
    assert [i.title for i in items_of(engine, "gbk")] == FEED_TITLES
    assert [i.title for i in items_of(engine, "big5")] == [
        "颱風警報發布 各區公所啟動防颱應變機制", "西屯區工廠火警 消防局出動車輛二十輛搶救"]
    assert items_of(engine, "big5")[1].summary == "火勢於一小時內撲滅，無人員傷亡。"
    assert {s: source_row(engine, s).detected_encoding for s in urls} == {
        "gbk": "gb18030", "big5": "big5hkscs"}
    assert {i.encoding for i in items_of(engine, "gbk")} == {"gb18030"}
    warnings = {r.outcome.source_id: r.outcome.warnings for r in report.sources}
    assert warnings == {"gbk": ["charset utf-8 overruled by gb18030"],
                        "big5": ["charset iso-8859-1 overruled by big5hkscs"]}


def test_repeated_guids_keep_distinct_entries_and_drop_copies(engine, settings, clock, site):
    url = site.route("/dm", Reply(body=(FIXTURES / "repeated_guids.xml").read_bytes()))
    install_sources(engine, settings, clock, sources_yaml({"dm": url}))

    first, second = run_cycles(engine, settings, clock, cycles=2, advance=600)

    items = items_of(engine, "dm")
    assert [(i.guid, i.title) for i in items] == [
        ("dm-tfsj", "斗门区井岸镇一民房起火 一人受轻伤"),
        ("dm-tfsj", "斗门区发布寒冷橙色预警信号"),
        ("dm-103", "白蕉镇开展危化品运输车辆专项检查"),
        (None, "莲洲镇组织开展防溺水安全宣传"),  # told apart by their anchors
        (None, "乾务镇完成应急避难场所标识更新"),
    ]
    assert items[3].canonical_url == items[4].canonical_url == \
        "http://example.test/dm/archive/2026_11.html"
    assert (first.new_items, second.new_items) == (5, 0)  # the keys are stable across fetches


def test_tracking_parameters_are_stripped_from_the_canonical_url(engine, settings, clock, site):
    links = [
        "http://Example.TEST:80/news/1.html?id=7&amp;utm_source=rss&amp;utm_medium=feed"
        "&amp;spm=a2c4g.11186623&amp;from=timeline#comments",
        "https://mp.weixin.qq.com/s?__biz=MzA5&amp;mid=2650&amp;idx=1&amp;sn=9f2e"
        "&amp;scene=21&amp;sharer_shareid=77ab#wechat_redirect",
        "http://example.test/news/3.html?vd_source=ab&amp;share_source=copy_web&amp;p=2",
    ]
    body = FEED.decode()
    for n, link in enumerate(links, 1):
        body = re.sub(rf"<link>http://example.test/news/{n}.html[^<]*</link>",
                      f"<link>{link}</link>", body)
    url = site.route("/feed", Reply(body=body.encode(), headers=XML))
    install_sources(engine, settings, clock, sources_yaml({"zh": url}))

    run_cycles(engine, settings, clock)

    items = items_of(engine, "zh")
    assert [i.canonical_url for i in items] == [
        "http://example.test/news/1.html?id=7",
        "https://mp.weixin.qq.com/s?__biz=MzA5&idx=1&mid=2650&sn=9f2e",
        "http://example.test/news/3.html?p=2",
    ]
    assert items[0].url == links[0].replace("&amp;", "&")  # the link itself is kept as given


def test_a_failing_source_does_not_hold_back_another(engine, settings, clock, site):
    state = {"status": 500}
    urls = {"down": site.route("/down", lambda request: Reply(state["status"], FEED, XML)),
            "up": site.route("/up", Reply(body=FEED, headers=XML))}
    install_sources(engine, settings, clock, sources_yaml(urls))

    reports = run_cycles(engine, settings, clock, cycles=3, advance=3600)

    assert [r.failures for r in reports] == [1, 1, 1]
    assert [r.new_items for r in reports] == [3, 0, 0]
    up, down = source_row(engine, "up"), source_row(engine, "down")
    assert (up.consecutive_failures, up.last_success_at) == (0, clock.now())
    assert (down.consecutive_failures, down.last_success_at) == (3, None)
    state["status"] = 200
    [report] = run_cycles(engine, settings, clock)
    assert report.failures == 0 and len(items_of(engine, "down")) == 3
