"""Monitoring schemes and lexicon terms as analysts edit them.

The shipped files (classifiers/data/schemes.yaml, classifiers/data/lexicon/*.txt) are the base;
every edit is a new row (``scheme_versions``, ``lexicon_edits``) with its author and time, and
the rules in force are the base with the edits replayed in order. Nothing is overwritten: the
history of every scheme and term stays, and reverting is another edit.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlmodel import Session

from classifiers.artifacts import DATA_DIR
from classifiers.lexicon import read_terms
from classifiers.schemes import SchemeSyntaxError, load_schemes, scheme_from_dict
from service.models import LexiconEdit, SchemeVersion

SCHEMES_FILE = DATA_DIR / "schemes.yaml"
LEXICON_DIR = DATA_DIR / "lexicon"
GROUP_KEYS = ("主体", "地域", "事件", "排除")


class SchemeError(ValueError):
    """A scheme that cannot be used; ``position`` points into the expression when known."""

    def __init__(self, message: str, *, field: str | None = None, position: int | None = None):
        super().__init__(message)
        self.message, self.field, self.position = message, field, position


def shipped_schemes() -> dict[str, dict]:
    """The schemes of the shipped file, as definitions."""
    return {s.name: definition_of(s) for s in load_schemes(SCHEMES_FILE)}


def definition_of(scheme) -> dict:
    return {"topic": scheme.topic, "主体": scheme.subjects, "地域": scheme.places,
            "事件": scheme.events, "排除": scheme.excludes, "expression": scheme.expression}


def validate(name: str, definition: dict) -> dict:
    """A clean definition, or SchemeError naming the field (and position in an expression)."""
    from service.routing.config import TOPICS

    clean = {"topic": definition.get("topic"), "expression": definition.get("expression") or None}
    if clean["topic"] is not None and clean["topic"] not in TOPICS:
        raise SchemeError(f"未知的类别 {clean['topic']}（可选：{'、'.join(TOPICS)}）",
                          field="topic")
    for key in GROUP_KEYS:
        terms = definition.get(key) or []
        if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip()
                                                  for t in terms):
            raise SchemeError(f"{key} 必须是非空词语的列表", field=key)
        clean[key] = [t.strip() for t in terms]
    try:
        scheme_from_dict({"name": name, **clean})
    except SchemeSyntaxError as exc:
        raise SchemeError(f"表达式语法错误：{exc.message}（第 {exc.position + 1} 个字符）",
                          field="expression", position=exc.position) from None
    except ValueError as exc:
        raise SchemeError(f"方案无效：{exc}") from None
    return clean


@dataclass
class SchemeState:
    name: str
    definition: dict
    enabled: bool
    version: int  # 0: as shipped
    author: str | None
    at: datetime | None
    comment: str = ""


def current_schemes(session: Session) -> dict[str, SchemeState]:
    """The schemes in force: shipped ones with the newest edit of each applied."""
    states = {name: SchemeState(name, d, True, 0, None, None)
              for name, d in shipped_schemes().items()}
    newest = select(SchemeVersion.name, func.max(SchemeVersion.version).label("v")).group_by(
        SchemeVersion.name).subquery()
    rows = session.execute(select(SchemeVersion).join(
        newest, (newest.c.name == SchemeVersion.name) & (newest.c.v == SchemeVersion.version)))
    for row in rows.scalars():
        if row.deleted:
            states.pop(row.name, None)
        else:
            states[row.name] = SchemeState(row.name, row.definition, row.enabled, row.version,
                                           row.author, row.at, row.comment)
    return dict(sorted(states.items()))


def save_scheme(session: Session, *, name: str, definition: dict | None, enabled: bool,
                author: str, now: datetime, comment: str = "",
                deleted: bool = False) -> SchemeVersion:
    """A new version of a scheme (validated); the caller commits."""
    if deleted:
        current = current_schemes(session).get(name)
        if current is None:
            raise SchemeError(f"方案 {name} 不存在")
        clean = current.definition
    else:
        clean = validate(name, definition or {})
    version = (session.execute(select(func.max(SchemeVersion.version)).where(
        SchemeVersion.name == name)).scalar() or 0) + 1
    row = SchemeVersion(name=name, version=version, definition=clean, enabled=enabled,
                        deleted=deleted, author=author, at=now, comment=comment)
    session.add(row)
    session.flush()
    return row


def shipped_lexicons() -> dict[str, dict[str, float]]:
    return {path.stem: read_terms(path) for path in sorted(LEXICON_DIR.glob("*.txt"))}


def current_lexicons(session: Session) -> dict[str, dict[str, float]]:
    """The lexicons in force: the shipped lists with every edit replayed in order."""
    lists = shipped_lexicons()
    for edit in session.execute(select(LexiconEdit).order_by(LexiconEdit.id)).scalars():
        terms = lists.setdefault(edit.lexicon, {})
        if edit.action == "add":
            terms[edit.term] = edit.weight
        else:
            terms.pop(edit.term, None)
    return lists


def edit_term(session: Session, *, lexicon: str, term: str, action: str, weight: float,
              author: str, now: datetime, comment: str = "") -> LexiconEdit:
    """Add (or re-weight) or remove a term; the caller commits."""
    term = term.strip()
    if lexicon not in shipped_lexicons():
        raise SchemeError(f"没有词表 {lexicon}（可选：{'、'.join(shipped_lexicons())}）",
                          field="lexicon")
    if not term or len(term) > 50 or any(c in term for c in "\t\n"):
        raise SchemeError("词语须为 1 至 50 个字符，且不含制表符或换行", field="term")
    if action == "remove" and term not in current_lexicons(session).get(lexicon, {}):
        raise SchemeError(f"词表 {lexicon} 中没有 {term}", field="term")
    row = LexiconEdit(lexicon=lexicon, term=term, action=action, weight=weight, author=author,
                      at=now, comment=comment)
    session.add(row)
    session.flush()
    return row


def overlay_stamp(session: Session) -> tuple[int, int]:
    """Changes whenever a scheme or term is edited: the analysis step rebuilds its rules then."""
    return (session.execute(select(func.coalesce(func.max(SchemeVersion.id), 0))).scalar_one(),
            session.execute(select(func.coalesce(func.max(LexiconEdit.id), 0))).scalar_one())


def with_rules(analyzer, lexicons: dict[str, dict[str, float]], states: dict[str, SchemeState]):
    """An analyzer like ``analyzer`` (same model, tokenizer, gazetteer, thresholds) that uses
    these lexicons and schemes."""
    from classifiers.analyzer import Analyzer
    from classifiers.lexicon import Lexicon

    schemes = [scheme_from_dict({"name": s.name, **s.definition, "enabled": s.enabled})
               for s in states.values()]
    extra = set().union(*(s.terms() for s in schemes)) if schemes else set()
    ruled = Analyzer(tokenizer=analyzer.tokenizer, lexicon=Lexicon(lexicons, extra_terms=extra),
                     schemes=schemes, gazetteer=analyzer.gazetteer, model=analyzer.model,
                     meta=analyzer.meta)
    ruled.thresholds = analyzer.thresholds  # the same dict: threshold changes reach both
    return ruled


def candidate_rules(session: Session, *, schemes: dict | None = None,
                    terms: list[dict] | None = None):
    """The rules in force with a candidate change applied (for a backtest), validated:
    ``schemes`` maps a name to ``{"definition", "enabled"}`` or to None (retired); ``terms`` are
    ``{"lexicon", "term", "action": "add"|"remove", "weight"}``."""
    lexicons = current_lexicons(session)
    for edit in terms or []:
        if edit.get("lexicon") not in lexicons:
            raise SchemeError(f"没有词表 {edit.get('lexicon')}", field="terms")
        if edit.get("action", "add") == "add":
            lexicons[edit["lexicon"]][edit["term"]] = float(edit.get("weight", 1.0))
        else:
            lexicons[edit["lexicon"]].pop(edit["term"], None)
    states = current_schemes(session)
    for name, change in (schemes or {}).items():
        if change is None:
            states.pop(name, None)
        else:
            states[name] = SchemeState(name, validate(name, change.get("definition") or {}),
                                       bool(change.get("enabled", True)), -1, None, None)
    return lexicons, states
