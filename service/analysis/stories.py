"""Stories in the database, with this process's near-duplicate index kept in step with them."""

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlmodel import Session

from classifiers.dedup import Match, StoryClusterer
from service.models import Story

STORY_WINDOW = timedelta(hours=72)  # items join stories seen in the last three days


class StoryStore:
    """Assigns items to stories; other instances' new stories are picked up on each sync."""

    def __init__(self, *, window: timedelta = STORY_WINDOW):
        self.window = window
        self.clusterer = StoryClusterer()
        self._last_id = 0

    def sync(self, session: Session, *, now: datetime) -> None:
        """Index the stories created (by any instance) since the last sync."""
        rows = session.execute(
            select(Story).where(Story.id > self._last_id,
                                Story.last_seen_at >= now - self.window).order_by(Story.id)
        ).scalars().all()
        for row in rows:
            self._index(row)
        if rows:
            self._last_id = max(self._last_id, rows[-1].id)

    def _index(self, row: Story) -> None:
        match = Match(None, "new", row.exact_key, fingerprint=_unsigned(row.fingerprint))
        if row.fingerprint is None:
            match.signature = self.clusterer.short.signature(row.representative)
        self.clusterer.register(row.id, match, places=row.places)
        self.clusterer.stories[row.id].sources.update(row.sources)

    def assign(self, session: Session, *, text: str, title: str, tokens: list[str],
               places: list[str], source: str, topic: str | None, level: str | None,
               now: datetime, weight=None) -> tuple[int, str]:
        """The story id for an item (a new row when it starts a story) and how it matched."""
        match = self.clusterer.match(text=text, tokens=tokens, places=places, weight=weight)
        if match.story is None:
            row = Story(title=title or text[:80], first_seen_at=now, last_seen_at=now,
                        item_count=1, source_count=1, sources=[source], places=list(places),
                        topic=topic, level=level, exact_key=match.exact_key,
                        fingerprint=_signed(match.fingerprint), representative=text[:400])
            session.add(row)
            session.flush()
            self.clusterer.register(row.id, match, places=places, source=source)
            self._last_id = max(self._last_id, row.id)
            return row.id, match.how
        row = session.get(Story, match.story)
        story = self.clusterer.register(match.story, match, places=places, source=source)
        if row is not None:
            row.item_count += 1
            row.last_seen_at = max(row.last_seen_at, now)
            row.sources = sorted(story.sources | set(row.sources))
            row.source_count = len(row.sources)
            row.places = sorted(set(row.places) | set(places))
            if _rank(level) > _rank(row.level):
                row.level = level
            row.topic = row.topic or topic
        return match.story, match.how


_LEVEL_RANK = {None: 0, "blue": 1, "yellow": 2, "orange": 3, "red": 4}


def _rank(level: str | None) -> int:
    return _LEVEL_RANK.get(level, 0)


def _signed(value: int | None) -> int | None:
    """A 64-bit fingerprint as PostgreSQL's signed BIGINT holds it."""
    if value is None:
        return None
    return value - (1 << 64) if value >= 1 << 63 else value


def _unsigned(value: int | None) -> int | None:
    if value is None:
        return None
    return value + (1 << 64) if value < 0 else value
