"""Quality of analyses against labels: per-topic P/R/F1, macro-F1, false alerts, confusion."""

from collections import Counter
from dataclasses import dataclass, field

IRRELEVANT = "irrelevant"


@dataclass
class Labelled:
    """A labelled record: relevant or not, and its topics (first = primary)."""

    id: str
    relevant: bool
    topics: list[str] = field(default_factory=list)


def evaluate(analyses, labels: list[Labelled], topics: list[str] | None = None) -> dict:
    """Metrics of analyses against labels (same order)."""
    topics = topics or sorted({t for label in labels for t in label.topics})
    tp = fp = fn = 0
    per_topic = {t: Counter() for t in topics}
    confusion: dict[str, Counter] = {}
    false_alerts = irrelevant = 0
    errors = []
    for analysis, label in zip(analyses, labels, strict=True):
        predicted = [t["label"] for t in analysis.topics] if analysis.relevant else []
        if analysis.relevant and label.relevant:
            tp += 1
        elif analysis.relevant:
            fp += 1
        elif label.relevant:
            fn += 1
        if not label.relevant:
            irrelevant += 1
            false_alerts += analysis.relevant and analysis.level is not None
        for topic in topics if not (label.relevant and not label.topics) else ():
            truth, guess = topic in label.topics, topic in predicted
            per_topic[topic]["tp" if truth and guess else "fp" if guess else "fn" if truth
                             else "tn"] += 1
        actual = label.topics[0] if label.relevant and label.topics else IRRELEVANT
        guessed = predicted[0] if predicted else IRRELEVANT
        confusion.setdefault(actual, Counter())[guessed] += 1
        if analysis.relevant != label.relevant or (label.relevant and actual not in predicted):
            errors.append({"id": label.id, "expected": [actual], "got": predicted,
                           "relevance": analysis.relevance, "explanation": analysis.explanation})
    topic_metrics = {t: _prf(c["tp"], c["fp"], c["fn"]) | {"support": c["tp"] + c["fn"]}
                     for t, c in per_topic.items()}
    supported = [m["f1"] for m in topic_metrics.values() if m["support"]]
    return {
        "items": len(labels),
        "relevance": _prf(tp, fp, fn),
        "topics": topic_metrics,
        "macro_f1": round(sum(supported) / len(supported), 4) if supported else None,
        "false_alerts_per_1000_irrelevant": round(1000 * false_alerts / irrelevant, 2)
        if irrelevant else None,
        "irrelevant_items": irrelevant,
        "confusion": {a: dict(c) for a, c in sorted(confusion.items())},
        "errors": errors,
    }


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "fp": fp, "fn": fn}


def format_report(metrics: dict) -> str:
    """A plain-text table of the metrics, for the terminal."""
    lines = [f"items: {metrics['items']}", "",
             f"{'topic':<22}{'precision':>10}{'recall':>10}{'f1':>8}{'support':>9}"]
    rel = metrics["relevance"]
    lines.append(f"{'(relevance)':<22}{rel['precision']:>10.3f}{rel['recall']:>10.3f}"
                 f"{rel['f1']:>8.3f}{rel['tp'] + rel['fn']:>9}")
    for topic, m in metrics["topics"].items():
        lines.append(f"{topic:<22}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>8.3f}"
                     f"{m['support']:>9}")
    lines += ["", f"macro-F1: {metrics['macro_f1']}",
              f"false alerts per 1,000 irrelevant items: "
              f"{metrics['false_alerts_per_1000_irrelevant']} (of {metrics['irrelevant_items']})",
              "", "confusion (rows: expected primary topic, columns: predicted):"]
    labels = sorted({c for row in metrics["confusion"].values() for c in row}
                    | set(metrics["confusion"]))
    lines.append(" " * 22 + "".join(f"{label[:9]:>10}" for label in labels))
    for actual, row in metrics["confusion"].items():
        lines.append(f"{actual:<22}" + "".join(f"{row.get(label, 0):>10}" for label in labels))
    return "\n".join(lines)
