"""Monitoring's rules: enrolments (by hand and from imports), the risk questionnaire, and
follow-ups with their schedule. Views, the API and imports call these, never the models."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, cast

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sigap.cases import services as cases
from sigap.cases.models import Case, CaseSource, PartyRole
from sigap.cases.services import WorkflowError
from sigap.core import audit, bulk
from sigap.core.access import (
    IDENTITY_ROLES,
    Action,
    can,
    in_region,
    permits,
    scope_of,
    within_region,
)
from sigap.core.models import Agency, AgencyKind, Role, User
from sigap.imports.models import ImportBatch, MigrantReturn
from sigap.monitoring import questionnaire as default
from sigap.monitoring.models import (
    Enrolment,
    EnrolmentStatus,
    FollowUp,
    Group,
    Option,
    PlanStatus,
    Question,
    Questionnaire,
    ReintegrationPlan,
    RiskLevel,
    Source,
)
from sigap.people.models import Person


class MonitoringError(WorkflowError):
    messages: ClassVar[Mapping[str, Any]] = {
        "not_allowed": gettext_lazy("You may not change this enrolment."),
        "closed": gettext_lazy("This enrolment is closed; enrol the person again to follow up."),
        "person_not_visible": gettext_lazy("This person is not in your scope."),
        "region_out_of_scope": gettext_lazy("This region is outside your scope."),
        "place_level": gettext_lazy("Choose a district or a village."),
        "watched_elsewhere": gettext_lazy(
            "This person cannot be enrolled in this group by your agency now; ask the secretariat."
        ),
        "not_publisher": gettext_lazy("Only the secretariat publishes questionnaires."),
        "not_survivor": gettext_lazy(
            "A reintegration plan is for a survivor under an active watch."
        ),
        "plan_closed": gettext_lazy("This reintegration plan is closed."),
        "goals_open": gettext_lazy("Mark every goal achieved or dropped before closing the plan."),
        "referral_not_theirs": gettext_lazy("Choose a referral of this survivor."),
        "officer_not_of_agency": gettext_lazy("Choose an active officer of that agency."),
        "agency_out_of_scope": gettext_lazy(
            "This agency cannot be responsible for a watch in this region."
        ),
        "reason_required": gettext_lazy("Give the reason."),
        "future_date": gettext_lazy("The date cannot be in the future."),
        "next_before_done": gettext_lazy("The next follow-up cannot be before this one."),
    }


class AnswersError(ValueError):
    """Answers that do not fit the questionnaire; `message` says which, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# -- the questionnaire ---------------------------------------------------------------------


def questionnaire_current(slug: str = default.SLUG) -> Questionnaire:
    """The latest version of a questionnaire (follow-ups answer it). Version 1 of `risk` is
    seeded by a migration, and written again here if a database lost it (e.g. emptied and
    loaded without migrating)."""
    current = Questionnaire.objects.filter(slug=slug).order_by("-version").first()
    if current is None and slug == default.SLUG:
        try:
            with transaction.atomic():
                return cast(Questionnaire, default.load_default((Questionnaire, Question, Option)))
        except IntegrityError:  # written meanwhile by another request
            current = Questionnaire.objects.filter(slug=slug).order_by("-version").first()
    if current is None:
        raise Questionnaire.DoesNotExist(slug)
    return current


