"""Migration operations of our own."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.migrations.operations.base import Operation
from django.db.migrations.operations.special import SeparateDatabaseAndState


class PostgresqlFastPath(SeparateDatabaseAndState):
    """Django's `operations` for the project's state and on other databases; on PostgreSQL,
    `sql` instead (and `reverse_sql` backwards), which reaches the same schema by renaming
    and dropping what exists. Django's own way to drop an index from a foreign key or a
    column drops and re-adds the foreign key, which checks every row again, and builds the
    kept indexes anew: on a populated table, minutes in which it is locked."""

    def __init__(
        self, operations: Sequence[Operation], sql: Sequence[str], reverse_sql: Sequence[str]
    ) -> None:
        super().__init__(database_operations=operations, state_operations=operations)
        self.sql, self.reverse_sql = list(sql), list(reverse_sql)

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        kwargs = {
            "operations": self.state_operations,
            "sql": self.sql,
            "reverse_sql": self.reverse_sql,
        }
        return self.__class__.__qualname__, [], kwargs

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if not _ran_on_postgresql(schema_editor, self.sql):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if not _ran_on_postgresql(schema_editor, self.reverse_sql):
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self) -> str:
        return "Django's operations; on PostgreSQL, renames and drops to the same schema"


def _ran_on_postgresql(schema_editor: Any, statements: list[str]) -> bool:
    if schema_editor.connection.vendor != "postgresql":
        return False
    for statement in statements:
        schema_editor.execute(statement, params=None)
    return True


def rename_unique(table: str, column: str, name: str) -> str:
    """SQL renaming the unique constraint on one column (PostgreSQL names it `..._key` when
    the table is created with it, Django `..._uniq` when it is added later)."""
    return f"""DO $$
DECLARE found text;
BEGIN
  SELECT conname INTO STRICT found FROM pg_constraint
  WHERE conrelid = '{table}'::regclass AND contype = 'u'
    AND conkey = ARRAY[(SELECT attnum FROM pg_attribute
                        WHERE attrelid = '{table}'::regclass AND attname = '{column}')];
  EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', '{table}', found, '{name}');
END $$"""  # noqa: S608 - names from the migration
