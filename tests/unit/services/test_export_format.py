"""The export format follows the models: every exported entity has its schema, generated from
its columns, and the documented schemas are exactly what the code checks against."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import importlib.util
import json
from pathlib import Path

import pytest
from sqlalchemy import Enum, Float, Numeric, String, Time
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.models.base import Base, Record
from desktop.models.tracking import exported_entities
from desktop.services.export_format import (
    UnsupportedColumn,
    entities,
    entity_of,
    schema_errors,
)

ROOT = Path(__file__).resolve().parents[3]


def _tool():
    spec = importlib.util.spec_from_file_location("export_schemas",
                                                  ROOT / "tools" / "export_schemas.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_exported_model_has_a_documented_schema_equal_to_the_model() -> None:
    folder = ROOT / "docs" / "export-schemas"
    expected = _tool().expected()
    documented = {path.name: path.read_text(encoding="utf-8")
                  for path in folder.glob("*.schema.json")}
    assert sorted(documented) == sorted(expected), "run tools/export_schemas.py"
    for name, text in expected.items():
        assert documented[name] == text, f"{name} disagrees with the model: run the tool"
    for model in exported_entities():
        assert f"{model.__tablename__}.schema.json" in documented


def test_each_schema_names_every_column_that_leaves_and_nothing_else() -> None:
    import desktop.models  # noqa: F401

    for name, entity in entities().items():
        table = entity.model.__table__
        left_out = set(entity.model.__export_excluded__) | set(entity.model.__audit_redacted__)
        properties = entity.schema()["properties"]
        assert set(properties) == {c.key for c in table.columns} - left_out, name
        for column in table.columns:
            if column.key in properties:
                kinds = properties[column.key]["type"]
                assert ("null" in kinds) == bool(column.nullable), (name, column.key)


def test_search_columns_and_secrets_never_leave() -> None:
    properties = entities()["client"].schema()["properties"]
    assert not {"search_key", "sort_name", "name_rank"} & set(properties)
    assert "app_user" not in entities()      # __exported__ = False
    assert "setting" not in entities()


def test_a_redacted_column_is_left_out_of_an_exported_model() -> None:
    class Scratch(DeclarativeBase):
        type_annotation_map = Base.type_annotation_map

    class Keyholder(Scratch, Record):
        __tablename__ = "keyholder"
        __audit_redacted__ = ("secret",)
        secret: Mapped[str] = mapped_column(String(10))
        label: Mapped[str] = mapped_column(String(10))

    fields = {f.name for f in entity_of(Keyholder).fields}
    assert "secret" not in fields and "label" in fields


def test_a_column_type_the_format_does_not_know_stops_the_export() -> None:
    from sqlalchemy import LargeBinary

    class Scratch(DeclarativeBase):
        type_annotation_map = Base.type_annotation_map

    class Scanned(Scratch, Record):
        __tablename__ = "scanned"
        picture: Mapped[bytes] = mapped_column(LargeBinary)

    with pytest.raises(UnsupportedColumn):
        entity_of(Scanned)


class Panel(enum.Enum):
    MONO = "mono"
    POLY = "poly"


def test_decimals_floats_times_and_enums_have_their_json_form() -> None:
    class Scratch(DeclarativeBase):
        type_annotation_map = Base.type_annotation_map

    class Installation(Scratch, Record):
        __tablename__ = "installation"
        capacity_kw: Mapped[decimal.Decimal] = mapped_column(Numeric(8, 2))
        efficiency: Mapped[float | None] = mapped_column(Float)
        visit_at: Mapped[dt.time] = mapped_column(Time)
        panel: Mapped[Panel] = mapped_column(Enum(Panel, values_callable=lambda e: [
            m.value for m in e]))

    entity = entity_of(Installation)
    schema = entity.schema()
    assert schema["properties"]["capacity_kw"] == {"type": "string", "format": "decimal"}
    assert schema["properties"]["efficiency"] == {"type": ["number", "null"]}
    names = [f.name for f in entity.fields]
    values = {"capacity_kw": decimal.Decimal("12.50"), "efficiency": 0.18,
              "visit_at": dt.time(9, 30), "panel": Panel.MONO, "id": 1, "uuid": "u",
              "version": 1, "created_at": dt.datetime(2024, 10, 6, tzinfo=dt.UTC),
              "updated_at": dt.datetime(2024, 10, 6, tzinfo=dt.UTC)}
    record = json.loads(json.dumps(entity.to_json(tuple(values[n] for n in names))))
    assert record["capacity_kw"] == "12.50" and record["visit_at"] == "09:30:00"
    assert record["panel"] == "mono"
    assert list(schema_errors(record, schema)) == []
    record.update(panel="thin", capacity_kw="12,5")
    assert len(list(schema_errors(record, schema))) == 2


@pytest.mark.parametrize(("change", "problem"), [
    ({"national_code": 1234567890}, "national_code: not string"),
    ({"national_code": "12345678901"}, "national_code: longer than 10"),
    ({"birth_date": "1403/07/15"}, "birth_date: not a date"),
    ({"created_at": "2024-10-06T08:30:00"}, "created_at: not a date-time"),
    ({"urban": 1}, "urban: not boolean"),
    ({"version": True}, "version: not integer"),
])
def test_the_schema_check_catches_wrong_values(change: dict, problem: str) -> None:
    schema = entities()["client"].schema()
    record = sample(schema)
    assert list(schema_errors(record, schema)) == []
    record.update(change)
    assert problem in list(schema_errors(record, schema))


def test_unknown_fields_are_ignored_and_missing_ones_reported() -> None:
    schema = entities()["program"].schema()
    record = sample(schema) | {"added_in_a_later_version": [1, 2]}
    assert list(schema_errors(record, schema)) == []
    del record["uuid"]
    assert list(schema_errors(record, schema)) == ["uuid: missing"]


def sample(schema: dict, seed: int = 1) -> dict:
    """A valid record of ``schema`` (for tests of the package, which takes plain records)."""
    values = {"integer": seed, "boolean": seed % 2 == 0}
    record = {}
    for key, prop in schema["properties"].items():
        kind = prop["type"][0] if isinstance(prop["type"], list) else prop["type"]
        if kind == "string":
            text = {"date": "2024-10-06", "date-time": "2024-10-06T08:30:00+00:00"}.get(
                prop.get("format", ""), f"{key[:3]}{seed}")
            record[key] = text[: prop.get("maxLength", 100)]
        else:
            record[key] = values[kind]
    return json.loads(json.dumps(record))