@transaction.atomic
def questionnaire_publish(
    *,
    slug: str,
    title: tuple[str, str],
    medium_from: int,
    high_from: int,
    questions: Sequence[default.Spec],
    actor: User | None = None,
    based_on: int | None = None,
) -> Questionnaire:
    """A new version of a questionnaire. Versions are never changed: the follow-ups that
    answered an older one keep its questions, weights and thresholds."""
    if actor is not None and not permits(actor, Questionnaire, Action.CHANGE):
        raise MonitoringError("not_publisher")
    if not 0 < medium_from < high_from:
        raise AnswersError(_("The medium threshold must be above 0 and below the high one."))
    if any(not options for *_texts, options in questions):
        raise AnswersError(_("Every question needs its answers."))
    if sum(max(option[3] for option in options) for *_texts, options in questions) < high_from:
        raise AnswersError(_("No answers reach the high threshold; lower it."))
    last = Questionnaire.objects.filter(slug=slug).aggregate(last=Max("version"))["last"] or 0
    meanwhile = _("Another version was published meanwhile; start from it again.")
    if based_on is not None and based_on != last:
        raise AnswersError(meanwhile)
    try:
        with transaction.atomic():
            made: Questionnaire = default.build(
                (Questionnaire, Question, Option), slug=slug, version=last + 1, title=title,
                medium_from=medium_from, high_from=high_from, questions=questions,
                created_by=actor,
            )  # fmt: skip
    except IntegrityError:  # published at the same moment by someone else
        raise AnswersError(meanwhile) from None
    if actor is not None:
        audit.record(actor=actor, action="create", obj=made, details={"version": made.version})
    return made


@dataclass(frozen=True)
class Assessment:
    score: int
    level: str
    reasons: list[tuple[Question, Option]]  # the answers that added to the score


# Published versions never change: their questions are read once per process.
_QUESTIONS: dict[tuple[int, datetime.datetime], list[Question]] = {}


def questions_of(questionnaire: Questionnaire) -> list[Question]:
    key = (questionnaire.pk, questionnaire.created_at)
    if key not in _QUESTIONS:
        _QUESTIONS[key] = list(questionnaire.questions.prefetch_related("options"))
    return _QUESTIONS[key]


def assess(questionnaire: Questionnaire, answers: Mapping[str, str]) -> Assessment:
    """The risk that answers give, with the answers that made it. Every question must be
    answered (each has a "don't know" where not knowing is itself a risk)."""
    questions = questions_of(questionnaire)
    known = {question.key for question in questions}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise AnswersError(_("Unknown question: %(keys)s.") % {"keys": ", ".join(unknown)})
    score, reasons = 0, []
    for question in questions:
        chosen = answers.get(question.key)
        if not chosen:
            raise AnswersError(_("Answer: %(question)s") % {"question": question.text})
        option = next((o for o in question.options.all() if o.key == chosen), None)
        if option is None:
            raise AnswersError(
                _("“%(answer)s” is not an answer to: %(question)s")
                % {"answer": chosen, "question": question.text}
            )
        score += option.weight
        if option.weight:
            reasons.append((question, option))
    if score >= questionnaire.high_from:
        level = RiskLevel.HIGH
    elif score >= questionnaire.medium_from:
        level = RiskLevel.MEDIUM
    else:
        level = RiskLevel.LOW
    return Assessment(score, str(level), reasons)


def follow_up_days(level: str) -> int:
    """Days from a follow-up to the next, by the risk it found (SIGAP_FOLLOW_UP_DAYS)."""
    return int(settings.SIGAP_FOLLOW_UP_DAYS[level])


def next_follow_up(done_on: datetime.date, level: str) -> datetime.date:
    return done_on + datetime.timedelta(days=follow_up_days(level))


# -- enrolments ----------------------------------------------------------------------------


