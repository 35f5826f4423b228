"""Small models for the tests of the analysts' loop: a tiny seed corpus drawn from the real one,
bureau labels, and two models trained once per session — a good one, and a bad one trained on
the same texts with every relevance label (and the topics with it) flipped."""

import json
import random
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from sqlmodel import Session

from classifiers import load
from classifiers.analyzer import make_tokenizer
from classifiers.artifacts import DATA_DIR, load_meta
from classifiers.train import SEED_CORPUS, read_corpus, train
from service.analysts import registry
from service.config import Settings
from service.models import Label, ModelVersion

LEVELS = ("blue", "yellow", "orange")


@dataclass
class SmallModels:
    # 2,000 seed records, the training corpus of the train tests (with fewer, the topic models are
    # too unsure for the relevance score, which hears them)
    seed: Path
    holdout: list[dict]  # 150 records: the bureau's holdout labels
    train_labels: list[dict]  # 30 records: the bureau's training labels
    good: Path  # model "good-1", trained on the seed
    bad: Path  # model "bad-1", trained on the seed with flipped labels
    cache: Path  # jieba's prefix cache, copied into each test's data folder


@pytest.fixture(scope="session")
def small_models(tmp_path_factory) -> SmallModels:
    root = tmp_path_factory.mktemp("small-models")
    records = read_corpus(SEED_CORPUS)
    random.Random(11).shuffle(records)
    seed, holdout, labels = records[:2000], records[2000:2150], records[2150:2180]
    for index, record in enumerate(holdout):  # some labelled levels, for the level curves
        if record["relevant"] and index % 4:
            record["level"] = LEVELS[index % 4 - 1]
    (root / "seed.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in seed), encoding="utf-8")
    cache = root / "cache"
    cache.mkdir()
    tokenizer = make_tokenizer(DATA_DIR, cache_dir=cache)

    def factory(path):
        return load(path, cache_dir=cache)

    train(seed, tokenizer=tokenizer, output=root / "good", version="good-1",
          analyzer_factory=factory, author="tests")
    # relevance flipped, and topics with it (the topics of an item it now calls relevant are
    # wrong too): relevance also hears the topic models, so both must be bad
    flipped = [{**r, "relevant": not r["relevant"],
                "topics": [] if r["relevant"] else ["production_safety"]} for r in seed]
    train(flipped, tokenizer=tokenizer, output=root / "bad", version="bad-1",
          analyzer_factory=factory, author="tests")
    return SmallModels(seed=root / "seed.jsonl", holdout=holdout, train_labels=labels,
                       good=root / "good", bad=root / "bad", cache=cache)


def prepare(settings: Settings, models: SmallModels) -> Settings:
    """Settings of a test: the bad model is the configured default, the tiny seed corpus is the
    seed, a warm jieba cache."""
    settings.model_dir = models.bad
    settings.seed_corpus = models.seed
    shutil.copytree(models.cache, settings.data_dir / "cache", dirs_exist_ok=True)
    return settings


def add_labels(engine, models: SmallModels, now: datetime) -> None:
    """The bureau's labels: the holdout records and the training records."""
    with Session(engine) as session:
        for split, records in (("holdout", models.holdout), ("train", models.train_labels)):
            for r in records:
                session.add(Label(key=f"imp:{r['id']}", title=r.get("title") or "",
                                  text=r.get("text") or "", relevant=r["relevant"],
                                  topics=r.get("topics") or [], level=r.get("level"),
                                  author="分析员", updated_at=now, split=split))
        session.commit()


def register_model(engine, settings: Settings, folder: Path, now: datetime,
                   author: str = "tests") -> ModelVersion:
    """Register a trained folder as a version."""
    with Session(engine, expire_on_commit=False) as session:
        return registry.register(session=session, settings=settings, folder=folder,
                                 meta=load_meta(folder), author=author, now=now)
