"""`yuqing schemes`, `yuqing lexicon` and `yuqing backtest` from the command line."""

import json
from datetime import timedelta

from sqlmodel import Session, select
from typer.testing import CliRunner

from service.cli import app as cli
from service.models import LexiconEdit, SchemeVersion


def yuqing(env: dict, *args: str):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_schemes_and_terms_are_edited_with_their_author(database_url, settings, engine,
                                                       tmp_path):
    env = {"YQ_DATABASE_URL": database_url, "YQ_DATA_DIR": str(tmp_path / "var"),
           "COLUMNS": "200"}
    bad = yuqing(env, "schemes", "set", "园区火情", "--topic", "fire", "--expression",
                 "金鼎+(火灾|起火", "--author", "分析员甲")
    assert bad.exit_code == 2 and "position" in bad.output
    good = yuqing(env, "schemes", "set", "园区火情", "--topic", "fire", "--place", "金鼎",
                  "--event", "火灾", "--event", "起火", "--author", "分析员甲")
    assert good.exit_code == 0, good.output
    listed = yuqing(env, "schemes", "list")
    assert "园区火情" in listed.output and "辖区火灾" in listed.output
    assert yuqing(env, "schemes", "delete", "园区火情").exit_code == 0
    assert yuqing(env, "lexicon", "add", "fire", "锂电池热失控", "--weight", "2",
                  "--author", "分析员甲").exit_code == 0
    missing = yuqing(env, "lexicon", "remove", "weather", "暴晒")
    assert missing.exit_code == 2
    with Session(engine) as session:
        versions = session.execute(select(SchemeVersion.version, SchemeVersion.author)
                                   .order_by(SchemeVersion.id)).all()
        edits = session.execute(select(LexiconEdit.term, LexiconEdit.author)).all()
    assert [v for v, _ in versions] == [1, 2] and versions[0][1] == "分析员甲"
    assert edits == [("锂电池热失控", "分析员甲")]


def test_backtest_from_the_command_line(database_url, settings, clock, tmp_path):
    env = {"YQ_DATABASE_URL": database_url, "YQ_DATA_DIR": str(tmp_path / "var"),
           "COLUMNS": "200"}
    since, until = clock.now() - timedelta(days=1), clock.now()
    result = yuqing(env, "backtest", "--since", since.isoformat(), "--until", until.isoformat(),
                    "--threshold", "relevant=0.7", "--label", "试阈值", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{"):])
    assert report["items"] == 0 and report["counts"]["created"] == 0
    naive = yuqing(env, "backtest", "--since", "2026-11-01T00:00:00", "--until",
                   until.isoformat())
    assert naive.exit_code == 2
