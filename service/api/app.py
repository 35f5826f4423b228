"""The application factory."""

from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy import Engine

from service import __version__
from service.analysis.runner import AnalysisRunner
from service.api import classify, health, items, sources
from service.clock import Clock, SystemClock
from service.config import Settings
from service.db import make_engine
from service.metrics import Metrics


def create_app(settings: Settings | None = None, *, engine: Engine | None = None,
               clock: Clock | None = None, scheduler_factory=None) -> FastAPI:
    """A configured app; ``scheduler_factory(app)`` returns a started scheduler, or is None."""
    settings = settings or Settings()
    engine = engine or make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        scheduler = await scheduler_factory(app) if scheduler_factory else None
        try:
            yield
        finally:
            if scheduler is not None:
                await scheduler.stop()

    app = FastAPI(title="应急舆情哨兵 Yuqing Sentinel", version=__version__, lifespan=lifespan)
    app.state.settings = settings
    app.state.engine = engine
    app.state.clock = clock or SystemClock()
    app.state.metrics = Metrics(engine)
    app.state.analysis = AnalysisRunner(settings)
    for module in (health, sources, items, classify):
        app.include_router(module.router)
    return app

