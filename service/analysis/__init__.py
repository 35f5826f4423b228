"""The analysis step: stored items → classifiers → analyses and stories in the database."""
