"""The application factory."""

from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy import Engine

from service import __version__
from service.alerts.context import RoutingFile
from service.analysis.runner import AnalysisRunner
from service.api import (
    ack,
    alerts,
    backtests,
    classify,
    feedback,
    health,
    items,
    jobs,
    labels,
    models,
    schemes,
    silences,
    sources,
    stream,
)
from service.clock import Clock, SystemClock
from service.config import Settings, load_secret_key
from service.db import make_engine
from service.metrics import Metrics
from service.users import TokenCache


def create_app(settings: Settings | None = None, *, engine: Engine | None = None,
               clock: Clock | None = None, scheduler_factory=None,
               routing: RoutingFile | None = None) -> FastAPI:
    """A configured app; ``scheduler_factory(app)`` returns a started scheduler, or is None.

    routing.yaml is read on first use unless ``routing`` is given (``serve`` loads it first,
    so a broken file stops start-up).
    """
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
    app.state.tokens = TokenCache()
    app.state.routing = routing or RoutingFile(
        settings.routing, secret=load_secret_key(settings), public_url=settings.public_url)
    # the stream's fixed path first: /api/v1/alerts/{alert_id} would otherwise take it
    for module in (health, sources, items, classify, stream, alerts, silences, ack):
        app.include_router(module.router)
    for module in (feedback, labels):
        app.include_router(module.router)
    for module in (models, jobs, backtests, schemes):  # the analysts' tools
        app.include_router(module.router)
    return app

