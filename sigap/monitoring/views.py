"""Monitoring pages: the board, an enrolment with its follow-ups, a follow-up form (for a
phone in the field) and the closing of an enrolment."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sigap.cases.models import Case
from sigap.cases.services import WorkflowError
from sigap.core.access import Action, get_or_404, in_region, permits, require, scope_of, scoped
from sigap.core.models import Agency, Region, RegionLevel, User
from sigap.core.pagination import paginate
from sigap.monitoring import prevention, reintegration, selectors, services
from sigap.monitoring.forms import (
    ActivityForm,
    CloseForm,
    EnrolForm,
    FollowUpForm,
    GoalForm,
    GoalMoveForm,
    PlanCloseForm,
    PublishForm,
    ReassignForm,
    ReviewForm,
)
from sigap.monitoring.models import (
    Enrolment,
    FollowUp,
    GoalStatus,
    PreventionActivity,
    Questionnaire,
    ReintegrationPlan,
)
from sigap.people.models import Person
from sigap.people.selectors import display_name


@login_required
def board(request: HttpRequest) -> HttpResponse:
    user = require(request, Enrolment)
    scope = scope_of(user)
    region = request.GET.get("wilayah", "")
    regencies = Region.objects.filter(
        parent_id=scope.region_code if scope else None, level=RegionLevel.REGENCY
    )
    if region and not regencies.filter(code=region).exists():
        region = ""  # only the regencies of the user's region are offered
    agency_id = request.GET.get("instansi", "")
    agencies = Agency.objects.filter(
        pk__in=selectors.active_enrolments(user).values("agency_id")
    ).order_by("name")
    agency = (
        int(agency_id) if agency_id.isdigit() and agencies.filter(pk=agency_id).exists() else None
    )
    context = {
        "board": selectors.board(user, timezone.localdate(), region, agency),
        "regencies": regencies, "region": region, "agencies": agencies, "agency": agency,
    }  # fmt: skip
    return render(request, "monitoring/board.html", context)


@login_required
def enrol(request: HttpRequest, person: int) -> HttpResponse:
    user = require(request, Enrolment, Action.CREATE)
    watched = get_or_404(user, Person, request=request, pk=person)
    agencies = services.responsible_agencies(user)
    place = watched.home_region_id or watched.region_id
    suggested = services.task_force_of(place)
    if suggested not in agencies:
        suggested = next((a for a in agencies if a.pk == user.agency_id), None)
    form = EnrolForm(request.POST or None, agencies=agencies, suggested=suggested)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            enrolment, created = services.enrol(
                actor=user, person=watched, group=data["group"], reason=data["reason"],
                region_id=data["region"].code if data["region"] else None,
                started_on=data["started_on"], agency=data["agency"], request=request,
            )  # fmt: skip
        except WorkflowError as error:
            form.add_error(None, error.message)
        else:
            if not created:
                messages.info(request, _("This person is already watched in this group."))
            return HttpResponseRedirect(reverse("monitoring:enrolment_detail", args=[enrolment.pk]))
    context = {"person": watched, "name": display_name(user, watched), "form": form,
               "first_days": services.follow_up_days("first")}  # fmt: skip
    return render(request, "monitoring/enrol.html", context, status=400 if form.errors else 200)


def plan_context(user: User, enrolment: Enrolment) -> dict[str, Any] | None:
    """The reintegration part of a survivor's enrolment page (None for other groups)."""
    if enrolment.group != "survivor":
        return None
    plan = ReintegrationPlan.objects.filter(enrolment=enrolment).first()
    referrals = reintegration.referrals_for(user, enrolment) if plan else []
    return {
        "visible_referrals": {referral.pk for referral in referrals},
        "plan": plan,
        "goals": list(plan.goals.select_related("referral__service_type", "referral__to_agency"))
        if plan else [],
        "reviews": list(plan.reviews.select_related("reviewed_by")) if plan else [],
        "goal_form": GoalForm(referrals=referrals), "review_form": ReviewForm(),
        "close_form": PlanCloseForm(), "statuses": GoalStatus.choices,
    }  # fmt: skip


