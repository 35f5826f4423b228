"""The `yuqing` command line against a real database and a real local site."""

from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from service.cli import app
from service.models import Item, User
from service.users import authenticate
from tests.servers import Reply

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def env(settings, database_url, tmp_path) -> dict:
    return {"YQ_DATABASE_URL": database_url, "YQ_SOURCES": str(settings.sources),
            "YQ_DATA_DIR": str(tmp_path / "var"), "YQ_FETCH_TIMEOUT_SECONDS": "2",
            "YQ_ITEM_PAGE_DELAY_SECONDS": "0", "COLUMNS": "200"}


def invoke(env: dict, *args: str):
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def test_users_add_prints_a_working_token_once(env, engine, clock):
    result = invoke(env, "users", "add", "值班员甲", "--role", "duty", "--division", "office")
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    assert token.startswith("yq_")
    with Session(engine) as session:
        user = authenticate(session=session, token=token, now=clock.now())
        assert user.name == "值班员甲" and user.role == "duty" and user.division == "office"
        assert len(session.exec(select(User)).all()) == 1
    again = invoke(env, "users", "add", "值班员甲", "--role", "duty")
    assert again.exit_code == 1 and "exists already" in again.output
    assert invoke(env, "users", "add", "x", "--role", "boss").exit_code == 2


def test_collect_once_stores_items_and_prints_a_summary(env, engine, settings, site):
    good = site.route("/feed.xml", Reply(body=(FIXTURES / "rss20_zh.xml").read_bytes()))
    settings.sources.write_text(
        "sources:\n"
        f"  - {{id: good, name: 好源, kind: rss, url: '{good}'}}\n"
        f"  - {{id: gone, name: 坏源, kind: rss, url: '{site.url('/missing')}'}}\n",
        encoding="utf-8")

    result = invoke(env, "collect", "--once")

    assert result.exit_code == 0, result.output
    assert "good" in result.output and "http_client_error" in result.output
    assert "2 sources, 3 new items, 1 failed" in result.output
    with Session(engine) as session:
        assert len(session.exec(select(Item)).all()) == 3
    only = invoke(env, "collect", "--once", "--source", "good")
    assert only.exit_code == 0 and "1 sources, 0 new items, 0 failed" in only.output


def test_configuration_errors_exit_2_with_file_line_and_field(env, settings):
    settings.sources.write_text(
        "sources:\n  - id: a\n    name: A\n    kind: podcast\n    url: http://127.0.0.1/\n",
        encoding="utf-8")
    for command in (["collect", "--once"], ["sources", "check"]):
        result = invoke(env, *command)
        assert result.exit_code == 2
        assert f"{settings.sources}:4: sources[0].kind:" in result.output
    assert invoke(env, "collect").exit_code == 2


def test_collect_rejects_unknown_source_id(env, settings):
    settings.sources.write_text("sources: []\n", encoding="utf-8")
    result = invoke(env, "collect", "--once", "--source", "nope")
    assert result.exit_code == 2 and "unknown source id" in result.output


def test_sources_check_fetches_without_storing(env, engine, settings, site):
    url = site.route("/feed.xml", Reply(body=(FIXTURES / "atom.xml").read_bytes()))
    settings.sources.write_text(
        f"sources:\n  - {{id: mem, name: 应急管理部, kind: atom, url: '{url}'}}\n",
        encoding="utf-8")
    result = invoke(env, "sources", "check")
    assert result.exit_code == 0, result.output
    assert "valid, 1 sources" in result.output and "1 reachable, 0 failing" in result.output
    assert "utf-8" in result.output
    with Session(engine) as session:
        assert session.exec(select(Item)).all() == []


def test_sources_import_opml(env, settings, tmp_path):
    settings.sources.write_text("sources: []\n", encoding="utf-8")
    opml = tmp_path / "a.opml"
    opml.write_text('<opml version="1.0"><body><outline text="Quake" '
                    'xmlUrl="http://127.0.0.1/quake.xml"/></body></opml>', encoding="utf-8")
    result = invoke(env, "sources", "import-opml", str(opml))
    assert result.exit_code == 0 and "added 1 sources" in result.output
    assert "quake" in settings.sources.read_text(encoding="utf-8")
    broken = tmp_path / "b.opml"
    broken.write_text("<opml><body>", encoding="utf-8")
    assert invoke(env, "sources", "import-opml", str(broken)).exit_code == 2


def test_db_upgrade_is_idempotent(env):
    assert invoke(env, "db", "upgrade").exit_code == 0
    assert invoke(env, "db", "upgrade").exit_code == 0
