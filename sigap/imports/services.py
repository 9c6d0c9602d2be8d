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
import queue
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.db import connections, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sigap.core import audit, bulk
from sigap.core.access import Action, in_region, own_records, permits, scope_of, within_region
from sigap.core.crypto import blind_index
from sigap.core.models import SYSTEM_USERNAME, Agency, User
from sigap.imports import columns, reading
from sigap.imports.models import (
    RISK_REASONS,
    BatchStatus,
    ImportBatch,
    ImportRow,
    MigrantReturn,
    RowStatus,
)
from sigap.imports.normalise import Reader, Reading, Values
from sigap.people.models import DuplicateCandidate, Person
from sigap.people.search import nik_index
from sigap.people.services import NewPerson, persons_create_many

CHUNK = 5000  # rows decided and written together (one transaction, a few queries)
# What follows a chunk's returns, in its transaction (monitoring enrols the risky ones):
# called with the batch, the importer and the ids of the returns written or changed.
AFTER_CHUNK: list[Callable[[ImportBatch, User, list[int]], object]] = []
REPORT_LANGUAGE = "id"  # row reasons are written in Bahasa Indonesia, like the lists
ROW_COLUMNS = ("batch", "number", "status", "cells", "values", "fingerprint", "migrant_return")
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


class Planned:
    """A return this import will create (not yet written; `pk` is negative until then)."""

    __slots__ = ("pk", "person", *RETURN_FIELDS)
    destination_country_id: str | None
    job: str
    job_text: str
    company: str
    departure_date: date | None
    return_date: date | None
    reason: str
    reason_text: str
    procedural: bool | None
    needs_follow_up: bool

    def __init__(self, pk: int, person: int) -> None:
        self.pk, self.person = pk, person


