"""Classifier quality on real data the model never saw (../shared/data).

Prints a table and writes JSON.

    python -m bench.quality [--model DIR] [--output bench/results/quality.json]

Targets (issue #3): relevance precision ≥ 0.95 and recall ≥ 0.90 on CEC + DuEE + THUCNews;
macro-F1 ≥ 0.85 over fire, production_safety, flood_drought, mass_incident; ≤ 10 false alerts
per 1,000 irrelevant headlines; casualties exact on the hand-labelled CEC sample
(bench/labels/cec_casualties.json); every exact repost of the two Weibo days merged.
"""

import argparse
import json
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

from bench import realdata
from classifiers import load
from classifiers.dedup import StoryClusterer
from classifiers.evaluate import Labelled, evaluate
from classifiers.extract import extract_casualties

SCORED_TOPICS = ["fire", "production_safety", "flood_drought", "mass_incident"]
LABELS = Path(__file__).resolve().parent / "labels" / "cec_casualties.json"
# labelled later, by someone who had not seen the extractor: the articles its patterns were not
# written against
HOLDOUT = Path(__file__).resolve().parent / "labels" / "cec_casualties_holdout.json"


def run_classification(analyzer, examples):
    """Analyses of the examples, and the time it took."""
    started = time.perf_counter()
    analyses = analyzer.analyze([{"id": e.id, "title": e.title, "text": e.text}
                                 for e in examples])
    return analyses, time.perf_counter() - started


def score(examples, analyses) -> dict:
    """Relevance and topic metrics over the scored examples."""
    pairs = [(e, a) for e, a in zip(examples, analyses, strict=True) if e.relevant is not None]
    labels = [Labelled(e.id, e.relevant, e.topics) for e, _ in pairs]
    metrics = evaluate([a for _, a in pairs], labels, SCORED_TOPICS)
    metrics["errors"] = metrics["errors"][:40]
    return metrics


def score_pairs(pairs: list) -> dict:
    """``score`` of (example, analysis) pairs."""
    return score([e for e, _ in pairs], [a for _, a in pairs])


def casualty_accuracy(examples, labels: Path = LABELS) -> dict:
    """Share of hand-labelled CEC articles whose three counts the extractor gets exactly."""
    if not labels.exists():
        return {"labelled": 0}
    by_id = {e.id.removeprefix("cec:"): e for e in examples if e.dataset == "cec"}
    results, wrong = Counter(), []
    for label in json.loads(labels.read_text(encoding="utf-8")):
        example = by_id.get(label["file"])
        if example is None:
            continue
        found = extract_casualties(f"{example.title}\n{example.text}").as_dict()
        checked = {k: label[k] for k in ("deaths", "injured", "missing") if label[k] is not None}
        if not checked:  # the article says nothing about casualties
            continue
        exact = all(found[k] == v for k, v in checked.items())
        results["exact" if exact else "wrong"] += 1
        for key, value in checked.items():
            results[f"{key}_exact"] += found[key] == value
        if not exact:
            wrong.append({"file": label["file"], "expected": checked, "found": found})
    total = results["exact"] + results["wrong"]
    return {"labelled": total, "exact": results["exact"],
            "exact_share": round(results["exact"] / total, 4) if total else None,
            "per_field_exact": {k: results[f"{k}_exact"] for k in ("deaths", "injured", "missing")},
            "wrong": wrong}


