"""Versioned model artifacts: a folder with ``model.joblib`` and ``meta.json``.

``meta.json`` records the version, the training data hash, parameters, metrics and the date, so
any stored analysis can say which model made it.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import joblib

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_MODEL_DIR = DATA_DIR / "models" / "default"


@dataclass
class ModelMeta:
    version: str
    data_hash: str
    params: dict
    created_at: str
    trained_on: str
    metrics: dict = field(default_factory=dict)
    thresholds: dict = field(default_factory=dict)
    tokenizer: str = ""
    author: str | None = None


class ModelNotFound(FileNotFoundError):
    """No model artifact at the given place."""


def data_hash(records: list[dict]) -> str:
    """SHA-256 over the training records in a canonical form."""
    digest = hashlib.sha256()
    for record in records:
        digest.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def save_artifact(folder: Path, model, meta: ModelMeta) -> Path:
    """Write the model and its metadata into ``folder`` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, folder / "model.joblib", compress=3)
    (folder / "meta.json").write_text(
        json.dumps(asdict(meta), ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8")
    return folder


def load_meta(folder: Path) -> ModelMeta:
    """The metadata of an artifact folder."""
    path = folder / "meta.json"
    if not path.exists():
        raise ModelNotFound(
            f"no model at {folder}: build the default one with `make model` "
            "or train one with `yuqing train`")
    return ModelMeta(**json.loads(path.read_text(encoding="utf-8")))


def load_artifact(folder: Path):
    """The model and metadata stored in ``folder``."""
    meta = load_meta(folder)
    return joblib.load(folder / "model.joblib"), meta