class Importer:
    """Decides each row's outcome and writes it (unless dry).

    Rows are matched only against what the importer may see (their scope; a command run on
    the server, the batch's region): a list never reveals, nor changes, another agency's
    records. A valid NIK already registered out of that scope gives a new person in scope,
    queued with the other record for the secretariat to link (as a registration does).

    Persons and returns new in this import are known by negative references until their
    chunk is written; the writing takes ids for them and uses COPY (core.bulk)."""

    def __init__(self, batch: ImportBatch, actor: User, *, dry_run: bool) -> None:
        self.batch = batch
        self.actor = actor
        self.dry_run = dry_run
        self.counts = dict.fromkeys(RowStatus.values, 0)
        self.last_ref = 0
        self._reset()

    def _reset(self) -> None:
        """Forget a written chunk: what it writes, and its lookups (the next chunk finds its
        records in the database). A dry run writes nothing, so it keeps the lookups (keys and
        references, about 200 bytes a row): its later chunks then decide as a real run."""
        self.rows: list[tuple[Any, ...]] = []
        self.new_persons: dict[int, NewPerson] = {}
        self.new_returns: list[Planned] = []
        self.filled: dict[int, Person] = {}  # persons given the NIK they lacked
        self.changed: dict[int, tuple[MigrantReturn, dict[str, Any]]] = {}
        if self.dry_run and hasattr(self, "fingerprints"):
            return
        self.fingerprints: set[str] = set()
        self.by_nik: dict[str, int] = {}  # NIK index: person
        self.by_identity: dict[tuple[Any, ...], int] = {}  # name, birth, regency: person
        self.without_nik: dict[int, Person | NewPerson] = {}  # persons who may get one
        self.regions: dict[int, str] = {}  # the record region of persons registered before
        self.elsewhere: dict[str, list[int]] = {}  # NIK index: persons out of scope
        self.claimed: set[int] = set()  # persons without a NIK given one by this import
        self.returns: dict[tuple[int, Any], MigrantReturn | Planned] = {}

    def _ref(self) -> int:
        self.last_ref -= 1
        return self.last_ref

    def _visible(self, model: type[Any], prefix: str = "") -> Any:
        """The records rows are matched against: the importer's own (those of their region,
        and an agency officer's of their agency too), never those a case or a referral lets
        them read; for a command run on the server, the batch's region."""
        manager = model._default_manager
        scope = scope_of(self.actor)
        if scope is not None:
            return manager.filter(own_records(scope, prefix))
        if self.actor.username == SYSTEM_USERNAME:
            return manager.filter(within_region(f"{prefix}region", self.batch.region_id))
        return manager.none()

    # -- lookups -----------------------------------------------------------------------
    def prefetch(self, chunk: list[tuple[int, list[Any], Reading]]) -> None:
        records = [r.values for _n, _c, r in chunk if r.kind == "record"]
        known = (
            self._visible(ImportRow, "batch__")
            .filter(
                fingerprint__any={v.fingerprint for v in records},
                status__in=(RowStatus.IMPORTED, RowStatus.UPDATED),
            )
            .order_by()
            .values_list("fingerprint", flat=True)
        )
        self.fingerprints.update(known)
        # Ordered: of two records with one key, the older is the row's, in every chunk.
        visible = (
            self._visible(Person)
            .filter(anonymised_at__isnull=True, merged_into__isnull=True)
            .order_by("pk")
        )
        niks = {values.nik_index for values in records if values.nik}
        for pk, index, region in visible.filter(nik_index__any=niks, nik_problem="").values_list(
            "pk", "nik_index", "region_id"
        ):
            self.by_nik.setdefault(index, pk)
            self.regions[pk] = region
        unseen = niks - self.by_nik.keys()
        if unseen:  # registered, but not visible to the importer
            live = Person.objects.filter(merged_into__isnull=True, anonymised_at__isnull=True)
            live = live.order_by()
            others = live.filter(nik_index__any=unseen, nik_problem="")
            for index, pk in others.values_list("nik_index", "pk"):
                self.elsewhere.setdefault(index, []).append(pk)
        self._prefetch_identities(visible, records)
        persons: set[int] = set()  # those this chunk's rows may be
        for values in records:
            if values.nik and values.nik_index in self.by_nik:
                persons.add(self.by_nik[values.nik_index])
            if values.birth_date and values.regency_code:
                persons.add(self.by_identity.get(self._identity(values), 0))
        persons = {pk for pk in persons if pk > 0}
        dates = {values.return_date for values in records if values.return_date}
        if persons and dates:
            for existing in (
                self._visible(MigrantReturn)
                .filter(person_id__any=persons, return_date__any=dates)
                .order_by()
            ):
                self.returns.setdefault((existing.person_id, existing.return_date), existing)

    def _prefetch_identities(self, visible: Any, records: list[Values]) -> None:
        """Persons who may be a row's by exact name, birth date and regency."""
        known = [v for v in records if v.birth_date and v.regency_code]
        # A row without a NIK may be anyone's; one whose NIK is new, only someone without.
        groups = (
            ([v for v in known if not v.nik], Q()),
            ([v for v in known if v.nik and v.nik_index not in self.by_nik], Q(nik_index="")),
        )
        wanted = Q(pk__in=[])
        for rows, extra in groups:
            if rows:
                wanted |= extra & Q(
                    birth_date__any={v.birth_date for v in rows},
                    home_region_id__any={v.regency_code for v in rows},
                )
        candidates = visible.filter(wanted).only(
            "pk", "full_name", "birth_date", "home_region_id", "nik_index", "region_id"
        )
        for person in candidates:
            self.regions[person.pk] = person.region_id
            name = " ".join(person.full_name.casefold().split())
            identity = (name, person.birth_date, person.home_region_id)
            self.by_identity.setdefault(identity, person.pk)
            if not person.nik_index and person.pk not in self.claimed:
                self.without_nik[person.pk] = person

    @staticmethod
    def _identity(values: Values) -> tuple[Any, ...]:
        return (" ".join(values.name.casefold().split()), values.birth_date, values.regency_code)

    def _person(self, values: Values) -> int | None:
        """The person of a row: by valid NIK; failing that by exact name, birth date and
        regency, when that person has no NIK of their own (the row's NIK is then theirs)."""
        if values.nik:
            found = self.by_nik.get(values.nik_index)
            if found is not None:
                return found
        if not (values.birth_date and values.regency_code):
            return None
        found = self.by_identity.get(self._identity(values))
        if found is None or not values.nik:
            return found
        person = self.without_nik.pop(found, None)
        if person is None:
            return None  # they have another NIK: another human being
        person.nik, person.nik_index = values.nik, values.nik_index
        self.by_nik[values.nik_index] = found
        self.claimed.add(found)
        if isinstance(person, Person):
            self.filled[found] = person
        return found

    # -- decisions ---------------------------------------------------------------------
    def handle(self, number: int, cells: list[Any], read: Reading) -> Outcome | None:
        if read.kind == "blank":
            return None
        texts = read.texts
        if read.kind in ("skipped", "rejected"):
            status = RowStatus.SKIPPED if read.kind == "skipped" else RowStatus.REJECTED
            return self._row(number, status, read, texts)
        values = read.values
        mark = values.fingerprint
        if mark in self.fingerprints:
            reasons = [_("The same row was already imported."), *read.reasons]
            return self._row(number, RowStatus.DUPLICATE,
                             Reading("record", values, reasons, texts=texts), texts)  # fmt: skip
        self.fingerprints.add(mark)
        person = self._person(values)
        if person is None:
            person = self._new_person(values)
        existing = self.returns.get((person, values.return_date))
        if existing is not None and values.return_date is not None:
            self._change(existing, values)
            reasons = [_("Changed values of a return already imported."), *read.reasons]
            return self._row(number, RowStatus.UPDATED,
                             Reading("record", values, reasons, texts=texts), texts,
                             existing.pk, mark)  # fmt: skip
        planned = Planned(self._ref(), person)
        self._fill(planned, values)
        self.new_returns.append(planned)
        if values.return_date is not None:
            self.returns[(person, values.return_date)] = planned
        return self._row(number, RowStatus.IMPORTED, read, texts, planned.pk, mark)

    def _new_person(self, values: Values) -> int:
        home = values.regency_code or None
        region = home if home and in_region(home, self.batch.region_id) else self.batch.region_id
        ref = self._ref()
        person = NewPerson(
            full_name=" ".join(values.name.split()), nik=values.nik, sex=values.sex or "U",
            birth_date=values.birth_date, home_region_id=home, region_id=region,
            agency_id=self.batch.agency_id, nik_index=values.nik_index,
        )  # fmt: skip
        self.new_persons[ref] = person
        if values.nik:
            self.by_nik[values.nik_index] = ref
        if values.birth_date and values.regency_code:
            self.by_identity.setdefault(self._identity(values), ref)
            if not values.nik:
                self.without_nik[ref] = person
        return ref

    @staticmethod
    def _fill(migrant_return: MigrantReturn | Planned, values: Values) -> None:
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

    def _change(self, existing: MigrantReturn | Planned, values: Values) -> None:
        before = {name: getattr(existing, name) for name in RETURN_FIELDS}
        self._fill(existing, values)
        if isinstance(existing, MigrantReturn) and existing.pk not in self.changed:
            existing.batch = self.batch  # the list that last changed it
            self.changed[existing.pk] = (existing, before)

    def _row(
        self, number: int, status: str, read: Reading, texts: list[str],
        migrant_return: int | None = None, mark: str = "",
    ) -> Outcome:  # fmt: skip
        self.counts[status] += 1
        values = {**read.values.report(), "reasons": read.reasons}
        self.rows.append((
            number, status, json.dumps(texts, ensure_ascii=False),
            json.dumps(values, ensure_ascii=False), mark, migrant_return,
        ))  # fmt: skip
        return Outcome(number, status, read.reasons, read.values, texts)

    # -- writing -----------------------------------------------------------------------
    def flush(self, rows_done: int) -> None:
        if self.dry_run:
            self._reset()
            return
        with transaction.atomic():
            bulk.commit_without_waiting()  # the batch's end waits, for all of them
            # The batch first: on SQLite this takes the write lock before ids are taken.
            self.batch.rows_done = rows_done
            for status, count in self.counts.items():
                setattr(self.batch, status, count)
            self.batch.save(update_fields=["rows_done", *RowStatus.values])
            ids = persons_create_many(actor=self.actor, persons=list(self.new_persons.values()))
            real = dict(zip(self.new_persons, ids, strict=True))
            self._queue_same_nik(real)
            self._fill_niks()
            written = self._write_returns(real)
            real.update(written)
            self._write_changes()
            touched = [*written.values(), *self.changed]
            for hook in AFTER_CHUNK:
                hook(self.batch, self.actor, touched)
            rows = bulk.Table(ImportRow, ROW_COLUMNS)
            for number, status, cells, values, mark, ref in self.rows:
                rows.add(self.batch.pk, number, status, cells, values, mark, real.get(ref, ref))
            rows.write()
        self._reset()

    def _write_returns(self, persons: dict[int, int]) -> dict[int, int]:
        """The new returns, with the ids they got by their references."""
        ids = bulk.reserve_ids(MigrantReturn, len(self.new_returns))
        table = bulk.Table(MigrantReturn, ["id", "person", "batch", "agency", "region",
                                           *RETURN_FIELDS])  # fmt: skip
        batch = self.batch
        for pk, planned in zip(ids, self.new_returns, strict=True):
            person = persons.get(planned.person, planned.person)
            region = (
                self.new_persons[planned.person].region_id
                if planned.person < 0
                else self.regions[person]
            )
            table.add(pk, person, batch.pk, batch.agency_id, region,
                      *(getattr(planned, name) for name in RETURN_FIELDS))  # fmt: skip
        table.write()
        return {planned.pk: pk for pk, planned in zip(ids, self.new_returns, strict=True)}

    def _write_changes(self) -> None:
        if not self.changed:
            return
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

    def _queue_same_nik(self, persons: dict[int, int]) -> None:
        """Persons new in this chunk, or given their NIK by it, whose NIK is registered out
        of scope: queued with the other record for the secretariat."""
        given = [
            *((persons[ref], person.nik_index) for ref, person in self.new_persons.items()),
            *((pk, person.nik_index) for pk, person in self.filled.items()),
        ]
        pairs = [
            DuplicateCandidate(person_id=pk, other_id=other)
            for pk, index in given
            if index
            for other in self.elsewhere.get(index, ())
        ]
        DuplicateCandidate.objects.bulk_create(pairs, ignore_conflicts=True)

    def _fill_niks(self) -> None:
        """Persons matched by name, birth date and regency who get the row's NIK."""
        if not self.filled:
            return
        persons = list(self.filled.values())
        now = timezone.now()
        for person in persons:
            person.updated_at = now
        Person.objects.bulk_update(persons, ["nik", "nik_index", "updated_at"])
        for person in persons:
            changes = audit.changes({"nik": ""}, {"nik": person.nik}, sensitive=frozenset({"nik"}))
            audit.record(actor=self.actor, action="change", obj=person,
                         details={"batch": self.batch.pk, "changes": changes})  # fmt: skip


