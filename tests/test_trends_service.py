"""Trend detection over stored analyses, hour by hour, with a fake clock and the real database."""

from datetime import timedelta

from sqlmodel import Session, select

from service.analysis.trends import update_trends
from service.models import Event, Item, ItemAnalysis, TrendSeries
from tests.conftest import install_sources


def add_relevant(session, clock, n: int, at, topic="flood_drought", place="香洲区") -> None:
    for _ in range(n):
        key = f"{session.info.setdefault('next', 0):064d}"
        session.info["next"] += 1
        item = Item(source_id="zh", entry_key=key, title="内涝", content_hash="0" * 64,
                    fetched_at=at)
        session.add(item)
        session.flush()
        session.add(ItemAnalysis(item_id=item.id, model_version="t", relevant=True, topic=topic,
                                 place=place, analyzed_at=at))


def test_a_burst_in_one_place_is_recorded_once_and_passes_resume(engine, settings, clock):
    install_sources(engine, settings, clock,
                    "sources:\n  - {id: zh, name: 珠海, kind: rss, url: 'http://127.0.0.1:9/'}\n")
    start = clock.now() - timedelta(hours=60)
    with Session(engine) as session:
        for hour in range(60):
            moment = start + timedelta(hours=hour, minutes=10)
            add_relevant(session, clock, 20 if hour == 55 else hour % 2 + 1, moment)
        session.commit()
        first = update_trends(session, now=start + timedelta(hours=50))
        assert first.hours == 48 and first.trends == []  # the first pass looks back 48 h
        second = update_trends(session, now=clock.now())
        assert second.hours == 10
        assert [t.key[0] for t in second.trends] == ["topic:flood_drought@香洲区"]
        assert second.trends[0].count == 20
        again = update_trends(session, now=clock.now())
        assert again.hours == 0 and again.trends == []
        events = session.exec(select(Event).where(Event.kind == "trending")).all()
        assert len(events) == 1 and "香洲区" in events[0].message and "激增" in events[0].message
        state = session.get(TrendSeries, "topic:flood_drought@香洲区")
        assert state.hours >= 58 and state.cooldown_until is not None
