"""Opening a database: SQLite in the user's data folder by default, or any SQLAlchemy URL.

Opening always brings the schema to the newest Alembic revision, after copying a file database
aside when an upgrade is due, so a failed upgrade never costs the office its data.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desktop import paths
from desktop.clock import utcnow
from desktop.errors import ConflictError, DatabaseError
from desktop.models.migrations import HEAD
from desktop.models.tracking import ACTOR_KEY, SYSTEM, Actor

if TYPE_CHECKING:
    from alembic.config import Config

DATABASE_FILE = "karsaz.sqlite3"


def default_url(data_dir: Path | None = None) -> str:
    folder = data_dir or paths.data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / DATABASE_FILE}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the GUI read while a background task writes; synchronous=FULL makes a commit
    # durable before it returns (a power cut in an office must not lose a saved form).
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_pre_ping=True)


def alembic_config(engine_url: str | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option(
        "script_location", str(resources.files("desktop.models").joinpath("migrations"))
    )
    if engine_url:
        cfg.set_main_option("sqlalchemy.url", engine_url)
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise DatabaseError("The migration history has more than one head.")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _is_at_head(engine: Engine) -> bool:
    """True when the database is already at ``HEAD``, asked without loading Alembic."""
    try:
        with engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except Exception:  # no such table yet: a new, empty database
        return False
    return [row[0] for row in versions] == [HEAD]


def sqlite_file(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite":
        return None
    name = engine.url.database
    return Path(name) if name and name != ":memory:" else None


def copy_sqlite(source: Path, target: Path) -> Path:
    """A consistent copy of a live SQLite file through its online backup API (WAL included)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine, *, backup_dir: Path | None = None) -> Path | None:
    """Bring the schema to head. Returns the pre-upgrade copy of the file, if one was made."""
    if _is_at_head(engine):
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    script = ScriptDirectory.from_config(alembic_config())
    if current is not None and script.get_revision(current) is None:
        raise DatabaseError(
            "This database was written by a newer version of Karsaz ({revision}).",
            revision=current,
        )
    copy = None
    path = sqlite_file(engine)
    if path is not None and current is not None and path.exists():
        stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
        folder = backup_dir or path.parent / "backups"
        copy = copy_sqlite(path, folder / f"before-upgrade-{current}-{stamp}.sqlite3")
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
    return copy


class Database:
    """An open, up-to-date database and the sessions over it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def file(self) -> Path | None:
        return sqlite_file(self.engine)

    @contextlib.contextmanager
    def transaction(self, actor: Actor = SYSTEM) -> Iterator[Session]:
        """One user action: everything written inside commits together or not at all."""
        session = self._sessions()
        session.info[ACTOR_KEY] = actor
        try:
            with session.begin():
                yield session
        except StaleDataError as exc:
            raise ConflictError(
                "Someone else saved this record after you opened it. Nothing was overwritten; "
                "reopen it to see their changes."
            ) from exc
        finally:
            session.close()

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look; anything written here is rolled back. Objects read stay usable
        (detached, not expired) after the block."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None, *, data_dir: Path | None = None,
                  migrate: bool = True) -> Database:
    engine = make_engine(url or default_url(data_dir))
    try:
        if migrate:
            upgrade(engine)
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise DatabaseError("The database could not be opened: {reason}", reason=str(exc)) from exc
    return Database(engine)
