"""Model versions: registered from their artifact folders, listed, and one of them active.

The active version is the one named by the newest ``model_activations`` row; while there is
none, the configured default model (``YQ_MODEL_DIR`` or the shipped one) is in use. Every
instance's AnalysisRunner reads that row before each run and reloads when it changed.
Activating a version that measures worse than the active one on the bureau's holdout labels
needs an override with a reason; every activation records who, why, and the comparison.
"""

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from classifiers import Analyzer, ModelNotFound, load
from classifiers.artifacts import DEFAULT_MODEL_DIR, ModelMeta, load_meta
from service.analysts import evaluation
from service.config import Settings
from service.models import ModelActivation, ModelVersion

log = logging.getLogger(__name__)

VERSION_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
# path segments of the API next to /models/{version}
RESERVED_NAMES = {"active", "activations", "compare", "evaluations", "train"}
ANALYZER_THRESHOLDS = ("relevant", "topic")  # the keys of Analyzer.thresholds


class RegistryError(Exception):
    """A request the registry refuses; the message is shown to the analyst (Chinese)."""

    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.status = status


class WorseModel(RegistryError):
    """The candidate measures worse than the active version; ``comparison`` says how."""

    def __init__(self, comparison: dict):
        super().__init__("新版本在本局标注集（留出部分）上的指标低于当前版本："
                         + "；".join(comparison["reasons"])
                         + "。如确需启用，请选择强制启用并填写理由")
        self.comparison = comparison


@dataclass
class ActiveModel:
    """What the analysis should run with: the version's folder and its threshold overrides."""

    version: str | None  # None: nothing activated yet, the configured default
    path: Path
    thresholds: dict
    activation_id: int | None = None


def models_root(settings: Settings) -> Path:
    """The folder that holds one sub-folder per trained version."""
    return settings.data_dir / "models"


def stored_path(settings: Settings, folder: Path) -> str:
    """The path kept in the row: relative to the data folder when inside it, so instances
    with their own (shared or copied) data folder find it."""
    folder = folder.resolve()
    try:
        return str(folder.relative_to(settings.data_dir.resolve()))
    except ValueError:
        return str(folder)


def folder_of(settings: Settings, row: ModelVersion) -> Path:
    """The artifact folder of a version on this instance."""
    path = Path(row.path)
    return path if path.is_absolute() else settings.data_dir / path


def default_folder(settings: Settings) -> Path:
    """The model used while no version has been activated."""
    return Path(settings.model_dir) if settings.model_dir else DEFAULT_MODEL_DIR


def check_name(version: str) -> None:
    """Refuse a version name the API could not address."""
    if not VERSION_PATTERN.match(version) or version in RESERVED_NAMES:
        raise RegistryError(f"版本名无效：{version!r}（字母、数字、. _ -，最长 64 个字符）", 422)


def register(*, session: Session, settings: Settings, folder: Path, meta: ModelMeta, author: str,
             now: datetime, params: dict | None = None, metrics: dict | None = None,
             note: str = "") -> ModelVersion:
    """Record a trained artifact as a ready version (committed)."""
    check_name(meta.version)
    row = session.get(ModelVersion, meta.version) or ModelVersion(
        version=meta.version, path="", created_at=now)
    row.path = stored_path(settings, folder)
    row.status = "ready"
    row.author = author
    row.data_hash = meta.data_hash
    row.params = {**meta.params, "trained_on": meta.trained_on, "tokenizer": meta.tokenizer,
                  "model_thresholds": meta.thresholds, **(params or {})}
    row.metrics = {**meta.metrics, **(metrics or {})}
    row.note = note
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def ensure_default(*, session: Session, settings: Settings, now: datetime) -> ModelVersion | None:
    """The row of the configured default model, registered on first use (None without one),
    so it can be compared with and rolled back to like any trained version."""
    folder = default_folder(settings)
    try:
        meta = load_meta(folder)
    except ModelNotFound:
        return None
    row = session.get(ModelVersion, meta.version)
    if row is not None:
        return row
    try:
        built = datetime.fromisoformat(meta.created_at) if meta.created_at else now
        built = built if built.tzinfo else built.replace(tzinfo=UTC)
        return register(session=session, settings=settings, folder=folder, meta=meta,
                        author=meta.author or "出厂默认", now=built,
                        note="默认模型（未经启用时使用）")
    except IntegrityError:  # another instance registered it at the same moment
        session.rollback()
        return session.get(ModelVersion, meta.version)


def list_versions(session: Session) -> list[ModelVersion]:
    """Every version, newest first."""
    query = select(ModelVersion).order_by(ModelVersion.created_at.desc(), ModelVersion.version)
    return list(session.execute(query).scalars())


def latest_activation(session: Session) -> ModelActivation | None:
    """The newest activation row (its version is the active one), or None."""
    query = select(ModelActivation).order_by(ModelActivation.id.desc()).limit(1)
    return session.execute(query).scalars().first()


def activations(session: Session, limit: int = 100) -> list[ModelActivation]:
    """The history of activations, newest first."""
    query = select(ModelActivation).order_by(ModelActivation.id.desc()).limit(limit)
    return list(session.execute(query).scalars())


def active_model(session: Session, settings: Settings) -> ActiveModel:
    """The model analysis should use now: one query while a version is active."""
    query = (select(ModelActivation.id, ModelVersion.version, ModelVersion.path,
                    ModelVersion.thresholds)
             .join(ModelVersion, ModelVersion.version == ModelActivation.version)
             .order_by(ModelActivation.id.desc()).limit(1))
    row = session.execute(query).first()
    if row is None:
        return ActiveModel(version=None, path=default_folder(settings), thresholds={})
    path = Path(row.path)
    return ActiveModel(version=row.version, thresholds=row.thresholds or {},
                       path=path if path.is_absolute() else settings.data_dir / path,
                       activation_id=row.id)


