"""Migrations create exactly what the models describe, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

import service.models  # noqa: F401
from service.db import require_current_schema


def test_schema_matches_models(engine):
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == []
    assert require_current_schema(engine) is None


def test_entry_uniqueness_is_enforced_by_the_database(engine):
    constraints = inspect(engine).get_unique_constraints("items")
    assert any(c["column_names"] == ["source_id", "entry_key"] for c in constraints)


def test_an_empty_database_is_reported(tmp_path):
    from service.db import make_engine

    empty = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert "yuqing db upgrade" in require_current_schema(empty)
