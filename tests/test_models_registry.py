"""Model versions through the API and the CLI: train as a job with progress, evaluate, compare,
thresholds from a target precision, activation followed by every instance, refusal of a worse
version without an override, rollback, and who may do it."""

import getpass
import json
import re
import shutil
import time

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select
from typer.testing import CliRunner

from classifiers.artifacts import load_meta
from service.analysis.runner import AnalysisRunner
from service.analysts.jobs import JobRunner
from service.api.app import create_app
from service.cli import app as cli
from service.models import Job, ModelActivation, ModelVersion, Role
from tests.collecting import api_headers
from tests.modelling import add_labels, prepare, register_model, small_models  # noqa: F401


@pytest.fixture
def ready(engine, settings, clock, small_models):  # noqa: F811
    """Settings with the bad model as the default, the bureau's labels, and analyst headers."""
    prepare(settings, small_models)
    add_labels(engine, small_models, clock.now())
    return api_headers(engine, clock, "分析员甲", Role.analyst)


def client_for(settings, engine, clock) -> TestClient:
    return TestClient(create_app(settings, engine=engine, clock=clock))


def run_jobs(engine, settings, clock) -> int:
    return JobRunner(engine=engine, settings=settings, clock=clock).run_pending()


def test_train_job_reports_progress_and_registers_the_version(engine, settings, clock, ready):
    with client_for(settings, engine, clock) as client:
        response = client.post("/api/v1/models/train", headers=ready,
                               json={"with_labels": True, "note": "加入本局标注"})
        assert response.status_code == 202, response.text
        job = response.json()
        assert job["status"] == "queued" and job["kind"] == "train"
        assert response.headers["Location"] == f"/api/v1/jobs/{job['id']}"

        runner = JobRunner(engine=engine, settings=settings, clock=clock)
        assert runner.tick() == 1
        seen = []
        while True:
            state = client.get(f"/api/v1/jobs/{job['id']}", headers=ready).json()
            seen.append((state["progress"], state["message"]))
            if state["status"] in ("done", "failed"):
                break
            time.sleep(0.05)
        runner.wait()
        assert state["status"] == "done", state["error"]
        progress = [p for p, _ in seen]
        assert progress == sorted(progress) and len(set(progress)) >= 3
        assert any(message.startswith("分词") for _, message in seen)
        version = state["result"]["version"]

        listed = {v["version"]: v for v in client.get("/api/v1/models", headers=ready).json()}
        assert set(listed) == {version, "bad-1"} and listed["bad-1"]["active"]
        row = listed[version]
        assert row["status"] == "ready" and row["author"] == "分析员甲"
        assert re.fullmatch(r"[0-9a-f]{64}", row["data_hash"]) and row["note"] == "加入本局标注"
        assert row["params"]["with_labels"] and row["params"]["sources"]["labels"] == 30
        assert row["params"]["sources"]["seed_items"] == 2000 and row["params"]["job"] == job["id"]
        assert row["params"]["holdout"] == 0.2 and "word_ngrams" in row["params"]
        assert row["metrics"]["held_out"]["relevance"]["f1"] > 0.5
        assert row["metrics"]["labels_holdout"]["items"] == 150
    folders = [p.name for p in (settings.data_dir / "models").iterdir()]
    assert folders == [version]  # nothing left of the building folder



def test_training_with_unknown_word_vectors_fails_with_the_reason(engine, settings, clock, ready):
    with client_for(settings, engine, clock) as client:
        job = client.post("/api/v1/models/train", headers=ready,
                          json={"version": "vectors-1",
                                "params": {"embeddings": "no-such-vectors-1.0"}}).json()
        assert run_jobs(engine, settings, clock) == 1
        state = client.get(f"/api/v1/jobs/{job['id']}", headers=ready).json()
        assert state["status"] == "failed"
        assert "unknown word vectors 'no-such-vectors-1.0'" in state["error"]
        row = client.get("/api/v1/models/vectors-1", headers=ready).json()
        assert row["status"] == "failed" and "no-such-vectors-1.0" in row["note"]
        assert client.get("/api/v1/models/active", headers=ready).json()["version"] == "bad-1"