@transaction.atomic
def enrol(
    *,
    actor: User,
    person: Person,
    group: str,
    reason: str = "",
    region_id: str | None = None,
    agency: Agency | None = None,
    officer: User | None = None,
    started_on: datetime.date | None = None,
    source: str = Source.MANUAL,
    request: Any = None,
    **sources: Any,
) -> tuple[Enrolment, bool]:
    """Enrol a person the actor may see in a group, in the actor's scope; the person's active
    enrolment in that group if there is one (nothing new), unless the actor may not see it:
    that is refused without a word about it. Returns (enrolment, created)."""
    if not can(actor, person, Action.VIEW):
        raise MonitoringError("person_not_visible")
    scope = scope_of(actor)
    region = region_id or person.home_region_id or person.region_id
    if scope is None or not in_region(str(region), scope.region_code):
        raise MonitoringError("region_out_of_scope")
    if agency is not None and not may_make_responsible(scope, agency, str(region)):
        raise MonitoringError("agency_out_of_scope")
    today = timezone.localdate()
    started_on = started_on or today
    if started_on > today:
        raise MonitoringError("future_date")
    active = Enrolment.objects.filter(person=person, group=group, status=EnrolmentStatus.ACTIVE)
    try:
        with transaction.atomic():  # a savepoint: a concurrent enrolment wins, see below
            enrolment = Enrolment.objects.create(
                person=person, group=group, reason=reason.strip(), region_id=region,
                agency=agency or cast(Agency, actor.agency), officer=officer,
                started_on=started_on, source=source,
                next_due=next_follow_up(started_on, "first"), created_by=actor, **sources,
            )  # fmt: skip
    except IntegrityError:  # already watched in this group (one active enrolment at most)
        existing = active.get()
        if not can(actor, existing, Action.VIEW):
            raise MonitoringError("watched_elsewhere") from None
        return existing, False
    audit.record(actor=actor, action="create", obj=enrolment, request=request,
                 details={"person": person.pk, "group": group, "source": source})  # fmt: skip
    return enrolment, True


def responsible_may(agency: Agency, scope_region: str, region: str) -> bool:
    """Whether an officer of `scope_region` may make `agency` responsible for a watch in
    `region`: an active agency of their region whose jurisdiction holds that region."""
    return (
        agency.is_active
        and in_region(agency.jurisdiction_id, scope_region)
        and in_region(region, agency.jurisdiction_id)
    )


def may_make_responsible(scope: Any, agency: Agency, region: str) -> bool:
    """An agency officer watches for their own agency; the secretariat and regency officers
    for theirs or an agency of their region whose jurisdiction holds the region."""
    if not agency.is_active:
        return False
    if agency.pk == scope.agency_id:
        return True
    return scope.role != Role.AGENCY_OFFICER and responsible_may(agency, scope.region_code, region)


def may_be_responsible(officer: User, agency: Agency, region: str) -> bool:
    """An officer who is responsible for a watch must be able to open it."""
    return (
        officer.is_active and officer.agency_id == agency.pk
        and officer.role in IDENTITY_ROLES and officer.region_id is not None
        and in_region(region, str(officer.region_id))
    )  # fmt: skip


def responsible_agencies(actor: User) -> list[Agency]:
    """The agencies an officer may make responsible: their own, and (secretariat and
    regency officers) the active agencies of their region."""
    scope = scope_of(actor)
    if scope is None:
        return []
    own = Agency.objects.filter(pk=scope.agency_id, is_active=True)
    if scope.role == Role.AGENCY_OFFICER:
        return list(own)
    region = Agency.objects.filter(is_active=True).filter(
        within_region("jurisdiction", scope.region_code)
    )
    return list((own | region).distinct().order_by("jurisdiction_id", "name"))


def task_force_of(region: str) -> Agency | None:
    """The task force of a region's regency (the usual responsible agency of a watch)."""
    task_forces = Agency.objects.filter(kind=AgencyKind.TASK_FORCE, is_active=True)
    return task_forces.filter(jurisdiction_id=_regency(region)).order_by("pk").first()


def _regency(code: str) -> str:
    return code[:5]  # PP.KK


ENROLMENT_FROM_RETURN = ("person", "group", "source", "source_return", "source_batch", "agency",
                         "region", "started_on", "next_due", "created_by")  # fmt: skip