def current_version(*, session: Session, settings: Settings, now: datetime) -> ModelVersion | None:
    """The row of the version in use: the activated one, else the default model's."""
    activation = latest_activation(session)
    if activation is not None:
        return session.get(ModelVersion, activation.version)
    return ensure_default(session=session, settings=settings, now=now)


def effective_thresholds(base: dict, overrides: dict) -> dict:
    """The analyzer's thresholds with a version's stored overrides applied."""
    chosen = {k: float(overrides[k]) for k in ANALYZER_THRESHOLDS
              if isinstance(overrides.get(k), int | float)}
    return {**base, **chosen}


def load_folder(settings: Settings, folder: Path, *, version: str | None = None,
                thresholds: dict | None = None) -> Analyzer:
    """An analyzer of a model folder, checked against the expected version, with overrides."""
    cache = settings.data_dir / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    analyzer = load(folder, cache_dir=cache)
    if version is not None and analyzer.version != version:
        raise ModelNotFound(f"{folder} holds model {analyzer.version}, not {version}")
    analyzer.thresholds = effective_thresholds(analyzer.thresholds, thresholds or {})
    return analyzer


def load_version(settings: Settings, row: ModelVersion) -> Analyzer:
    """The analyzer of a registered version, as analysis would run it."""
    return load_folder(settings, folder_of(settings, row), version=row.version,
                       thresholds=row.thresholds)


def compare_on_labels(*, session: Session, settings: Settings, candidate: ModelVersion,
                      current: ModelVersion | None) -> dict:
    """Candidate and current version on the bureau's holdout labels, and whether the candidate
    is worse (lower macro-F1 or lower relevance F1)."""
    records = evaluation.records_for(session=session, settings=settings, name="labels:holdout")
    base = {"set": "labels:holdout", "items": len(records), "candidate": candidate.version,
            "active": current.version if current else None, "worse": False, "reasons": []}
    analyzer = load_version(settings, candidate)  # also proves the folder loads here
    if not records or current is None:
        return base | {"note": "没有可比较的标注（留出部分）或当前版本" if not records
                       else "当前没有可用版本"}
    new = evaluation.evaluate(analyzer, records)["metrics"]
    old = evaluation.evaluate(load_version(settings, current), records)["metrics"]
    reasons = []
    for name, new_value, old_value in (
            ("宏平均F1", new["macro_f1"], old["macro_f1"]),
            ("相关性F1", new["relevance"]["f1"], old["relevance"]["f1"])):
        if new_value is not None and old_value is not None and new_value < old_value - 1e-9:
            reasons.append(f"{name} {new_value:.4f} < {old_value:.4f}")
    return base | {"worse": bool(reasons), "reasons": reasons,
                   "metrics": {"candidate": evaluation.summary(new),
                               "active": evaluation.summary(old)},
                   "deltas": evaluation.deltas(old, new)}


def activate(*, session: Session, settings: Settings, version: str, actor: str, now: datetime,
             override: bool = False, reason: str = "") -> ModelActivation:
    """Make ``version`` the active one (rolling back is the same with an older version).

    Raises WorseModel when it measures worse than the active version and ``override`` is not
    set, RegistryError for an unknown, unfinished or already active version.
    """
    row = session.get(ModelVersion, version)
    if row is None:
        raise RegistryError(f"没有版本 {version}", 404)
    if row.status != "ready":
        raise RegistryError(f"版本 {version} 状态为 {row.status}，不能启用")
    reason = reason.strip()
    if override and not reason:
        raise RegistryError("强制启用必须填写理由", 422)
    current = current_version(session=session, settings=settings, now=now)
    if current is not None and current.version == version:
        raise RegistryError(f"版本 {version} 已是当前启用的版本")
    try:
        comparison = compare_on_labels(session=session, settings=settings, candidate=row,
                                       current=current)
    except ModelNotFound as exc:
        raise RegistryError(f"版本 {version} 的模型文件无法加载：{exc}") from None
    if comparison["worse"] and not override:
        raise WorseModel(comparison)
    activation = ModelActivation(version=version, previous=current.version if current else None,
                                 actor=actor, at=now, override=override, reason=reason,
                                 comparison=comparison)
    session.add(activation)
    session.commit()
    session.refresh(activation)
    log.info("model %s activated by %s (previous %s%s)", version, actor, activation.previous,
             ", override" if override else "")
    return activation


def set_thresholds(*, session: Session, version: str, thresholds: dict, actor: str,
                   now: datetime) -> ModelVersion:
    """Store threshold overrides on a version (the earlier ones kept in ``history``)."""
    row = session.get(ModelVersion, version)
    if row is None:
        raise RegistryError(f"没有版本 {version}", 404)
    previous = dict(row.thresholds or {})
    history = previous.pop("history", [])
    row.thresholds = {**thresholds, "set_by": actor, "set_at": now.isoformat(),
                      "history": ([previous] if previous else []) + history}
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def resolve_version(*, session: Session, settings: Settings, name: str,
                    now: datetime) -> ModelVersion:
    """A ready version by name; ``active`` names the version in use."""
    row = (current_version(session=session, settings=settings, now=now) if name == "active"
           else session.get(ModelVersion, name))
    if row is None:
        raise RegistryError(f"没有版本 {name}", 404)
    if row.status != "ready":
        raise RegistryError(f"版本 {name} 状态为 {row.status}，还不能使用")
    return row