def test_evaluation_job_as_json_and_as_a_page(engine, settings, clock, ready, small_models):  # noqa: F811
    register_model(engine, settings, small_models.good, clock.now())
    with client_for(settings, engine, clock) as client:
        job = client.post("/api/v1/models/good-1/evaluate", headers=ready,
                          json={"set": "labels:holdout"}).json()
        early = client.get(f"/api/v1/models/evaluations/{job['id']}", headers=ready)
        assert early.status_code == 409 and "尚未完成" in early.json()["detail"]
        upload = "\n".join(json.dumps({**r, "level": None}, ensure_ascii=False)
                           for r in small_models.holdout[:20])
        uploaded = client.post("/api/v1/models/active/evaluate", headers=ready,
                               json={"set": "upload", "jsonl": upload}).json()
        assert uploaded["params"]["version"] == "bad-1"
        assert uploaded["params"]["records"] == "20 uploaded records"
        bad = client.post("/api/v1/models/good-1/evaluate", headers=ready,
                          json={"set": "upload", "jsonl": '{"relevant": true}\nnot json'})
        assert bad.status_code == 422 and "第 2 行" in bad.json()["detail"]
        assert run_jobs(engine, settings, clock) == 2

        result = client.get(f"/api/v1/models/evaluations/{job['id']}", headers=ready).json()
        assert result["version"] == "good-1" and result["items"] == 150
        metrics = result["metrics"]
        assert set(metrics["topics"]["fire"]) >= {"precision", "recall", "f1", "support"}
        assert metrics["macro_f1"] is not None and "irrelevant" in metrics["confusion"]
        assert metrics["false_alerts_per_1000_irrelevant"] is not None
        assert metrics["levels"]["items"] > 100
        assert result["wrong_total"] == len(result["wrong"]) > 0
        wrong = result["wrong"][0]
        assert wrong["mistakes"] and "rules" in wrong["explanation"] and wrong["text"]

        page = client.get(f"/api/v1/models/evaluations/{job['id']}/page", headers=ready)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        for text in ("模型评估：good-1", "宏平均 F1", "混淆矩阵", "判错条目", "火灾", wrong["id"]):
            assert text in page.text
        small = client.get(f"/api/v1/models/evaluations/{uploaded['id']}", headers=ready).json()
        assert small["items"] == 20 and small["version"] == "bad-1"
        history = client.get("/api/v1/models/good-1/evaluations", headers=ready).json()
        assert [h["id"] for h in history] == [job["id"]]


def test_comparison_lists_changed_decisions_and_deltas(engine, settings, clock, ready,
                                                       small_models):  # noqa: F811
    register_model(engine, settings, small_models.good, clock.now())
    with client_for(settings, engine, clock) as client:
        job = client.post("/api/v1/models/compare", headers=ready,
                          json={"a": "active", "b": "good-1", "set": "labels:holdout"}).json()
        assert job["params"]["a"] == "bad-1"
        missing = client.post("/api/v1/models/compare", headers=ready, json={"a": "x", "b": "y"})
        assert missing.status_code == 404
        run_jobs(engine, settings, clock)
        result = client.get(f"/api/v1/models/evaluations/{job['id']}", headers=ready).json()
        assert result["a"] == "bad-1" and result["b"] == "good-1" and result["items"] == 150
        assert result["deltas"]["relevance"]["f1"] > 0.3 and result["deltas"]["macro_f1"] > 0
        assert result["changes"]["fixed"] > result["changes"]["broken"]
        assert result["changed_total"] == sum(result["changes"].values())
        change = result["changed"][0]
        assert change["a"] != change["b"] and "rules" in change["explanation_b"]
        page = client.get(f"/api/v1/models/evaluations/{job['id']}/page", headers=ready)
        assert "模型比较：bad-1 → good-1" in page.text and "改对" in page.text


