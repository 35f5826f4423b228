"""Collection end to end: a real local site, the real database, a fake clock."""

from pathlib import Path

from sqlmodel import Session, select

from service.models import Event
from tests.collecting import items_of, run_cycles, source_row
from tests.conftest import install_sources
from tests.servers import Reply, etag_feed

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()




def test_every_feed_format_is_stored(engine, settings, clock, site):
    feeds = {"rss091": "rss091.xml", "rss10": "rss10.xml", "rss20": "rss20_zh.xml",
             "atom": "atom.xml"}
    entries = []
    for source_id, name in feeds.items():
        url = site.route(f"/{name}", Reply(body=fixture(name),
                                           headers={"Content-Type": "application/xml"}))
        kind = "atom" if source_id == "atom" else "rss"
        entries.append(f"  - {{id: {source_id}, name: {source_id}, kind: {kind}, url: '{url}'}}")
    install_sources(engine, settings, clock, "sources:\n" + "\n".join(entries) + "\n")

    [report] = run_cycles(engine, settings, clock)

    assert report.failures == 0
    assert {s: len(items_of(engine, s)) for s in feeds} == {
        "rss091": 2, "rss10": 2, "rss20": 3, "atom": 2}
    atom = items_of(engine, "atom")
    assert atom[0].title == "应急管理部部署冬春火灾防控工作"
    assert atom[0].content == ("应急管理部召开会议，部署冬春火灾防控工作。\n"
                               "会议要求各地深入排查整治火灾隐患。")
    assert atom[1].published_at.isoformat() == "2026-11-25T20:00:00+00:00"
    for item in items_of(engine, "rss20"):
        assert item.fetched_at == clock.now()
        assert item.analysis_state == "pending"
        assert item.encoding == "utf-8"


def test_zoneless_chinese_dates_are_beijing_time(engine, settings, clock, site):
    url = site.route("/feed", Reply(body=fixture("rss20_zh.xml")))
    install_sources(engine, settings, clock,
                    f"sources:\n  - {{id: zh, name: 珠海, kind: rss, url: '{url}'}}\n")
    run_cycles(engine, settings, clock)
    published = {i.guid: i.published_at.isoformat() for i in items_of(engine, "zh")}
    assert published == {
        "news-1": "2026-11-26T02:30:00+00:00",  # "2026-11-26 10:30:00" in Beijing
        "news-2": "2026-11-26T01:05:00+00:00",  # "2026年11月26日 09:05"
        "news-3": "2026-11-25T08:00:00+00:00",  # explicit +0800
    }


def test_second_cycle_stores_nothing_twice_and_uses_conditional_get(engine, settings, clock,
                                                                    site):
    state = {"etag": '"v1"', "body": fixture("rss20_zh.xml")}
    url = site.route("/feed", etag_feed(lambda: state["body"], lambda: state["etag"]))
    install_sources(engine, settings, clock,
                    f"sources:\n  - {{id: zh, name: 珠海, kind: rss, url: '{url}'}}\n")

    first, second = run_cycles(engine, settings, clock, cycles=2, advance=600)

    assert first.new_items == 3 and second.new_items == 0
    assert second.sources[0].outcome.not_modified
    assert site.hits("/feed")[1].headers["if-none-match"] == '"v1"'
    # the feed changes: one new entry, the old ones again
    state["etag"] = '"v2"'
    state["body"] = state["body"].replace(
        b"<item>", b"<item><title>\xe6\x96\xb0\xe6\x9d\xa1\xe7\x9b\xae</title>"
        b"<guid>news-4</guid><link>http://example.test/news/4.html</link></item><item>", 1)
    [third] = run_cycles(engine, settings, clock)
    assert third.new_items == 1
    assert len(items_of(engine, "zh")) == 4
    assert source_row(engine, "zh").items_seen == 4


def test_failures_back_off_and_mark_the_source_down_then_recover(engine, settings, clock, site):
    state = {"status": 500}
    site.route("/feed", lambda request: Reply(state["status"], fixture("rss20_zh.xml")))
    install_sources(engine, settings, clock,
                    f"sources:\n  - {{id: flaky, name: 不稳定源, kind: rss, "
                    f"url: '{site.url('/feed')}', min_interval: 60}}\n")
    delays = []
    for _ in range(6):
        [report] = run_cycles(engine, settings, clock)
        row = source_row(engine, "flaky")
        delays.append((row.next_check_at - clock.now()).total_seconds())
        clock.advance(delays[-1])
    row = source_row(engine, "flaky")
    assert row.consecutive_failures == 6 and row.is_down
    assert row.last_error_class == "http_server_error"
    assert "HTTP 500" in row.last_error_message
    assert all(b > a for a, b in zip(delays, delays[1:], strict=False)), delays
    assert delays[0] >= 60 and delays[-1] <= 24 * 3600
    with Session(engine) as session:
        events = session.exec(select(Event).order_by(Event.id)).all()
    assert [e.kind for e in events] == ["source_down"]
    assert "连续 5 次采集失败" in events[0].message

    state["status"] = 200
    [report] = run_cycles(engine, settings, clock)
    row = source_row(engine, "flaky")
    assert not row.is_down and row.consecutive_failures == 0 and report.new_items == 3
    with Session(engine) as session:
        kinds = [e.kind for e in session.exec(select(Event).order_by(Event.id)).all()]
    assert kinds == ["source_down", "source_recovered"]