def weibo_reposts(analyzer) -> dict:
    """Whether every group of identical posts of a day ended up in one story."""
    report = {}
    for day, posts in realdata.weibo_days().items():
        clusterer = StoryClusterer()
        started = time.perf_counter()
        story_of = {}
        for index, post in enumerate(posts):
            story_of[index], _ = clusterer.assign(index, text=post, tokens=[], places=[])
        elapsed = time.perf_counter() - started
        groups = defaultdict(set)
        for index, post in enumerate(posts):
            groups[" ".join(post.split())].add(story_of[index])
        counts = Counter(" ".join(p.split()) for p in posts)
        repost_count = sum(c - 1 for c in counts.values() if c > 1)
        split = [k[:30] for k, stories in groups.items() if len(stories) > 1]
        report[day] = {"posts": len(posts), "exact_reposts": repost_count,
                       "groups_split": len(split), "stories": len(clusterer.stories),
                       "ms_per_post": round(1000 * elapsed / max(len(posts), 1), 3)}
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--output", type=Path,
                        default=Path(__file__).resolve().parent / "results" / "quality.json")
    args = parser.parse_args()
    if not realdata.available():
        raise SystemExit(f"{realdata.DATA} is not here: nothing to evaluate")
    analyzer = load(args.model)
    datasets = {"cec": realdata.cec(), "duee": realdata.duee(), "thucnews": realdata.thucnews()}
    by_type = realdata.cec() + realdata.duee(read_by_hand=False) + realdata.thucnews(
        read_by_hand=False)
    everything, analyses_all, per_dataset, timing = [], [], {}, {}
    for name, examples in datasets.items():
        analyses, seconds = run_classification(analyzer, examples)
        per_dataset[name] = score(examples, analyses)
        timing[name] = round(seconds, 2)
        everything += examples
        analyses_all += analyses
    combined = score(everything, analyses_all)
    typed = score(by_type, analyses_all)
    pairs = list(zip(everything, analyses_all, strict=True))
    halves = {name: score_pairs([(e, a) for e, a in pairs if realdata.half(e) == name])
              for name in ("dev", "test")}
    read = [(e, a) for e, a in pairs if e.read_by_hand]
    apart = {}
    for example, analysis in zip(everything, analyses_all, strict=True):
        if example.relevant is None:
            key = example.id.split(":")[0] + ":" + (example.id.split(":")[1].split("/")[0]
                                                     if example.dataset == "cec"
                                                     else example.id.split(":")[-1])
            entry = apart.setdefault(key, Counter())
            entry["items"] += 1
            entry["relevant"] += analysis.relevant
            entry["alerts"] += analysis.level is not None
    thuc = per_dataset["thucnews"]
    result = {
        "benchmark": "quality", "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "model": analyzer.version, "seconds": timing,
        "combined": {k: combined[k] for k in ("items", "relevance", "topics", "macro_f1",
                                              "confusion")},
        "by_type_only": {k: typed[k] for k in ("items", "relevance", "topics", "macro_f1")},
        "halves": {name: {k: m[k] for k in ("items", "relevance", "macro_f1")}
                   for name, m in halves.items()},
        "read_by_hand": {"items": len(read),
                         "relevant": sum(bool(e.relevant) for e, _ in read),
                         "scored": score_pairs(read)["relevance"]},
        "per_dataset": {n: {k: m[k] for k in ("items", "relevance", "macro_f1",
                                              "false_alerts_per_1000_irrelevant")}
                        for n, m in per_dataset.items()},
        "false_alerts_per_1000_irrelevant_headlines": thuc["false_alerts_per_1000_irrelevant"],
        "reader_agreement": realdata.reader_agreement(),
        "reported_apart": {k: dict(v) for k, v in apart.items()},
        "casualties": casualty_accuracy(datasets["cec"]),
        "casualties_holdout": casualty_accuracy(datasets["cec"], HOLDOUT),
        "weibo": weibo_reposts(analyzer),
        "errors_sample": combined["errors"][:25],
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print_table(result)


def print_table(result: dict) -> None:
    """The figures against the targets."""
    rel = result["combined"]["relevance"]
    typed = result["by_type_only"]
    cas = result["casualties"]
    read = result["read_by_hand"]
    rows = [
        ("relevance precision (CEC+DuEE+THUCNews)", rel["precision"], ">= 0.95"),
        ("relevance recall", rel["recall"], ">= 0.90"),
        ("macro-F1 fire/production_safety/flood_drought/mass_incident",
         result["combined"]["macro_f1"], ">= 0.85"),
        ("  test half: precision", result["halves"]["test"]["relevance"]["precision"], ""),
        ("  test half: recall", result["halves"]["test"]["relevance"]["recall"], ""),
        ("  test half: macro-F1", result["halves"]["test"]["macro_f1"], ""),
        ("  by type alone: precision", typed["relevance"]["precision"], "(comparison)"),
        ("  by type alone: recall", typed["relevance"]["recall"], "(comparison)"),
        ("  by type alone: macro-F1", typed["macro_f1"], "(comparison)"),
        (f"  hand-read items ({read['relevant']} of {read['items']} relevant): precision",
         read["scored"]["precision"], "(part of the above)"),
        ("  a second reader against the first: precision",
         result["reader_agreement"].get("second_precision"),
         f"(ceiling; {result['reader_agreement'].get('items')} items read twice)"),
        ("  a second reader against the first: recall",
         result["reader_agreement"].get("second_recall"), "(ceiling)"),
        ("false alerts per 1,000 irrelevant headlines",
         result["false_alerts_per_1000_irrelevant_headlines"], "<= 10"),
        ("casualties exact (hand-labelled CEC)",
         f"{cas.get('exact')}/{cas.get('labelled')}", "all"),
        ("  on the holdout labelled later",
         f"{result['casualties_holdout'].get('exact')}/{result['casualties_holdout'].get('labelled')}",
         ""),
    ]
    for day, w in result["weibo"].items():
        rows.append((f"weibo {day}: exact-repost groups split", w["groups_split"], "0"))
    print(f"model {result['model']}")
    for name, value, target in rows:
        print(f"{name:<62}{value!s:>12}" + (f"   target {target}" if target else ""))
    print("\nper topic (combined):")
    for topic, m in result["combined"]["topics"].items():
        print(f"  {topic:<20} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
              f"  support {m['support']}")
    print("\nper dataset:", json.dumps(result["per_dataset"], ensure_ascii=False))
    print("reported apart:", json.dumps(result["reported_apart"], ensure_ascii=False))


if __name__ == "__main__":
    main()