def test_threshold_from_a_target_precision_is_stored_and_applied(engine, settings, clock, ready,
                                                                  small_models):  # noqa: F811
    register_model(engine, settings, small_models.good, clock.now())
    instance = AnalysisRunner(settings)
    with client_for(settings, engine, clock) as client:
        curve = client.get("/api/v1/models/good-1/thresholds", headers=ready).json()
        points = curve["relevance"]
        assert len(points) == 101 and points[0]["recall"] == 1.0 and curve["items"] == 150
        assert set(curve["levels"]) == {"blue", "yellow", "orange", "red"}
        assert curve["levels"]["blue"][0]["recall"] <= 1.0

        response = client.post("/api/v1/models/good-1/thresholds", headers=ready,
                               json={"target_precision": 0.95})
        assert response.status_code == 200, response.text
        stored = response.json()["thresholds"]
        point = stored["basis"]["point"]
        assert point["precision"] >= 0.95 and stored["relevant"] == point["threshold"]
        own = load_meta(small_models.good).thresholds["relevant"]
        assert stored["set_by"] == "分析员甲" and stored["basis"]["previous"] == own
        assert all(p["recall"] <= point["recall"] for p in points
                   if p["precision"] is not None and p["precision"] >= 0.95)

        explicit = client.post("/api/v1/models/good-1/thresholds", headers=ready,
                               json={"threshold": 0.6}).json()["thresholds"]
        assert explicit["relevant"] == 0.6 and explicit["history"][0]["relevant"] == point[
            "threshold"]
        unreachable = client.post("/api/v1/models/good-1/thresholds", headers=ready,
                                  json={"target_precision": 1.0, "decision": "red"})
        assert unreachable.status_code == 422 and "精确率" in unreachable.json()["detail"]
        both = client.post("/api/v1/models/good-1/thresholds", headers=ready,
                           json={"target_precision": 0.9, "threshold": 0.5})
        assert both.status_code == 422

        assert client.post("/api/v1/models/good-1/activate", headers=ready,
                           json={}).status_code == 200
    assert instance.current(engine).thresholds["relevant"] == 0.6
    with Session(engine) as session:
        row = session.get(ModelVersion, "good-1")
        row.thresholds = {**row.thresholds, "relevant": 0.55}
        session.add(row)
        session.commit()
    analyzer = instance.current(engine)
    assert analyzer.version == "good-1" and analyzer.thresholds["relevant"] == 0.55


def test_activation_reaches_every_instance_worse_needs_override_and_rollback(
        engine, settings, clock, ready, small_models):  # noqa: F811
    register_model(engine, settings, small_models.good, clock.now())
    first, second = AnalysisRunner(settings), AnalysisRunner(settings)  # two instances
    assert first.current(engine).version == second.current(engine).version == "bad-1"
    with client_for(settings, engine, clock) as client:
        assert client.get("/api/v1/models/active", headers=ready).json() == {
            "version": "bad-1", "activated": False, "activation": None}
        better = client.post("/api/v1/models/good-1/activate", headers=ready, json={})
        assert better.status_code == 200, better.text
        activation = better.json()
        assert activation["previous"] == "bad-1" and activation["actor"] == "分析员甲"
        assert not activation["comparison"]["worse"] and activation["comparison"]["items"] == 150
        assert activation["comparison"]["deltas"]["macro_f1"] > 0
        second.run(engine, clock.now())  # its next run, no restart
        assert second.analyzer.version == "good-1"
        assert first.current(engine).version == "good-1"

        again = client.post("/api/v1/models/good-1/activate", headers=ready, json={})
        assert again.status_code == 409 and "已是当前" in again.json()["detail"]
        worse = client.post("/api/v1/models/bad-1/activate", headers=ready, json={})
        assert worse.status_code == 409
        body = worse.json()
        assert "强制启用" in body["detail"] and body["comparison"]["worse"]
        assert any("宏平均F1" in r for r in body["comparison"]["reasons"])
        no_reason = client.post("/api/v1/models/bad-1/activate", headers=ready,
                                json={"override": True})
        assert no_reason.status_code == 422
        assert second.current(engine).version == "good-1"

        forced = client.post("/api/v1/models/bad-1/activate", headers=ready,
                             json={"override": True, "reason": "对比线上误报"})
        assert forced.status_code == 200 and forced.json()["override"]
        assert second.current(engine).version == "bad-1"

        rollback = client.post("/api/v1/models/good-1/activate", headers=ready, json={})
        assert rollback.status_code == 200 and rollback.json()["previous"] == "bad-1"
        history = client.get("/api/v1/models/activations", headers=ready).json()
        assert [(h["version"], h["override"]) for h in history] == [
            ("good-1", False), ("bad-1", True), ("good-1", False)]
        assert history[1]["reason"] == "对比线上误报" and history[1]["comparison"]["worse"]
        assert client.get("/api/v1/models/active", headers=ready).json()["version"] == "good-1"
        classified = client.post("/api/v1/classify", headers=ready,
                                 json=[{"title": "化工厂爆炸 3人死亡"}]).json()
        assert classified[0]["model_version"] == "good-1"
    second.run(engine, clock.now())
    assert second.analyzer.version == "good-1"


