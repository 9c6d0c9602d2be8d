"""Importing a list of returned migrant workers: the rules of issue 7, the same for the web
upload and `sigap import_pmi`.

Rows are read as a stream and handled in chunks: each chunk looks up what it needs (rows seen
before, persons by NIK or by name, birth date and regency, returns by person and date) in a few
queries, then writes its persons, returns and rows in one transaction, so memory stays flat
and a stopped import keeps what it finished. A dry run reads and decides the same, and writes
nothing.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sigap.core import audit
from sigap.core.access import in_region
from sigap.core.crypto import blind_index
from sigap.core.models import Agency, User
from sigap.imports import columns, reading
from sigap.imports.models import (
    RISK_REASONS,
    BatchStatus,
    ImportBatch,
    ImportRow,
    MigrantReturn,
    RowStatus,
)
from sigap.imports.normalise import Reader, Reading, Values, text_of
from sigap.people.models import Person
from sigap.people.services import persons_create_many

CHUNK = 1000
REPORT_LANGUAGE = "id"  # row reasons are written in Bahasa Indonesia, like the lists
RETURN_FIELDS = (
    "destination_country_id", "job", "job_text", "company", "departure_date", "return_date",
    "reason", "reason_text", "procedural", "needs_follow_up",
)  # fmt: skip


@dataclass
class Outcome:
    """What became of one reported row."""

    number: int
    status: str
    reasons: list[str]
    values: Values
    cells: list[str]


@dataclass
class Prepared:
    source: reading.Source
    header: columns.Header
    preview: list[list[Any]] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def prepare(path: Path) -> Prepared:
    """Check the file and find its header; raises reading.UnreadableFile."""
    source = reading.check(path)
    first: list[list[Any]] = []
    for _number, cells in reading.rows(source):
        first.append(cells)
        if len(first) >= columns.HEADER_SEARCH_ROWS + 10:
            break
    header = columns.find_header(first)
    if header is None:
        raise reading.UnreadableFile(
            _(
                "No header row with a name column was found in the first %(rows)s rows. "
                "The list needs a column such as NAMA."
            )
            % {"rows": columns.HEADER_SEARCH_ROWS}
        )
    return Prepared(source, header, first[header.data_start :])


def fingerprint(values: Values) -> str:
    return blind_index(repr(values.key()), purpose="import-row")


class Importer:
    """Decides each row's outcome and writes it (unless dry)."""

    def __init__(self, batch: ImportBatch, actor: User, *, dry_run: bool) -> None:
        self.batch = batch
        self.actor = actor
        self.dry_run = dry_run
        self.counts = dict.fromkeys(RowStatus.values, 0)
        self._reset()

    def _reset(self) -> None:
        self.fingerprints: set[str] = set()
        self.by_nik: dict[str, Person] = {}
        self.by_identity: dict[tuple[Any, ...], Person] = {}
        self.returns: dict[tuple[int, Any], MigrantReturn] = {}
        self.new_persons: list[Person] = []
        self.new_returns: list[MigrantReturn] = []
        self.changed: dict[int, tuple[MigrantReturn, dict[str, Any]]] = {}
        self.rows: list[ImportRow] = []

    # -- lookups -----------------------------------------------------------------------
    def prefetch(self, chunk: list[tuple[int, list[Any], Reading]]) -> None:
        records = [r.values for _n, _c, r in chunk if r.kind == "record"]
        prints = {fingerprint(values) for values in records}
        known = ImportRow.objects.filter(
            fingerprint__in=prints, status__in=(RowStatus.IMPORTED, RowStatus.UPDATED)
        ).values_list("fingerprint", flat=True)
        self.fingerprints.update(known)
        live = Person.objects.filter(merged_into__isnull=True, anonymised_at__isnull=True)
        niks = {blind_index(values.nik, purpose="nik") for values in records if values.nik}
        for person in live.filter(nik_index__in=niks, nik_problem=""):
            self.by_nik.setdefault(person.nik_index, person)
        unnamed = [v for v in records if not v.nik and v.birth_date and v.regency_code]
        if unnamed:
            candidates = live.filter(
                birth_date__in={v.birth_date for v in unnamed},
                home_region_id__in={v.regency_code for v in unnamed},
            )
            for person in candidates:
                self.by_identity.setdefault(self._identity_of(person), person)
        persons = {p.pk for p in [*self.by_nik.values(), *self.by_identity.values()] if p.pk}
        dates = {values.return_date for values in records if values.return_date}
        if persons and dates:
            for existing in MigrantReturn.objects.filter(
                person_id__in=persons, return_date__in=dates
            ):
                self.returns.setdefault((existing.person_id, existing.return_date), existing)

    @staticmethod
    def _identity(values: Values) -> tuple[Any, ...]:
        return (" ".join(values.name.casefold().split()), values.birth_date, values.regency_code)

    @staticmethod
    def _identity_of(person: Person) -> tuple[Any, ...]:
        name = " ".join(person.full_name.casefold().split())
        return (name, person.birth_date, person.home_region_id)

    def _person(self, values: Values) -> Person | None:
        if values.nik:
            return self.by_nik.get(blind_index(values.nik, purpose="nik"))
        if values.birth_date and values.regency_code:
            return self.by_identity.get(self._identity(values))
        return None

    # -- decisions ---------------------------------------------------------------------
    def handle(self, number: int, cells: list[Any], read: Reading) -> Outcome | None:
        texts = [text_of(cell) for cell in cells]
        if read.kind == "blank":
            return None
        if read.kind in ("skipped", "rejected"):
            status = RowStatus.SKIPPED if read.kind == "skipped" else RowStatus.REJECTED
            return self._row(number, status, read, texts)
        values = read.values
        mark = fingerprint(values)
        if mark in self.fingerprints:
            reasons = [_("The same row was already imported."), *read.reasons]
            return self._row(number, RowStatus.DUPLICATE, Reading("record", values, reasons),
                             texts)  # fmt: skip
        self.fingerprints.add(mark)
        person = self._person(values)
        if person is None:
            person = self._new_person(values)
        existing = self.returns.get((self._key_of(person), values.return_date))
        if existing is not None and values.return_date is not None:
            self._change(existing, values)
            reasons = [_("Changed values of a return already imported."), *read.reasons]
            return self._row(number, RowStatus.UPDATED, Reading("record", values, reasons),
                             texts, existing, mark)  # fmt: skip
        migrant_return = MigrantReturn(person=person, batch=self.batch, agency=self.batch.agency,
                                       region_id=person.region_id)  # fmt: skip
        self._fill(migrant_return, values)
        self.new_returns.append(migrant_return)
        if values.return_date is not None:
            self.returns[(self._key_of(person), values.return_date)] = migrant_return
        return self._row(number, RowStatus.IMPORTED, read, texts, migrant_return, mark)

    @staticmethod
    def _key_of(person: Person) -> int:
        return person.pk if person.pk else -id(person)

    def _new_person(self, values: Values) -> Person:
        home = values.regency_code or None
        region = home if home and in_region(home, self.batch.region_id) else self.batch.region_id
        person = Person(
            full_name=" ".join(values.name.split()), nik=values.nik, sex=values.sex or "U",
            birth_date=values.birth_date, home_region_id=home, agency=self.batch.agency,
            region_id=region, citizenship_id="ID",
        )  # fmt: skip
        self.new_persons.append(person)
        if values.nik:
            self.by_nik[blind_index(values.nik, purpose="nik")] = person
        elif values.birth_date and values.regency_code:
            self.by_identity[self._identity(values)] = person
        return person

    @staticmethod
    def _fill(migrant_return: MigrantReturn, values: Values) -> None:
        migrant_return.destination_country_id = values.country_code or None
        migrant_return.job = values.job
        migrant_return.job_text = values.job_text
        migrant_return.company = values.company
        migrant_return.departure_date = values.departure_date
        migrant_return.return_date = values.return_date
        migrant_return.reason = values.reason
        migrant_return.reason_text = values.reason_text
        migrant_return.procedural = values.procedural
        migrant_return.needs_follow_up = values.reason in RISK_REASONS or values.procedural is False

    def _change(self, existing: MigrantReturn, values: Values) -> None:
        before = {name: getattr(existing, name) for name in RETURN_FIELDS}
        self._fill(existing, values)
        if existing.pk and existing.pk not in self.changed:
            self.changed[existing.pk] = (existing, before)

    def _row(
        self, number: int, status: str, read: Reading, texts: list[str],
        migrant_return: MigrantReturn | None = None, mark: str = "",
    ) -> Outcome:  # fmt: skip
        self.counts[status] += 1
        values = {**read.values.report(), "reasons": read.reasons}
        self.rows.append(
            ImportRow(
                batch=self.batch, number=number, status=status,
                cells=json.dumps(texts, ensure_ascii=False),
                values=json.dumps(values, ensure_ascii=False), fingerprint=mark,
                migrant_return=migrant_return,
            )
        )  # fmt: skip
        return Outcome(number, status, read.reasons, read.values, texts)

    # -- writing -----------------------------------------------------------------------
    def flush(self, rows_done: int) -> None:
        if self.dry_run:
            self.rows.clear()
            return
        with transaction.atomic():
            persons_create_many(actor=self.actor, persons=self.new_persons)
            MigrantReturn.objects.bulk_create(self.new_returns)
            if self.changed:
                MigrantReturn.objects.bulk_update(
                    [item for item, _before in self.changed.values()], [*RETURN_FIELDS, "batch"]
                )
                for item, before in self.changed.values():
                    after = {name: getattr(item, name) for name in RETURN_FIELDS}
                    audit.record(
                        actor=self.actor, action="change", obj=item,
                        details={"batch": self.batch.pk, "changes": audit.changes(
                            before, after, sensitive=frozenset({"reason_text"}))},
                    )  # fmt: skip
            ImportRow.objects.bulk_create(self.rows)
            self.batch.rows_done = rows_done
            for status, count in self.counts.items():
                setattr(self.batch, status, count)
            self.batch.save(update_fields=["rows_done", *RowStatus.values])
        self._reset()


