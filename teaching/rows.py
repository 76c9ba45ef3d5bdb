"""Model instances from rows of SQL written by hand, for the few reads every save makes.

A save's reads are small (one row each) and the ORM spent more building their queries than the database spent
running them. Where a service writes such a query itself, ``columns`` names a model's columns for its SELECT and
``instance`` turns those values back into the model instance the ORM would have built: the same values, put
through the same converters (each field's and the database backend's, e.g. SQLite's text for a date and time,
or a JSON field's text), worked out once per model and database connection.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from django.db import connections
from django.db.models import Model

__all__ = ["columns", "instance", "instances"]


def columns(model: type[Model], *, using: str = "default") -> str:
    """The model's concrete columns, table-qualified and quoted, in the order ``instance`` reads them."""
    return _reader(model, using, connections[using].vendor)[0]


def instance(model: type[Model], values: Sequence, *, using: str = "default") -> Model:
    """The model instance for ``values`` (a row's values for ``columns(model)``, in that order), as the ORM
    builds it: converted, then ``Model.from_db``."""
    _, converters = _reader(model, using, connections[using].vendor)
    connection = connections[using]
    if converters:
        values = list(values)
        for i, (functions, expression) in converters:
            value = values[i]
            for convert in functions:
                value = convert(value, expression, connection)
            values[i] = value
    return model.from_db(using, None, values)


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
def _reader(model: type[Model], using: str, vendor: str) -> tuple[str, list]:
    connection = connections[using]
    fields = model._meta.concrete_fields
    table = model._meta.db_table
    quote = connection.ops.quote_name
    compiler = model._default_manager.none().query.get_compiler(connection=connection)
    converters = compiler.get_converters([field.get_col(table) for field in fields])
    return ", ".join(f"{quote(table)}.{quote(field.column)}" for field in fields), sorted(converters.items())
