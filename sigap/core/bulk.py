"""Writing many new rows of one table at once (imports): PostgreSQL's COPY, elsewhere one
`executemany` of INSERTs. Django's `bulk_create` builds a model instance and compiles every
value of every row into one statement; an import of 100,000 rows spent most of its time
there.

Rows are tuples of Python values for the fields a `Table` names; every other column takes
its model default, the same for all the rows of one write (`auto_now` fields: now). Values
go through their field's own conversion (an encrypted field encrypts), except plain values
on PostgreSQL, which psycopg adapts itself. Primary keys are taken first (`reserve_ids`), so
that rows of one table can point at rows of another written in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from typing import Any, cast

from django.db import connection, models, transaction
from django.db.models import Field
from django.utils import timezone

from sigap.core.fields import EncryptedTextField

# Fields whose Python values psycopg writes as PostgreSQL expects them.
PLAIN = (
    models.CharField, models.TextField, models.IntegerField, models.BooleanField,
    models.DateField, models.ForeignKey, models.AutoField, models.BigAutoField,
)  # fmt: skip


class Table:
    """The rows to write into one model's table, with the fields given for each row."""

    def __init__(self, model: type[models.Model], fields: Sequence[str]) -> None:
        self.model = model
        self.given = [cast(Field, model._meta.get_field(name)) for name in fields]
        names = {field.attname for field in self.given}
        self.others = [
            field
            for field in model._meta.concrete_fields
            if field.attname not in names and not field.primary_key
        ]
        for field in self.others:
            if (
                field.has_default()
                and callable(field.default)
                and field.default is not timezone.now
            ):
                raise ValueError(f"{model.__name__}.{field.name}: a default made per row")
        self.rows: list[tuple[Any, ...]] = []

    def add(self, *values: Any) -> None:
        self.rows.append(values)

    def __len__(self) -> int:
        return len(self.rows)

    def write(self, *, ignore_conflicts: bool = False) -> int:
        """Write the rows added (in the caller's transaction), forget them and say how many
        were written. With `ignore_conflicts`, a row that would break a unique constraint
        (another row's, or one written before it in the same call) is left out, as
        `bulk_create(ignore_conflicts=True)` does (on PostgreSQL the rows are copied into a
        temporary table first, since COPY itself cannot leave a row out, and inserted in the
        order of the first field; on SQLite, as there, a row that breaks a NOT NULL or CHECK
        constraint is left out too)."""
        if not self.rows:
            return 0
        fields = [*self.given, *self.others]
        converting = [
            (index, convert)
            for index, convert in enumerate(_converter(field) for field in self.given)
            if convert is not _same
        ]
        rest = tuple(_converter(field)(_default(field)) for field in self.others)
        table = connection.ops.quote_name(self.model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(str(field.column)) for field in fields)
        rows = (_converted(row, converting) + rest for row in self.rows)
        count = len(self.rows)
        # The temporary table lives until the commit: within a transaction, also when the
        # caller has none (within the caller's, nothing changes: no savepoint of ours).
        own = nullcontext() if connection.in_atomic_block else transaction.atomic()
        with own, connection.cursor() as cursor:
            if connection.vendor == "postgresql" and ignore_conflicts:
                staged = connection.ops.quote_name(f"bulk_{self.model._meta.db_table}")
                cursor.execute(
                    f"CREATE TEMPORARY TABLE {staged} ON COMMIT DROP AS "  # noqa: S608 - names from the model
                    f"SELECT {columns} FROM {table} WITH NO DATA"
                )
                _copy(cursor, staged, columns, rows)
                cursor.execute(  # in the order of the first column: of its locks too
                    f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {staged} "  # noqa: S608
                    "ORDER BY 1 ON CONFLICT DO NOTHING"
                )
                count = cursor.rowcount
                cursor.execute(f"DROP TABLE {staged}")
            elif connection.vendor == "postgresql":
                _copy(cursor, table, columns, rows)
            else:
                marks = ", ".join(["%s"] * len(fields))
                verb = "INSERT OR IGNORE" if ignore_conflicts else "INSERT"
                insert = f"{verb} INTO {table} ({columns}) VALUES ({marks})"
                cursor.executemany(insert, cast(Any, rows))
                count = cursor.rowcount if ignore_conflicts else count
        self.rows = []
        return count


def _copy(cursor: Any, table: str, columns: str, rows: Iterable[tuple[Any, ...]]) -> None:
    with (
        connection.wrap_database_errors,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def _converted(row: tuple[Any, ...], converting: list[tuple[int, Any]]) -> tuple[Any, ...]:
    if not converting:
        return row
    values = list(row)
    for index, convert in converting:
        values[index] = convert(values[index])
    return tuple(values)


def _default(field: models.Field[Any, Any]) -> Any:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return timezone.now()
    return field.get_default()


def _converter(field: models.Field[Any, Any]) -> Callable[[Any], Any]:
    if isinstance(field, EncryptedTextField):
        return _encrypter(field)
    if connection.vendor == "postgresql" and isinstance(field, PLAIN):
        return _same
    return lambda value: field.get_db_prep_save(value, connection)


def _same(value: Any) -> Any:
    return value


def _encrypter(field: EncryptedTextField) -> Callable[[Any], Any]:
    """Encrypts each value; an empty text, as common as it says nothing, once per write (its
    ciphertext tells only that it is empty, which its length tells anyway)."""
    empty = field.get_prep_value("")

    def encrypt(value: Any) -> Any:
        return empty if value == "" else field.get_prep_value(value)

    return encrypt


def commit_without_waiting() -> None:
    """Within the caller's transaction, on PostgreSQL: its commit does not wait for the disk
    (`synchronous_commit = off`). A crash may then lose the last such commits, never half of
    one: the database stays consistent. The next commit that waits (an import's last step
    marking its batch done) writes them all to disk first, so what it reports is kept.
    Only for a transaction of the caller's own: within another one (savepoints), nothing."""
    if connection.vendor == "postgresql" and not connection.savepoint_ids:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` new primary keys of the model's table, taken from its sequence (on SQLite,
    inside the caller's transaction: the update locks the database for it)."""
    if count == 0:
        return []
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [connection.ops.quote_name(table), column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "INSERT INTO sqlite_sequence (name, seq) SELECT %s, 0 WHERE NOT EXISTS "
            "(SELECT 1 FROM sqlite_sequence WHERE name = %s)",
            [table, table],
        )
        quoted = connection.ops.quote_name(table)
        cursor.execute(
            f"UPDATE sqlite_sequence SET seq = MAX(seq, (SELECT COALESCE(MAX({column}), 0) "  # noqa: S608
            f"FROM {quoted})) + %s WHERE name = %s",
            [count, table],
        )
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        last = cursor.fetchone()[0]
    return list(range(last - count + 1, last + 1))
