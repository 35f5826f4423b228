"""Sites without a feed (kind: html): a list page read by CSS selectors, then the item pages."""

from pathlib import Path

from sqlmodel import Session

from service.models import Source
from tests.collecting import items_of, run_cycles
from tests.conftest import install_sources
from tests.servers import Reply

FIXTURES = Path(__file__).parent / "fixtures"
LIST_PAGE = (FIXTURES / "list_page.html").read_text(encoding="utf-8")
NOTICE = (FIXTURES / "notice_page.html").read_text(encoding="utf-8")
ARTICLE = (FIXTURES / "article_page.html").read_text(encoding="utf-8")
HTML = {"Content-Type": "text/html; charset=utf-8"}
BASE = "/zwgk/tzgg/"
PAGES = {"post_3101.html": NOTICE, "post_3098.html": ARTICLE, "post_3090.html": NOTICE}
NOTICE_TEXT = ("各区应急管理局、各有关单位：\n受强冷空气影响，11月27日起我市气温明显下降。"
               "请各单位立即落实寒潮防御措施，加强值班值守，及时转移安置困难群众，确保人民群众生命财产安全。")
SELECTORS = "{list: 'ul.list li', title: 'a', link: 'a', date: 'span.date'}"


def serve_site(site, list_page: str = LIST_PAGE, pages: dict | None = None,
               codec: str = "utf-8", headers: dict | None = None) -> str:
    """Serve the list page and its item pages; returns the list page's URL."""
    headers = HTML if headers is None else headers
    for name, page in (PAGES if pages is None else pages).items():
        site.route(f"{BASE}content/{name}", Reply(body=page.encode(codec), headers=headers))
    return site.route(f"{BASE}index.html", Reply(body=list_page.encode(codec), headers=headers))


def html_source(source_id: str, url: str, selectors: str = SELECTORS) -> str:
    """One kind-html entry of sources.yaml."""
    return (f"  - {{id: {source_id}, name: 珠海市应急管理局, kind: html, url: '{url}', "
            f"html: {selectors}}}\n")



def item_page_hits(site) -> list:
    """Requests for item pages, in the order they came."""
    return [r for r in site.requests if r.path.startswith(f"{BASE}content/")]


def test_list_page_entries_and_their_full_text(engine, settings, clock, site):
    url = serve_site(site)
    install_sources(engine, settings, clock, "sources:\n" + html_source("zhyj", url))

    [report] = run_cycles(engine, settings, clock)

    assert report.failures == 0 and report.new_items == 3  # the javascript: link is no entry
    items = items_of(engine, "zhyj")
    assert [i.title for i in items] == ["珠海市应急管理局关于做好寒潮天气防御工作的紧急通知",
                                        "关于开展岁末年初安全生产大检查的通知",
                                        "珠海市2026年第四季度森林防火工作情况通报"]
    content = site.url(f"{BASE}content/")
    assert [i.url for i in items] == [f"{content}post_3101.html", f"{content}post_3098.html",
                                      f"{content}post_3090.html?utm_source=wx&id=3090"]
    assert items[2].canonical_url == f"{content}post_3090.html?id=3090"
    # a date without a time is midnight in Beijing
    assert [i.published_at.isoformat() for i in items] == [
        "2026-11-25T16:00:00+00:00", "2026-11-24T16:00:00+00:00", "2026-11-19T16:00:00+00:00"]
    # an 84-character notice: trafilatura's default 250-character minimum would drop it
    assert NOTICE_TEXT in items[0].content
    assert len(NOTICE_TEXT) < 250
    for boilerplate in ("政务公开", "粤ICP备", "热点专题", "分享到"):
        assert all(boilerplate not in i.content for i in items)
    assert items[1].content.startswith("各区人民政府（管委会），市安委会各成员单位：")
    assert items[1].content.endswith("请各单位于每月25日前将检查情况报送市安委办，"
                                     "重大情况随时报告。")
    assert items[1].content.count("\n") == 4  # five paragraphs
    assert items[0].encoding == "utf-8"


