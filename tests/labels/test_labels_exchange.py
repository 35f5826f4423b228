"""The labelled set leaves and enters the service: export, import, the split, and the CLI."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlmodel import Session
from typer.testing import CliRunner

from classifiers.train import held_out, read_corpus
from service.analysts.labels import split_of
from service.cli import app as cli_app
from service.db import make_engine
from service.models import Feedback, Label, Role
from tests.labels.support import (
    LABELS,
    count,
    fresh_database,
    label,
    lines_of,
    login,
    make_client,
    new_item,
)


def test_export_then_import_into_a_fresh_database_gives_the_same_labels(
        settings, engine, clock, routing, database_url, tmp_path):
    with make_client(settings, engine, clock, routing) as client:
        analyst = login(engine, clock, "分析员", Role.analyst)
        items = [new_item(engine, clock, t) for t in ("仓库起火", "暴雨致内涝", "明星婚礼")]
        client.post(f"/api/v1/items/{items[0]}/feedback", headers=analyst,
                    json={"topic": "fire", "level": "orange", "reason": "死亡 3 人"})
        clock.advance(1.5)
        client.post(f"/api/v1/items/{items[1]}/feedback", headers=analyst,
                    json={"topic": "flood_drought"})
        client.post(f"/api/v1/items/{items[2]}/feedback", headers=analyst,
                    json={"false_alarm": True, "reason": "娱乐新闻\u2028与应急无关"})
        shared = json.dumps({"id": "peer-0001", "title": "", "text": "某县山洪冲毁桥梁",
                             "relevant": True, "topics": ["flood_drought"],
                             "author": "邻局分析员", "updated_at": "2026-11-01T08:00:00+08:00"},
                            ensure_ascii=False)
        assert client.post(f"{LABELS}/import", headers=analyst, content=shared).json()[
            "created"] == 1
        exported = client.get(f"{LABELS}/export", headers=analyst)
        assert exported.headers["content-type"].startswith("application/x-ndjson")
        before = lines_of(exported)
    assert len(before) == 4 and "\u2028" not in exported.text

    path = tmp_path / "labels.jsonl"
    path.write_text(exported.text, encoding="utf-8")
    corpus = read_corpus(path)
    assert [r["id"] for r in corpus] == [r["id"] for r in before]
    for record in corpus:
        assert set(record) >= {"id", "title", "text", "relevant", "topics", "level",
                               "false_alarm", "reason", "author", "updated_at", "split"}
        assert (record["split"] == "holdout") == held_out(record, 0.2)
    assert next(r for r in corpus if r["id"] == f"item:{items[2]}")["reason"] == \
        "娱乐新闻\u2028与应急无关"

    url = fresh_database(database_url, tmp_path)
    fresh = make_engine(url)
    try:
        clock.advance(3600)
        with make_client(settings, fresh, clock, routing) as client:
            restorer = login(fresh, clock, "恢复员", Role.analyst)
            imported = client.post(f"{LABELS}/import", headers=restorer,
                                   content=exported.text).json()
            assert imported == {"lines": 4, "created": 4, "updated": 0, "unchanged": 0,
                                "kept": 0, "errors": []}
            after = lines_of(client.get(f"{LABELS}/export", headers=restorer))
            again = client.post(f"{LABELS}/import", headers=restorer, content=exported.text)
            assert again.json()["unchanged"] == 4
        assert sorted(after, key=lambda r: r["id"]) == sorted(before, key=lambda r: r["id"])
        with Session(fresh) as session:
            history = session.execute(select(Feedback)).scalars().all()
        assert len(history) == 4
        assert {(f.origin, f.author, f.created_at) for f in history} == {
            ("import", "恢复员", clock.now())}
    finally:
        fresh.dispose()


def test_an_import_with_a_bad_line_writes_nothing_and_names_the_line(client, engine, clock):
    analyst = login(engine, clock, "分析员", Role.analyst)
    good = {"id": "a-1", "title": "工厂爆炸", "text": "", "relevant": True, "topics": []}
    lines = [json.dumps(good), "",
             json.dumps(good | {"id": "a-2", "topics": ["earthquake"]}),
             "{not json",
             json.dumps(good | {"id": "a-1"}),
             json.dumps(good | {"id": "a-3", "false_alarm": True}),
             json.dumps(good | {"id": "a-4", "updated_at": "2026-11-26 08:00"}),
             json.dumps(good | {"id": "a-5", "relevant": False, "topics": ["fire"]}),
             json.dumps(["a list"]),
             json.dumps(good | {"id": "a-6", "title": "", "text": " "})]
    response = client.post(f"{LABELS}/import", headers=analyst, content="\n".join(lines))
    assert response.status_code == 422
    detail = response.json()["detail"]
    errors = {e["line"]: e["message"] for e in detail["errors"]}
    assert sorted(errors) == [3, 4, 5, 6, 7, 8, 9, 10] and detail["error_count"] == 8
    assert "未知主题 earthquake" in errors[3] and "不是合法的 JSON" in errors[4]
    assert "第 1 行重复" in errors[5] and "reason" in errors[6]
    assert "updated_at" in errors[7] and "relevant 为 false" in errors[8]
    assert "JSON 对象" in errors[9] and "不能都为空" in errors[10]
    assert "未导入任何标注" in detail["message"]
    assert count(engine, Label) == 0 and count(engine, Feedback) == 0
    undecodable = client.post(f"{LABELS}/import", headers=analyst, content=b"\xff\xfe{")
    assert undecodable.status_code == 400


def test_an_import_keeps_newer_labels_and_never_deletes(client, engine, clock):
    analyst = login(engine, clock, "分析员", Role.analyst)
    item = new_item(engine, clock, "货车起火")
    client.post(f"/api/v1/items/{item}/feedback", headers=analyst, json={"topic": "fire"})
    client.post(f"{LABELS}/import", headers=analyst, content=json.dumps(
        {"id": "ex-1", "text": "某地山火", "relevant": True, "topics": ["fire"]}))
    record = lines_of(client.get(f"{LABELS}/export", headers=analyst))
    ours = next(r for r in record if r["id"] == f"item:{item}")
    older = ours | {"relevant": False, "topics": [], "updated_at": "2026-01-01T00:00:00+00:00"}
    newer = ours | {"topics": ["fire", "production_safety"],
                    "updated_at": (clock.now() + timedelta(hours=1)).isoformat()}

    kept = client.post(f"{LABELS}/import", headers=analyst, content=json.dumps(older)).json()
    assert kept["kept"] == 1 and label(engine, f"item:{item}").relevant is True
    clock.advance(60)
    updated = client.post(f"{LABELS}/import", headers=analyst, content=json.dumps(newer)).json()
    assert updated["updated"] == 1
    stored = label(engine, f"item:{item}")
    assert stored.topics == ["fire", "production_safety"] and stored.item_id == item
    history = client.get(f"/api/v1/items/{item}/feedback", headers=analyst).json()
    assert [(h["origin"], h["author"]) for h in history] == [("import", "分析员"),
                                                             ("api", "分析员")]
    assert count(engine, Label) == 2  # ex-1 is still there


def test_an_item_key_from_another_database_does_not_take_over_an_item(client, engine, clock):
    analyst = login(engine, clock, "分析员", Role.analyst)
    ours = new_item(engine, clock, "本地仓库起火")
    foreign = {"id": f"item:{ours}", "title": "外地暴雨", "text": "", "relevant": True,
               "topics": ["flood_drought"]}
    restored = {"id": f"item:{ours + 1}", "title": "旧库的一条", "text": "", "relevant": False}
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in (foreign, restored))
    assert client.post(f"{LABELS}/import", headers=analyst, content=body).json()["created"] == 2
    assert label(engine, f"item:{ours}") is None
    with Session(engine) as session:
        aside = session.execute(select(Label).where(Label.key.like(f"item:{ours}@%"))).scalar_one()
    assert (aside.title, aside.item_id, aside.split) == ("外地暴雨", None, split_of(aside.key))
    clash = "\n".join(json.dumps(r, ensure_ascii=False) for r in (
        foreign, foreign | {"id": aside.key}, {"id": "t", "title": 0, "relevant": True}))
    rejected = client.post(f"{LABELS}/import", headers=analyst, content=clash)
    assert [(e["line"], e["message"]) for e in rejected.json()["detail"]["errors"]] == [
        (3, "title 必须是字符串")]
    rejected = client.post(f"{LABELS}/import", headers=analyst, content=clash.rsplit("\n", 1)[0])
    assert rejected.status_code == 422
    assert "与第 2 行重复" in rejected.json()["detail"]["errors"][0]["message"]

    # the restored label waited for an item that never was; a new item with that id comes
    newcomer = new_item(engine, clock, "本地新条目")
    assert newcomer == ours + 1
    client.post(f"/api/v1/items/{newcomer}/feedback", headers=analyst, json={"topic": "fire"})
    stored = label(engine, f"item:{newcomer}")
    assert (stored.title, stored.item_id, stored.topics) == ("本地新条目", newcomer, ["fire"])
    with Session(engine) as session:
        moved = session.execute(select(Label).where(
            Label.key.like(f"item:{newcomer}@%"))).scalar_one()
    assert (moved.title, moved.relevant, moved.item_id) == ("旧库的一条", False, None)


def test_split_is_the_training_holdout(tmp_path):
    keys = [f"item:{n}" for n in range(2000)] + [f"peer-{n:04d}" for n in range(500)]
    holdout = [k for k in keys if split_of(k) == "holdout"]
    assert all((split_of(k) == "holdout") == held_out({"id": k}, 0.2) for k in keys)
    assert 0.17 < len(holdout) / len(keys) < 0.23


@pytest.fixture
def env(settings, database_url, tmp_path) -> dict:
    return {"YQ_DATABASE_URL": database_url, "YQ_DATA_DIR": str(tmp_path / "var"),
            "COLUMNS": "200"}


def invoke(env: dict, *args: str):
    return CliRunner().invoke(cli_app, list(args), env=env, catch_exceptions=False)


def test_cli_exports_and_imports_the_labelled_set(client, engine, clock, env, database_url,
                                                  tmp_path):
    analyst = login(engine, clock, "分析员", Role.analyst)
    for title, mark in (("码头起火", {"topic": "fire"}), ("股市行情", {"relevant": False})):
        client.post(f"/api/v1/items/{new_item(engine, clock, title)}/feedback",
                    headers=analyst, json=mark)
    exported = tmp_path / "out" / "labels.jsonl"
    exported.parent.mkdir()
    result = invoke(env, "labels", "export", "--output", str(exported))
    assert result.exit_code == 0, result.output
    assert "2 labels written" in result.output
    stdout = invoke(env, "labels", "export")
    assert stdout.output == exported.read_text(encoding="utf-8")
    before = read_corpus(exported)
    assert {r["title"] for r in before} == {"码头起火", "股市行情"}
    assert "2 labels" in invoke(env, "labels", "stats").output

    fresh = env | {"YQ_DATABASE_URL": fresh_database(database_url, tmp_path)}
    bad = tmp_path / "bad.jsonl"
    bad.write_text(exported.read_text(encoding="utf-8") + '{"id": "z", "relevant": 1}\n',
                   encoding="utf-8")
    rejected = invoke(fresh, "labels", "import", str(bad), "--author", "张三")
    assert rejected.exit_code == 2
    assert f"{bad}:3: " in rejected.output and "nothing imported" in rejected.output
    assert invoke(fresh, "labels", "export").output == ""

    imported = invoke(fresh, "labels", "import", str(exported), "--author", "张三")
    assert imported.exit_code == 0, imported.output
    assert "2 lines: 2 created" in imported.output
    again = tmp_path / "again.jsonl"
    assert invoke(fresh, "labels", "export", "-o", str(again)).exit_code == 0
    assert sorted(read_corpus(again), key=str) == sorted(before, key=str)
    engine_fresh = make_engine(fresh["YQ_DATABASE_URL"])
    with Session(engine_fresh) as session:
        authors = set(session.execute(select(Feedback.author)).scalars())
    engine_fresh.dispose()
    assert authors == {"张三"}
    assert invoke(fresh, "labels", "import", str(tmp_path / "missing.jsonl")).exit_code == 2
