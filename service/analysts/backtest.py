"""Backtests: replay a candidate change over the stored items of a period and report the alerts
it would have created, removed or changed (level, division, first recipients), against the
alerts that actually exist.

The candidate is any mix of a model version, thresholds, scheme changes and lexicon term edits
(applied on top of the schemes and terms in force). Stories are the stored ones; the routing is
today's routing.yaml at each story's first fetch time (heightened periods included). Pile-up
and trending raises, silences and inhibition are not replayed: the report compares what routing
made of the levels.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from service.alerts.engine import rank
from service.analysts import registry
from service.analysts.jobs import JobContext, register_handler
from service.analysts.schemes import candidate_rules, with_rules
from service.models import Alert, AlertItem, AlertKind, Item, ItemAnalysis, Source
from service.routing.calendar import HeightenedCalendar
from service.routing.config import load_routing
from service.routing.decide import AlertFacts, decide

BATCH = 256
LISTED = 200  # alerts listed per kind of difference; the counts are complete


@dataclass
class _Story:
    key: str
    title: str
    first_at: datetime
    items: list[int]
    level: str | None = None
    topic: str | None = None
    topics: tuple = ()
    place: str | None = None
    locality: str = "unknown"


def _period(params: dict) -> tuple[datetime, datetime]:
    since, until = (datetime.fromisoformat(params[k]) for k in ("since", "until"))
    if since.tzinfo is None or until.tzinfo is None or since >= until:
        raise ValueError("回测区间无效：since/until 须带时区且 since 早于 until")
    return since, until


def _analyzer(ctx: JobContext, session: Session):
    name = ctx.params.get("model") or "active"
    row = registry.resolve_version(session=session, settings=ctx.settings, name=name,
                                   now=ctx.clock.now())
    analyzer = registry.load_version(ctx.settings, row)
    if ctx.params.get("thresholds"):
        analyzer.thresholds = registry.effective_thresholds(analyzer.thresholds,
                                                            ctx.params["thresholds"])
    # the schemes and lexicon terms in force, with the candidate's edits on top
    lexicons, states = candidate_rules(session, schemes=ctx.params.get("schemes"),
                                       terms=ctx.params.get("terms"))
    return row.version, with_rules(analyzer, lexicons, states)


def _candidate_stories(ctx: JobContext, analyzer, since, until) -> tuple[dict, int]:
    stories: dict[str, _Story] = {}
    query = (select(Item, Source, ItemAnalysis.story_id)
             .join(Source, Source.id == Item.source_id)
             .outerjoin(ItemAnalysis, ItemAnalysis.item_id == Item.id)
             .where(Item.fetched_at >= since, Item.fetched_at < until).order_by(Item.id))
    with Session(ctx.engine) as session:
        rows = session.execute(query).all()
    for start in range(0, len(rows), BATCH):
        chunk = rows[start:start + BATCH]
        docs = [{"id": str(item.id), "title": item.title, "text": item.content or item.summary,
                 "source": source.id, "region": source.region, "tier": source.tier}
                for item, source, _ in chunk]
        for (item, _, story_id), analysis in zip(chunk, analyzer.analyze(docs), strict=True):
            key = f"story:{story_id}" if story_id else f"item:{item.id}"
            story = stories.setdefault(key, _Story(key, item.title, item.fetched_at, []))
            story.items.append(item.id)
            story.first_at = min(story.first_at, item.fetched_at)
            if analysis.relevant and analysis.level and rank(analysis.level) > rank(story.level):
                story.level = analysis.level
                story.topic = analysis.topics[0]["label"] if analysis.topics else None
                story.topics = tuple(t["label"] for t in analysis.topics)
                story.place, story.locality = analysis.place, analysis.locality
                story.title = item.title
        ctx.progress(0.1 + 0.75 * (start + len(chunk)) / max(len(rows), 1),
                     f"已重放 {start + len(chunk)}/{len(rows)} 条")
    return stories, len(rows)


def _would(config, calendar, story: _Story) -> dict | None:
    if story.level is None:
        return None
    decision = decide(config, AlertFacts(
        kind=AlertKind.story, level=story.level, at=story.first_at, topic=story.topic,
        topics=story.topics, place=story.place, places=(story.place,) if story.place else (),
        locality=story.locality), calendar)
    if rank(decision.level) < rank(config.alerts.min_level):
        return None
    first = decision.steps[0].recipients if decision.steps else []
    return {"level": decision.level, "division": decision.division,
            "recipients": sorted(r.name for r in first)}


def _actual(ctx: JobContext, since, until) -> dict[str, dict]:
    query = (select(Alert).join(AlertItem, AlertItem.alert_id == Alert.id)
             .join(Item, Item.id == AlertItem.item_id)
             .where(Alert.kind == AlertKind.story, Item.fetched_at >= since,
                    Item.fetched_at < until).distinct())
    found = {}
    with Session(ctx.engine) as session:
        for alert in session.execute(query).scalars():
            steps = alert.decision.get("steps") or []
            first = steps[0]["recipients"] if steps else []
            key = f"story:{alert.story_id}" if alert.story_id else f"alert:{alert.id}"
            found[key] = {"alert": alert.id, "number": alert.number, "title": alert.title,
                          "level": alert.level, "division": alert.division,
                          "recipients": sorted(r["name"] for r in first)}
    return found


def run_backtest(ctx: JobContext) -> dict:
    """The ``backtest`` job."""
    since, until = _period(ctx.params)
    ctx.progress(0.02, "加载候选模型与路由配置")
    with Session(ctx.engine) as session:
        version, analyzer = _analyzer(ctx, session)
    config = load_routing(ctx.settings.routing)
    calendar = HeightenedCalendar(config.heightened, config.timezone)
    stories, replayed = _candidate_stories(ctx, analyzer, since, until)
    ctx.progress(0.9, "对比实际告警")
    actual = _actual(ctx, since, until)
    would_map = {key: _would(config, calendar, story) for key, story in stories.items()}
    created, removed, changed, unchanged = [], [], [], 0
    for key in sorted(set(stories) | set(actual)):
        story = stories.get(key)
        would = would_map.get(key)
        had = actual.get(key)
        if would and not had:
            created.append({"story": key, "title": story.title, "items": story.items[:20],
                            **would})
        elif had and not would:
            removed.append(had)
        elif had and would:
            if (had["level"], had["division"], had["recipients"]) != (
                    would["level"], would["division"], would["recipients"]):
                changed.append({**had, "would": would})
            else:
                unchanged += 1
    return {"kind": "backtest", "label": ctx.params.get("label", ""), "model": version,
            "thresholds": ctx.params.get("thresholds") or {}, "routing_version": config.version,
            "since": since.isoformat(), "until": until.isoformat(), "items": replayed,
            "stories": len(stories),
            "counts": {"would_alert": sum(1 for w in would_map.values() if w),
                       "actual_alerts": len(actual), "created": len(created),
                       "removed": len(removed), "changed": len(changed),
                       "unchanged": unchanged},
            "created": created[:LISTED], "removed": removed[:LISTED],
            "changed": changed[:LISTED]}


register_handler("backtest", run_backtest)
