"""sources.yaml: its schema, loading, OPML import and the copy kept in the database."""
