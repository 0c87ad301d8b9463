"""The migrations, run one after another from an empty database up to head, give exactly the
schema the models describe: a model changed without its migration (or the reverse) fails here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from desktop.database import alembic_config
from desktop.models.base import Base

# The client search index is made by hand (migrations 0002 and 0006), outside the models.
HAND_MADE = ("client_search", "ix_client_search_key_trgm")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    else:
        yield request.getfixturevalue("postgres_url")


def test_the_migrations_at_head_give_the_models_schema(url: str) -> None:
    import desktop.models  # noqa: F401  (every model registers on Base.metadata)

    engine = create_engine(url)
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            "include_name": lambda name, kind, _: not (name or "").startswith(HAND_MADE)})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    # The one index autogenerate always proposes on SQLite is PostgreSQL's alone (ddl_if).
    differences = [d for d in differences
                   if not (d[0] == "add_index" and d[1].name == "ix_client_sort_search")]
    assert differences == []