def test_an_instance_without_the_active_folder_keeps_its_model(engine, settings, clock, ready,
                                                               small_models, caplog):  # noqa: F811
    copy = settings.data_dir / "models" / "good-1"
    shutil.copytree(small_models.good, copy)
    register_model(engine, settings, copy, clock.now())
    with Session(engine, expire_on_commit=False) as session:
        assert session.get(ModelVersion, "good-1").path == "models/good-1"  # relative
    instance = AnalysisRunner(settings)
    assert instance.current(engine).version == "bad-1"
    with client_for(settings, engine, clock) as client:
        assert client.post("/api/v1/models/good-1/activate", headers=ready,
                           json={}).status_code == 200
    shutil.rmtree(copy)
    assert instance.current(engine).version == "bad-1"
    assert "cannot be loaded" in caplog.text


def test_only_analysts_and_admins_manage_models(engine, settings, clock, ready):
    duty = api_headers(engine, clock, "值班员", Role.duty)
    leader = api_headers(engine, clock, "领导", Role.leader)
    admin = api_headers(engine, clock, "管理员", Role.admin)
    calls = [("get", "/api/v1/models", None), ("get", "/api/v1/models/active", None),
             ("post", "/api/v1/models/train", {}), ("get", "/api/v1/jobs", None),
             ("post", "/api/v1/models/bad-1/activate", {}),
             ("get", "/api/v1/models/bad-1/thresholds", None)]
    with client_for(settings, engine, clock) as client:
        for method, path, body in calls:
            kwargs = {"json": body} if body is not None else {}
            assert getattr(client, method)(path, **kwargs).status_code == 401
            for headers in (duty, leader):
                response = getattr(client, method)(path, headers=headers, **kwargs)
                assert response.status_code == 403 and "分析员" in response.json()["detail"]
        assert client.get("/api/v1/models", headers=admin).status_code == 200
        job = client.post("/api/v1/models/train", headers=admin, json={}).json()
        assert client.get(f"/api/v1/jobs/{job['id']}", headers=ready).json()["created_by"] == \
            "管理员"
        assert client.get("/api/v1/jobs/999", headers=admin).status_code == 404
        bad_name = client.post("/api/v1/models/train", headers=admin, json={"version": "a/b"})
        assert bad_name.status_code == 422


def test_cli_trains_lists_and_activates(engine, settings, clock, ready, database_url):
    env = {"YQ_DATABASE_URL": database_url, "YQ_DATA_DIR": str(settings.data_dir),
           "YQ_MODEL_DIR": str(settings.model_dir), "YQ_SEED_CORPUS": str(settings.seed_corpus),
           "COLUMNS": "250"}

    def invoke(*args):
        return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)

    trained = invoke("train", "--with-labels", "--author", "分析员乙", "--version", "cli-1")
    assert trained.exit_code == 0, trained.output
    assert "model cli-1 registered" in trained.output
    listed = invoke("models", "list")
    assert "cli-1" in listed.output and "bad-1" in listed.output
    with Session(engine) as session:
        row = session.get(ModelVersion, "cli-1")
        assert row.author == "分析员乙" and row.params["with_labels"]
        job = session.execute(select(Job).where(Job.kind == "train")).scalars().one()
        assert job.status == "done" and job.created_by == "分析员乙"
    activated = invoke("models", "activate", "cli-1", "--author", "分析员乙")
    assert activated.exit_code == 0, activated.output
    assert "model cli-1 active (was bad-1)" in activated.output
    refused = invoke("models", "activate", "bad-1")
    assert refused.exit_code == 1 and "强制启用" in refused.output
    forced = invoke("models", "activate", "bad-1", "--override", "--reason", "回退试验")
    assert forced.exit_code == 0, forced.output
    evaluated = invoke("models", "evaluate", "active", "--set", "labels:holdout")
    assert evaluated.exit_code == 0 and "macro-F1" in evaluated.output
    with Session(engine) as session:
        rows = session.execute(select(ModelActivation).order_by(ModelActivation.id)).scalars()
        assert [(a.version, a.actor, a.override) for a in rows] == [
            ("cli-1", "分析员乙", False), ("bad-1", f"{getpass.getuser()}（命令行）", True)]

