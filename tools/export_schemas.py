"""Write the JSON Schema of every exported entity into docs/export-schemas/ (from the models).

    .venv/bin/python tools/export_schemas.py

Run it after adding or changing an exported model; tests/unit/services/test_export_format.py
fails while the files and the models disagree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "docs" / "export-schemas"


def expected() -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    from desktop.services.export_format import entities, tombstone_schema

    schemas = {name: entity.schema() for name, entity in entities().items()}
    schemas["tombstone"] = tombstone_schema()
    return {f"{name}.schema.json": json.dumps(schema, ensure_ascii=False, indent=1,
                                              sort_keys=True) + "\n"
            for name, schema in schemas.items()}


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    files = expected()
    for stale in FOLDER.glob("*.schema.json"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        (FOLDER / name).write_text(text, encoding="utf-8")
    print(f"{len(files)} schemas in {FOLDER}")


if __name__ == "__main__":
    main()
