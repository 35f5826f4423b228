"""Chinese-text classifiers (filled in by the classifiers issue)."""
