"""Micro-finance groups: one large group's books and indicators, and the list of 500 groups
with their grades, each against reading the same rows raw in the same run.

The large group has 25 members, weekly meetings and five cycles (four shared out, the current
one a year long: 52 meetings each); the list's office has 500 groups, each with its meetings
since it was formed (the demo's generator). Both are made in a temporary SQLite file.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from bench.harness import Result, metric
from desktop.actor import SYSTEM
from desktop.clock import today
from desktop.database import open_database
from desktop.domain.groups import MeetingFrequency
from desktop.models.groups import CommunityGroup, GroupCycle, GroupMeeting, MeetingEntry
from desktop.services.demo import make_demo_office
from desktop.services.demo_groups import GroupMaker
from desktop.services.group_overview import group_overview, list_groups

RUNS = 15
GROUPS = 500


def _median_ms(function, runs: int = RUNS) -> float:
    function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


@metric("groups")
def groups() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="karsaz-bench-groups-") as tmp:
        big = open_database(data_dir=Path(tmp) / "big")
        make_demo_office(big, clients=200, groups=0)
        maker = GroupMaker(random.Random(7), today(), "0707", [2], [])
        with big.transaction() as session:
            maker.make(1, cycles=5, size=25, frequency=MeetingFrequency.WEEKLY,
                       current_days=364).insert(session, {"source": "bench"})
        with big.reading() as session:
            group_id = session.scalar(select(CommunityGroup.id))
            cycle_id = session.scalar(select(func.max(GroupCycle.id)))
            meetings = session.scalar(select(func.count()).select_from(GroupMeeting)
                                      .where(GroupMeeting.cycle_id == cycle_id))
            entries = session.scalar(select(func.count()).select_from(MeetingEntry))

        def raw_rows() -> None:
            with big.reading() as session:
                session.execute(select(MeetingEntry.__table__).join(
                    GroupMeeting, GroupMeeting.id == MeetingEntry.meeting_id)
                    .where(GroupMeeting.cycle_id == cycle_id)).all()

        one = _median_ms(lambda: group_overview(big, SYSTEM, group_id))
        one_base = _median_ms(raw_rows)
        big.dispose()

        office = open_database(data_dir=Path(tmp) / "office")
        make_demo_office(office, clients=2_000, groups=GROUPS)

        def raw_groups() -> None:
            with office.reading() as session:
                session.execute(select(CommunityGroup.__table__)).all()

        listing = _median_ms(lambda: list_groups(office, SYSTEM), runs=5)
        listing_base = _median_ms(raw_groups, runs=5)
        with office.reading() as session:
            all_meetings = session.scalar(select(func.count()).select_from(GroupMeeting))
        office.dispose()
    return [
        Result("group_indicators", "ms", one, "the current cycle's entries read raw", one_base,
               goal_value=200,
               note=f"25 members, 5 cycles, {meetings} meetings in the current one, "
                    f"{entries:,} entries in all; group_overview: books, indicators, grade"),
        Result("groups_list_500", "ms", listing, "the 500 groups' rows read raw",
               listing_base, goal_value=1000,
               note=f"{GROUPS} groups, {all_meetings:,} meetings; list_groups with every "
                    "group's indicators and grade"),
    ]
