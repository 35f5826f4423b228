"""The analyzer of one process, loaded on first use (start-up of a loaded analyzer ≤ 2 s)."""

import threading

from classifiers import Analyzer, load
from service.analysis.stories import StoryStore
from service.analysis.worker import AnalyzeReport, analyze_pending
from service.config import Settings


class AnalysisRunner:
    """Holds the analyzer and the story index of a process; safe to share between threads."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.stories = StoryStore()
        self._analyzer: Analyzer | None = None
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()

    @property
    def analyzer(self) -> Analyzer:
        """The loaded analyzer (the first call loads it)."""
        with self._load_lock:
            if self._analyzer is None:
                cache = self.settings.data_dir / "cache"
                cache.mkdir(parents=True, exist_ok=True)
                self._analyzer = load(self.settings.model_dir, cache_dir=cache)
            return self._analyzer

    def run(self, engine, now) -> AnalyzeReport:
        """Analyse every pending item; one run at a time per process."""
        analyzer = self.analyzer
        with self._run_lock:
            return analyze_pending(engine=engine, analyzer=analyzer, stories=self.stories,
                                   now=now, batch_size=self.settings.analysis_batch_size)
