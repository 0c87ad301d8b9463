"""Add or update Persian translations in desktop/resources/i18n/fa.json, and list missing ones.

    .venv/bin/python tools/catalogue.py missing
    .venv/bin/python tools/catalogue.py add entries.json   # {"English": "فارسی", ...}
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "desktop/resources/i18n/fa.json"


def load() -> dict[str, str]:
    return json.loads(CATALOGUE.read_text(encoding="utf-8"))


def save(entries: dict[str, str]) -> None:
    CATALOGUE.write_text(
        json.dumps(dict(sorted(entries.items())), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )


def main(argv: list[str]) -> None:
    if argv[:1] == ["missing"]:
        sys.path.insert(0, str(CATALOGUE.parents[3] / "tests" / "unit"))
        from test_i18n import _literals

        known = load()
        for text, where in sorted(_literals().items()):
            if text not in known:
                print(f"{where}\t{text!r}")
    elif argv[:1] == ["add"] and len(argv) == 2:
        entries = load()
        entries.update(json.loads(Path(argv[1]).read_text(encoding="utf-8")))
        save(entries)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
