"""Measuring a model on a labelled set: metrics, the items it gets wrong (with the explanation
of each decision), two versions side by side, and the precision–recall trade-off of the
relevance threshold for the relevance and level decisions.

Labelled sets: ``labels:holdout`` and ``labels:all`` (the bureau's ``labels`` table),
``seed:holdout`` (the seed corpus' evaluation split), ``upload`` (JSON lines sent by the analyst).
"""

import json

from sqlalchemy import select
from sqlmodel import Session

from classifiers import Analyzer
from classifiers.evaluate import Labelled
from classifiers.evaluate import evaluate as score
from classifiers.train import SEED_CORPUS, TOPICS, held_out, read_corpus
from service.config import Settings
from service.models import Item, Label, Source

LEVELS = ("blue", "yellow", "orange", "red")
SETS = {"labels:holdout": "本局标注集（留出部分）", "labels:all": "本局标注集（全部）",
        "seed:holdout": "种子语料（留出部分）", "upload": "上传的标注集"}
SEED_HOLDOUT_SHARE = 0.2  # the share classifiers.train holds out by default
MAX_WRONG = 2000  # wrong items kept in a result; the count says how many there were
GRID = [round(step / 100, 2) for step in range(101)]


def records_for(*, session: Session, settings: Settings, name: str,
                upload: list[dict] | None = None) -> list[dict]:
    """The records of a labelled set: id, title, text, relevant, topics, level (and the source's
    region and tier for labels of stored items, which the level depends on)."""
    if name == "upload":
        return parse_records(upload or [])
    if name == "seed:holdout":
        return [r for r in read_corpus(settings.seed_corpus or SEED_CORPUS)
                if held_out(r, SEED_HOLDOUT_SHARE)]
    if name in ("labels:holdout", "labels:all"):
        return label_records(session, split="holdout" if name == "labels:holdout" else None)
    raise ValueError(f"未知的标注集：{name}（可选：{'、'.join(SETS)}）")


def label_records(session: Session, *, split: str | None = None) -> list[dict]:
    """The bureau's labels as records, in key order."""
    query = (select(Label, Source.region, Source.tier)
             .outerjoin(Item, Item.id == Label.item_id)
             .outerjoin(Source, Source.id == Item.source_id).order_by(Label.key))
    if split:
        query = query.where(Label.split == split)
    return [{"id": label.key, "title": label.title, "text": label.text,
             "relevant": label.relevant, "topics": list(label.topics or []),
             "level": label.level, "region": region, "tier": tier}
            for label, region, tier in session.execute(query).all()]


def parse_records(rows: list) -> list[dict]:
    """Uploaded records checked: objects with relevant (true/false), topics from the list,
    level blue/yellow/orange/red or null. ValueError names the first bad record."""
    records = []
    for number, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise ValueError(f"第 {number} 条不是 JSON 对象")
        if not isinstance(row.get("relevant"), bool):
            raise ValueError(f"第 {number} 条：relevant 必须是 true 或 false")
        topics = row.get("topics") or []
        if not isinstance(topics, list) or any(t not in TOPICS for t in topics):
            raise ValueError(f"第 {number} 条：topics 必须是类别列表（{', '.join(TOPICS)}）")
        if row.get("level") not in (None, *LEVELS):
            raise ValueError(f"第 {number} 条：level 必须是 {'/'.join(LEVELS)} 或 null")
        records.append({**row, "id": str(row.get("id", number)), "topics": topics,
                        "title": str(row.get("title") or ""), "text": str(row.get("text") or "")})
    return records


