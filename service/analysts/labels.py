"""The labelled set and its JSON-lines file.

A label is keyed ``item:<id>`` for an item of this database (folded from the marks on it, see
``service.analysts.feedback``), or by the id of an imported example. The file is the training
corpus format (``classifiers.train.read_corpus``) plus the judgement: level, false_alarm,
reason, author, updated_at, split. The seed corpus is not part of it.
"""

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlmodel import Session

from service.models import Feedback, Item, Label
from service.routing.config import LEVELS, TOPICS

HOLDOUT_SHARE = 0.2
SPLITS = ("train", "holdout")
ITEM_KEY = re.compile(r"^item:([1-9][0-9]{0,17})$")
MAX_ERRORS = 100  # line errors reported by one import; the count says how many there were


def split_of(key: str) -> str:
    """``holdout`` for a stable fifth of the keys, else ``train``.

    The hash of ``classifiers.train.held_out``, so training holds out the same labels."""
    return "holdout" if hashlib.sha256(key.encode()).digest()[0] / 256 < HOLDOUT_SHARE else "train"


def judged_text(item: Item) -> tuple[str, str]:
    """The title and text of an item as the classifier reads them (the analysis step's)."""
    return item.title, item.content or item.summary


def aside_key(key: str, title: str, text: str) -> str:
    """The key of an example whose ``item:<id>`` names another text in this database."""
    digest = hashlib.sha256("\n".join((title, text)).encode()).hexdigest()
    return f"{key}@{digest[:8]}"


def as_record(label: Label) -> dict:
    """A label as one line of the file: a training record plus the judgement."""
    return {"id": label.key, "title": label.title, "text": label.text,
            "relevant": label.relevant, "topics": list(label.topics), "level": label.level,
            "false_alarm": label.false_alarm, "reason": label.reason, "author": label.author,
            "updated_at": label.updated_at.isoformat(), "split": label.split}


# str.splitlines() (read_corpus) also breaks lines at these; JSON may escape them
_LINE_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}


def dump_line(record: dict) -> str:
    """One JSON line, readable Chinese, without characters that split lines."""
    return json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKS)


def export_labels(session: Session, *, batch: int = 500) -> Iterator[dict]:
    """Every label as a record, by key (the seed corpus is not included)."""
    after = None
    while True:
        query = select(Label).order_by(Label.key).limit(batch)
        if after is not None:
            query = query.where(Label.key > after)
        rows = session.execute(query).scalars().all()
        for label in rows:
            yield as_record(label)
        if len(rows) < batch:
            return
        after = rows[-1].key
        session.expunge_all()


@dataclass
class LineError:
    line: int
    message: str


