"""Readable pages of evaluation and comparison results, for analysts (Chinese)."""

import html
from datetime import datetime
from zoneinfo import ZoneInfo

from fastapi.responses import HTMLResponse

from service.analysts.evaluation import SETS
from service.models import Job
from service.notify.message import LEVEL_NAMES, TOPIC_NAMES

_STYLE = ("body{font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;"
          "max-width:75em;margin:2em auto;padding:0 1em;color:#222}"
          "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ddd;"
          "padding:.25em .6em;vertical-align:top}th{background:#f5f5f5}td.n{text-align:right;"
          "font-variant-numeric:tabular-nums}.up{color:#389e0d}.down{color:#cf1322}"
          ".muted{color:#666}.small{font-size:.9em}")
_MISTAKES = {"relevance": "相关性", "topic": "类别", "level": "级别"}
_CHANGES = {"fixed": "改对", "broken": "改错", "different": "变化"}
_ZONE = ZoneInfo("Asia/Shanghai")  # the bureau's time, as on the other pages


def evaluation_page(job: Job) -> HTMLResponse:
    """The page of a finished evaluate or compare job."""
    result = job.result or {}
    if job.kind == "compare":
        title = f"模型比较：{result.get('a')} → {result.get('b')}"
        body = _comparison(result)
    else:
        title = f"模型评估：{result.get('version')}"
        body = _evaluation(result)
    finished = job.finished_at.astimezone(_ZONE).strftime("%Y-%m-%d %H:%M") if isinstance(
        job.finished_at, datetime) else ""
    about = (f"<p class='muted'>标注集：{_e(SETS.get(result.get('set'), result.get('set')))}，"
             f"{result.get('items', 0)} 条；任务 #{job.id}，由 {_e(job.created_by)} 发起，"
             f"完成于 {finished}</p>")
    return HTMLResponse(
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{_e(title)}</h1>{about}{body}</body></html>")


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _num(value, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _topic(name: str | None) -> str:
    if name in (None, "irrelevant", "none"):
        return "不相关" if name == "irrelevant" else "无"
    return TOPIC_NAMES.get(name, name)


def _level(name: str | None) -> str:
    return LEVEL_NAMES.get(name or "", "不告警")


def _table(head: list[str], rows: list[list[str]]) -> str:
    """A table; cells are HTML already (escaped by the caller)."""
    header = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    return f"<table><tr>{header}</tr>{body}</table>"


def _td(value, numeric: bool = False) -> str:
    return f"<td class='n'>{value}</td>" if numeric else f"<td>{value}</td>"


def _metrics_table(metrics: dict) -> str:
    rel = metrics["relevance"]
    rows = [[_td("相关性（是否相关）"), *(_td(_num(rel[k]), True)
                                   for k in ("precision", "recall", "f1")),
             _td(rel["tp"] + rel["fn"], True)]]
    for topic, m in metrics["topics"].items():
        rows.append([_td(_e(_topic(topic))), *(_td(_num(m[k]), True)
                                               for k in ("precision", "recall", "f1")),
                     _td(m["support"], True)])
    levels = metrics.get("levels", {})
    summary = (f"<p>宏平均 F1：<b>{_num(metrics['macro_f1'])}</b>；每千条无关信息误报："
               f"<b>{_num(metrics['false_alerts_per_1000_irrelevant'], 2)}</b>"
               f"（无关信息 {metrics['irrelevant_items']} 条）；级别一致率："
               f"<b>{_num(levels.get('agreement'))}</b>"
               f"（{levels.get('items', 0)} 条有级别标注）</p>")
    return summary + _table(["类别", "精确率", "召回率", "F1", "样本数"], rows)


def _confusion(confusion: dict, name) -> str:
    columns = sorted({c for row in confusion.values() for c in row} | set(confusion))
    rows = [[_td(_e(name(actual))), *(_td(row.get(c, 0) or "", True) for c in columns)]
            for actual, row in confusion.items()]
    return _table(["标注 ＼ 判定", *(_e(name(c)) for c in columns)], rows)


def _decision(decision: dict) -> str:
    if not decision["relevant"]:
        return "不相关"
    topics = "、".join(_topic(t) for t in decision["topics"]) or "（无类别）"
    return f"{_e(topics)}；{_e(_level(decision['level']))}"


def _explanation(explanation: dict) -> str:
    terms = "、".join(explanation.get("terms") or []) or "—"
    rules = "<br>".join(_e(r) for r in explanation.get("rules") or []) or "—"
    return f"命中词：{_e(terms)}<div class='muted small'>规则：{rules}</div>"


def _evaluation(result: dict) -> str:
    metrics = result["metrics"]
    wrong = result.get("wrong", [])
    rows = [[_td(_e(w["id"])), _td(_e(w["text"])),
             _td("、".join(_MISTAKES.get(m, m) for m in w["mistakes"])),
             _td(_decision(w["expected"])), _td(_decision(w["got"])),
             _td(_num(w["got"]["relevance"]), True), _td(_explanation(w["explanation"]))]
            for w in wrong]
    shown = (f"（显示前 {len(wrong)} 条）" if result.get("wrong_total", 0) > len(wrong) else "")
    return (f"<p class='muted'>相关性阈值：{_num(result.get('threshold'), 2)}</p>"
            "<h2>指标</h2>" + _metrics_table(metrics)
            + "<h2>混淆矩阵（主类别）</h2>" + _confusion(metrics["confusion"], _topic)
            + "<h2>级别</h2>" + _confusion(metrics.get("levels", {}).get("confusion", {}),
                                          _level)
            + f"<h2>判错条目：{result.get('wrong_total', 0)} 条{shown}</h2>"
            + _table(["编号", "内容", "错在", "标注", "模型判定", "相关度", "解释"], rows))


def _delta(value, worse_when_up: bool = False) -> str:
    if value is None:
        return "—"
    good = value < 0 if worse_when_up else value > 0
    css = "" if value == 0 else ("up" if good else "down")
    return f"<span class='{css}'>{value:+.4f}</span>"


def _comparison(result: dict) -> str:
    a, b = result["metrics"]["a"], result["metrics"]["b"]
    d = result["deltas"]
    lines = [("相关性精确率", a["relevance"]["precision"], b["relevance"]["precision"],
              d["relevance"]["precision"], False),
             ("相关性召回率", a["relevance"]["recall"], b["relevance"]["recall"],
              d["relevance"]["recall"], False),
             ("相关性 F1", a["relevance"]["f1"], b["relevance"]["f1"], d["relevance"]["f1"], False),
             ("宏平均 F1", a["macro_f1"], b["macro_f1"], d["macro_f1"], False),
             ("每千条无关信息误报", a["false_alerts_per_1000_irrelevant"],
              b["false_alerts_per_1000_irrelevant"], d["false_alerts_per_1000_irrelevant"], True),
             ("级别一致率", a["levels"]["agreement"], b["levels"]["agreement"],
              d["level_agreement"], False)]
    lines += [(f"{_topic(t)} F1", a["topics"][t]["f1"], b["topics"][t]["f1"], delta, False)
              for t, delta in d["topics_f1"].items()]
    rows = [[_td(_e(name)), _td(_num(x, 4), True), _td(_num(y, 4), True),
             _td(_delta(dv, worse), True)] for name, x, y, dv, worse in lines]
    counts = result["changes"]
    changed = [[_td(_e(c["id"])), _td(_e(c["text"])), _td(_CHANGES.get(c["change"], "")),
                _td(_decision(c["expected"])), _td(_decision(c["a"])), _td(_decision(c["b"])),
                _td(_explanation(c["explanation_b"]))] for c in result.get("changed", [])]
    return ("<h2>指标对比</h2>"
            + _table(["指标", _e(result["a"]), _e(result["b"]), "变化"], rows)
            + f"<h2>判定改变的条目：{result['changed_total']} 条</h2>"
            f"<p>改对 {counts['fixed']} 条，改错 {counts['broken']} 条，"
            f"其他变化 {counts['different']} 条</p>"
            + _table(["编号", "内容", "变化", "标注", _e(result["a"]), _e(result["b"]),
                      f"{_e(result['b'])} 的解释"], changed))
