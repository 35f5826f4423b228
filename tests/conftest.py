"""Shared fixtures: a migrated database (SQLite, and PostgreSQL when configured), a fake clock,
local sites, and sources.yaml files written per test."""

import random
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlmodel import Session

from service.clock import FakeClock
from service.config import Settings
from service.db import make_engine, upgrade
from service.sources.schema import SourcesFile, load_sources
from service.sources.sync import sync_sources
from tests.servers import Site

SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
_PG_PREPARED: set[str] = set()


def _postgres_url() -> str | None:
    return Settings().test_database_url


DATABASES = ["sqlite"] + (["postgresql"] if _postgres_url() else [])


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path) -> str:
    """A migrated, empty database: a fresh SQLite file, or the test PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'yuqing.db'}"
        upgrade(url)
        return url
    url = _postgres_url()
    engine = make_engine(url)
    if url not in _PG_PREPARED:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        upgrade(url)
        _PG_PREPARED.add(url)
    tables = [t for t in inspect(engine).get_table_names() if t != "alembic_version"]
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 26, 2, 0, tzinfo=UTC))


@pytest.fixture
def rng() -> random.Random:
    return random.Random(7)


@pytest.fixture
def site():
    with Site() as running:
        yield running


@pytest.fixture
def settings(tmp_path, database_url) -> Settings:
    """Settings for a test: fast timeouts, no politeness delay, files under tmp_path."""
    return Settings(
        database_url=database_url, sources=tmp_path / "sources.yaml",
        data_dir=tmp_path / "var", fetch_timeout_seconds=2.0, fetch_connect_timeout_seconds=1.0,
        item_page_delay_seconds=0.0, fetch_max_bytes=256 * 1024,
    )


def write_sources(path: Path, yaml_text: str) -> SourcesFile:
    """Write a sources.yaml and return it validated."""
    path.write_text(textwrap.dedent(yaml_text), encoding="utf-8")
    return load_sources(path)


def install_sources(engine, settings: Settings, clock: FakeClock, yaml_text: str) -> SourcesFile:
    """Write sources.yaml and copy it into the database, as `serve` does."""
    sources_file = write_sources(settings.sources, yaml_text)
    with Session(engine) as session:
        sync_sources(session, sources_file, now=clock.now())
    return sources_file


@pytest.fixture
def receivers():
    """A DingTalk robot, a webhook consumer and an SMTP server, all local and real."""
    from tests.alerting import DING_SECRET, HOOK_SECRET
    from tests.receivers import BotReceiver, SmtpReceiver, WebhookReceiver

    with BotReceiver("dingtalk", secret=DING_SECRET) as ding, \
            WebhookReceiver(secret=HOOK_SECRET) as hook, SmtpReceiver() as smtp:
        yield ding, hook, smtp


@pytest.fixture
def driver(engine, clock, receivers, tmp_path):
    """The alert steps on the fake clock, with routing.yaml pointed at ``receivers``."""
    from tests.delivering import build

    driver, _ = build(engine, clock, receivers, tmp_path / "routing.yaml")
    yield driver
    driver.close()