Chunk = list[tuple[int, list[Any], Reading]]


def _read_chunks(
    rows: Iterator[tuple[int, list[Any]]], reader: Reader, data_start: int
) -> Iterator[Chunk]:
    chunk: Chunk = []
    for index, (number, cells) in enumerate(rows):
        if index < data_start:
            continue
        read = reader.read(cells)
        if read.kind == "record":  # the keys it is looked up by
            read.values.fingerprint = fingerprint(read.values)
            read.values.nik_index = nik_index(read.values.nik) if read.values.nik else ""
        chunk.append((number, cells, read))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def chunks(
    rows: Iterator[tuple[int, list[Any]]], reader: Reader, data_start: int
) -> Iterator[Chunk]:
    """The rows read, normalised and keyed, chunk by chunk, in a second thread: it reads the next
    chunk while this one waits on the database for the chunk before. At most two chunks wait
    between them, so memory stays flat. An error in the reading (UnreadableFile) is raised
    here, in the order of the rows."""
    handoff: queue.Queue[Chunk | BaseException | None] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def give(item: Chunk | BaseException | None) -> bool:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.1)
            except queue.Full:
                continue
            return True
        return False

    def produce() -> None:
        try:
            with translation.override(REPORT_LANGUAGE):
                for chunk in _read_chunks(rows, reader, data_start):
                    if not give(chunk):
                        return
            give(None)
        except BaseException as error:  # handed to the consumer, raised there
            give(error)
        finally:
            connections.close_all()

    def take() -> Chunk | BaseException | None:
        while True:
            try:
                return handoff.get(timeout=1)
            except queue.Empty:
                if not thread.is_alive() and handoff.empty():
                    return RuntimeError("the import's reader stopped without a word")

    thread = threading.Thread(target=produce, name="sigap-import-reader", daemon=True)
    thread.start()
    try:
        while (item := take()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


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
    """The batch's uploaded file, decrypted into a temporary file (readable by this user
    alone, removed after) for the time of a read; raises reading.UnreadableFile when the file
    is no longer kept (imported, or erased after the retention period)."""
    suffix = Path(batch.file_name).suffix[:10]
    try:
        stored = batch.content.open("rb")
    except (ValueError, FileNotFoundError):
        raise reading.UnreadableFile(
            _("The uploaded file is no longer kept; upload the list again.")
        ) from None
    with stored, tempfile.NamedTemporaryFile(suffix=suffix) as copy:
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
    """Keep the confirmed mapping and queue the import (it runs in the background). A batch
    is queued once: a second confirmation (another tab, a double click) changes nothing."""
    with transaction.atomic():
        claimed = ImportBatch.objects.filter(pk=batch.pk, status=BatchStatus.MAPPING).update(
            mapping=mapping, status=BatchStatus.QUEUED
        )
        if claimed:
            audit.record(actor=actor, action="import", obj=batch, request=request,
                         details={"mapping": mapping})  # fmt: skip
            transaction.on_commit(lambda: _enqueue(batch.pk))
    batch.refresh_from_db()
    return batch


def _enqueue(batch_id: int) -> None:
    from sigap.imports.tasks import run_batch

    run_batch.enqueue(batch_id)


def batch_run_queued(batch_id: int) -> dict[str, int]:
    """Run a queued batch (the background task); the stored file is removed once its rows are
    kept. An unreadable part marks the batch failed (see `run`)."""
    # Claimed by one worker only: a task delivered twice runs once.
    claimed = ImportBatch.objects.filter(pk=batch_id, status=BatchStatus.QUEUED).update(
        status=BatchStatus.RUNNING
    )
    batch = ImportBatch.objects.select_related("created_by").get(pk=batch_id)
    if not claimed:
        return batch.counts()
    if not permits(batch.created_by, ImportBatch, Action.CREATE):  # deactivated, or moved
        batch.status, batch.finished_at = BatchStatus.FAILED, timezone.now()
        batch.error = _(
            "The officer who uploaded this list may no longer import lists; nothing was imported."
        )
        batch.save(update_fields=["status", "error", "finished_at"])
        return batch.counts()
    try:
        with stored_copy(batch) as path:
            batch.rows_total = sum(1 for _row in reading.rows(reading.check(path)))
            batch.rows_total -= (batch.header_row or 0) + batch.header_span
            batch.save(update_fields=["rows_total"])
            counts = run(batch, path, actor=batch.created_by)
    except reading.UnreadableFile as error:
        if batch.status != BatchStatus.FAILED:  # unreadable before the import began
            batch.status, batch.finished_at = BatchStatus.FAILED, timezone.now()
            batch.error = error.message
            batch.save(update_fields=["status", "error", "finished_at"])
        return batch.counts()
    except Exception:
        batch.status, batch.finished_at = BatchStatus.FAILED, timezone.now()
        batch.error = _("The import stopped on an error in SIGAP; the administrator is told.")
        batch.save(update_fields=["status", "error", "finished_at"])
        raise
    batch.content.delete(save=True)
    return counts
