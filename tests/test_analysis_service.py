"""The analysis step on the real database: items → analyses and stories, crash-safe, resumable."""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from service.analysis.runner import AnalysisRunner
from service.analysis.stories import StoryStore
from service.analysis.worker import analyze_pending
from service.api.app import create_app
from service.models import AnalysisState, Item, ItemAnalysis, Role, Story
from tests.collecting import api_headers
from tests.conftest import install_sources

NEWS = [
    ("珠海高新区唐家湾镇一化工厂发生火灾 3人死亡5人受伤",
     "11月26日凌晨，高新区唐家湾镇一化工厂仓库起火，消防救援人员到场扑救。事故造成3人死亡、5人受伤。"),
    ("珠海高新区唐家湾镇一化工厂发生火灾，3人死亡5人受伤",
     "11月26日凌晨，高新区唐家湾镇一化工厂仓库起火，消防救援人员到场扑救。事故造成3人死亡、5人受伤。"),
    ("香洲区多处路段水浸 三防办发布暴雨橙色预警",
     "受强降雨影响，香洲区多处路段出现内涝，请市民注意安全。"),
    ("某球队夺得联赛冠军 球迷欢庆", "昨晚的决赛中，主队以3比1获胜，夺得本赛季冠军。"),
]


@pytest.fixture(scope="module")
def runner_settings(tmp_path_factory):
    from service.config import Settings

    return Settings(data_dir=tmp_path_factory.mktemp("var"))


@pytest.fixture(scope="module")
def analyzer(runner_settings):
    return AnalysisRunner(runner_settings).analyzer


def add_news(engine, settings, clock) -> list[int]:
    install_sources(engine, settings, clock, """\
        sources:
          - {id: zh-news, name: 珠海新闻, kind: rss, url: "http://127.0.0.1:9/a.xml",
             region: 珠海市}
          - {id: gd-news, name: 广东新闻, kind: rss, url: "http://127.0.0.1:9/b.xml"}
        """)
    with Session(engine) as session:
        for n, (title, content) in enumerate(NEWS):
            session.add(Item(source_id="zh-news" if n % 2 == 0 else "gd-news",
                             entry_key=f"{n:064d}", title=title, content=content,
                             content_hash="0" * 64, fetched_at=clock.now()))
        session.commit()
        return [i.id for i in session.exec(select(Item).order_by(Item.id)).all()]


def test_pending_items_are_analysed_and_reposts_share_a_story(engine, settings, clock, analyzer):
    ids = add_news(engine, settings, clock)
    report = analyze_pending(engine=engine, analyzer=analyzer, stories=StoryStore(),
                             now=clock.now())
    assert report.analysed == 4 and report.failed == 0
    with Session(engine) as session:
        rows = {a.item_id: a for a in session.exec(select(ItemAnalysis)).all()}
        items = session.exec(select(Item)).all()
        stories = session.exec(select(Story)).all()
    assert {i.analysis_state for i in items} == {AnalysisState.done}
    fire = rows[ids[0]]
    assert fire.relevant and fire.topic in ("hazardous_chemicals", "fire")
    assert (fire.deaths, fire.injured, fire.grade) == (3, 5, "较大")
    assert fire.locality == "jurisdiction" and fire.level in ("orange", "red")
    assert rows[ids[1]].story_id == fire.story_id  # the repost joined the first report
    assert rows[ids[2]].relevant and rows[ids[2]].topic == "flood_drought"
    assert not rows[ids[3]].relevant and rows[ids[3]].level is None
    story = next(s for s in stories if s.id == fire.story_id)
    assert story.item_count == 2 and sorted(story.sources) == ["gd-news", "zh-news"]
    assert len(stories) == 3


def test_a_restart_resumes_where_the_last_run_stopped(engine, settings, clock, analyzer):
    ids = add_news(engine, settings, clock)
    first = analyze_pending(engine=engine, analyzer=analyzer, stories=StoryStore(),
                            now=clock.now(), batch_size=1, max_batches=1)
    assert first.analysed == 1
    with Session(engine) as session:
        pending = session.exec(select(Item).where(
            Item.analysis_state == AnalysisState.pending)).all()
    assert len(pending) == 3
    # a new process: a fresh story index that must learn the stories from the database
    clock.advance(timedelta(minutes=5).total_seconds())
    second = analyze_pending(engine=engine, analyzer=analyzer, stories=StoryStore(),
                             now=clock.now())
    assert second.analysed == 3
    with Session(engine) as session:
        first_story = session.get(ItemAnalysis, ids[0]).story_id
        assert session.get(ItemAnalysis, ids[1]).story_id == first_story


def test_items_api_filters_by_topic_and_shows_the_analysis(engine, settings, clock, analyzer):
    ids = add_news(engine, settings, clock)
    analyze_pending(engine=engine, analyzer=analyzer, stories=StoryStore(), now=clock.now())
    headers = api_headers(engine, clock, "分析员", Role.analyst)
    app = create_app(settings, engine=engine, clock=clock)
    with TestClient(app) as client:
        floods = client.get("/api/v1/items", params={"topic": "flood_drought"}, headers=headers)
        assert [i["id"] for i in floods.json()["items"]] == [ids[2]]
        relevant = client.get("/api/v1/items", params={"relevant": "true"}, headers=headers)
        assert ids[3] not in [i["id"] for i in relevant.json()["items"]]
        detail = client.get(f"/api/v1/items/{ids[0]}", headers=headers).json()
        assert detail["analysis"]["grade"] == "较大"
        assert "3人死亡" in detail["analysis"]["explanation"]["terms"]