def _enrolment(
    request: HttpRequest, pk: int, action: Action = Action.VIEW
) -> tuple[User, Enrolment]:
    user = require(request, Enrolment, action)
    return user, get_or_404(user, Enrolment, action, request=request, pk=pk)


def _step(
    request: HttpRequest, form: Any, step: Callable[[dict[str, Any]], object], *,
    done: str = "", invalid: str = "",
) -> None:  # fmt: skip
    """A form posted from the enrolment page: its first error (or `invalid`), the service's
    refusal, or `done`, said there."""
    if not form.is_valid():
        if invalid:
            messages.error(request, invalid)
        else:
            _said(request, form)
        return
    try:
        step(form.cleaned_data)
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        if done:
            messages.success(request, done)


@login_required
def enrolment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user, enrolment = _enrolment(request, pk)
    follow_ups = [
        (follow_up, services.reasons_of(follow_up))
        for follow_up in enrolment.follow_ups.select_related("officer", "questionnaire", "case")
    ]
    context = {
        "enrolment": enrolment, "name": display_name(user, enrolment.person),
        "follow_ups": follow_ups, "may_follow_up": selectors.can_follow_up(user, enrolment),
        "close_form": CloseForm(), "overdue": enrolment.is_overdue(),
        "plan": plan_context(user, enrolment),
        "reassign_form": ReassignForm(
            agencies=services.responsible_agencies(user),
            initial={"agency": enrolment.agency_id, "officer": enrolment.officer_id},
        ),
        "visible_cases": set(scoped(user, Case).filter(
            monitoring_follow_up__enrolment=enrolment).values_list("pk", flat=True)),
    }  # fmt: skip
    return render(request, "monitoring/enrolment_detail.html", context)


@login_required
def follow_up_new(request: HttpRequest, pk: int) -> HttpResponse:
    user, enrolment = _enrolment(request, pk, Action.CHANGE)
    questionnaire = services.questionnaire_current()
    form = FollowUpForm(request.POST or None, questionnaire=questionnaire)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            follow_up = services.follow_up_record(
                actor=user, enrolment=enrolment, kind=data["kind"], done_on=data["done_on"],
                answers=form.answers(), notes=data["notes"], next_due=data["next_due"],
                indications_found=data["indications_found"], version=data["version"],
                client_key=data["client_key"], request=request,
            )  # fmt: skip
        except (services.AnswersError, services.MonitoringError) as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Follow-up recorded: %(risk)s risk, next on %(date)s.")
                % {
                    "risk": follow_up.get_risk_level_display().lower(),
                    "date": follow_up.next_due.strftime("%d/%m/%Y") if follow_up.next_due else "—",
                },
                extra_tags=draft_key(user, enrolment),  # the device forgets its draft
            )
            if follow_up.indications_found:
                return _sent(request, _escalate(request, user, follow_up))
            return _sent(request, HttpResponseRedirect(
                reverse("monitoring:enrolment_detail", args=[pk])
            ))  # fmt: skip
    context = {"enrolment": enrolment, "name": display_name(user, enrolment.person),
               "form": form, "questionnaire": questionnaire,
               "draft_key": draft_key(user, enrolment)}  # fmt: skip
    return render(request, "monitoring/follow_up_form.html", context,
                  status=400 if form.errors else 200)  # fmt: skip


def _sent(request: HttpRequest, redirect: HttpResponse) -> HttpResponse:
    """The answer to a follow-up that was kept: its page, or (to the device's script sending
    a draft) where to go, as JSON, so the page shows its message once the script goes there."""
    if request.headers.get("X-Sigap-Draft"):
        return JsonResponse({"location": redirect["Location"]})
    return redirect


def draft_key(user: User, enrolment: Enrolment) -> str:
    """The key of a follow-up draft on a device: one officer's, for one enrolment (another
    officer signing in on that device never gets it back)."""
    return f"follow-up-{enrolment.pk}-{user.pk}"