def test_content_selector_takes_exactly_the_article_body(engine, settings, clock, site):
    url = serve_site(site)
    selectors = SELECTORS.replace("}", ", content: 'div.content'}")
    install_sources(engine, settings, clock, "sources:\n" + html_source("zhyj", url, selectors))

    run_cycles(engine, settings, clock)

    items = items_of(engine, "zhyj")
    assert items[0].content == NOTICE_TEXT  # no headline, no "发布时间" line
    assert items[1].content.splitlines()[0] == "各区人民政府（管委会），市安委会各成员单位："
    assert len(items[1].content.splitlines()) == 5


def test_item_pages_are_fetched_only_for_new_entries(engine, settings, clock, site):
    state = {"list": LIST_PAGE}
    serve_site(site)
    url = site.route(f"{BASE}index.html",
                     lambda request: Reply(body=state["list"].encode(), headers=HTML))
    install_sources(engine, settings, clock, "sources:\n" + html_source("zhyj", url))

    first, second = run_cycles(engine, settings, clock, cycles=2, advance=600)

    assert (first.new_items, second.new_items) == (3, 0)
    assert len(site.hits(f"{BASE}index.html")) == 2
    assert len(item_page_hits(site)) == 3  # all of them in the first cycle, none in the second
    # a new notice appears at the top of the list: only its page is fetched
    new = ('<li><a href="content/post_3120.html">关于发布森林火险橙色预警的通知</a>'
           '<span class="date">2026-11-27</span></li>')
    state["list"] = LIST_PAGE.replace('<ul class="list">', '<ul class="list">' + new)
    site.route(f"{BASE}content/post_3120.html", Reply(body=NOTICE.encode(), headers=HTML))
    [third] = run_cycles(engine, settings, clock)
    assert third.new_items == 1
    assert [r.path for r in item_page_hits(site)[3:]] == [f"{BASE}content/post_3120.html"]
    assert items_of(engine, "zhyj")[-1].title == "关于发布森林火险橙色预警的通知"


def test_item_pages_of_one_host_are_paced(engine, settings, clock, site):
    settings.item_page_delay_seconds = 0.25
    url = serve_site(site)
    install_sources(engine, settings, clock, "sources:\n" + html_source("zhyj", url))

    run_cycles(engine, settings, clock)

    times = [r.at for r in item_page_hits(site)]
    assert len(times) == 3
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert all(gap >= 0.2 for gap in gaps), gaps  # 0.25 s, less the server's jitter
    assert all(gap < 1.0 for gap in gaps), gaps


def test_a_missing_item_page_keeps_the_entry(engine, settings, clock, site):
    pages = {k: v for k, v in PAGES.items() if k != "post_3098.html"}
    url = serve_site(site, pages=pages)
    install_sources(engine, settings, clock, "sources:\n" + html_source("zhyj", url))

    [report] = run_cycles(engine, settings, clock)

    assert report.failures == 0
    items = items_of(engine, "zhyj")
    assert [bool(i.content) for i in items] == [True, False, True]
    assert items[1].title == "关于开展岁末年初安全生产大检查的通知"
    missing = site.url(f"{BASE}content/post_3098.html")
    assert report.sources[0].outcome.warnings == [f"item page {missing}: 服务器返回 HTTP 404"]


