"""core.access: scopes by role, deny by default, 404 (and an audited denial) outside scope."""

import pytest
from django.http import Http404

from sigap.core import access
from sigap.core.models import AuditEvent, Region, User
from sigap.people.models import Person
from sigap.people.services import person_create
from tests.conftest import make_persona

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(siti, rahmadi, normila):
    """One person registered by each of three agencies, in three regions."""
    return {
        "banjar_by_polres": person_create(actor=rahmadi, full_name="A", region_id="63.03.05"),
        "kalsel_by_dinsos": person_create(actor=normila, full_name="B", region_id="63.71"),
        "hsu_by_secretariat": person_create(actor=siti, full_name="C", region_id="63.08"),
        "jatim_by_secretariat": person_create(actor=siti, full_name="D", region_id="35.78"),
    }


EXPECTED = {
    "siti": {"banjar_by_polres", "kalsel_by_dinsos", "hsu_by_secretariat"},
    "rahmadi": {"banjar_by_polres"},
    "normila": {"kalsel_by_dinsos"},
    "riduan": {"hsu_by_secretariat"},
    "fauzan": set(),  # analyst: statistics only, never names
    "aisyah": set(),  # triage: public reports only
    "admin": set(),  # administrator: no case content
    "tamu": set(),  # no agency, no role
}


@pytest.mark.parametrize("username", EXPECTED)
def test_each_role_sees_exactly_the_persons_in_its_scope(records, username):
    user = User.objects.filter(username=username).first() or make_persona(username)
    visible = set(access.scoped(user, Person).values_list("pk", flat=True))
    assert visible == {records[name].pk for name in EXPECTED[username]}


def test_a_record_outside_the_scope_is_a_404_and_the_attempt_is_audited(records, rahmadi):
    target = records["kalsel_by_dinsos"]
    with pytest.raises(Http404):
        access.get_or_404(rahmadi, Person, pk=target.pk)
    denial = AuditEvent.objects.get(action="denied")
    assert denial.actor == rahmadi
    assert denial.object_id == str(target.pk)


def test_a_missing_record_is_the_same_404_without_a_denial(rahmadi):
    with pytest.raises(Http404):
        access.get_or_404(rahmadi, Person, pk=999_999)
    assert not AuditEvent.objects.filter(action="denied").exists()


def test_an_inactive_user_sees_nothing(records, siti):
    siti.is_active = False
    assert not access.scoped(siti, Person).exists()


def test_a_model_without_a_policy_is_denied_to_everyone(siti):
    assert not access.is_registered(Region)
    assert not access.scoped(siti, Region).exists()


def test_a_second_policy_for_the_same_model_is_refused():
    with pytest.raises(RuntimeError, match="already has an access policy"):
        access.register(Person)(lambda scope, queryset, action: queryset)