def _escalate(request: HttpRequest, user: User, follow_up: FollowUp) -> HttpResponse:
    """Open the follow-up's case and show it; a refusal is said on the enrolment's page."""
    try:
        case = services.escalate(actor=user, follow_up=follow_up, request=request)
    except WorkflowError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(
            reverse("monitoring:enrolment_detail", args=[follow_up.enrolment_id])
        )
    messages.success(request, _("Case %(reference)s was opened; screen the person there.")
                     % {"reference": case.reference})  # fmt: skip
    return HttpResponseRedirect(reverse("cases:case_detail", args=[case.pk]))


@login_required
@require_POST
def escalate(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Enrolment)
    follow_up = get_or_404(user, FollowUp, Action.CHANGE, request=request, pk=pk)
    return _escalate(request, user, follow_up)


@login_required
@require_POST
def enrolment_close(request: HttpRequest, pk: int) -> HttpResponse:
    user, enrolment = _enrolment(request, pk, Action.CHANGE)
    _step(
        request, CloseForm(request.POST),
        lambda data: services.enrolment_close(
            actor=user, enrolment=enrolment, reason=data["reason"], request=request
        ),
        done=_("The enrolment is closed."), invalid=_("Give the reason for closing."),
    )  # fmt: skip
    return HttpResponseRedirect(reverse("monitoring:enrolment_detail", args=[pk]))


# -- prevention ----------------------------------------------------------------------------


@login_required
def activity_list(request: HttpRequest) -> HttpResponse:
    user = require(request, PreventionActivity)
    activities = scoped(user, PreventionActivity).select_related("region", "agency")
    page, query = paginate(request, activities)
    context = {"page": page, "query": query,
               "may_record": permits(user, PreventionActivity, Action.CREATE)}  # fmt: skip
    return render(request, "monitoring/activity_list.html", context)


@login_required
def activity_new(request: HttpRequest) -> HttpResponse:
    user = require(request, PreventionActivity, Action.CREATE)
    form = ActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            prevention.activity_record(actor=user, request=request, **form.activity())
        except WorkflowError as error:
            form.add_error("district", error.message)
        else:
            messages.success(request, _("The activity is recorded."))
            return HttpResponseRedirect(reverse("monitoring:activity_list"))
    return render(request, "monitoring/activity_form.html", {"form": form},
                  status=400 if form.errors else 200)  # fmt: skip


@login_required
def coverage(request: HttpRequest) -> HttpResponse:
    """A regency's districts, or a district's villages (`wilayah`), within the user's region;
    for a province, its regencies to choose from."""
    user = require(request, PreventionActivity)
    scope = scope_of(user)
    home = scope.region_code if scope else ""
    area = request.GET.get("wilayah", "") or home
    chosen = Region.objects.filter(code=area, level__in=[RegionLevel.REGENCY,
                                                         RegionLevel.DISTRICT]).first()  # fmt: skip
    if chosen is None or not in_region(area, home):
        area = home
    regencies = Region.objects.filter(parent_id=home, level=RegionLevel.REGENCY)
    if len(area) < 5:  # a province: choose a regency first
        context: dict[str, Any] = {"regencies": regencies, "area": None}
        return render(request, "monitoring/coverage.html", context)
    places = prevention.coverage(user, area)
    context = {
        "regencies": regencies, "area": chosen, "places": places,
        "unreached": sum(place.unreached for place in places),
        "months": prevention.COVERAGE_MONTHS, "villages": len(area) > 5,
    }  # fmt: skip
    return render(request, "monitoring/coverage.html", context)


# -- reintegration plans -------------------------------------------------------------------


def _back(enrolment: Enrolment) -> HttpResponse:
    return HttpResponseRedirect(
        reverse("monitoring:enrolment_detail", args=[enrolment.pk]) + "#reintegration"
    )


def _said(request: HttpRequest, form: Any) -> None:
    """A form's first error, said on the enrolment's page the form sits in."""
    for errors in form.errors.values():
        messages.error(request, f"{errors[0]}")
        return


def _plan(request: HttpRequest, pk: int) -> tuple[User, Enrolment, ReintegrationPlan]:
    user, enrolment = _enrolment(request, pk, Action.CHANGE)
    plan = ReintegrationPlan.objects.filter(enrolment=enrolment).first()
    if plan is None:
        raise Http404
    return user, enrolment, plan


