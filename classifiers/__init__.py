"""Chinese-text classifiers for the bureau: relevance, topic, level, casualties, places.

The public API is ``load()`` and ``Analyzer.analyze()``; the package has no database access.
"""

from pathlib import Path

from classifiers.analyzer import Analysis, Analyzer, Document, build_analyzer
from classifiers.artifacts import DATA_DIR, DEFAULT_MODEL_DIR, ModelNotFound

__all__ = ["Analysis", "Analyzer", "Document", "ModelNotFound", "load"]


def load(path: str | Path | None = None, *, cache_dir: Path | None = None) -> Analyzer:
    """An analyzer with the model at ``path`` (a model folder), or the default model."""
    return build_analyzer(Path(path) if path else DEFAULT_MODEL_DIR, data_dir=DATA_DIR,
                          cache_dir=cache_dir)
