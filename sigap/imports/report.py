"""The row report of an import: one line per non-empty source row, what became of it and why
(issue 7 fixes the columns); and the rejected rows as they were, to be fixed and imported
again. Both name people: they are written only for users in scope, and each download is
audited."""

from __future__ import annotations

import csv
import json
import re
from typing import IO

from sigap.imports.models import ImportBatch, RowStatus
from sigap.imports.services import Outcome

COLUMNS = (
    "row", "status", "reasons", "nik", "nik_valid", "name", "sex", "birth_date", "return_date",
    "regency_code", "country_code", "return_reason",
)  # fmt: skip


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(?:[.,]\d+)*")


def safe_cell(value: object) -> object:
    """A cell that a spreadsheet program will not run as a formula (a list comes from outside
    and may carry "=HYPERLINK(...)" or "-2+3"): such text gets Excel's own "this is text"
    apostrophe. A plain negative number stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


class RowReport:
    """Writes outcomes as they come (the import streams; so does the report)."""

    def __init__(self, handle: IO[str]) -> None:
        self.writer = csv.writer(handle)
        self.writer.writerow(COLUMNS)

    def __call__(self, outcome: Outcome) -> None:
        self.line(outcome.number, outcome.status, outcome.reasons, outcome.values.report())

    def line(self, number: int, status: str, reasons: list[str], values: dict[str, str]) -> None:
        cells = [number, status, "; ".join(reasons)] + [values.get(c, "") for c in COLUMNS[3:]]
        self.writer.writerow([safe_cell(cell) for cell in cells])


def write_batch_report(batch: ImportBatch, handle: IO[str]) -> int:
    """The report of a batch already imported, from its kept rows; returns the lines."""
    report = RowReport(handle)
    count = 0
    for row in batch.rows.order_by("number").iterator(chunk_size=1000):
        values = json.loads(row.values or "{}")
        report.line(row.number, row.status, values.get("reasons", []), values)
        count += 1
    return count


def write_rejected(batch: ImportBatch, handle: IO[str]) -> int:
    """The rejected rows under the list's own header, ready to fix and import again."""
    writer = csv.writer(handle)
    writer.writerow([safe_cell(label) for label in batch.headers])
    count = 0
    for row in batch.rows.filter(status=RowStatus.REJECTED).order_by("number"):
        writer.writerow([safe_cell(cell) for cell in json.loads(row.cells)])
        count += 1
    return count
