"""User management by administrators: every change needs sudo and is audited."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from sigap.core import reassign
from sigap.core.models import AuditEvent, User
from tests.conftest import sign_in, with_sudo

pytestmark = pytest.mark.django_db

NEW_USER = {
    "username": "hairul",
    "first_name": "Hairul",
    "last_name": "Anwar",
    "email": "hairul@contoh.invalid",
    "agency": "",
    "role": "agency_officer",
    "region": "HSU",
    "password": "Kata-Sandi-Awal-2026",
}


@pytest.fixture
def admin_client(client, sysadmin):
    return with_sudo(sign_in(client, sysadmin))


def agency_pk(slug):
    from sigap.core.models import Agency

    return Agency.objects.get(slug=slug).pk


def test_an_admin_creates_an_officer_with_a_region_typed_as_a_nickname(admin_client, sysadmin):
    data = {**NEW_USER, "agency": agency_pk("polres-hsu")}
    response = admin_client.post("/pengguna/baru/", data)
    user = User.objects.get(username="hairul")
    assert response["Location"] == f"/pengguna/{user.pk}/"
    assert user.region_id == "63.08" and user.agency.slug == "polres-hsu"
    assert user.check_password("Kata-Sandi-Awal-2026")
    event = AuditEvent.objects.get(action="user_create")
    assert event.actor == sysadmin and event.details["changes"]["role"]["after"] == "agency_officer"


def test_a_weak_password_and_an_unknown_region_are_explained(admin_client):
    data = {
        **NEW_USER,
        "agency": agency_pk("polres-hsu"),
        "password": "12345",
        "region": "Atlantis",
    }
    page = admin_client.post("/pengguna/baru/", data).content.decode()
    assert "Wilayah &#x27;Atlantis&#x27; tidak ditemukan" in page
    assert "terlalu pendek" in page
    assert not User.objects.filter(username="hairul").exists()


def test_changing_a_role_requires_sudo_and_is_a_role_change_event(client, sysadmin, rahmadi):
    sign_in(client, sysadmin)
    url = f"/pengguna/{rahmadi.pk}/ubah/"
    assert client.get(url)["Location"].startswith("/konfirmasi/")
    with_sudo(client)
    form = client.get(url).context["form"]
    data = {
        **form.initial,
        "agency": rahmadi.agency_id,
        "role": "regency_officer",
        "region": "63.03",
    }
    client.post(url, {k: v for k, v in data.items() if v is not None})
    rahmadi.refresh_from_db()
    assert rahmadi.role == "regency_officer"
    event = AuditEvent.objects.get(action="role_change")
    assert event.details["changes"]["role"] == {
        "before": "agency_officer",
        "after": "regency_officer",
    }


def test_deactivating_an_account_stops_its_logins(admin_client, rahmadi):
    admin_client.post(f"/pengguna/{rahmadi.pk}/status/", {"active": "0"})
    rahmadi.refresh_from_db()
    assert not rahmadi.is_active
    assert AuditEvent.objects.filter(action="user_deactivate", object_id=str(rahmadi.pk)).exists()


def test_an_admin_cannot_deactivate_themself(admin_client, sysadmin):
    admin_client.post(f"/pengguna/{sysadmin.pk}/status/", {"active": "0"})
    sysadmin.refresh_from_db()
    assert sysadmin.is_active


def test_resetting_two_factor_removes_the_devices(admin_client, rahmadi):
    TOTPDevice.objects.create(user=rahmadi, name="ponsel", confirmed=True)
    admin_client.post(f"/pengguna/{rahmadi.pk}/reset-2fa/")
    assert not TOTPDevice.objects.filter(user=rahmadi).exists()
    assert AuditEvent.objects.filter(action="2fa_reset", object_id=str(rahmadi.pk)).exists()


def test_mutasi_hands_every_kind_of_open_work_over_in_one_audited_step(
    admin_client, rahmadi, monkeypatch
):
    from tests.conftest import make_user

    colleague = make_user("gazali", role="agency_officer", agency="polres-banjar", region="63.03")
    moved = []
    monkeypatch.setattr(reassign, "_REASSIGNERS", {"cases": lambda a, b: moved.append((a, b)) or 3})
    admin_client.post(f"/pengguna/{rahmadi.pk}/mutasi/", {"to_user": colleague.pk})
    assert moved == [(rahmadi, colleague)]
    event = AuditEvent.objects.get(action="work_transfer")
    assert event.details == {"to_user": colleague.pk, "moved": {"cases": 3}}


def test_work_can_only_go_to_a_colleague_of_the_same_agency(admin_client, rahmadi, normila):
    admin_client.post(f"/pengguna/{rahmadi.pk}/mutasi/", {"to_user": normila.pk})
    assert not AuditEvent.objects.filter(action="work_transfer").exists()


def test_officers_do_not_see_user_management(client, siti):
    sign_in(client, siti)
    assert client.get("/pengguna/").status_code == 404


def test_an_admin_cannot_change_their_own_role(admin_client, sysadmin):
    form = admin_client.get(f"/pengguna/{sysadmin.pk}/ubah/").context["form"]
    data = {**form.initial, "agency": sysadmin.agency_id, "role": "secretariat", "region": "63"}
    page = admin_client.post(
        f"/pengguna/{sysadmin.pk}/ubah/", {k: v for k, v in data.items() if v is not None}
    )
    assert "tidak dapat mengubah peran" in page.content.decode()
    sysadmin.refresh_from_db()
    assert sysadmin.role == "admin"


def test_an_admin_is_staff_for_reference_data_but_never_a_superuser(admin_client, sysadmin):
    assert sysadmin.is_staff and not sysadmin.is_superuser
    assert admin_client.get("/admin/core/agency/").status_code == 200
    assert admin_client.get("/admin/core/user/").status_code == 404  # users: SIGAP's pages only


def test_an_admin_of_a_regency_manages_only_its_users(client, rahmadi, normila):
    from sigap.core.services import apply_role_rights
    from tests.conftest import make_user

    banjar_admin = make_user("adminbjr", role="admin", agency="gt-banjar", region="63.03")
    apply_role_rights(banjar_admin)
    with_sudo(sign_in(client, banjar_admin))
    assert client.get(f"/pengguna/{rahmadi.pk}/").status_code == 200  # works in Banjar
    assert client.get(f"/pengguna/{normila.pk}/").status_code == 404  # whole province
    data = {**NEW_USER, "agency": agency_pk("polres-banjar"), "region": "63"}
    page = client.post("/pengguna/baru/", data).content.decode()
    assert "di dalam wilayah kerja Anda sendiri" in page


def test_the_user_list_pages_past_fifty(admin_client):
    from tests.conftest import make_user

    for number in range(52):
        make_user(
            f"petugas{number:02d}", role="agency_officer", agency="polres-banjar", region="63.03"
        )
    page = admin_client.get("/pengguna/").content.decode()
    assert "page=2" in page
