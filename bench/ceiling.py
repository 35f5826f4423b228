"""What the model reaches when labelled real news is trained on (a diagnostic; nothing is kept).

    python -m bench.ceiling [--folds 2] [--output bench/results/ceiling.json]

The shipped model learns from the seed corpus alone, which this project wrote; `bench.quality`
measures it on real news it never saw. This benchmark asks what the seed cannot answer: how far
the same model class (the same code and parameters) gets when labelled real news is in its
training data, as a bureau's own labels are with `yuqing train --with-labels`. So it tells
whether what is missing from issue #3's targets is training data or the model.

The hand-read items of ../shared/data (CEC, DuEE, THUCNews, labelled as `bench.quality` scores
them) are split into folds: with `--folds 2` the dev and test halves of `realdata.half`, else by
a hash of the id. For each fold, two models are trained on everything outside it, each through
`classifiers.train.train` (its own 20 % held out to choose the threshold):

* **seed + real** — the seed corpus plus the DuEE sentences and THUCNews headlines of the other
  folds (CEC articles are only ever scored);
* **real only** — those labelled items alone;

and the fold's items are scored by both and by the shipped model, so each item is scored by
models that never trained on it, and the shipped model is the baseline of the same run.

The models live in a temporary folder for the length of the run and are deleted: a model
trained on this data must never enter the repository (../shared/data/README.md). DuEE sentences
of one news story may fall into different folds, which favours the models trained on real
items: their figures are an upper bound.
"""

import argparse
import hashlib
import json
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import realdata
from classifiers import load
from classifiers.analyzer import make_tokenizer
from classifiers.artifacts import DATA_DIR
from classifiers.train import SEED_CORPUS, read_corpus, train

RECALLS = (0.85, 0.90)
VARIANTS = ("shipped", "seed + real", "real only")


def fold_of(example: realdata.Example, folds: int) -> int:
    """The fold of an item: the halves of ``realdata.half`` for two folds, else by id hash."""
    if folds == 2:
        return 0 if realdata.half(example) == "dev" else 1
    return int(hashlib.sha1(f"ceiling:{example.id}".encode()).hexdigest()[:8], 16) % folds


def record(example: realdata.Example) -> dict:
    """An example as a training record."""
    return {"id": f"real:{example.id}", "title": example.title, "text": example.text,
            "relevant": bool(example.relevant), "topics": list(example.topics)}


def precision_at_recall(scores: list[float], truth: list[bool], recall: float) -> float | None:
    """The precision of the highest threshold whose recall reaches ``recall`` (None: no
    relevant item, or the recall is never reached)."""
    positives = sum(truth)
    if not positives:
        return None
    tp = fp = 0
    for _, positive in sorted(zip(scores, truth, strict=True), key=lambda pair: -pair[0]):
        tp += positive
        fp += not positive
        if tp / positives >= recall:
            return round(tp / (tp + fp), 4)
    return None


def at_thresholds(scores: list[float], truth: list[bool], thresholds: list[float]) -> dict:
    """Precision and recall when each item is judged at its own model's threshold."""
    tp = sum(1 for s, t, th in zip(scores, truth, thresholds, strict=True) if t and s >= th)
    fp = sum(1 for s, t, th in zip(scores, truth, thresholds, strict=True) if not t and s >= th)
    fn = sum(truth) - tp
    return {"precision": round(tp / (tp + fp), 4) if tp + fp else None,
            "recall": round(tp / (tp + fn), 4) if tp + fn else None, "tp": tp, "fp": fp, "fn": fn}


def summarise(rows: list[dict], variant: str) -> dict:
    """The figures of one variant over a set of scored rows."""
    scores = [r["scores"][variant] for r in rows]
    truth = [r["relevant"] for r in rows]
    return {"at_threshold": at_thresholds(scores, truth,
                                          [r["thresholds"][variant] for r in rows]),
            **{f"precision_at_recall_{target:.2f}": precision_at_recall(scores, truth, target)
               for target in RECALLS}}


