"""Analyse stored items: claim pending ones, run the classifiers, store analysis and story.

The analysis row and the item's new state commit in one transaction, so a crash in the middle
leaves the item pending and it is analysed again; nothing is lost or half-stored.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, select
from sqlmodel import Session

from classifiers import Analyzer
from service.analysis.stories import StoryStore
from service.models import AnalysisState, Item, ItemAnalysis, Source

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3


@dataclass
class AnalyzeReport:
    analysed: int = 0
    relevant: int = 0
    failed: int = 0
    stories_new: int = 0
    levels: dict[str, int] = field(default_factory=dict)


def analyze_pending(*, engine: Engine, analyzer: Analyzer, stories: StoryStore, now: datetime,
                    batch_size: int = 200, max_batches: int | None = None,
                    on_batch=None) -> AnalyzeReport:
    """Analyse pending items, a batch per transaction, until none are left.

    ``on_batch()`` runs after each committed batch that analysed something (the service makes
    the batch's alerts then, so a backlog does not hold back the first items' alerts).
    """
    report = AnalyzeReport()
    batches = 0
    while max_batches is None or batches < max_batches:
        with Session(engine, expire_on_commit=False) as session:
            done = _analyze_batch(session, analyzer, stories, now, batch_size, report)
        batches += 1
        if done and on_batch is not None:
            on_batch()
        if done < batch_size:
            break
    return report


def _claim(session: Session, batch_size: int) -> list[tuple[Item, Source]]:
    query = (select(Item, Source).join(Source, Source.id == Item.source_id)
             .where(Item.analysis_state == AnalysisState.pending).order_by(Item.id)
             .limit(batch_size))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(of=Item, skip_locked=True)
    return [(item, source) for item, source in session.execute(query).all()]


def _analyze_batch(session: Session, analyzer: Analyzer, stories: StoryStore, now: datetime,
                   batch_size: int, report: AnalyzeReport) -> int:
    rows = _claim(session, batch_size)
    if not rows:
        return 0
    stories.sync(session, now=now)
    docs = [{"id": str(item.id), "title": item.title, "text": item.content or item.summary,
             "source": source.id, "region": source.region, "tier": source.tier}
            for item, source in rows]
    try:
        analyses = analyzer.analyze(docs)
    except Exception:  # one bad item must not block the queue: retry them one by one
        log.exception("batch analysis failed; analysing %d items one by one", len(docs))
        analyses = [_analyze_one(analyzer, doc) for doc in docs]
    # items analysed before (a model switch, a crash after the commit) have a row to replace;
    # the others get theirs inserted without a lookup each
    again = set(session.execute(select(ItemAnalysis.item_id).where(
        ItemAnalysis.item_id.in_([item.id for item, _ in rows]))).scalars())
    for (item, source), doc, analysis in zip(rows, docs, analyses, strict=True):
        if analysis is None:
            item.analysis_attempts += 1
            item.analysis_error = "analysis raised an exception (see the service log)"
            if item.analysis_attempts >= MAX_ATTEMPTS:
                item.analysis_state = AnalysisState.failed
                report.failed += 1
            continue
        _store(session, item, source, doc, analysis, stories, now, report,
               replace=item.id in again)
    session.commit()
    return len(rows)


def _analyze_one(analyzer: Analyzer, doc: dict):
    try:
        return analyzer.analyze([doc])[0]
    except Exception:
        log.exception("analysis of item %s failed", doc["id"])
        return None


def _store(session: Session, item: Item, source: Source, doc: dict, analysis, stories,
           now: datetime, report: AnalyzeReport, *, replace: bool = True) -> None:
    topic = analysis.topics[0]["label"] if analysis.topics else None
    story_id, how = stories.assign(
        session, text=f"{doc['title']}\n{doc['text']}".strip(), title=item.title,
        tokens=analysis.tokens, places=analysis.places, source=source.id, topic=topic,
        level=analysis.level, now=now)
    report.stories_new += how == "new"
    row = ItemAnalysis(
        item_id=item.id, story_id=story_id, model_version=analysis.model_version,
        relevant=analysis.relevant, relevance=analysis.relevance, topic=topic,
        topics=analysis.topics, level=analysis.level, grade=analysis.grade,
        deaths=analysis.casualties["deaths"], injured=analysis.casualties["injured"],
        missing=analysis.casualties["missing"], loss_yuan=analysis.loss_yuan,
        places=analysis.places, place=analysis.place,
        locality=analysis.locality, sensitivity=analysis.sensitivity,
        negativity=analysis.negativity, explanation=analysis.explanation, analyzed_at=now,
        alert_pending=bool(analysis.relevant and analysis.level))
    if replace:
        session.merge(row)
    else:
        session.add(row)
    item.analysis_state = AnalysisState.done
    item.analysis_error = None
    report.analysed += 1
    report.relevant += analysis.relevant
    if analysis.level:
        report.levels[analysis.level] = report.levels.get(analysis.level, 0) + 1