def parse_jsonl(text: str) -> list[dict]:
    """Records of an uploaded JSON-lines text, checked; ValueError names the bad line."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"第 {number} 行不是 JSON（{exc.msg}）") from None
    return parse_records(rows)


def _decision(analysis) -> dict:
    labels = [t["label"] for t in analysis.topics]
    return {"relevant": analysis.relevant, "topics": labels, "level": analysis.level,
            "relevance": analysis.relevance}


def _expected(record: dict) -> dict:
    return {"relevant": bool(record["relevant"]), "topics": record.get("topics") or [],
            "level": record.get("level")}


def _mistakes(expected: dict, got: dict) -> list[str]:
    """What a decision gets wrong: relevance, primary topic, level (when labelled)."""
    if expected["relevant"] != got["relevant"]:
        return ["relevance"]
    wrong = []
    if expected["relevant"] and expected["topics"] and expected["topics"][0] not in got["topics"]:
        wrong.append("topic")
    if expected["relevant"] and expected["level"] and expected["level"] != got["level"]:
        wrong.append("level")
    return wrong


def _snippet(record: dict, limit: int = 160) -> str:
    text = " ".join(part for part in (record.get("title"), record.get("text")) if part)
    return text if len(text) <= limit else text[:limit] + "…"


def evaluate(analyzer: Analyzer, records: list[dict], analyses: list | None = None) -> dict:
    """Metrics of the analyzer on the records, level agreement, and the wrong items."""
    analyses = analyzer.analyze(records) if analyses is None else analyses
    labels = [Labelled(r["id"], bool(r["relevant"]), r.get("topics") or []) for r in records]
    metrics = score(analyses, labels, TOPICS)
    metrics.pop("errors")
    metrics["levels"] = _level_metrics(records, analyses)
    wrong = []
    for record, analysis in zip(records, analyses, strict=True):
        expected, got = _expected(record), _decision(analysis)
        if mistakes := _mistakes(expected, got):
            wrong.append({"id": record["id"], "text": _snippet(record), "mistakes": mistakes,
                          "expected": expected, "got": got,
                          "explanation": analysis.explanation})
    return {"model_version": analyzer.version, "threshold": analyzer.thresholds["relevant"],
            "items": len(records), "metrics": metrics, "wrong_total": len(wrong),
            "wrong": wrong[:MAX_WRONG]}


def _level_metrics(records: list[dict], analyses) -> dict:
    """Agreement on the level, over items whose level is known (irrelevant ones: none)."""
    confusion: dict[str, dict[str, int]] = {}
    agree = total = 0
    for record, analysis in zip(records, analyses, strict=True):
        if record["relevant"] and not record.get("level"):
            continue
        expected = record.get("level") if record["relevant"] else "none"
        got = analysis.level or "none"
        row = confusion.setdefault(expected, {})
        row[got] = row.get(got, 0) + 1
        total += 1
        agree += expected == got
    return {"items": total, "agreement": round(agree / total, 4) if total else None,
            "confusion": dict(sorted(confusion.items()))}


def summary(metrics: dict) -> dict:
    """The headline numbers of a metrics block."""
    return {"relevance": {k: metrics["relevance"][k] for k in ("precision", "recall", "f1")},
            "macro_f1": metrics["macro_f1"],
            "false_alerts_per_1000_irrelevant": metrics["false_alerts_per_1000_irrelevant"],
            "level_agreement": metrics.get("levels", {}).get("agreement")}


def deltas(old: dict, new: dict) -> dict:
    """new − old for every headline number and each topic's F1 (None where one is missing)."""

    def minus(a, b):
        return round(b - a, 4) if a is not None and b is not None else None

    before, after = summary(old), summary(new)
    return {
        "relevance": {k: minus(before["relevance"][k], after["relevance"][k])
                      for k in ("precision", "recall", "f1")},
        **{k: minus(before[k], after[k])
           for k in ("macro_f1", "false_alerts_per_1000_irrelevant", "level_agreement")},
        "topics_f1": {t: minus(old["topics"][t]["f1"], new["topics"][t]["f1"])
                      for t in new["topics"] if t in old["topics"]},
    }


