"""The ``train`` job: a new model version from the seed corpus (plus, on request, the bureau's
training labels), measured and registered with its data hash, parameters, date and author.

The bureau's holdout labels are never trained on: they measure every version the same way
(in ``metrics.labels_holdout``) and decide whether activating one needs an override.
"""

import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from classifiers import load
from classifiers.analyzer import make_tokenizer
from classifiers.artifacts import DATA_DIR, data_hash
from classifiers.train import SEED_CORPUS, held_out, read_corpus, train
from service.analysts import evaluation, registry
from service.analysts.jobs import JobContext, JobLost, register_handler
from service.models import ModelVersion

DEFAULT_LABEL_WEIGHT = 10  # copies of each bureau label in the training records
HOLDOUT = 0.2  # share of the training records classifiers.train measures the model on


class _CountingTokenizer:
    """The training tokenizer, reporting progress as the training texts are tokenised."""

    def __init__(self, inner, total: int, report):
        self._inner, self._total, self._report, self._done = inner, max(total, 1), report, 0
        self._step = max(1, total // 50)
        self.version = inner.version

    def words(self, text: str) -> list[str]:
        """Tokens of a text (every 2 % of the texts reports progress)."""
        self._done += 1
        if self._done % self._step == 0 or self._done == self._total:
            self._report(self._done / self._total)
        return self._inner.words(text)


def training_records(ctx: JobContext, session: Session) -> tuple[list[dict], dict]:
    """The records to train on, and where they came from."""
    seed = Path(ctx.params.get("seed") or ctx.settings.seed_corpus or SEED_CORPUS)
    records = read_corpus(seed)
    sources = {"seed": str(seed) if seed != SEED_CORPUS else "shipped", "seed_items": len(records)}
    for path in ctx.params.get("corpora") or []:
        extra = read_corpus(Path(path))
        records += extra
        sources.setdefault("corpora", []).append({"path": path, "items": len(extra)})
    if ctx.params.get("with_labels"):
        labels = evaluation.label_records(session, split="train")
        # A few hundred labels next to thousands of seed items would hardly count: each one is
        # repeated ``label_weight`` times. The copies keep the label's key as their id, so the
        # held-out rule of classifiers.train (the same hash as the labels' split) keeps every
        # training label in the fitted part; a key that a seed id already uses is prefixed.
        weight = int(ctx.params.get("label_weight") or DEFAULT_LABEL_WEIGHT)
        seed_ids = {str(r["id"]) for r in records}
        for record in labels:
            key = str(record["id"])
            record = {**record, "id": key if key not in seed_ids else f"label:{key}"}
            records += [record] * weight
        sources["labels"] = len(labels)
        sources["label_weight"] = weight
    return records, sources


def _version_name(ctx: JobContext, session: Session, records: list[dict],
                  now: datetime) -> str:
    """The requested name, else date and data hash; ``-2``, ``-3``… when taken by another job."""
    digest = data_hash(sorted(records, key=lambda r: str(r["id"])))
    base = ctx.params.get("version") or f"{now:%Y%m%d}-{digest[:8]}"
    registry.check_name(base)
    name, number = base, 1
    while (row := session.get(ModelVersion, name)) is not None and row.params.get(
            "job") != ctx.job_id:
        number += 1
        name = f"{base}-{number}"
    return name


def run_training(ctx: JobContext) -> dict:
    """Train, measure on the held-out share and the bureau's holdout labels, register."""
    settings, now = ctx.settings, ctx.clock.now()
    ctx.progress(0.01, "读取语料")
    with Session(ctx.engine, expire_on_commit=False) as session:
        records, sources = training_records(ctx, session)
        if not records:
            raise ValueError("no training records")
        version = _version_name(ctx, session, records, now)
        final = Path(ctx.params["output"]) if ctx.params.get("output") else (
            registry.models_root(settings) / version)
        final.parent.mkdir(parents=True, exist_ok=True)
        # a folder of this run's own: a worker that lost the job may still be writing its own
        building = Path(tempfile.mkdtemp(prefix=f".building-{version}-", dir=final.parent))
        row = session.get(ModelVersion, version) or ModelVersion(
            version=version, path=registry.stored_path(settings, final), created_at=now)
        row.status, row.author, row.params = "building", ctx.actor, {"job": ctx.job_id}
        session.add(row)
        session.commit()
    try:
        meta = _fit(ctx, records, building, version)
        ctx.progress(0.9, "在本局标注集（留出部分）上评估")
        if final.exists():
            shutil.rmtree(final)
        building.rename(final)
        with Session(ctx.engine, expire_on_commit=False) as session:
            holdout = evaluation.label_records(session, split="holdout")
            extra = {}
            if holdout:
                analyzer = registry.load_folder(settings, final, version=version)
                extra["labels_holdout"] = evaluation.evaluate(analyzer, holdout)["metrics"]
            row = registry.register(
                session=session, settings=settings, folder=final, meta=meta, author=ctx.actor,
                now=now, params={"job": ctx.job_id, "sources": sources,
                                 "with_labels": bool(ctx.params.get("with_labels"))},
                metrics=extra, note=ctx.params.get("note") or "")
    except JobLost:
        shutil.rmtree(building, ignore_errors=True)  # the version is the new worker's now
        raise
    except BaseException as exc:
        shutil.rmtree(building, ignore_errors=True)
        with Session(ctx.engine) as session:
            failed = session.get(ModelVersion, version)
            if failed is not None and failed.status == "building":
                failed.status, failed.note = "failed", f"{type(exc).__name__}: {exc}"[:2000]
                session.add(failed)
                session.commit()
        raise
    held = meta.metrics.get("held_out", {})
    return {"kind": "train", "version": version, "data_hash": meta.data_hash,
            "items": len(records), "sources": sources,
            "thresholds": meta.thresholds, "held_out": {
                "relevance": held.get("relevance"), "macro_f1": held.get("macro_f1"),
                "false_alerts_per_1000_irrelevant": held.get("false_alerts_per_1000_irrelevant")},
            "labels_holdout": row.metrics.get("labels_holdout")}


def _fit(ctx: JobContext, records: list[dict], folder: Path, version: str):
    """classifiers.train with progress: tokenising 5–55 %, fitting, then measuring 80–88 %."""
    cache = ctx.settings.data_dir / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    ctx.progress(0.03, "加载分词器")
    fitted = sum(not held_out(r, HOLDOUT) for r in records)

    def tokenised(share: float) -> None:
        if share >= 1.0:
            ctx.progress(0.55, "拟合模型")
        else:
            ctx.progress(0.05 + 0.5 * share, f"分词 {round(share * fitted)}/{fitted}")

    tokenizer = _CountingTokenizer(make_tokenizer(DATA_DIR, cache_dir=cache), fitted, tokenised)
    loads = iter([(0.8, "选择相关性阈值"), (0.85, "在留出部分上评估")])

    def factory(path):
        step = next(loads, None)
        if step:
            ctx.progress(*step)
        return load(path, cache_dir=cache)

    ctx.progress(0.05, f"训练 {len(records)} 条（其中 {fitted} 条用于拟合）")
    return train(records, tokenizer=tokenizer, output=folder, version=version,
                 params=ctx.params.get("model_params"), holdout=HOLDOUT, author=ctx.actor,
                 trained_on="seed" + ("+labels" if ctx.params.get("with_labels") else ""),
                 analyzer_factory=factory)


register_handler("train", run_training)