@login_required
@require_POST
def plan_open(request: HttpRequest, pk: int) -> HttpResponse:
    user, enrolment = _enrolment(request, pk, Action.CHANGE)
    try:
        reintegration.plan_open(actor=user, enrolment=enrolment, request=request)
    except WorkflowError as error:
        messages.error(request, error.message)
    return _back(enrolment)


@login_required
@require_POST
def goal_add(request: HttpRequest, pk: int) -> HttpResponse:
    user, enrolment, plan = _plan(request, pk)
    form = GoalForm(request.POST, referrals=reintegration.referrals_for(user, enrolment))
    _step(request, form, lambda data: reintegration.goal_add(
        actor=user, plan=plan, request=request, **data
    ))  # fmt: skip
    return _back(enrolment)


@login_required
@require_POST
def goal_move(request: HttpRequest, pk: int, goal: int) -> HttpResponse:
    user, enrolment, plan = _plan(request, pk)
    target = plan.goals.filter(pk=goal).first()
    if target is None:
        raise Http404
    _step(request, GoalMoveForm(request.POST),
          lambda data: reintegration.goal_move(actor=user, goal=target, status=data["status"],
                                               request=request))  # fmt: skip
    return _back(enrolment)


@login_required
@require_POST
def review_add(request: HttpRequest, pk: int) -> HttpResponse:
    user, enrolment, plan = _plan(request, pk)
    _step(request, ReviewForm(request.POST), lambda data: reintegration.review_add(
        actor=user, plan=plan, request=request, **data
    ))  # fmt: skip
    return _back(enrolment)


@login_required
@require_POST
def plan_close(request: HttpRequest, pk: int) -> HttpResponse:
    user, enrolment, plan = _plan(request, pk)
    _step(request, PlanCloseForm(request.POST),
          lambda data: reintegration.plan_close(actor=user, plan=plan, summary=data["summary"],
                                                request=request),
          done=_("The reintegration plan is closed."))  # fmt: skip
    return _back(enrolment)


# -- the questionnaire ---------------------------------------------------------------------


@login_required
def questionnaire(request: HttpRequest) -> HttpResponse:
    """The versions of the risk questionnaire; the secretariat publishes a new one."""
    user = require(request, Questionnaire)
    current = services.questionnaire_current()
    may_publish = permits(user, Questionnaire, Action.CHANGE)
    form = PublishForm(request.POST or None, questionnaire=current) if may_publish else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                made = services.questionnaire_publish(
                    slug=current.slug, title=(current.title_id, current.title_en),
                    medium_from=form.cleaned_data["medium_from"],
                    high_from=form.cleaned_data["high_from"], questions=form.spec(), actor=user,
                    based_on=form.cleaned_data["based_on"],
                )  # fmt: skip
            except services.AnswersError as error:
                form.add_error(None, error.message)
            else:
                done = _("Version %(version)s is published; follow-ups from now on answer it.")
                messages.success(request, done % {"version": made.version})
                return HttpResponseRedirect(reverse("monitoring:questionnaire"))
    versions = Questionnaire.objects.filter(slug=current.slug).annotate(
        answered=Count("follow_ups")
    )
    context = {"current": current, "questions": services.questions_of(current), "form": form,
               "versions": versions}  # fmt: skip
    return render(request, "monitoring/questionnaire.html", context,
                  status=400 if form is not None and form.errors else 200)  # fmt: skip


@login_required
@require_POST
def enrolment_reassign(request: HttpRequest, pk: int) -> HttpResponse:
    user, enrolment = _enrolment(request, pk, Action.CHANGE)
    _step(
        request, ReassignForm(request.POST, agencies=services.responsible_agencies(user)),
        lambda data: services.enrolment_reassign(
            actor=user, enrolment=enrolment, agency=data["agency"], officer=data["officer"],
            request=request,
        ),
        done=_("The responsibility is handed over."),
    )  # fmt: skip
    if not scoped(user, Enrolment).filter(pk=pk).exists():  # handed out of their sight
        return HttpResponseRedirect(reverse("monitoring:board"))
    return HttpResponseRedirect(reverse("monitoring:enrolment_detail", args=[pk]))
