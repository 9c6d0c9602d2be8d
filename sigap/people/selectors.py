"""Reads on persons, always through core.access."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from sigap.core.access import Action, permits, scope_of, scoped
from sigap.core.models import AuditEvent, Role
from sigap.core.selectors import HomeAction
from sigap.people.access import shows_real_name
from sigap.people.models import DuplicateCandidate, DuplicateStatus, Person, PersonNameKey
from sigap.people.search import name_index_keys, nik_index


def persons_for(user: Any, action: Action = Action.VIEW) -> QuerySet[Person]:
    return scoped(user, Person, action)


def person_search(user: Any, *, nik: str = "", name: str = "") -> QuerySet[Person]:
    """Persons in the user's scope with this NIK (exact) and/or a name that sounds like `name`
    (every word of the query must match a word of the person's names or aliases)."""
    return matching(user, persons_for(user), nik=nik, name=name)


def matching(
    user: Any, persons: QuerySet[Person], *, nik: str = "", name: str = ""
) -> QuerySet[Person]:
    """Of `persons` (already limited to what the user may reach, e.g. the parties of cases in
    their scope), those with this NIK or a name that sounds like `name`, and only those
    whose identity the user may see."""
    persons = with_visible_identity(user, persons)
    if nik:
        persons = persons.filter(nik_index=nik_index(nik))
    if name:
        keys = name_index_keys(name)
        if not keys:
            return persons.none()
        # One semi-join per word, each an index lookup on (key, person): the database starts
        # from the rarest word and only checks the others for its few persons.
        for key in sorted(keys):
            persons = persons.filter(
                pk__in=PersonNameKey.objects.filter(key=key).values("person_id")
            )
    return persons


def visible_nik_match(user: Any, nik: str) -> Person | None:
    """The person in the user's sight already registered with this NIK, to offer instead of
    registering a duplicate (a match out of sight is never revealed: see
    people.services.person_create, which queues such pairs for the secretariat)."""
    if not nik_index(nik):
        return None
    return person_search(user, nik=nik).filter(nik_problem="").order_by("pk").first()


def with_visible_identity(user: Any, persons: QuerySet[Person]) -> QuerySet[Person]:
    """Only persons whose identity this user may see: a search by NIK or name must not
    confirm that an identity-protected person is registered (Law 21/2007 art. 44)."""
    scope = scope_of(user)
    if scope is None:
        return persons.none()
    if scope.role == Role.SECRETARIAT:
        return persons
    return persons.filter(Q(identity_protected=False) | Q(agency_id=scope.agency_id))


def display_name(user: Any, person: Person) -> str:
    """What this user may see as the person's name: the name, or the pseudonym (also for
    an anonymised person, whose name is gone)."""
    if person.anonymised_at is not None or not shows_real_name(scope_of(user), person):
        return person.pseudonym
    return person.full_name


def subject_access_export(person: Person) -> dict[str, Any]:
    """What SIGAP holds on a person, for their access request (UU PDP 27/2022 art. 7): the
    record itself and the history of who (which agency) did what with it, and when."""
    fields = {
        field.name: getattr(person, field.attname)
        for field in person._meta.concrete_fields
        if field.name not in {"nik_index", "created_by"}
    }
    history = [
        {
            "time": event.at.isoformat(),
            "action": event.action,
            "agency": str(event.actor.agency) if event.actor and event.actor.agency else "",
        }
        for event in AuditEvent.objects.filter(
            object_type="people.person", object_id=str(person.pk)
        )
        .select_related("actor__agency")
        .order_by("at")
    ]
    return {"person": fields, "history": history, "exported_at": timezone.now().isoformat()}


def home_actions(user: Any) -> list[HomeAction]:
    if not permits(user, Person):
        return []
    actions = [
        HomeAction(
            _("Persons"),
            _("Victims, witnesses and others: find by NIK or name, register, consent."),
            reverse("people:person_list"),
            _("Persons"),
        )
    ]
    if permits(user, DuplicateCandidate):
        waiting = scoped(user, DuplicateCandidate).filter(status=DuplicateStatus.OPEN).count()
        actions.append(
            HomeAction(
                _("Possible duplicates"),
                ngettext(
                    "%(count)d pair of records with the same NIK waits for a decision.",
                    "%(count)d pairs of records with the same NIK wait for a decision.",
                    waiting,
                )
                % {"count": waiting},
                reverse("people:duplicate_list"),
            )
        )
    return actions
