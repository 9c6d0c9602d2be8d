"""Coordination meetings: who may organise, every action-item transition allowed and refused
per role, progress with evidence, carry-over of open items to the next meeting, and the
follow-up board (open, overdue, done)."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sigap.coordination import selectors, services
from sigap.coordination.models import ActionItem, ActionStatus
from sigap.coordination.services import TRANSITIONS, CoordinationError
from sigap.core.access import scoped
from sigap.core.models import Agency, AuditEvent
from tests.conftest import make_persona

pytestmark = pytest.mark.django_db
A = ActionStatus


@pytest.fixture
def dinsos():
    return Agency.objects.get(slug="dinsos-kalsel")


@pytest.fixture
def rakor(siti):
    return services.meeting_create(
        actor=siti,
        title="Rakor Gugus Tugas TPPO Provinsi (sintetis)",
        level="province",
        region_id="63",
        held_on=date(2024, 11, 28),
        place="Banjarbaru",
    )


def item_for(siti, meeting, owner, due=None, what="Susun data korban (sintetis)."):
    return services.action_item_add(
        actor=siti,
        meeting=meeting,
        what=what,
        owner=owner,
        due_on=due or meeting.held_on + timedelta(days=14),
    )


def test_only_organisers_create_meetings_and_items(siti, rahmadi, rakor, dinsos):
    with pytest.raises(CoordinationError, match="not_organiser"):
        services.meeting_create(
            actor=rahmadi, title="x", level="regency", region_id="63.03", held_on=date(2024, 1, 1)
        )
    with pytest.raises(CoordinationError, match="not_organiser"):
        services.action_item_add(
            actor=rahmadi, meeting=rakor, what="x", owner=dinsos, due_on=date(2024, 12, 1)
        )
    item = item_for(siti, rakor, dinsos)
    assert item.status == A.OPEN and item.updates.get().after == A.OPEN
    assert AuditEvent.objects.filter(object_type="coordination.actionitem").exists()


@pytest.mark.parametrize(
    ("start", "target"), [(a, b) for a in A.values for b in A.values if a != b and b != "open"]
)
def test_every_action_item_transition_is_allowed_or_refused_per_role(
    siti, normila, rakor, dinsos, start, target
):
    item = item_for(siti, rakor, dinsos)
    closed = timezone.now() if start in (A.DONE, A.DROPPED) else None
    ActionItem.objects.filter(pk=item.pk).update(status=start, closed_at=closed)
    rahmadi = make_persona("rahmadi")  # Polres: not the owner, not an organiser
    with pytest.raises(CoordinationError, match="not_owner"):
        services.action_item_update(actor=rahmadi, item=item, status=target, note="n")
    allowed = target in TRANSITIONS[start]
    owner_may = allowed and target != A.DROPPED
    if owner_may:
        services.action_item_update(actor=normila, item=item, status=target, note="Progres.")
    elif allowed:  # dropping: the organisers only, with a reason
        with pytest.raises(CoordinationError, match="drop_by_organiser"):
            services.action_item_update(actor=normila, item=item, status=target, note="x")
        with pytest.raises(CoordinationError, match="drop_by_organiser"):
            services.action_item_update(actor=siti, item=item, status=target)
        services.action_item_update(actor=siti, item=item, status=target, note="Tidak relevan.")
    else:
        with pytest.raises(CoordinationError, match="wrong_state"):
            services.action_item_update(actor=siti, item=item, status=target, note="x")
    item.refresh_from_db()
    assert item.status == (target if allowed else start)
    assert (item.closed_at is not None) == (item.status in (A.DONE, A.DROPPED))


def test_progress_with_evidence_is_checked_and_stored_encrypted(
    siti, normila, rakor, dinsos, settings
):
    item = item_for(siti, rakor, dinsos)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    update = services.action_item_update(
        actor=normila,
        item=item,
        status=A.IN_PROGRESS,
        note="Data 7 korban dari Arab Saudi sudah dihimpun (sintetis).",
        evidence=SimpleUploadedFile("rekap.pdf", pdf),
    )
    assert update.evidence_type == "application/pdf" and "rekap" not in update.evidence.name
    stored = (settings.MEDIA_ROOT / update.evidence.name).read_bytes()
    assert pdf not in stored
    from sigap.core.uploads import RejectedUpload

    with pytest.raises(RejectedUpload):
        services.action_item_update(
            actor=normila, item=item, note="x", evidence=SimpleUploadedFile("a.pdf", b"MZ" * 9)
        )


def test_open_items_are_carried_over_to_the_next_meeting(siti, normila, rakor, dinsos):
    still_open = item_for(siti, rakor, dinsos, what="Koordinasi pemulangan (sintetis).")
    done = item_for(siti, rakor, dinsos, what="Undang BP3MI (sintetis).")
    services.action_item_update(actor=normila, item=done, status=A.DONE, note="Sudah.")
    finished_on = timezone.make_aware(timezone.datetime(2024, 12, 2, 10, 0))
    ActionItem.objects.filter(pk=done.pk).update(closed_at=finished_on)  # done before the next
    regency = services.meeting_create(
        actor=make_persona("riduan"),
        title="Rakor HSU (sintetis)",
        level="regency",
        region_id="63.08",
        held_on=date(2024, 12, 20),
    )
    nxt = services.meeting_create(
        actor=siti,
        title="Rakor berikutnya",
        level="province",
        region_id="63",
        held_on=date(2025, 1, 15),
    )
    assert list(selectors.carried_over(nxt)) == [still_open]
    assert list(selectors.carried_over(regency)) == []  # another region and level
    assert list(selectors.carried_over(rakor)) == []  # nothing before the first
    ActionItem.objects.filter(pk=done.pk).update(closed_at=timezone.now())
    assert set(selectors.carried_over(nxt)) == {still_open, done}  # done only after it


def test_the_follow_up_board_counts_open_overdue_and_done(siti, normila, rakor, dinsos):
    today = timezone.localdate()
    item_for(siti, rakor, dinsos, due=today - timedelta(days=3))  # overdue
    item_for(siti, rakor, dinsos, due=today + timedelta(days=3))
    finished = item_for(siti, rakor, dinsos, due=today - timedelta(days=10))
    services.action_item_update(actor=normila, item=finished, status=A.DONE, note="Selesai.")
    assert selectors.agency_board(normila, dinsos.pk) == selectors.Board(open=2, overdue=1, done=1)
    assert selectors.meeting_board(siti, rakor) == selectors.Board(open=2, overdue=1, done=1)
    # Dinsos sees its items and the meeting they came from; Polres sees neither
    rahmadi = make_persona("rahmadi")
    from sigap.coordination.models import Meeting

    assert scoped(normila, Meeting).filter(pk=rakor.pk).exists()
    assert not scoped(rahmadi, Meeting).filter(pk=rakor.pk).exists()
    assert not scoped(rahmadi, ActionItem).exists()


def test_the_minutes_and_attendance_are_recorded_encrypted_by_the_organisers(
    client, siti, normila, rakor, dinsos
):
    from django.db import connection

    from tests.conftest import sign_in

    sign_in(client, normila)  # attends, does not organise
    client.post(f"/rakor/{rakor.pk}/notulen/", {"minutes": "x", "agencies": [dinsos.pk]})
    rakor.refresh_from_db()
    assert rakor.minutes == ""
    sign_in(client, siti)
    client.post(
        f"/rakor/{rakor.pk}/notulen/",
        {
            "minutes": "Dibahas pemulangan korban Masitah (sintetis).",
            "agencies": [dinsos.pk, siti.agency_id],
            "attendees": [normila.pk],
        },
    )
    rakor.refresh_from_db()
    assert rakor.minutes.startswith("Dibahas") and set(rakor.agencies.all()) >= {dinsos}
    assert list(rakor.attendees.all()) == [normila]
    with connection.cursor() as cursor:
        cursor.execute("SELECT minutes FROM coordination_meeting WHERE id = %s", [rakor.pk])
        assert "Masitah" not in cursor.fetchone()[0]
    page = client.get(f"/rakor/{rakor.pk}/").content.decode()
    assert "Dibahas pemulangan korban Masitah" in page
