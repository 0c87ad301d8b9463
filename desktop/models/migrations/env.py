"""Alembic environment: runs on the connection Karsaz hands it (or the URL in the config)."""

from alembic import context
from sqlalchemy import create_engine

import desktop.models  # noqa: F401 - maps every table onto the metadata
from desktop.models.base import Base

config = context.config
target_metadata = Base.metadata


def _render_item(type_, obj, autogen_context):
    """Write Karsaz's column types as plain SQLAlchemy types, so old revisions never import
    model code that may change later."""
    from desktop.models.base import UTCDateTime

    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _include_name(name, type_, parent_names):
    # The full-text index of client search is made by hand (SQLite FTS5 and its shadow
    # tables); autogenerate must neither drop it nor model it.
    return not (type_ == "table" and name and name.startswith("client_search"))


def _configure(connection):
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by copying tables
        compare_type=True,
        render_item=_render_item,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _configure(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _configure(conn)