def test_gbk_site_that_declares_its_charset_only_in_the_page(engine, settings, clock, site):
    def to_gbk(page: str) -> str:
        """The page as a GBK site writes it."""
        return page.replace('<meta charset="utf-8">', '<meta charset="gbk">')

    # an old XHTML list page: an XML declaration (which lxml refuses in a str) and http-equiv
    xhtml = ('<?xml version="1.0" encoding="gb2312"?>\n' + LIST_PAGE.replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'))
    url = serve_site(site, xhtml, {k: to_gbk(v) for k, v in PAGES.items()},
                     codec="gbk", headers={"Content-Type": "text/html"})
    selectors = SELECTORS.replace("}", ", content: 'div.content'}")
    install_sources(engine, settings, clock, "sources:\n" + html_source("gbk", url, selectors))

    run_cycles(engine, settings, clock)

    items = items_of(engine, "gbk")
    assert items[0].title == "珠海市应急管理局关于做好寒潮天气防御工作的紧急通知"
    assert items[0].content == NOTICE_TEXT
    assert {i.encoding for i in items} == {"gb18030"}


def test_a_list_selector_that_matches_nothing_is_a_selector_error(engine, settings, clock,
                                                                  site):
    url = serve_site(site)
    broken = SELECTORS.replace("ul.list li", "div.news-list li")
    install_sources(engine, settings, clock, "sources:\n" + html_source("redesigned", url, broken)
                    + html_source("intact", url + "?page=1"))

    [report] = run_cycles(engine, settings, clock)

    assert report.failures == 1
    with Session(engine) as session:
        row = session.get(Source, "redesigned")
        assert row.last_error_class == "selector"
        assert row.last_error_message == (
            "列表选择器 'div.news-list li' 在页面上没有匹配到任何条目（网页改版？）")
        assert session.get(Source, "intact").last_error_class is None
    assert not items_of(engine, "redesigned")
    assert len(items_of(engine, "intact")) == 3


def test_a_slow_item_page_is_retried_and_a_gone_one_is_stored_from_the_list(engine, settings,
                                                                            clock, site):
    state = {"status": 503}
    url = serve_site(site, pages={"post_3101.html": NOTICE, "post_3090.html": NOTICE})
    site.route(f"{BASE}content/post_3098.html",
               lambda request: Reply(state["status"], ARTICLE.encode(), HTML))
    install_sources(engine, settings, clock, "sources:\n" + html_source("zhyj", url))

    [first] = run_cycles(engine, settings, clock)
    titles = [i.title for i in items_of(engine, "zhyj")]
    assert first.new_items == 2 and "关于开展岁末年初安全生产大检查的通知" not in titles

    state["status"] = 200
    [second] = run_cycles(engine, settings, clock)
    assert second.new_items == 1
    stored = items_of(engine, "zhyj")[-1]
    assert stored.title == "关于开展岁末年初安全生产大检查的通知"
    assert stored.content.startswith("各区人民政府（管委会），市安委会各成员单位：")
    # the content hash covers the page's text, not the title alone
    from service.collect.entries import content_hash

    assert stored.content_hash == content_hash(stored.title, stored.content)


def test_an_item_page_that_is_gone_does_not_hold_its_entry_back(engine, settings, clock, site):
    url = serve_site(site, pages={"post_3101.html": NOTICE, "post_3090.html": NOTICE})
    install_sources(engine, settings, clock, "sources:\n" + html_source("zhyj", url))
    [report] = run_cycles(engine, settings, clock)  # post_3098.html answers 404
    assert report.new_items == 3
    gone = [i for i in items_of(engine, "zhyj") if i.title.startswith("关于开展岁末年初")]
    assert len(gone) == 1


def test_truncated_titles_and_dates_glued_to_titles():
    from datetime import UTC, datetime

    from service.collect.html_list import parse_list_page
    from service.sources.schema import HtmlSelectors

    page = ('<ul class="l"><li><a href="/a.html" title="关于做好冬春季森林防火工作的通知">'
            '关于做好冬春季森林防...</a></li>'
            '<li><a href="/b.html">应急管理部部署寒潮防御工作2026-11-25</a></li></ul>')
    entries = parse_list_page(page, url="http://127.0.0.1/", now=datetime.now(UTC),
                              selectors=HtmlSelectors(list="ul.l li", title="a", link="a"))
    assert [e.title for e in entries] == ["关于做好冬春季森林防火工作的通知",
                                          "应急管理部部署寒潮防御工作"]
    assert entries[1].published_at.isoformat() == "2026-11-24T16:00:00+00:00"