def chunks(
    rows: Iterator[tuple[int, list[Any]]], reader: Reader, data_start: int
) -> Iterator[list[tuple[int, list[Any], Reading]]]:
    chunk: list[tuple[int, list[Any], Reading]] = []
    for index, (number, cells) in enumerate(rows):
        if index < data_start:
            continue
        chunk.append((number, cells, reader.read(cells)))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def batch_start(
    path: Path, *, actor: User, agency: Agency, region_code: str, file_name: str, source: str = ""
) -> tuple[ImportBatch, Prepared]:
    """A new batch for a checked file, with the mapping found (not saved when dry)."""
    prepared = prepare(path)
    batch = ImportBatch(
        file_name=file_name[:255], file_sha256=file_sha256(path), file_size=path.stat().st_size,
        source=source[:200], header_row=prepared.header.index, header_span=prepared.header.span,
        headers=prepared.header.labels,
        mapping=prepared.header.mapping, agency=agency, region_id=region_code, created_by=actor,
    )  # fmt: skip
    return batch, prepared


def run(
    batch: ImportBatch,
    path: Path,
    *,
    actor: User,
    dry_run: bool = False,
    on_row: Callable[[Outcome], None] | None = None,
) -> dict[str, int]:
    """Import the file into the batch (saved first unless dry) with its confirmed mapping;
    returns the counts. Raises reading.UnreadableFile when the file cannot be read."""
    source = reading.check(path)
    data_start = (batch.header_row or 0) + batch.header_span
    reader = Reader(
        {name: int(column) for name, column in batch.mapping.items() if name in columns.FIELDS},
        home_region=settings.SIGAP_HOME_REGION,
    )
    importer = Importer(batch, actor, dry_run=dry_run)
    if not dry_run:
        batch.status, batch.error = BatchStatus.RUNNING, ""
        batch.save()
        audit.record(actor=actor, action="import", obj=batch,
                     details={"file": batch.file_name, "sha256": batch.file_sha256})  # fmt: skip
    done = 0
    try:
        with translation.override(REPORT_LANGUAGE):
            for chunk in chunks(reading.rows(source), reader, data_start):
                importer.prefetch(chunk)
                for number, cells, read in chunk:
                    outcome = importer.handle(number, cells, read)
                    if outcome is not None and on_row is not None:
                        on_row(outcome)
                done += len(chunk)
                importer.flush(done)
    except reading.UnreadableFile as error:
        # What was imported before the unreadable part stays, and the batch says where it
        # stopped and why.
        if not dry_run:
            batch.status, batch.error = BatchStatus.FAILED, error.message
            batch.finished_at = timezone.now()
            batch.save(update_fields=["status", "error", "finished_at"])
        raise
    if not dry_run:
        batch.status, batch.finished_at = BatchStatus.DONE, timezone.now()
        batch.rows_done = batch.rows_total = max(done, batch.rows_total)
        batch.save(update_fields=["status", "finished_at", "rows_done", "rows_total"])
    return importer.counts


