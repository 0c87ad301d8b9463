"""Finding clients: filters, Persian ordering and search as you type, a window at a time.

The list never loads every client. It asks how many match, then for windows of rows in the
chosen order. Search compares ``search_key`` (names, national code, mobile, file number, folded
by desktop.fa.normalize) with each typed word:
- a word of three characters or more matches anywhere inside the key, through a trigram index
  (SQLite FTS5, PostgreSQL pg_trgm), so a fragment is found among a million clients at once;
- a shorter word cannot use trigrams: letters match the start of the last name (through the
  name-order index), digits the start of the national code.

A plain search (words only, by someone who sees every client) in name order is answered by the
trigram index alone on SQLite: it is keyed by each client's place in name order
(desktop/models/name_order.py), so its first matches are the window, however many match. On
PostgreSQL the count chooses the plan, which its planner cannot know: when many match, a short
walk of the name order (its index carries the search key) fills the window without reading a
client; otherwise the trigram matches are put in order. A measured million-client office is in
bench/client_search.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import time

from sqlalchemy import ColumnElement, Select, TextClause, and_, func, literal_column, select, text
from sqlalchemy.orm import Session

from desktop import reference
from desktop.database import Database
from desktop.domain.pathway import CaseStatus
from desktop.fa.collate import sort_key
from desktop.fa.digits import to_latin_digits
from desktop.fa.normalize import search_key
from desktop.models.cases import EmploymentCase
from desktop.models.people import Client, ClientTargetGroup
from desktop.models.tracking import Actor
from desktop.models.users import User
from desktop.services.case_access import sees_every_client, visible_clients

TRIGRAM = 3
LONG_DIGITS = 8    # a run of digits this long is found by its end (_fts_condition)
DIGITS_TAIL = 6
CLOSED = "closed"          # the stage filter's value for a case closed early
NO_CASE = "no_case"        # … and for clients without an open case


class ClientSort(enum.StrEnum):
    NAME = "name"
    NATIONAL_CODE = "national_code"
    BIRTH_DATE = "birth_date"
    COUNTY = "county"
    FILE_NUMBER = "file_number"
    REGISTERED = "registered"


@dataclasses.dataclass(frozen=True)
class ClientFilter:
    text: str = ""
    county_code: str | None = None
    target_group: str | None = None
    stage: str | None = None           # a Stage, CLOSED or NO_CASE
    facilitator_id: int | None = None
    program_id: int | None = None

    @property
    def is_empty(self) -> bool:
        return self == ClientFilter()


@dataclasses.dataclass(frozen=True)
class ClientRow:
    id: int
    national_code: str
    first_name: str
    last_name: str
    father_name: str
    birth_date: dt.date | None
    gender: str
    mobile: str
    county_code: str
    county_name: str
    file_number: str
    stage: str | None           # of the open (or latest) case
    case_status: str | None
    facilitator_name: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _prefix_range(column, prefix: str) -> ColumnElement[bool]:
    # A range rather than LIKE 'x%': it uses the index on every database and collation.
    return and_(column >= prefix, column < prefix + "\U0010ffff")


def _long_terms(query_text: str) -> list[str]:
    return [key for key in (search_key(w) for w in query_text.split()) if len(key) >= TRIGRAM]


def _fts_condition(words: tuple[str, ...]) -> TextClause:
    """SQLite: the condition on ``client_search`` (the trigram index) holding every word."""
    phrases: list[str] = []
    wholes: dict[str, str] = {}
    for word in words:
        if word.isdigit() and len(word) >= LONG_DIGITS:
            # Each trigram of a phrase costs its whole list of postings, and digit trigrams are
            # common (every mobile begins 09…): a long number is found by its last digits, the
            # rarest, and the few clients found are checked for the whole of it.
            phrases.append(_fts_phrase(word[-DIGITS_TAIL:]))
            wholes[f"whole{len(wholes)}"] = f"%{_like_escape(word)}%"
        else:
            phrases.append(_fts_phrase(word))
    checks = [f"search_key LIKE :{name} ESCAPE '\\'" for name in wholes]
    return text(" AND ".join(["client_search MATCH :match", *checks])).bindparams(
        match=" AND ".join(phrases), **wholes)


def _matches(condition: TextClause) -> Select:
    """The name ranks of the clients the trigram index finds (SQLite)."""
    return select(literal_column("rowid")).select_from(text("client_search")).where(condition)


def _contains(term: str) -> ColumnElement[bool]:
    return Client.search_key.like(f"%{_like_escape(term)}%", escape="\\")


def _search_clauses(session: Session, query_text: str) -> list[ColumnElement[bool]]:
    words = [w for w in query_text.split() if search_key(w)]
    long_terms = _long_terms(query_text)
    clauses: list[ColumnElement[bool]] = []
    if long_terms and session.get_bind().dialect.name == "sqlite":
        clauses.append(Client.name_rank.in_(_matches(_fts_condition(tuple(long_terms)))))
    else:
        clauses.extend(_contains(t) for t in long_terms)
    for word in words:
        key = search_key(word)
        if len(key) >= TRIGRAM:
            continue
        if key.isdigit():
            clauses.append(_prefix_range(Client.national_code, to_latin_digits(key)))
        elif long_terms:  # a short word beside long ones narrows what they found
            clauses.append(_contains(key))
        else:
            clauses.append(_prefix_range(Client.sort_name, sort_key(word)))
    return clauses


def _case_clause(filters: ClientFilter) -> ColumnElement[bool] | None:
    conditions = []
    if filters.stage == NO_CASE:
        return Client.id.not_in(select(EmploymentCase.client_id).where(
            EmploymentCase.status == CaseStatus.OPEN))
    if filters.stage == CLOSED:
        conditions.append(EmploymentCase.status == CaseStatus.CLOSED)
    elif filters.stage is not None:
        conditions.append(EmploymentCase.stage == filters.stage)
        if filters.stage != CaseStatus.STABILISED:
            conditions.append(EmploymentCase.status == CaseStatus.OPEN)
    if filters.facilitator_id is not None:
        conditions.extend([EmploymentCase.facilitator_id == filters.facilitator_id,
                           EmploymentCase.status == CaseStatus.OPEN])
    if filters.program_id is not None:
        conditions.append(EmploymentCase.program_id == filters.program_id)
    if not conditions:
        return None
    return Client.id.in_(select(EmploymentCase.client_id).where(*conditions))


def _where(session: Session, actor: Actor, filters: ClientFilter) -> list[ColumnElement[bool]]:
    clauses = [visible_clients(actor)]
    if filters.text.strip():
        clauses.extend(_search_clauses(session, filters.text))
    if filters.county_code:
        clauses.append(Client.county_code == filters.county_code)
    if filters.target_group:
        clauses.append(Client.id.in_(select(ClientTargetGroup.client_id).where(
            ClientTargetGroup.target_group == filters.target_group)))
    case = _case_clause(filters)
    if case is not None:
        clauses.append(case)
    return clauses


# How many clients each recent plain search matched on PostgreSQL, by database and words: it
# only chooses how rows are found (never what is found), so an answer a moment old is as good
# as a fresh one.
_MATCHED: dict[tuple[str, tuple[str, ...]], int] = {}
_MATCHED_KEPT = 256
# How far PostgreSQL walks the name order before giving up (a few milliseconds), and from how
# many matches a walk is worth trying.
WALK_ENTRIES = 40_000
WALK_FROM = 5_000
# Where the walk's stretch of the name order ends, by database and direction, and when that was
# found: it moves as clients are added, so it is found again after a while (any edge gives the
# right rows; a stale one only makes the walk longer or shorter).
_WALK_EDGE: dict[tuple[str, bool], tuple[str, float]] = {}
EDGE_KEPT_SECONDS = 600


def _plain_search(actor: Actor, filters: ClientFilter) -> tuple[str, ...] | None:
    """The words of a search nothing else narrows, by someone who sees every client, when the
    trigram index can find each of them; else None."""
    if ClientFilter(text=filters.text) != filters or not sees_every_client(actor):
        return None
    words = tuple(key for key in (search_key(w) for w in filters.text.split()) if key)
    if not words or any(len(word) < TRIGRAM for word in words):
        return None
    return words


def _count_plain(db: Database, session: Session, actor: Actor, filters: ClientFilter,
                 words: tuple[str, ...]) -> int:
    """The count of a plain search: on SQLite from the trigram index alone."""
    if session.get_bind().dialect.name == "sqlite":
        return session.scalar(select(func.count()).select_from(
            _matches(_fts_condition(words)).subquery())) or 0
    count = session.scalar(select(func.count(Client.id))
                           .where(*_where(session, actor, filters))) or 0
    if len(_MATCHED) >= _MATCHED_KEPT:
        _MATCHED.clear()
    _MATCHED[(db.url, words)] = count
    return count


def _ranked_window(session: Session, words: tuple[str, ...], descending: bool, offset: int,
                   limit: int) -> list[int]:
    """SQLite: the window straight from the trigram index, whose rowids are name ranks."""
    direction = "DESC" if descending else "ASC"
    ranks = list(session.scalars(_matches(_fts_condition(words))
                                 .order_by(text(f"rowid {direction}")).limit(limit)
                                 .offset(offset)))
    ids = {rank: client_id for rank, client_id in session.execute(
        select(Client.name_rank, Client.id).where(Client.name_rank.in_(ranks)))}
    return [ids[rank] for rank in ranks]


def _walk_edge(db: Database, session: Session, descending: bool) -> str | None:
    """The name at which a walk of the name order stops (None: the walk sees every client)."""
    known = _WALK_EDGE.get((db.url, descending))
    if known is not None and time.monotonic() - known[1] < EDGE_KEPT_SECONDS:
        return known[0]
    order = "DESC" if descending else "ASC"
    edge = session.scalar(text(f"SELECT sort_name FROM client ORDER BY sort_name {order}, "
                               f"id {order} LIMIT 1 OFFSET {WALK_ENTRIES - 1}"))
    if edge is not None:
        _WALK_EDGE[(db.url, descending)] = (edge, time.monotonic())
    return edge


def _walked(db: Database, session: Session, words: tuple[str, ...], descending: bool,
            offset: int, limit: int) -> list[int] | None:
    """The window found by walking the name-order index from its start to the walk's edge
    (the index holds the search key, so no client is read; the walk stops once the window is
    full), or None if it does not fill. Matches cluster (a last name sits in one stretch of the
    order), so a walk that does not fill the window proves nothing and the caller asks the
    trigram index instead. Any edge is right: the walk covers a first stretch of the order."""
    edge = _walk_edge(db, session, descending)
    bound = [] if edge is None else [
        Client.sort_name >= edge if descending else Client.sort_name <= edge]
    ids = list(session.scalars(
        select(Client.id)
        .where(*bound, *(_contains(word) for word in words))
        .order_by(*_order(ClientSort.NAME, descending)).offset(offset).limit(limit)))
    return ids if len(ids) == limit else None


def _walk_may_fill(session: Session, matched: int, needed: int) -> bool:
    """Whether walking the name order is likely to meet ``needed`` of ``matched`` matches
    within its stretch, were they spread evenly over the clients."""
    clients = session.scalar(select(func.max(Client.id))) or 0
    return matched >= WALK_FROM and needed * clients / matched <= WALK_ENTRIES / 2


def _plain_window(db: Database, session: Session, actor: Actor, filters: ClientFilter,
                  words: tuple[str, ...], descending: bool, offset: int,
                  limit: int) -> list[int]:
    """A window of a plain search in name order. PostgreSQL's planner, left to itself, walks
    the name order for a last name whose clients all sit near its end: a walk is tried only
    when the matches are many, else they are put in order."""
    if session.get_bind().dialect.name == "sqlite":
        return _ranked_window(session, words, descending, offset, limit)
    matched = _MATCHED.get((db.url, words))
    if matched and _walk_may_fill(session, matched, offset + limit):
        ids = _walked(db, session, words, descending, offset, limit)
        if ids is not None:
            return ids
    direction = "DESC" if descending else "ASC"
    likes = " AND ".join(f"search_key LIKE :w{i} ESCAPE '\\'" for i in range(len(words)))
    query = text(f"WITH matches AS MATERIALIZED (SELECT id, sort_name FROM client WHERE "
                 f"{likes}) SELECT id FROM matches ORDER BY sort_name {direction}, "
                 f"id {direction} LIMIT :limit OFFSET :offset").bindparams(
        limit=limit, offset=offset,
        **{f"w{i}": f"%{_like_escape(w)}%" for i, w in enumerate(words)})
    return list(session.scalars(query))


def count_clients(db: Database, actor: Actor, filters: ClientFilter = ClientFilter()) -> int:
    with db.reading() as session:
        words = _plain_search(actor, filters)
        if words is not None:
            return _count_plain(db, session, actor, filters, words)
        return session.scalar(select(func.count(Client.id)).where(*_where(session, actor, filters)))


def _order(sort: ClientSort, descending: bool) -> list:
    columns = {
        ClientSort.NAME: [Client.sort_name],
        ClientSort.NATIONAL_CODE: [Client.national_code],
        ClientSort.BIRTH_DATE: [Client.birth_date],
        ClientSort.COUNTY: [Client.county_code, Client.sort_name],
        ClientSort.FILE_NUMBER: [Client.file_number],
        ClientSort.REGISTERED: [],
    }[sort] + [Client.id]
    return [c.desc() for c in columns] if descending else list(columns)


def client_rows(db: Database, actor: Actor, filters: ClientFilter = ClientFilter(), *,
                sort: ClientSort = ClientSort.NAME, descending: bool = False, offset: int = 0,
                limit: int = 200) -> list[ClientRow]:
    """One window of the list: ``limit`` rows from ``offset`` in the chosen order."""
    with db.reading() as session:
        words = _plain_search(actor, filters)
        if words is not None and sort is ClientSort.NAME:
            ids = _plain_window(db, session, actor, filters, words, descending, offset, limit)
        else:
            ids = list(session.scalars(
                select(Client.id).where(*_where(session, actor, filters))
                .order_by(*_order(sort, descending)).offset(offset).limit(limit)))
        found = {r.id: r for r in session.execute(
            select(Client.id, Client.national_code, Client.first_name, Client.last_name,
                   Client.father_name, Client.birth_date, Client.gender, Client.mobile,
                   Client.county_code, Client.file_number).where(Client.id.in_(ids)))}
        cases = _latest_cases(session, ids)
    result = []
    for r in (found[i] for i in ids):
        stage, status, facilitator = cases.get(r.id, (None, None, ""))
        result.append(ClientRow(r.id, r.national_code, r.first_name, r.last_name, r.father_name,
                                r.birth_date, r.gender, r.mobile or "", r.county_code,
                                reference.county(r.county_code).name_fa, r.file_number, stage,
                                status, facilitator))
    return result


def _latest_cases(session: Session, client_ids: list[int]) -> dict[int, tuple[str, str, str]]:
    """(stage, status, facilitator's name) of each client's open case, else its latest one."""
    if not client_ids:
        return {}
    rows = session.execute(
        select(EmploymentCase.client_id, EmploymentCase.stage, EmploymentCase.status,
               EmploymentCase.opened_on, EmploymentCase.id, User.full_name)
        .outerjoin(User, User.id == EmploymentCase.facilitator_id)
        .where(EmploymentCase.client_id.in_(client_ids)))
    best: dict[int, tuple] = {}
    for row in rows:
        rank = (row.status == CaseStatus.OPEN, row.opened_on, row.id)
        if row.client_id not in best or rank > best[row.client_id][0]:
            best[row.client_id] = (rank, row.stage, row.status, row.full_name or "")
    return {cid: value[1:] for cid, value in best.items()}