def enrol_risky_returns(batch: ImportBatch, actor: User, return_ids: list[int]) -> int:
    """Enrol the risky returns of an import's chunk in "returned migrant worker at risk", for
    the task force of the person's home regency (the batch's agency where the province has
    none there), with the first follow-up due. Idempotent: a return enrols once, ever, and a
    person already watched in the group is not enrolled twice. Runs in the chunk's
    transaction, so the import leaves its enrolments in place when it returns."""
    if not return_ids:
        return 0
    risky = (
        MigrantReturn.objects.filter(pk__any=return_ids, needs_follow_up=True)
        .exclude(pk__in=Enrolment.objects.filter(source_return_id__any=return_ids)
                 .values("source_return_id"))
        .order_by("pk")
        .values_list("pk", "person_id", "region_id", "person__home_region_id")
    )  # fmt: skip
    rows = list(risky)
    if not rows:
        return 0
    task_forces = dict(
        Agency.objects.filter(kind=AgencyKind.TASK_FORCE, is_active=True)
        .order_by("pk")
        .values_list("jurisdiction_id", "pk")
    )
    today = timezone.localdate()
    due = next_follow_up(today, "first")
    first: dict[int, tuple[Any, ...]] = {}  # a person's first risky return: id, regions
    for pk, person, region, home in rows:
        first.setdefault(person, (pk, region, home))
    made = bulk.Table(Enrolment, ENROLMENT_FROM_RETURN)
    # In the order of persons (the first field: bulk inserts in its order): two imports
    # enrolling some of the same persons take their places in the one-active index in one
    # order, and so never wait for each other in turn.
    for person, (pk, region, home) in sorted(first.items()):
        regency = _regency(home or "")
        agency = task_forces.get(regency) if in_region(regency, batch.region_id) else None
        made.add(person, Group.RETURNEE_AT_RISK, Source.IMPORT, pk, batch.pk,
                 agency or batch.agency_id, regency if agency else region, today, due,
                 actor.pk)  # fmt: skip
    # Who is watched in the group already is left out by the one-active rule (a unique
    # index), also against a concurrent import: no query that would grow with the table.
    count = made.write(ignore_conflicts=True)
    if count:
        details = {"enrolments": count, "group": Group.RETURNEE_AT_RISK}
        audit.record(actor=actor, action="create", obj=batch, details=details)
    return count


@transaction.atomic
def enrolment_close(*, actor: User, enrolment: Enrolment, reason: str, request: Any = None) -> None:
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if not can(actor, enrolment, Action.CHANGE):
        raise MonitoringError("not_allowed")
    if not enrolment.is_active:
        raise MonitoringError("closed")
    if not reason.strip():
        raise MonitoringError("reason_required")
    enrolment.status, enrolment.closed_on = EnrolmentStatus.CLOSED, timezone.localdate()
    enrolment.closed_reason, enrolment.next_due = reason.strip(), None
    enrolment.save(update_fields=["status", "closed_on", "closed_reason", "next_due",
                                  "updated_at"])  # fmt: skip
    # A survivor's open reintegration plan ends with the watch, for the same reason.
    ReintegrationPlan.objects.filter(enrolment=enrolment, status=PlanStatus.OPEN).update(
        status=PlanStatus.CLOSED,
        closed_on=enrolment.closed_on,
        closing_summary=enrolment.closed_reason,
    )
    audit.record(actor=actor, action="close", obj=enrolment, request=request)


# -- follow-ups ----------------------------------------------------------------------------


