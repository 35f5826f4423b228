"""What the bureau's labels are worth: an analyst labels 200 items through the API, a model is
retrained with them, and both versions are measured on the rest of the real data.

    python -m bench.analyst_loop [--labels 200] [--seed 7]

Everything runs in a temporary folder (database, labels, the new model) that is deleted at the
end: the simulated labels come from ../shared/data and are test data, never kept. The items to
label are a random sample of the scored CEC, DuEE and THUCNews examples (not chosen by the
model's mistakes, which would flatter the result). About a fifth of the labels fall in the
holdout split and are not trained on. Writes bench/results/analyst_loop.json.
"""

import argparse
import json
import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from bench import realdata
from bench.quality import SCORED_TOPICS, run_classification, score

ROOT = Path(__file__).resolve().parent


def _summary(metrics: dict) -> dict:
    return {"relevance": metrics["relevance"], "macro_f1": metrics["macro_f1"],
            "topics": {t: metrics["topics"][t]["f1"] for t in SCORED_TOPICS},
            "false_alerts_per_1000_irrelevant": metrics["false_alerts_per_1000_irrelevant"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", type=Path, default=ROOT / "results" / "analyst_loop.json")
    args = parser.parse_args(argv)
    if not realdata.available():
        raise SystemExit(f"{realdata.DATA} is not here: nothing to measure")
    from service.analysts.jobs import JobRunner
    from service.analysts.registry import ensure_default, load_version
    from service.api.app import create_app
    from service.clock import SystemClock
    from service.config import Settings
    from service.db import make_engine, upgrade
    from service.models import Item, ModelVersion, Role, Source
    from service.users import create_user, issue_token

    examples = [e for e in realdata.cec() + realdata.duee() + realdata.thucnews()
                if e.relevant is not None]
    rng = random.Random(args.seed)
    chosen = set(rng.sample(range(len(examples)), args.labels))
    labelled = [examples[i] for i in sorted(chosen)]
    rest = [e for i, e in enumerate(examples) if i not in chosen]
    with tempfile.TemporaryDirectory(prefix="yq-analyst-loop-") as tmp:
        folder = Path(tmp)
        url = f"sqlite:///{folder / 'yuqing.db'}"
        upgrade(url)
        engine = make_engine(url)
        clock = SystemClock()
        settings = Settings(database_url=url, data_dir=folder, sources=folder / "sources.yaml",
                            routing=ROOT.parent / "routing.yaml")
        now = clock.now()
        with Session(engine) as session:
            session.add(Source(id="realdata", name="评测数据", kind="rss", tier="municipal",
                               url="http://127.0.0.1/realdata.xml", created_at=now,
                               updated_at=now))
            session.flush()
            rows = [Item(source_id="realdata", entry_key=e.id[:64], title=e.title,
                         content=e.text, fetched_at=now, content_hash=str(n),
                         analysis_state="done") for n, e in enumerate(labelled)]
            session.add_all(rows)
            user = create_user(session=session, name="分析员（模拟）", role=Role.analyst,
                               division=None, now=now)
            token = issue_token(session=session, user=user, now=now)
            session.commit()
            ids = [row.id for row in rows]
        headers = {"Authorization": f"Bearer {token}"}
        started = time.perf_counter()
        with TestClient(create_app(settings, engine=engine, clock=clock)) as client:
            for item_id, example in zip(ids, labelled, strict=True):
                mark = {"relevant": example.relevant}
                if example.relevant and example.topics:
                    mark["topic"] = example.topics[0]
                response = client.post(f"/api/v1/items/{item_id}/feedback", headers=headers,
                                       json=mark)
                response.raise_for_status()
            labelling = time.perf_counter() - started
            job = client.post("/api/v1/models/train", headers=headers,
                              json={"with_labels": True, "note": "模拟分析员的200条标注"})
            job.raise_for_status()
            started = time.perf_counter()
            JobRunner(engine=engine, settings=settings, clock=clock).run_pending(
                job.json()["id"])
            training = time.perf_counter() - started
            result = client.get(f"/api/v1/jobs/{job.json()['id']}", headers=headers).json()
            if result["status"] != "done":
                raise SystemExit(f"training failed: {result.get('error')}")
            version = result["result"]["version"]
            stats = client.get("/api/v1/labels/stats", headers=headers).json()
        with Session(engine) as session:
            new_row = session.get(ModelVersion, version)
            default_row = ensure_default(session=session, settings=settings, now=clock.now())
            before_model = load_version(settings, default_row)
            after_model = load_version(settings, new_row)
        before, _ = run_classification(before_model, rest)
        after, _ = run_classification(after_model, rest)
        report = {"benchmark": "analyst_loop", "date": datetime.now(UTC).isoformat(),
                  "labels": args.labels, "seed": args.seed, "label_stats": stats,
                  "evaluated_on": len(rest), "labelling_seconds": round(labelling, 1),
                  "training_seconds": round(training, 1),
                  "before": {"model": before_model.version, **_summary(score(rest, before))},
                  "after": {"model": after_model.version, **_summary(score(rest, after))}}
    print(f"{args.labels} labels through the API in {report['labelling_seconds']} s; "
          f"training {report['training_seconds']} s; measured on {len(rest)} other examples")
    print(f"{'':<24}{'before':>10}{'after':>10}")
    rows = [("relevance precision", lambda r: r["relevance"]["precision"]),
            ("relevance recall", lambda r: r["relevance"]["recall"]),
            ("macro-F1", lambda r: r["macro_f1"]),
            ("false alerts / 1,000", lambda r: r["false_alerts_per_1000_irrelevant"])]
    rows += [(f"F1 {t}", lambda r, t=t: r["topics"][t]) for t in SCORED_TOPICS]
    for name, get in rows:
        print(f"{name:<24}{get(report['before']):>10.3f}{get(report['after']):>10.3f}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
