"""``client.name_rank``: each client's place in name order as an integer with gaps (SQLite).

SQLite's full-text index (FTS5) gives its matches in the order of its rowids and stops when a
LIMIT is met. Keyed by name rank instead of client id, the first window of a search in name
order is the first matches it meets, however many clients match (a common last name matches
tens of thousands), instead of all of them looked up and sorted.

Ranks follow ``(sort_name, id)`` order; a bulk load ranks everyone ``GAP`` apart; a client
added or renamed later takes a rank between its neighbours, and where neighbours have no room
left between them, those around it are spread out again (a few dozen rows, rarely). A new
client sorts after the clients of the same name: its id will be the largest. PostgreSQL
searches through pg_trgm and keeps no ranks (NULL), so PCs writing at once never collide on
them.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

GAP = 1 << 32          # between neighbours after a bulk load: room for thousands of inserts
STEP = 1 << 20         # how far after its neighbour a client goes when there is room
MIN_SPACING = 1 << 10  # what spreading a stretch out again must leave between neighbours
LAST_ID = 1 << 62      # stands for the id a client not yet inserted will get: the largest


def _neighbour(connection: Connection, sort_name: str, client_id: int, before: bool,
               exclude: int | None) -> tuple[int | None, int | None]:
    """(rank, id) of the ranked client right before or after the position, or (None, None)."""
    comparison, order = ("<", "DESC") if before else (">", "ASC")
    row = connection.execute(text(
        f"SELECT name_rank, id FROM client WHERE name_rank IS NOT NULL AND id IS NOT :exclude "
        f"AND (sort_name, id) {comparison} (:name, :id) "
        f"ORDER BY sort_name {order}, id {order} LIMIT 1"),
        {"name": sort_name, "id": client_id, "exclude": exclude}).first()
    return (row[0], row[1]) if row else (None, None)


def place(connection: Connection, sort_name: str, client_id: int | None) -> int | None:
    """The rank for a client of this name (``client_id`` None: not yet inserted)."""
    if connection.dialect.name != "sqlite":
        return None
    position = client_id if client_id is not None else LAST_ID
    low, _ = _neighbour(connection, sort_name, position, True, client_id)
    high, _ = _neighbour(connection, sort_name, position, False, client_id)
    low = low or 0
    if high is None:
        return low + GAP
    if high - low >= 2:
        return low + min(STEP, (high - low) // 2)
    return _spread_around(connection, sort_name, position, client_id)


def _spread_around(connection: Connection, sort_name: str, position: int,
                   client_id: int | None) -> int:
    """Respace the clients around the position until there is room, and return a rank for it.
    Each moved client keeps its search index entry in step through the update trigger."""
    reach = 32
    while True:
        before = _stretch(connection, sort_name, position, client_id, True, reach + 1)
        after = _stretch(connection, sort_name, position, client_id, False, reach + 1)
        low = before.pop()[0] if len(before) > reach else 0
        high = after.pop()[0] if len(after) > reach else None
        moved = [*reversed(before), None, *after]   # None: the client being placed
        if high is None:
            high = max([low, *(rank for rank, _ in before + after)]) + (len(moved) + 1) * GAP
        spacing = (high - low) // (len(moved) + 1)
        if spacing >= MIN_SPACING or (len(before) < reach and len(after) < reach):
            break
        reach *= 2
    ids = [entry[1] for entry in moved if entry is not None]
    # Through negative ranks first: the new ranks may equal old ones of the same stretch.
    for client in ids:
        connection.execute(text("UPDATE client SET name_rank = -id WHERE id = :id"),
                           {"id": client})
    mine = 0
    for index, entry in enumerate(moved, start=1):
        rank = low + index * spacing
        if entry is None:
            mine = rank
        else:
            connection.execute(text("UPDATE client SET name_rank = :rank WHERE id = :id"),
                               {"rank": rank, "id": entry[1]})
    return mine


def _stretch(connection: Connection, sort_name: str, position: int, client_id: int | None,
             before: bool, count: int) -> list[tuple[int, int]]:
    """Up to ``count`` ranked clients (rank, id) going away from the position, nearest first."""
    comparison, order = ("<", "DESC") if before else (">", "ASC")
    return [(row[0], row[1]) for row in connection.execute(text(
        f"SELECT name_rank, id FROM client WHERE name_rank IS NOT NULL AND id IS NOT :exclude "
        f"AND (sort_name, id) {comparison} (:name, :id) "
        f"ORDER BY sort_name {order}, id {order} LIMIT :count"),
        {"name": sort_name, "id": position, "exclude": client_id, "count": count})]


def rank_every_client(connection: Connection) -> None:
    """Rank all clients ``GAP`` apart in name order (after a bulk load, with the search
    index's triggers set aside: the caller rebuilds the index)."""
    if connection.dialect.name != "sqlite":
        return
    connection.exec_driver_sql("UPDATE client SET name_rank = NULL")
    connection.exec_driver_sql(
        f"UPDATE client SET name_rank = ranked.position * {GAP} FROM (SELECT id, row_number() "
        f"OVER (ORDER BY sort_name, id) AS position FROM client) AS ranked "
        f"WHERE client.id = ranked.id")