@transaction.atomic
def follow_up_record(
    *,
    actor: User,
    enrolment: Enrolment,
    kind: str,
    done_on: datetime.date,
    answers: Mapping[str, str],
    notes: str = "",
    next_due: datetime.date | None = None,
    indications_found: bool = False,
    version: int | None = None,
    client_key: str = "",
    request: Any = None,
) -> FollowUp:
    """Record a follow-up with the current questionnaire's answers: the risk they give sets
    the next follow-up (SIGAP_FOLLOW_UP_DAYS), unless the officer sets an earlier one.
    `version`: the questionnaire version the answers were given to (refused if it is no
    longer the current one); `client_key`: the sender's key, so that a follow-up sent again
    (a lost answer on a weak connection) is kept once. Raises MonitoringError or AnswersError."""
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if client_key:
        sent = FollowUp.objects.filter(client_key=client_key).first()
        if sent is not None and sent.enrolment_id != enrolment.pk:
            raise MonitoringError("not_allowed")  # a key is one form's, for one enrolment
        if sent is not None:
            return sent
    if not can(actor, enrolment, Action.CHANGE):
        raise MonitoringError("not_allowed")
    if not enrolment.is_active:
        raise MonitoringError("closed")
    if done_on > timezone.localdate():
        raise MonitoringError("future_date")
    questionnaire = questionnaire_current()
    if version is not None and version != questionnaire.version:
        raise AnswersError(
            _("The questionnaire changed to version %(version)s since these answers were "
              "given; answer it again.") % {"version": questionnaire.version}
        )  # fmt: skip
    assessment = assess(questionnaire, answers)
    scheduled = next_follow_up(done_on, assessment.level)
    if next_due is not None and next_due < done_on:
        raise MonitoringError("next_before_done")
    if next_due is not None and next_due > scheduled:
        raise AnswersError(
            _("At %(level)s risk the next follow-up is at most %(days)s days away (%(date)s).")
            % {"level": RiskLevel(assessment.level).label.lower(),
               "days": follow_up_days(assessment.level), "date": scheduled.strftime("%d/%m/%Y")}
        )  # fmt: skip
    follow_up = FollowUp.objects.create(
        enrolment=enrolment, kind=kind, done_on=done_on, officer=actor,
        questionnaire=questionnaire, answers=dict(answers), score=assessment.score,
        risk_level=assessment.level, notes=notes.strip(), indications_found=indications_found,
        next_due=next_due or scheduled, client_key=client_key[:40],
    )  # fmt: skip
    if enrolment.last_follow_up_on is None or done_on >= enrolment.last_follow_up_on:
        enrolment.last_follow_up_on = done_on
        enrolment.risk_level = assessment.level
        enrolment.next_due = follow_up.next_due
        enrolment.save(update_fields=["last_follow_up_on", "risk_level", "next_due",
                                      "updated_at"])  # fmt: skip
    audit.record(actor=actor, action="create", obj=follow_up, request=request,
                 details={"enrolment": enrolment.pk, "risk": assessment.level,
                          "score": assessment.score,
                          "questionnaire": questionnaire.version})  # fmt: skip
    return follow_up


def reasons_of(follow_up: FollowUp) -> list[tuple[Question, Option]]:
    """The answers that made a follow-up's risk, read in the version it answered."""
    return assess(follow_up.questionnaire, follow_up.answers).reasons


# -- escalation ----------------------------------------------------------------------------

NOTE_LANGUAGE = "id"  # the note that opens an escalated case, like the officers' own notes


@transaction.atomic
def escalate(*, actor: User, follow_up: FollowUp, request: Any = None) -> Case:
    """Open a case from a follow-up that found indications of trafficking, pre-filled from
    the enrolment (the person as a possible victim, the region and the responsible agency as
    lead, the destination and the placement company of the return that enrolled them), with
    screening started. A follow-up opens one case: asked again, it gives that case."""
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if follow_up.case_id is not None:
        return cast(Case, follow_up.case)
    enrolment = follow_up.enrolment
    if not can(actor, enrolment, Action.CHANGE):
        raise MonitoringError("not_allowed")
    if not enrolment.is_active:
        raise MonitoringError("closed")
    origin = enrolment.source_return
    person = enrolment.person
    case = cases.case_create(
        actor=actor, reported_on=timezone.localdate(), source=CaseSource.MONITORING,
        region_id=enrolment.region_id, lead_agency=enrolment.agency,
        origin_region_id=person.home_region_id,
        destination_country_id=origin.destination_country_id if origin else None,
        placement_company=origin.company if origin else "", request=request,
    )  # fmt: skip
    cases.party_add(actor=actor, case=case, person=person, role=PartyRole.POSSIBLE_VICTIM,
                    request=request)  # fmt: skip
    with translation.override(NOTE_LANGUAGE):
        reasons = "; ".join(
            f"{question.text} {option.label}" for question, option in reasons_of(follow_up)
        )
        text = _(
            "Opened from the monitoring of %(group)s (enrolment %(enrolment)s): the follow-up "
            "of %(date)s found indications of trafficking, at %(risk)s risk (score %(score)s)."
        ) % {
            "group": enrolment.get_group_display(), "enrolment": enrolment.pk,
            "date": follow_up.done_on.strftime("%d/%m/%Y"),
            "risk": follow_up.get_risk_level_display().lower(), "score": follow_up.score,
        }  # fmt: skip
    cases.note_add(actor=actor, case=case, text=f"{text}\n{reasons}".strip(), request=request)
    cases.case_start_screening(actor=actor, case=case, request=request)
    follow_up.case, follow_up.indications_found = case, True
    follow_up.save(update_fields=["case", "indications_found"])
    audit.record(actor=actor, action="escalate", obj=follow_up, request=request,
                 details={"case": case.pk, "enrolment": enrolment.pk})  # fmt: skip
    return case


