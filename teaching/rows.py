"""Model instances from rows of SQL written by hand, for the few reads every save makes.

A save's reads are small (one row each) and the ORM spent more building their queries than the database spent
running them. Where a service writes such a query itself, ``columns`` names a model's columns for its SELECT and
``instance`` turns those values back into the model instance the ORM would have built: the same values, put
through the same converters (each field's and the database backend's, e.g. SQLite's text for a date and time,
or a JSON field's text), worked out once per model and database connection.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from functools import lru_cache

from django.conf import settings
from django.db import connection, connections
from django.db.models import Model
from django.utils.dateparse import parse_datetime

__all__ = ["columns", "converted", "converter", "fetchall", "fetchone", "instance", "instances"]


def columns(model: type[Model], fields: tuple[str, ...] | None = None, *, using: str = "default") -> str:
    """The model's concrete columns (or those of ``fields``, by attribute name), table-qualified and quoted, in the
    order ``instance`` and ``converted`` read them."""
    return _layout(model, fields, using)[0]


def converted(model: type[Model], values: Sequence, fields: tuple[str, ...] | None = None, *, using: str = "default"):
    """``values`` (a row's values for ``columns(model, fields)``, in that order; any after them are kept as they
    are) as the ORM reads them: through each field's converters and the database backend's."""
    return converter(model, fields, using=using)(values)


def converter(model: type[Model], fields: tuple[str, ...] | None = None, *, using: str = "default"):
    """``converted`` for many rows of one query: the function that converts one row, looked up once."""
    steps = _steps(model, fields, connections[using])
    if not steps:
        return _as_they_are

    def convert(values: Sequence) -> list:
        values = list(values)
        for i, functions in steps:
            value = values[i]
            for function in functions:
                value = function(value)
            values[i] = value
        return values

    return convert


def fetchone(sql: str, params: Sequence = ()) -> tuple | None:
    """The first row of ``sql`` run with ``params`` on the default database, or None."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def fetchall(sql: str, params: Sequence = ()) -> list[tuple]:
    """Every row of ``sql`` run with ``params`` on the default database."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def instance(model: type[Model], values: Sequence, *, using: str = "default") -> Model:
    """The model instance for ``values`` (a row's values for ``columns(model)``, in that order), as the ORM
    builds it: converted, then ``Model.from_db``."""
    return model.from_db(using, None, converted(model, values, using=using))


def instances(values: Sequence, *models: type[Model], using: str = "default") -> list[Model]:
    """One instance of each of ``models`` from a row that has ``columns`` of each, in that order (a join); the
    values after the last model's columns are left out."""
    found, at = [], 0
    for model in models:
        width = len(model._meta.concrete_fields)
        found.append(instance(model, values[at : at + width], using=using))
        at += width
    return found


@lru_cache(maxsize=64)
def _layout(model: type[Model], names: tuple[str, ...] | None, using: str) -> tuple[str, tuple]:
    """The columns' SQL and the expressions their values are converted for."""
    by_name = {field.attname: field for field in model._meta.concrete_fields}
    fields = list(by_name.values()) if names is None else [by_name[name] for name in names]
    table = model._meta.db_table
    quote = connections[using].ops.quote_name
    return ", ".join(f"{quote(table)}.{quote(f.column)}" for f in fields), tuple(f.get_col(table) for f in fields)


def _steps(model: type[Model], names: tuple[str, ...] | None, connection) -> list:
    """Which values need converting and how, as the ORM's compiler works it out (``get_converters``): kept on the
    connection (each thread has its own), for each model and set of fields."""
    kept = connection.__dict__.setdefault("_teaching_rows", {})
    steps = kept.get((model, names))
    if steps is None:
        steps = []
        for i, expression in enumerate(_layout(model, names, connection.alias)[1]):
            functions = connection.ops.get_db_converters(expression) + expression.get_db_converters(connection)
            if functions:
                steps.append((i, [_faster(f, connection) or _called(f, expression, connection) for f in functions]))
        kept[(model, names)] = steps
    return steps


def _called(function, expression, connection):
    return lambda value: function(value, expression, connection)


def _as_they_are(values: Sequence) -> Sequence:
    return values


def _faster(function, connection):
    """SQLite's converter for a date and time (each row of a page of highlights has two), the same steps without
    the settings and helpers it looks up for every value: the sqlite3 module has already parsed the column's
    text (PARSE_DECLTYPES) unless it came from an expression; a naive value is the connection's time zone's."""
    sqlite = connection.vendor == "sqlite" and function == connection.ops.convert_datetimefield_value
    if not sqlite or not settings.USE_TZ:
        return None
    zone = connection.timezone

    def convert(value, parse=parse_datetime, moment=datetime.datetime):
        if value is None:
            return None
        if not isinstance(value, moment):
            value = parse(value)
        return value.replace(tzinfo=zone) if value.utcoffset() is None else value

    return convert
