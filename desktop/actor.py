"""Who is acting: light enough for the window to know before the database is open."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Actor:
    """A signed-in user, or the system itself (migrations, demo, scheduler)."""

    user_id: int | None
    username: str
    role: str
    full_name: str = ""


SYSTEM = Actor(user_id=None, username="system", role="system")
