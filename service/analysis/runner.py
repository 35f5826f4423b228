"""The analyzer of one process, loaded on first use (start-up of a loaded analyzer ≤ 2 s).

It follows the active model version: before each run one query reads the newest activation,
and the analyzer is reloaded when the version changed (threshold overrides are applied without
a reload), so every instance switches without a restart.
"""

import logging
import threading
import time

from sqlalchemy import Engine
from sqlmodel import Session

from classifiers import Analyzer, load
from service.analysis.stories import StoryStore
from service.analysis.worker import AnalyzeReport, analyze_pending
from service.analysts.registry import (
    ActiveModel,
    active_model,
    effective_thresholds,
    load_folder,
)
from service.analysts.schemes import current_lexicons, current_schemes, overlay_stamp, with_rules
from service.config import Settings
from service.models import ModelVersion

log = logging.getLogger(__name__)
RETRY_FAILED_LOAD_SECONDS = 300  # a version whose folder is missing here is not retried each run


class AnalysisRunner:
    """Holds the analyzer and the story index of a process; safe to share between threads."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.stories = StoryStore()
        self._analyzer: Analyzer | None = None
        self._version: str | None = None  # the activated version loaded; None: the default
        self._base_thresholds: dict = {}
        self._overrides: dict = {}
        self._failed: tuple[str, float] | None = None
        self._ruled: tuple | None = None  # ((base analyzer, edits stamp), analyzer with edits)
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()

    @property
    def analyzer(self) -> Analyzer:
        """The loaded analyzer (the first call loads the configured default model)."""
        with self._load_lock:
            if self._analyzer is None:
                self._install(self._load_default(), None)
            return self._analyzer

    def current(self, engine: Engine) -> Analyzer:
        """The analyzer of the active version, with the analysts' schemes and lexicon terms:
        a few cheap queries, and a rebuild only when the version or the rules changed."""
        with Session(engine) as session:
            target = active_model(session, self.settings)
            if target.version is None:  # nothing activated: overrides stored on the default
                loaded = self._analyzer.version if self._analyzer is not None else None
                row = session.get(ModelVersion, loaded) if loaded else None
                target.thresholds = row.thresholds if row is not None else {}
            stamp = overlay_stamp(session)
            with self._load_lock:
                if self._analyzer is None or target.version != self._version:
                    self._switch(target)
                if self._version == target.version and target.thresholds != self._overrides:
                    self._overrides = dict(target.thresholds)
                    self._analyzer.thresholds = effective_thresholds(self._base_thresholds,
                                                                     self._overrides)
                if stamp == (0, 0):  # nothing edited: the shipped rules of the model
                    return self._analyzer
                if self._ruled is None or self._ruled[0] != (self._analyzer, stamp):
                    ruled = with_rules(self._analyzer, current_lexicons(session),
                                       current_schemes(session))
                    self._ruled = ((self._analyzer, stamp), ruled)
                    log.info("analysis uses the edited schemes and lexicons (edit %s)", stamp)
                self._ruled[1].thresholds = self._analyzer.thresholds
                return self._ruled[1]

    def run(self, engine, now, on_batch=None) -> AnalyzeReport:
        """Analyse every pending item with the active model; one run at a time per process.
        ``on_batch()`` runs after each batch is committed."""
        analyzer = self.current(engine)
        with self._run_lock:
            return analyze_pending(engine=engine, analyzer=analyzer, stories=self.stories,
                                   now=now, batch_size=self.settings.analysis_batch_size,
                                   on_batch=on_batch)

    def _switch(self, target: ActiveModel) -> None:
        """Load the target; when its folder cannot be loaded here, keep the model in use (or
        the default one) and say so."""
        if target.version is None:
            self._install(self._load_default(), None)
            return
        failed = self._failed
        if failed and failed[0] == target.version and (
                time.monotonic() - failed[1] < RETRY_FAILED_LOAD_SECONDS):
            if self._analyzer is None:
                self._install(self._load_default(), None)
            return
        try:
            analyzer = load_folder(self.settings, target.path, version=target.version)
        except Exception:
            log.exception("active model %s cannot be loaded from %s; analysis keeps using %s",
                          target.version, target.path,
                          self._analyzer.version if self._analyzer else "the default model")
            self._failed = (target.version, time.monotonic())
            if self._analyzer is None:
                self._install(self._load_default(), None)
            return
        previous = self._analyzer.version if self._analyzer else None
        self._install(analyzer, target.version)
        log.info("analysis switched to model %s (was %s)", target.version, previous)

    def _install(self, analyzer: Analyzer, version: str | None) -> None:
        self._analyzer = analyzer
        self._version = version
        self._base_thresholds = dict(analyzer.thresholds)
        self._overrides = {}
        self._failed = None if version is not None else self._failed

    def _load_default(self) -> Analyzer:
        cache = self.settings.data_dir / "cache"
        cache.mkdir(parents=True, exist_ok=True)
        return load(self.settings.model_dir, cache_dir=cache)