# -- a person's records elsewhere: merged, held, anonymised ---------------------------------


def move_enrolments(gone: Person, keep: Person) -> None:
    """Merging two records of one person: the enrolments of the merged record become the
    kept one's; one active in a group the kept record is already watched in is closed."""
    watched = set(
        Enrolment.objects.filter(person=keep, status=EnrolmentStatus.ACTIVE).values_list(
            "group", flat=True
        )
    )
    for enrolment in Enrolment.objects.filter(person=gone).order_by("pk"):
        if enrolment.is_active and enrolment.group in watched:
            enrolment.status, enrolment.closed_on = EnrolmentStatus.CLOSED, timezone.localdate()
            enrolment.next_due = None
            with translation.override(NOTE_LANGUAGE):
                enrolment.closed_reason = _(
                    "Records merged: the person is watched in this group under the kept record."
                )
        elif enrolment.is_active:
            watched.add(enrolment.group)
        enrolment.person = keep
        enrolment.save()


def watched_person_ids() -> set[int]:
    """Persons under an active watch stay identifiable (retention holds them)."""
    return set(
        Enrolment.objects.filter(status=EnrolmentStatus.ACTIVE).values_list("person_id", flat=True)
    )


def erase_texts(person: Person) -> None:
    """An anonymised person's enrolments and follow-ups keep their facts (group, dates, risk)
    for statistics, not the free texts written about them."""
    Enrolment.objects.filter(person=person).update(reason="", closed_reason="")
    FollowUp.objects.filter(enrolment__person=person).update(notes="")


@transaction.atomic
def enrolment_reassign(
    *, actor: User, enrolment: Enrolment, agency: Agency, officer: User | None = None,
    request: Any = None,
) -> Enrolment:  # fmt: skip
    """Hand a watch to another responsible agency of the actor's region (whose jurisdiction
    holds the enrolment's region), and optionally to one of its officers."""
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    scope = scope_of(actor)
    if scope is None or not can(actor, enrolment, Action.CHANGE):
        raise MonitoringError("not_allowed")
    if not enrolment.is_active:
        raise MonitoringError("closed")
    if not may_make_responsible(scope, agency, enrolment.region_id):
        raise MonitoringError("agency_out_of_scope")
    if officer is not None and not may_be_responsible(officer, agency, enrolment.region_id):
        raise MonitoringError("officer_not_of_agency")
    before = {"agency": enrolment.agency_id, "officer": enrolment.officer_id}
    enrolment.agency, enrolment.officer = agency, officer
    enrolment.save(update_fields=["agency", "officer", "updated_at"])
    after = {"agency": agency.pk, "officer": officer.pk if officer else None}
    audit.record(actor=actor, action="change", obj=enrolment, request=request,
                 details={"before": before, "after": after})  # fmt: skip
    return enrolment