# -- the web: upload, mapping, preview, confirm, and the task that runs the import ----------


def batch_upload(*, upload: Any, actor: User, source: str = "", request: Any = None) -> ImportBatch:
    """Keep an uploaded list (encrypted) with the header and mapping found in it, for the
    officer to confirm; raises reading.UnreadableFile."""
    suffix = Path(upload.name or "").suffix[:10]
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        for block in upload.chunks():
            copy.write(block)
        copy.flush()
        batch, _prepared = batch_start(
            Path(copy.name), actor=actor, agency=cast(Agency, actor.agency),
            region_code=str(actor.region_id),
            file_name=upload.name or "daftar", source=source,
        )  # fmt: skip
    upload.seek(0)
    with transaction.atomic():
        batch.content.save(f"impor{suffix}", upload, save=False)
        batch.save()
        audit.record(actor=actor, action="create", obj=batch, request=request,
                     details={"file": batch.file_name, "sha256": batch.file_sha256})  # fmt: skip
    return batch


@contextmanager
def stored_copy(batch: ImportBatch) -> Iterator[Path]:
    """The batch's uploaded file, decrypted into a temporary file for the time of a read."""
    suffix = Path(batch.file_name).suffix[:10]
    with batch.content.open("rb") as stored, tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        copy.write(stored.read())
        copy.flush()
        yield Path(copy.name)


