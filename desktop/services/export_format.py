"""What an export package says about each entity: its columns, their JSON form and schema.

Everything here is derived from the SQLAlchemy models, so an entity added later is exported,
described and checked by the same code as the ones that exist today (docs/export-format.md).
A column leaves the office unless its model lists it in ``__export_excluded__`` (derived,
machine-local columns) or ``__audit_redacted__`` (secrets); a model with ``__exported__ = False``
never leaves at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import functools
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Enum,
    Float,
    Integer,
    Numeric,
    String,
    Text,
    Time,
)
from sqlalchemy.types import TypeEngine

from desktop.models.base import Record, UTCDateTime
from desktop.models.tracking import exported_entities

FORMAT_NAME = "karsaz-export"
FORMAT_VERSION = 1
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
TOMBSTONE_KEYS = ("deleted", "uuid", "version")

# One encoder for every line: the same record always gives the same bytes.
ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class UnsupportedColumn(TypeError):
    """A model has a column type the export format does not describe yet (a developer's error:
    add the type to ``_json_type`` and to docs/export-format.md)."""


def _json_type(column_type: TypeEngine[Any]) -> tuple[dict[str, Any], Callable[[Any], Any] | None]:
    """The JSON Schema of a column type and how a stored value becomes its JSON value."""
    if isinstance(column_type, Boolean):
        return {"type": "boolean"}, None
    if isinstance(column_type, Integer | BigInteger):
        return {"type": "integer"}, None
    if isinstance(column_type, Float):
        return {"type": "number"}, None
    if isinstance(column_type, Numeric):
        # Exact decimals travel as text («12.50»), never through a binary float.
        return {"type": "string", "format": "decimal"}, str
    if isinstance(column_type, Time):
        return {"type": "string", "format": "time"}, dt.time.isoformat
    if isinstance(column_type, UTCDateTime):
        return {"type": "string", "format": "date-time"}, _instant
    if isinstance(column_type, Date):
        return {"type": "string", "format": "date"}, dt.date.isoformat
    if isinstance(column_type, Enum):
        return {"type": "string", "enum": sorted(column_type.enums)}, _enum_value
    if isinstance(column_type, Text):
        return {"type": "string"}, None
    if isinstance(column_type, String):
        schema: dict[str, Any] = {"type": "string"}
        if column_type.length:
            schema["maxLength"] = column_type.length
        return schema, None
    raise UnsupportedColumn(f"no export form for the column type {column_type!r}")


def _enum_value(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _instant(value: dt.datetime) -> str:
    return (value if value.tzinfo is dt.UTC else value.astimezone(dt.UTC)).isoformat()


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    schema: Mapping[str, Any]
    nullable: bool
    convert: Callable[[Any], Any] | None


@dataclasses.dataclass(frozen=True)
class Entity:
    """One exported model as the package sees it."""

    name: str
    model: type[Record]
    fields: tuple[Field, ...]

    @property
    def columns(self) -> list[Column[Any]]:
        table = self.model.__table__
        return [table.c[f.name] for f in self.fields]

    @functools.cached_property
    def _names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @functools.cached_property
    def _conversions(self) -> tuple[tuple[int, str, Callable[[Any], Any]], ...]:
        return tuple((i, f.name, f.convert) for i, f in enumerate(self.fields) if f.convert)

    def to_json(self, row: Sequence[Any]) -> dict[str, Any]:
        """A row of ``columns`` as the JSON object of one record line (keys in name order)."""
        record = dict(zip(self._names, row, strict=True))
        for index, name, convert in self._conversions:
            value = row[index]
            if value is not None:
                record[name] = convert(value)
        return record

    def schema(self) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        for field in self.fields:
            prop = dict(field.schema)
            if field.nullable:
                prop["type"] = [prop["type"], "null"]
            properties[field.name] = prop
        return {
            "$schema": SCHEMA_DIALECT,
            "$id": f"urn:karsaz:export:{FORMAT_VERSION}:{self.name}",
            "title": self.name,
            "type": "object",
            "properties": properties,
            "required": sorted(properties),
            "additionalProperties": True,
        }


def entity_of(model: type[Record]) -> Entity:
    table = model.__table__
    left_out = set(model.__export_excluded__) | set(model.__audit_redacted__)
    fields = []
    for column in table.columns:
        if column.key in left_out:
            continue
        schema, convert = _json_type(column.type)
        fields.append(Field(column.key, schema, bool(column.nullable), convert))
    fields.sort(key=lambda f: f.name)
    return Entity(table.name, model, tuple(fields))


def entities() -> dict[str, Entity]:
    """Every exported entity by its name (the table name), in name order."""
    import desktop.models  # noqa: F401 - every model must be mapped before they are listed

    found = {model.__tablename__: entity_of(model) for model in exported_entities()}
    return dict(sorted(found.items()))


def tombstone_schema() -> dict[str, Any]:
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"urn:karsaz:export:{FORMAT_VERSION}:tombstone",
        "title": "tombstone",
        "description": "A record deleted at the office: its uuid and the version of the delete.",
        "type": "object",
        "properties": {"deleted": {"const": True}, "uuid": {"type": "string", "maxLength": 36},
                       "version": {"type": "integer"}},
        "required": list(TOMBSTONE_KEYS),
        "additionalProperties": True,
    }


def tombstone(uuid: str, version: int) -> dict[str, Any]:
    return {"deleted": True, "uuid": uuid, "version": version}


def encode_line(record: Mapping[str, Any]) -> bytes:
    return (ENCODER.encode(record) + "\n").encode("utf-8")


# --- checking a record against a schema (the subset the schemas above use) -------------------

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _format_ok(kind: str, value: str) -> bool:
    try:
        if kind == "date":
            return bool(_DATE.match(value)) and dt.date.fromisoformat(value) is not None
        if kind == "date-time":
            return dt.datetime.fromisoformat(value).tzinfo is not None
        if kind == "time":
            return dt.time.fromisoformat(value) is not None
        if kind == "decimal":
            return decimal.Decimal(value).is_finite()
    except (ValueError, decimal.InvalidOperation):
        return False
    return True


def schema_errors(record: Any, schema: Mapping[str, Any]) -> Iterator[str]:
    """What is wrong with ``record`` under ``schema``; fields the schema does not name are
    ignored, as every reader must (docs/export-format.md, «Changing the format»)."""
    if not isinstance(record, dict):
        yield "not an object"
        return
    for key in schema.get("required", ()):
        if key not in record:
            yield f"{key}: missing"
    for key, prop in schema["properties"].items():
        if key not in record:
            continue
        value = record[key]
        if "const" in prop:
            if value != prop["const"] or type(value) is not type(prop["const"]):
                yield f"{key}: must be {prop['const']!r}"
            continue
        types = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
        if not any(_TYPES[t](value) for t in types):
            yield f"{key}: not {' or '.join(types)}"
            continue
        if "enum" in prop and value is not None and value not in prop["enum"]:
            yield f"{key}: not one of {', '.join(prop['enum'])}"
        if isinstance(value, str):
            if "maxLength" in prop and len(value) > prop["maxLength"]:
                yield f"{key}: longer than {prop['maxLength']}"
            if "format" in prop and not _format_ok(prop["format"], value):
                yield f"{key}: not a {prop['format']}"
