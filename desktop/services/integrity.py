"""``karsaz check``: is the database whole, at the current schema, and true to the models?"""

from __future__ import annotations

import dataclasses

from sqlalchemy import func, inspect, select, text

from desktop.database import Database, current_revision, head_revision
from desktop.domain.solar import format_period
from desktop.fa.jalali import format_jalali_month
from desktop.i18n import tr
from desktop.models.base import Base
from desktop.models.cases import EmploymentCase
from desktop.models.office import Office
from desktop.models.people import SEARCH_TRIGGERS
from desktop.models.users import Role, User
from desktop.services import group_books, monitoring_summary, solar_run_records, women_money


@dataclasses.dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str = ""




def _sqlite_checks(db: Database) -> list[CheckResult]:
    with db.engine.connect() as connection:
        integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
        foreign = list(connection.execute(text("PRAGMA foreign_key_check")))
    return [
        CheckResult(tr("File integrity"), integrity == ["ok"],
                    "" if integrity == ["ok"] else "; ".join(integrity[:5])),
        CheckResult(tr("References between records"), not foreign,
                    tr("{count} broken references", count=len(foreign)) if foreign else ""),
    ]


def _search_index_checks(db: Database) -> list[CheckResult]:
    """The client search index exists and agrees with the clients (see migration 0002)."""
    with db.engine.connect() as connection:
        if db.is_sqlite:
            triggers = {row[0] for row in connection.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
            missing = sorted(set(SEARCH_TRIGGERS) - triggers)
            try:
                # FTS5's own check: every indexed key matches client.search_key.
                connection.execute(text(
                    "INSERT INTO client_search(client_search, rank) VALUES ('integrity-check', 1)"))
                agrees = True
            except Exception:  # the index is missing or out of step
                agrees = False
            ok = agrees and not missing
            detail = ", ".join(missing) if missing else ("" if agrees else tr(
                "the index does not match the clients"))
        else:
            ok = connection.execute(text(
                "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_client_search_key_trgm'"
            )).scalar() == 1
            detail = "" if ok else tr("pg_trgm is not installed; searching scans every client")
    return [CheckResult(tr("Client search index"), ok, detail)]


def _schema_checks(db: Database) -> list[CheckResult]:
    current, head = current_revision(db.engine), head_revision()
    results = [CheckResult(tr("Schema version"), current == head,
                           tr("{current} instead of {head}", current=current or "-", head=head)
                           if current != head else head)]
    inspector = inspect(db.engine)
    missing: list[str] = []
    for table in Base.metadata.sorted_tables:
        if not inspector.has_table(table.name):
            missing.append(table.name)
            continue
        present = {c["name"] for c in inspector.get_columns(table.name)}
        missing.extend(f"{table.name}.{c.name}" for c in table.columns if c.name not in present)
    results.append(CheckResult(tr("Tables and columns match the program"), not missing,
                               ", ".join(missing[:10])))
    return results


def _office_checks(db: Database) -> list[CheckResult]:
    with db.reading() as session:
        offices = session.scalar(select(func.count()).select_from(Office))
        admins = session.scalar(select(func.count()).where(
            User.role == Role.ADMIN, User.active.is_(True)))
    return [
        CheckResult(tr("Exactly one office"), offices == 1,
                    tr("{count} offices", count=offices) if offices != 1 else ""),
        CheckResult(tr("At least one active administrator"), admins > 0),
    ]


def _case_checks(db: Database) -> list[CheckResult]:
    """What is kept on a case for the worklists agrees with its visits."""
    with db.reading() as session:
        drifted = session.scalar(select(func.count()).select_from(EmploymentCase)
                                 .where(monitoring_summary.drifted()))
    return [CheckResult(tr("Next visits of the cases agree with their visits"), not drifted,
                        tr("{count} cases disagree", count=drifted) if drifted else "")]


def _group_checks(db: Database) -> list[CheckResult]:
    """Every group meeting's cash: its closing is its opening and its entries (each fund)."""
    with db.reading() as session:
        unbalanced = session.scalar(select(func.count()).select_from(
            group_books.unbalanced_meetings().subquery()))
    return [CheckResult(tr("Every group meeting balances"), not unbalanced,
                        tr("{count} meetings do not", count=unbalanced) if unbalanced else "")]


def _women_group_checks(db: Database) -> list[CheckResult]:
    """Every month of a women's group's business keeps the rule of its books."""
    with db.reading() as session:
        broken = women_money.broken_months(session)
    detail = ", ".join(f"{code} {format_jalali_month(month)}" for code, month in broken[:5])
    return [CheckResult(tr("Every month of the groups' businesses keeps its rule"), not broken,
                        detail)]


def _solar_checks(db: Database) -> list[CheckResult]:
    """Every approved allocation's lines sum to its net and adjustments, to the Rial."""
    with db.reading() as session:
        broken = solar_run_records.unbalanced_runs(session)
    detail = ", ".join(f"{code} {format_period(month)}" for code, month in broken[:5])
    return [CheckResult(tr("Every approved solar allocation adds up to its net"), not broken,
                        detail)]


def run_checks(db: Database) -> list[CheckResult]:
    results = _sqlite_checks(db) if db.is_sqlite else []
    results += _schema_checks(db)
    if all(r.ok for r in results):
        results += _search_index_checks(db)
        results += _case_checks(db)
        results += _group_checks(db)
        results += _women_group_checks(db)
        results += _solar_checks(db)
        results += _office_checks(db)
    return results