def run(folds: int, workdir: Path) -> dict:
    examples = [e for e in realdata.cec() + realdata.duee() + realdata.thucnews()
                if e.relevant is not None]
    seed = read_corpus(SEED_CORPUS)
    tokenizer = make_tokenizer(DATA_DIR)
    shipped = load()
    rows, trained = [], []
    for fold in range(folds):
        inside = [e for e in examples if fold_of(e, folds) == fold]
        outside = [record(e) for e in examples
                   if fold_of(e, folds) != fold and e.dataset != "cec"]
        docs = [{"id": e.id, "title": e.title, "text": e.text} for e in inside]
        scored = {"shipped": (shipped.analyze(docs), shipped.thresholds["relevant"])}
        for variant, records in (("seed + real", seed + outside), ("real only", outside)):
            started = time.perf_counter()
            folder = workdir / f"fold{fold}-{variant.replace(' + ', '-').replace(' ', '-')}"
            meta = train(records, tokenizer=tokenizer, output=folder,
                         version=f"ceiling-{fold}-{len(records)}", analyzer_factory=load)
            analyzer = load(folder)
            scored[variant] = (analyzer.analyze(docs), analyzer.thresholds["relevant"])
            shutil.rmtree(folder)  # about 35 MB a model; the run's folder goes at the end anyway
            trained.append({"fold": fold, "variant": variant, "records": len(records),
                            "real_records": len(outside), "threshold": meta.thresholds["relevant"],
                            "seconds": round(time.perf_counter() - started, 1)})
            print(f"fold {fold + 1}/{folds}: {variant} trained on {len(records):,} records "
                  f"({trained[-1]['seconds']} s)", flush=True)
        for i, example in enumerate(inside):
            rows.append({"id": example.id, "dataset": example.dataset,
                         "half": realdata.half(example), "relevant": bool(example.relevant),
                         "scores": {v: scored[v][0][i].relevance for v in VARIANTS},
                         "thresholds": {v: scored[v][1] for v in VARIANTS}})
    parts = {"all": rows, **{name: [r for r in rows if r["half"] == name]
                             for name in ("dev", "test")},
             **{name: [r for r in rows if r["dataset"] == name]
                for name in ("duee", "thucnews")}}
    return {"benchmark": "ceiling", "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "shipped_model": shipped.version, "folds": folds, "items": len(rows),
            "relevant": sum(r["relevant"] for r in rows), "trained": trained,
            "figures": {part: {v: summarise(subset, v) for v in VARIANTS}
                        for part, subset in parts.items() if subset}}


def print_table(result: dict) -> None:
    print(f"\n{result['items']:,} items ({result['relevant']:,} relevant), {result['folds']} "
          f"folds; each item scored by models that did not train on it")
    print(f"{'items':10s} {'model':13s} {'precision':>9s} {'recall':>7s} "
          f"{'P@R0.85':>8s} {'P@R0.90':>8s}")
    for part, variants in result["figures"].items():
        for variant, figures in variants.items():
            point = figures["at_threshold"]
            cells = [point["precision"], point["recall"], figures["precision_at_recall_0.85"],
                     figures["precision_at_recall_0.90"]]
            text = [f"{c:.3f}" if c is not None else "-" for c in cells]
            print(f"{part:10s} {variant:13s} {text[0]:>9s} {text[1]:>7s} {text[2]:>8s} "
                  f"{text[3]:>8s}")
    print("targets: precision >= 0.95 with recall >= 0.90 (issue #3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=2,
                        help="2: the dev and test halves; more: folds by id hash")
    parser.add_argument("--output", type=Path,
                        default=Path(__file__).resolve().parent / "results" / "ceiling.json")
    args = parser.parse_args()
    if args.folds < 2:
        raise SystemExit("--folds must be 2 or more")
    if not realdata.available():
        raise SystemExit(f"{realdata.DATA} is not here: nothing to measure")
    with tempfile.TemporaryDirectory(prefix="yq-ceiling-") as workdir:
        result = run(args.folds, Path(workdir))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print_table(result)
    print(f"written to {args.output}")


if __name__ == "__main__":
    main()