@dataclass
class ImportReport:
    lines: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # the label here is newer than the line
    errors: list[LineError] = field(default_factory=list)
    error_count: int = 0

    def error(self, line: int, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(LineError(line, message))


def read_lines(text: str) -> list[str]:
    """The lines of a file, split at newlines only (JSON strings may hold U+2028)."""
    return [line.rstrip("\r") for line in text.removeprefix("\ufeff").split("\n")]


def import_labels(*, session: Session, lines: Iterable[str], author: str,
                  now: datetime) -> ImportReport:
    """Check every line, then upsert its label (the newer one wins) with a Feedback row of
    origin ``import`` by ``author``; nothing is written when any line is bad. Never deletes."""
    report, records, first_line = ImportReport(), [], {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        report.lines += 1
        try:
            values = parse_record(json.loads(line)) | {"line": number}
        except json.JSONDecodeError as exc:
            report.error(number, f"不是合法的 JSON（{exc.msg}，第 {exc.colno} 列）")
            continue
        except ValueError as exc:
            report.error(number, str(exc))
            continue
        if values["key"] in first_line:
            report.error(number, f"id {values['key']!r} 与第 {first_line[values['key']]} 行重复")
            continue
        first_line[values["key"]] = number
        records.append(values)
    if not report.error_count:
        _resolve_keys(session, records, report)
    if report.error_count:
        return report
    labels = _labels_by_key(session, [values["key"] for values in records])
    created, history = [], []
    for values in records:
        outcome = _upsert(values, labels.get(values["key"]), created, history,
                          author=author, now=now)
        setattr(report, outcome, getattr(report, outcome) + 1)
    # Core inserts: building ORM objects took most of the time of a 10,000-line import
    for table, rows in ((Label, created), (Feedback, history)):
        for chunk in _chunks(rows):
            session.execute(insert(table), chunk)
    session.flush()
    return report


def parse_record(data) -> dict:
    """The label values of one line; ValueError naming the field that is wrong."""
    if not isinstance(data, dict):
        raise ValueError("每行必须是一个 JSON 对象（a JSON object per line）")
    key = data.get("id")
    if not isinstance(key, str) or not key.strip() or len(key) > 90:
        raise ValueError("id 必须是 1–90 个字符的字符串")
    title, text, reason = (_or(data.get(name), "") for name in ("title", "text", "reason"))
    for name, value in (("title", title), ("text", text), ("reason", reason)):
        if not isinstance(value, str):
            raise ValueError(f"{name} 必须是字符串")
    if not title.strip() and not text.strip():
        raise ValueError("title 和 text 不能都为空")
    relevant, false_alarm = data.get("relevant"), data.get("false_alarm", False)
    if not isinstance(relevant, bool):
        raise ValueError("relevant 必须是 true 或 false")
    if not isinstance(false_alarm, bool):
        raise ValueError("false_alarm 必须是 true 或 false")
    topics = _or(data.get("topics"), [])
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        raise ValueError("topics 必须是主题名的数组")
    if unknown := [t for t in topics if t not in TOPICS]:
        raise ValueError(f"topics 含未知主题 {', '.join(unknown)}（可选：{'、'.join(TOPICS)}）")
    level = data.get("level")
    if level is not None and level not in LEVELS:
        raise ValueError(f"level 必须是 {'、'.join(LEVELS)} 或 null")
    if not relevant and (topics or level):
        raise ValueError("relevant 为 false 时 topics 必须为空、level 必须为 null")
    if false_alarm and not reason.strip():
        raise ValueError("false_alarm 为 true 时必须有 reason")
    by = data.get("author")
    if by is not None and (not isinstance(by, str) or not by.strip() or len(by) > 100):
        raise ValueError("author 必须是 1–100 个字符的字符串")
    if data.get("split") not in (None, *SPLITS):
        raise ValueError("split 必须是 train 或 holdout（按 id 的哈希重新计算）")
    return {"key": key, "title": title, "text": text, "relevant": relevant,
            "topics": list(dict.fromkeys(topics)), "level": level, "false_alarm": false_alarm,
            "reason": reason.strip(), "author": by, "updated_at": _moment(data.get("updated_at"))}


def _or(value, default):
    return default if value is None else value


def _moment(value) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ValueError("updated_at 必须是带时区的 ISO 8601 时间，例如 2026-11-26T08:00:00+08:00")
    return moment


def _chunks(values: list, size: int = 500) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _resolve_keys(session: Session, records: list[dict], report: ImportReport) -> None:
    """Set each record's label key and item: ``item:<id>`` is this database's item only when
    the texts agree (else the example is kept aside, as in ``service.analysts.feedback``)."""
    wanted = sorted({int(m[1]) for r in records if (m := ITEM_KEY.match(r["key"]))})
    items = {}
    for chunk in _chunks(wanted):
        items.update((row.id, judged_text(row)) for row in session.execute(
            select(Item.id, Item.title, Item.content, Item.summary).where(Item.id.in_(chunk))))
    first_line = {values["key"]: values["line"] for values in records}
    for values in records:
        values["item_id"] = None
        if (match := ITEM_KEY.match(values["key"])) and int(match[1]) in items:
            if items[int(match[1])] == (values["title"], values["text"]):
                values["item_id"] = int(match[1])
                continue
            values["key"] = aside_key(values["key"], values["title"], values["text"])
            if values["key"] in first_line:
                report.error(values["line"], f"与本库条目 {match[1]} 的文本不同，另存的 id "
                             f"{values['key']} 与第 {first_line[values['key']]} 行重复")


def _labels_by_key(session: Session, keys: list[str]) -> dict[str, Label]:
    found = {}
    for chunk in _chunks(sorted(keys)):
        found.update((label.key, label) for label in session.execute(
            select(Label).where(Label.key.in_(chunk)).with_for_update()).scalars())
    return found


def _upsert(values: dict, label: Label | None, created: list[dict], history: list[dict], *,
            author: str, now: datetime) -> str:
    fields = {name: values[name] for name in ("title", "text", "relevant", "topics", "level",
                                              "false_alarm", "reason", "item_id")}
    fields.update(author=values["author"] or author, updated_at=values["updated_at"] or now,
                  split=split_of(values["key"]))
    if label is None:
        created.append({"key": values["key"], **fields})
        outcome = "created"
    elif label.updated_at > fields["updated_at"]:
        return "kept"
    elif all(getattr(label, name) == value for name, value in fields.items()):
        return "unchanged"
    else:
        for name, value in fields.items():
            setattr(label, name, value)
        outcome = "updated"
    history.append({
        "item_id": fields["item_id"], "alert_id": None, "author": author, "created_at": now,
        "relevant": fields["relevant"], "topic": (fields["topics"] or [None])[0],
        "level": fields["level"], "false_alarm": fields["false_alarm"],
        "reason": fields["reason"], "origin": "import"})
    return outcome


def label_stats(session: Session) -> dict:
    """How many labels there are, by relevance, topic, split and author."""
    def counts(column) -> dict:
        rows = session.execute(select(column, func.count()).group_by(column)).all()
        return {str(value).lower() if isinstance(value, bool) else value: n for value, n in rows}

    topics: Counter[str] = Counter()
    for row in session.execute(select(Label.topics).where(Label.relevant)).scalars():
        topics.update(row)
    return {"total": session.execute(select(func.count()).select_from(Label)).scalar_one(),
            "relevant": {"true": 0, "false": 0, **counts(Label.relevant)},
            "topics": {t: topics[t] for t in TOPICS if topics[t]},
            "split": {"train": 0, "holdout": 0, **counts(Label.split)},
            "authors": counts(Label.author),
            "false_alarms": session.execute(select(func.count()).select_from(Label)
                                            .where(Label.false_alarm)).scalar_one()}
