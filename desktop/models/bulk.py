"""Writing many rows fast, below the ORM: one compiled statement, values converted once per
column, SQLite's executemany or PostgreSQL's COPY.

Only :func:`desktop.models.tracking.record_bulk_insert` should call :func:`insert_many`: it adds
the change-log and audit entries that every write must leave.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Table, func, select, text
from sqlalchemy.orm import Session

from desktop.models.base import Record

COPY_THRESHOLD = 1000  # below this, COPY's set-up costs more than it saves


def _converter(column: Column, dialect: Any) -> Callable[[Any], Any] | None:
    return column.type.dialect_impl(dialect).bind_processor(dialect)


def _default_of(column: Column) -> Any:
    default = column.default
    if default is None:
        return None
    if not default.is_scalar:
        raise ValueError(f"{column.table.name}.{column.name} needs a value in bulk rows")
    return default.arg


def insert_many(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]],
                constants: Mapping[str, Any] | None = None,
                columns: Mapping[str, Sequence[Any]] | None = None) -> None:
    """Insert ``rows`` (all with the keys of the first) into ``table``. ``columns`` gives more
    values row by row (a list as long as ``rows`` per column), ``constants`` values the same
    for every row; a column given no way gets its scalar default, or none."""
    if not rows:
        return
    dialect = connection.dialect
    by_column: dict[str, Sequence[Any]] = {key: [row[key] for row in rows] for key in rows[0]}
    by_column.update(columns or {})
    fixed = dict(constants or {})
    for column in table.columns:
        if column.name not in by_column and column.name not in fixed \
                and column.default is not None:
            fixed[column.name] = _default_of(column)
    names = list(by_column) + [name for name in fixed if name not in by_column]
    values: list[Iterable[Any]] = []
    for name in names:
        convert = _converter(table.c[name], dialect)
        if name in by_column:
            given = by_column[name]
            values.append(map(convert, given) if convert else given)
        else:
            value = fixed[name]
            values.append(itertools.repeat(convert(value) if convert else value, len(rows)))
    records = list(zip(*values, strict=True))
    quote = dialect.identifier_preparer.quote
    sql_columns = ", ".join(quote(name) for name in names)
    if dialect.name == "postgresql" and len(records) >= COPY_THRESHOLD:
        raw = connection.connection.dbapi_connection
        with raw.cursor() as cursor, \
                cursor.copy(f"COPY {quote(table.name)} ({sql_columns}) FROM STDIN") as copy:
            for record in records:
                copy.write_row(record)
        return
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(
        f"INSERT INTO {quote(table.name)} ({sql_columns}) "
        f"VALUES ({', '.join([mark] * len(names))})", records)


def reserve_ids(session: Session, model: type[Record], count: int) -> list[int]:
    """``count`` primary keys for rows about to be bulk-inserted, so related rows can name them
    before they exist. On PostgreSQL they come from the table's sequence (safe beside other
    writers); on SQLite after the largest id (the write lock taken here keeps them free), so
    insert them before reserving again for the same table."""
    if count <= 0:
        return []
    table = model.__table__
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        return list(connection.execute(
            text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
                 "FROM generate_series(1, :count)"),
            {"table": table.name, "count": count}).scalars())
    # Writing takes SQLite's write lock before the largest id is read: no one else can take
    # these ids before the rows are inserted in the same transaction.
    connection.exec_driver_sql(f"DELETE FROM {table.name} WHERE 0")
    start = (connection.execute(select(func.max(table.c.id))).scalar() or 0) + 1
    return list(range(start, start + count))
