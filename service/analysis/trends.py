"""Trend detection over the stored analyses: one pass per completed hour, state in the database.

Series are a story (``story:<id>``) and a topic in a place (``topic:<topic>@<place>``); counts are
relevant items fetched in the hour. A burst is recorded as an event (kind ``trending``) for the
alerting step; the EWMA state of every series lives in ``trend_series``, so a restart or another
instance continues where the last pass stopped.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from classifiers.trending import SeriesState, Trend, TrendDetector, hour_of
from service.models import Event, Item, ItemAnalysis, TrendSeries

CURSOR_KEY = "__last_hour__"
FIRST_LOOKBACK = timedelta(hours=48)


@dataclass
class TrendReport:
    hours: int = 0
    series_updated: int = 0
    trends: list[Trend] | None = None


def update_trends(session: Session, *, now: datetime,
                  detector: TrendDetector | None = None) -> TrendReport:
    """Score every completed hour since the last pass; record bursts as events."""
    detector = detector or TrendDetector()
    cursor = session.get(TrendSeries, CURSOR_KEY)
    last_complete = hour_of(now) - timedelta(hours=1)
    start = (cursor.last_hour + timedelta(hours=1) if cursor and cursor.last_hour
             else hour_of(now) - FIRST_LOOKBACK)
    report = TrendReport(trends=[])
    hour = start
    while hour <= last_complete:
        for key, count in _hour_counts(session, hour).items():
            trend = _update_series(session, detector, key, hour, count)
            report.series_updated += 1
            if trend is not None:
                report.trends.append(trend)
                session.add(Event(kind="trending", created_at=now, message=_message(trend),
                                  detail={"series": key, "hour": hour.isoformat(),
                                          "count": trend.count, "z": trend.z,
                                          "mean": trend.mean}))
        report.hours += 1
        hour += timedelta(hours=1)
    if report.hours:
        if cursor is None:
            cursor = TrendSeries(key=CURSOR_KEY)
            session.add(cursor)
        cursor.last_hour = last_complete
    session.commit()
    return report


def _hour_counts(session: Session, hour: datetime) -> dict[str, int]:
    window = (Item.fetched_at >= hour, Item.fetched_at < hour + timedelta(hours=1),
              ItemAnalysis.relevant)
    joined = select(ItemAnalysis).join(Item, Item.id == ItemAnalysis.item_id).where(*window)
    counts: dict[str, int] = {}
    stories = joined.with_only_columns(ItemAnalysis.story_id, func.count()).group_by(
        ItemAnalysis.story_id)
    for story_id, count in session.execute(stories):
        if story_id is not None:
            counts[f"story:{story_id}"] = count
    topics = joined.with_only_columns(ItemAnalysis.topic, ItemAnalysis.place, func.count()
                                      ).group_by(ItemAnalysis.topic, ItemAnalysis.place)
    for topic, place, count in session.execute(topics):
        if topic:
            counts[f"topic:{topic}@{place or '-'}"] = count
    return counts


def _update_series(session: Session, detector: TrendDetector, key: str, hour: datetime,
                   count: int) -> Trend | None:
    row = session.get(TrendSeries, key)
    if row is None:
        row = TrendSeries(key=key)
        session.add(row)
    detector.series[(key,)] = SeriesState(mean=row.mean, var=row.var, hours=row.hours,
                                          last_hour=row.last_hour,
                                          cooldown_until=row.cooldown_until)
    trend = detector.update((key,), hour, count)
    state = detector.series.pop((key,))
    row.mean, row.var, row.hours = state.mean, state.var, state.hours
    row.last_hour, row.cooldown_until = state.last_hour, state.cooldown_until
    return trend


def _message(trend: Trend) -> str:
    series = trend.key[0]
    what = (f"事件 #{series.split(':', 1)[1]}" if series.startswith("story:")
            else "“{}”在{}".format(*series.split(":", 1)[1].split("@")))
    return (f"{what} 的相关报道在 {trend.hour:%m-%d %H}时 激增：{trend.count} 条，"
            f"平时每小时约 {trend.mean:.1f} 条（z={trend.z}）")