def batch_preview(batch: ImportBatch, mapping: dict[str, int], limit: int = 10) -> list[Outcome]:
    """The first rows as the import will read them with this mapping (nothing is written)."""
    reader = Reader(mapping, home_region=settings.SIGAP_HOME_REGION)
    shown: list[Outcome] = []
    with stored_copy(batch) as path, translation.override(REPORT_LANGUAGE):
        data_start = (batch.header_row or 0) + batch.header_span
        for index, (number, cells) in enumerate(reading.rows(reading.check(path))):
            if index < data_start:
                continue
            read = reader.read(cells)
            if read.kind != "blank":
                status = {"record": RowStatus.IMPORTED, "rejected": RowStatus.REJECTED}.get(
                    read.kind, RowStatus.SKIPPED
                )
                shown.append(Outcome(number, status, read.reasons, read.values, []))
            if len(shown) >= limit:
                break
    return shown


def batch_confirm(
    *, batch: ImportBatch, mapping: dict[str, int], actor: User, request: Any = None
) -> ImportBatch:
    """Keep the confirmed mapping and queue the import (it runs in the background)."""
    with transaction.atomic():
        batch.mapping = mapping
        batch.status = BatchStatus.QUEUED
        batch.save(update_fields=["mapping", "status"])
        audit.record(actor=actor, action="import", obj=batch, request=request,
                     details={"mapping": mapping})  # fmt: skip
        transaction.on_commit(lambda: _enqueue(batch.pk))
    return batch


def _enqueue(batch_id: int) -> None:
    from sigap.imports.tasks import run_batch

    run_batch.enqueue(batch_id)


def batch_run_queued(batch_id: int) -> dict[str, int]:
    """Run a queued batch (the background task); the stored file is removed once its rows are
    kept. An unreadable part marks the batch failed (see `run`)."""
    batch = ImportBatch.objects.select_related("created_by").get(pk=batch_id)
    if batch.status != BatchStatus.QUEUED:
        return batch.counts()
    try:
        with stored_copy(batch) as path:
            batch.rows_total = sum(1 for _row in reading.rows(reading.check(path)))
            batch.rows_total -= (batch.header_row or 0) + batch.header_span
            batch.save(update_fields=["rows_total"])
            counts = run(batch, path, actor=batch.created_by)
    except reading.UnreadableFile:
        return batch.counts()
    except Exception:
        batch.status, batch.finished_at = BatchStatus.FAILED, timezone.now()
        batch.error = _("The import stopped on an error in SIGAP; the administrator is told.")
        batch.save(update_fields=["status", "error", "finished_at"])
        raise
    batch.content.delete(save=True)
    return counts
