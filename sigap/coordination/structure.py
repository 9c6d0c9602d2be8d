"""The task forces themselves: seeded from the reference agencies (a provincial task force
for each provincial secretariat, one per regency/city task-force agency), then edited by
their secretariats, since each decree sets them up differently."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from sigap.coordination.models import MeetingLevel, SubTaskForce, TaskForce, TaskForceMember
from sigap.core import audit
from sigap.core.access import in_region
from sigap.core.models import Agency, AgencyKind, Role, User

# The typical sub-task-forces (Perpres 69/2008 as amended; DOMAIN.md), each with the kinds of
# agency that usually sit in it. A decree may differ: these are only the first draft.
DEFAULT_SUB_TASK_FORCES: list[tuple[str, frozenset[str]]] = [
    (
        "Sub Gugus Tugas Pencegahan",
        frozenset(
            {
                AgencyKind.EDUCATION,
                AgencyKind.MANPOWER,
                AgencyKind.MIGRANT_PROTECTION,
                AgencyKind.NGO,
            }
        ),
    ),
    ("Sub Gugus Tugas Rehabilitasi Kesehatan", frozenset({AgencyKind.HEALTH})),
    (
        "Sub Gugus Tugas Rehabilitasi Sosial, Pemulangan dan Reintegrasi",
        frozenset({AgencyKind.SOCIAL, AgencyKind.WOMEN_CHILDREN}),
    ),
    (
        "Sub Gugus Tugas Penegakan Hukum",
        frozenset({AgencyKind.POLICE, AgencyKind.PROSECUTION, AgencyKind.IMMIGRATION}),
    ),
]
EDITOR_ROLES = frozenset({Role.SECRETARIAT, Role.REGENCY_OFFICER, Role.ADMIN})


def _seed(task_force: TaskForce) -> None:
    subs = [
        SubTaskForce.objects.create(task_force=task_force, name=name, order=order)
        for order, (name, _kinds) in enumerate(DEFAULT_SUB_TASK_FORCES, start=1)
    ]
    members = Agency.objects.filter(jurisdiction=task_force.region, is_active=True).exclude(
        pk=task_force.agency_id
    )
    pairs = list(zip(subs, (kinds for _name, kinds in DEFAULT_SUB_TASK_FORCES), strict=True))
    for agency in members.order_by("name"):
        sub = next((sub for sub, kinds in pairs if agency.kind in kinds), None)
        TaskForceMember.objects.create(
            task_force=task_force, sub_task_force=sub, agency=agency, position="Anggota"
        )


@transaction.atomic
def load_task_forces() -> dict[str, Any]:
    """Seeds only add: a task force edited by its secretariat keeps its edits."""
    created = 0
    provinces: dict[str, TaskForce] = {}
    for agency in Agency.objects.filter(kind=AgencyKind.SECRETARIAT, is_active=True):
        if len(agency.jurisdiction_id) != 2:
            continue
        task_force = TaskForce.objects.filter(region_id=agency.jurisdiction_id).first()
        if task_force is None:
            task_force = TaskForce.objects.create(
                name=f"Gugus Tugas PP-TPPO {agency.jurisdiction.name.title()}",
                level=MeetingLevel.PROVINCE,
                region_id=agency.jurisdiction_id,
                agency=agency,
            )
            _seed(task_force)
            created += 1
        provinces[task_force.region_id] = task_force
    for agency in Agency.objects.filter(kind=AgencyKind.TASK_FORCE, is_active=True):
        if TaskForce.objects.filter(region_id=agency.jurisdiction_id).exists():
            continue
        task_force = TaskForce.objects.create(
            name=f"Gugus Tugas PP-TPPO {agency.jurisdiction.name.title()}",
            level=MeetingLevel.REGENCY,
            region_id=agency.jurisdiction_id,
            agency=agency,
            parent=provinces.get(agency.jurisdiction_id[:2]),
        )
        _seed(task_force)
        created += 1
    return {"task_forces_created": created}


def may_edit(user: Any, task_force: TaskForce) -> bool:
    """The task force's own secretariat (or a higher one), and administrators, in their
    region."""
    return (
        getattr(user, "is_active", False)
        and getattr(user, "role", "") in EDITOR_ROLES
        and in_region(task_force.region_id, getattr(user, "region_id", None) or "")
    )


class StructureError(Exception):
    pass


def _require(actor: User, task_force: TaskForce) -> None:
    if not may_edit(actor, task_force):
        raise StructureError("not_allowed")


@transaction.atomic
def task_force_change(
    *, actor: User, task_force: TaskForce, request: Any = None, **changes: Any
) -> TaskForce:
    fields = ("name", "decree", "notes")
    if set(changes) - set(fields):
        raise TypeError(f"task_force_change cannot change {sorted(set(changes) - set(fields))}")
    _require(actor, task_force)
    before = audit.snapshot(task_force, fields)
    for field, value in changes.items():
        setattr(task_force, field, value)
    task_force.save()
    diff = audit.changes(before, audit.snapshot(task_force, fields))
    if diff:
        audit.record(
            actor=actor, action="change", obj=task_force, request=request, details={"changes": diff}
        )
    return task_force


@transaction.atomic
def sub_task_force_save(
    *,
    actor: User,
    task_force: TaskForce,
    name: str,
    lead_agency: Agency | None = None,
    duties: str = "",
    order: int = 0,
    sub: SubTaskForce | None = None,
    request: Any = None,
) -> SubTaskForce:
    """Add a sub-task-force, or change one (`sub`)."""
    _require(actor, task_force)
    if sub is not None and sub.task_force_id != task_force.pk:
        raise StructureError("not_allowed")
    sub = sub or SubTaskForce(task_force=task_force)
    sub.name, sub.lead_agency, sub.duties, sub.order = name, lead_agency, duties, order
    sub.save()
    audit.record(
        actor=actor, action="sub_task_force", obj=task_force, request=request,
        details={"sub": sub.pk, "name": name},
    )  # fmt: skip
    return sub


@transaction.atomic
def sub_task_force_remove(*, actor: User, sub: SubTaskForce, request: Any = None) -> None:
    """Its members stay in the task force, outside any sub-task-force."""
    _require(actor, sub.task_force)
    audit.record(
        actor=actor, action="sub_task_force_remove", obj=sub.task_force, request=request,
        details={"sub": sub.pk, "name": sub.name},
    )  # fmt: skip
    sub.delete()


@transaction.atomic
def member_add(
    *,
    actor: User,
    task_force: TaskForce,
    agency: Agency,
    sub_task_force: SubTaskForce | None = None,
    user: User | None = None,
    person_name: str = "",
    position: str = "",
    request: Any = None,
) -> TaskForceMember:
    _require(actor, task_force)
    if sub_task_force is not None and sub_task_force.task_force_id != task_force.pk:
        raise StructureError("not_allowed")
    member = TaskForceMember.objects.create(
        task_force=task_force,
        sub_task_force=sub_task_force,
        agency=agency,
        user=user,
        person_name=person_name,
        position=position,
    )
    audit.record(
        actor=actor, action="member_add", obj=task_force, request=request,
        details={"member": member.pk, "agency": agency.slug},
    )  # fmt: skip
    return member


@transaction.atomic
def member_remove(*, actor: User, member: TaskForceMember, request: Any = None) -> None:
    _require(actor, member.task_force)
    audit.record(
        actor=actor, action="member_remove", obj=member.task_force, request=request,
        details={"member": member.pk, "agency": member.agency.slug},
    )  # fmt: skip
    member.delete()


def task_force_of(region_code: str) -> TaskForce | None:
    """The task force that answers for a region: its own, or the nearest one above it."""
    parts = region_code.split(".")
    codes = [".".join(parts[:n]) for n in range(len(parts), 0, -1)]
    found = {tf.region_id: tf for tf in TaskForce.objects.filter(region_id__in=codes)}
    return next((found[code] for code in codes if code in found), None)
