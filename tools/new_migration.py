"""Write the next Alembic revision by comparing the models with a database at head.

    .venv/bin/python tools/new_migration.py "clients: target groups and cases"

Read the generated file before committing it: autogenerate misses renames and data moves.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from desktop.database import alembic_config, open_database


def main(message: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'head.sqlite3'}"
        open_database(url).dispose()
        cfg = alembic_config(url)
        head = ScriptDirectory.from_config(cfg).get_current_head() or "0000"
        command.revision(cfg, message=message, autogenerate=True, rev_id=f"{int(head) + 1:04d}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
