"""`field__any=[...]`: membership in a long list of values (an import looks up thousands of
keys at once). On PostgreSQL the list is one array parameter (`= ANY(%s)`); Django's `__in`
prepares each value and writes one placeholder per value, which cost an import of 100,000
rows seconds. Elsewhere it is `__in`.

The values must already be of the field's Python type (str, int, date): they are not
converted one by one on PostgreSQL.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Field, ForeignObject, Model
from django.db.models.lookups import In


class AnyOf(In):
    lookup_name = "any"

    def get_prep_lookup(self) -> Any:
        if not isinstance(self.rhs, list | tuple | set | frozenset):
            raise TypeError("__any takes a list of values (not a query)")
        values = list(self.rhs)
        if any(isinstance(value, Model) for value in values):
            raise TypeError("__any takes values, not model instances")
        return values

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        if connection.vendor != "postgresql":
            sql, in_params = super().as_sql(compiler, connection)
            return sql, list(in_params)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        params: list[Any] = [*lhs_params, self.rhs]
        return f"{lhs} = ANY(%s)", params


Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)  # a foreign key's column (person_id__any=[...])
