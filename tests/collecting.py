"""Running real collection cycles from synchronous tests."""

import asyncio
import random

from sqlmodel import Session, select

from service.clock import FakeClock
from service.collect.cycle import Collector, CycleReport
from service.config import Settings
from service.models import Item, Role, Source
from service.users import create_user, issue_token


def run_cycles(engine, settings: Settings, clock: FakeClock, *, cycles: int = 1,
               advance: float = 0.0, force: bool = True, rng: random.Random | None = None,
               **kwargs) -> list[CycleReport]:
    """Run ``cycles`` collection cycles in one event loop, moving the clock between them."""

    async def scenario() -> list[CycleReport]:
        collector = Collector(engine=engine, settings=settings, clock=clock,
                              rng=rng or random.Random(1))
        reports = []
        try:
            for index in range(cycles):
                if index:
                    clock.advance(advance)
                reports.append(await collector.run_cycle(force=force, **kwargs))
        finally:
            await collector.aclose()
        return reports

    return asyncio.run(scenario())


def items_of(engine, source_id: str) -> list[Item]:
    """The stored items of a source, oldest first."""
    with Session(engine) as session:
        return list(session.exec(select(Item).where(Item.source_id == source_id)
                                 .order_by(Item.id)).all())


def source_row(engine, source_id: str) -> Source:
    """The source's row as the collector left it."""
    with Session(engine) as session:
        return session.get(Source, source_id)


def api_headers(engine, clock, name: str = "值班员甲", role: Role = Role.duty) -> dict:
    """Authorization headers of a new user with this role."""
    with Session(engine) as session:
        user = create_user(session=session, name=name, role=role, division=None, now=clock.now())
        token = issue_token(session=session, user=user, now=clock.now())
        session.commit()
    return {"Authorization": f"Bearer {token}"}