def compare(records: list[dict], a: Analyzer, b: Analyzer) -> dict:
    """Two analyzers on the same records: metrics of each, deltas (b − a), and the items whose
    decision (relevance, primary topic or level) changes, with whether b fixed or broke it."""
    xs, ys = a.analyze(records), b.analyze(records)
    first, second = evaluate(a, records, xs), evaluate(b, records, ys)
    changed = []
    counts = {"fixed": 0, "broken": 0, "different": 0}
    for record, x, y in zip(records, xs, ys, strict=True):
        before, after = _decision(x), _decision(y)
        key = ("relevant", "level")
        if all(before[k] == after[k] for k in key) and before["topics"][:1] == after["topics"][:1]:
            continue
        expected = _expected(record)
        was, now = not _mistakes(expected, before), not _mistakes(expected, after)
        change = "fixed" if now and not was else "broken" if was and not now else "different"
        counts[change] += 1
        changed.append({"id": record["id"], "text": _snippet(record), "change": change,
                        "expected": expected, "a": before, "b": after,
                        "explanation_a": x.explanation, "explanation_b": y.explanation})
    return {"a": a.version, "b": b.version, "items": len(records),
            "metrics": {"a": first["metrics"], "b": second["metrics"]},
            "deltas": deltas(first["metrics"], second["metrics"]),
            "changed_total": len(changed), "changes": counts, "changed": changed[:MAX_WRONG]}


def curves(analyzer: Analyzer, records: list[dict]) -> dict:
    """Precision and recall at every relevance threshold on a 0.01 grid: of the relevance
    decision, and of the level decisions "an alert of at least this level".

    The records are analysed once with the threshold below every score; an item's analysis
    at threshold t is then the same when its relevance is ≥ t and "irrelevant" otherwise.
    """
    threshold = analyzer.thresholds["relevant"]
    analyzer.thresholds = {**analyzer.thresholds, "relevant": -1.0}
    try:
        analyses = analyzer.analyze(records)
    finally:
        analyzer.thresholds = {**analyzer.thresholds, "relevant": threshold}
    scores = [a.relevance for a in analyses]
    relevant = [bool(r["relevant"]) for r in records]
    result = {"model_version": analyzer.version, "items": len(records), "threshold": threshold,
              "relevance": _points(scores, relevant, [True] * len(records)), "levels": {}}
    known = [not r["relevant"] or bool(r.get("level")) for r in records]  # level labelled
    for rank, level in enumerate(LEVELS):
        truth = [bool(r["relevant"]) and bool(r.get("level")) and LEVELS.index(r["level"]) >= rank
                 for r in records]
        # an item whose analysis stays below this level is never an alert of it: score it below
        # the grid
        alert_scores = [s if a.level is not None and LEVELS.index(a.level) >= rank else -2.0
                        for s, a in zip(scores, analyses, strict=True)]
        result["levels"][level] = _points(alert_scores, truth, known)
    return result


def _points(scores: list[float], truth: list[bool], counted: list[bool]) -> list[dict]:
    points = []
    for t in GRID:
        tp = fp = fn = 0
        for s, positive, include in zip(scores, truth, counted, strict=True):
            if not include:
                continue
            predicted = s >= t
            tp += predicted and positive
            fp += predicted and not positive
            fn += positive and not predicted
        precision = tp / (tp + fp) if tp + fp else None
        recall = tp / (tp + fn) if tp + fn else None
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        points.append({"threshold": t, "precision": None if precision is None
                       else round(precision, 4), "recall": None if recall is None
                       else round(recall, 4), "f1": round(f1, 4), "tp": tp, "fp": fp, "fn": fn})
    return points


def choose_threshold(points: list[dict], target_precision: float) -> dict | None:
    """The point with precision ≥ target and the best recall (ties: the higher threshold);
    None when no threshold reaches the target."""
    reaching = [p for p in points if p["tp"] and p["precision"] >= target_precision]
    if not reaching:
        return None
    return max(reaching, key=lambda p: (p["recall"], p["threshold"]))
