"""The row report of an import: one line per non-empty source row, what became of it and why
(issue 7 fixes the columns). It names people: it is written only for users in scope, and each
download is audited."""

from __future__ import annotations

import csv
from typing import IO

from sigap.imports.services import Outcome

COLUMNS = (
    "row", "status", "reasons", "nik", "nik_valid", "name", "sex", "birth_date", "return_date",
    "regency_code", "country_code", "return_reason",
)  # fmt: skip


class RowReport:
    """Writes outcomes as they come (the import streams; so does the report)."""

    def __init__(self, handle: IO[str]) -> None:
        self.writer = csv.writer(handle)
        self.writer.writerow(COLUMNS)

    def __call__(self, outcome: Outcome) -> None:
        values = outcome.values.report()
        self.writer.writerow(
            [outcome.number, outcome.status, "; ".join(outcome.reasons)]
            + [values[column] for column in COLUMNS[3:]]
        )
