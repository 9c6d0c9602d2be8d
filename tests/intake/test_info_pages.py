"""Information pages: seeded in both languages, public, edited by the secretariat only."""

import pytest
from django.urls import reverse

from sigap.core.models import AuditEvent
from sigap.intake.information import load_info_pages
from sigap.intake.models import InfoPage
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_the_three_pages_are_there_in_both_languages(client):
    assert set(InfoPage.objects.values_list("slug", flat=True)) == {
        "tanda-tanda", "migrasi-aman", "bantuan"
    }  # fmt: skip
    assert load_info_pages() == 0
    page = client.get(reverse("intake:info_page", args=["bantuan"])).content.decode()
    assert "Ke mana meminta bantuan" in page and "<li>" in page and "110" in page
    client.cookies["django_language"] = "en"
    english = client.get(reverse("intake:info_page", args=["bantuan"])).content.decode()
    assert "Where to get help" in english


def test_the_secretariat_edits_a_page_and_others_may_not(client, siti, normila):
    url = reverse("intake:info_edit", args=["tanda-tanda"])
    sign_in(client, normila)
    assert client.get(url).status_code == 404
    client.logout()
    sign_in(client, siti)
    page = InfoPage.objects.get(slug="tanda-tanda")
    response = client.post(url, {
        "title_id": "Tanda bahaya", "body_id": "Paragraf satu.\n\n- butir a\n- butir b",
        "title_en": page.title_en, "body_en": page.body_en, "order": 1,
    })  # fmt: skip
    assert response.status_code == 302
    shown = client.get(reverse("intake:info_page", args=["tanda-tanda"])).content.decode()
    assert "<p>Paragraf satu.</p>" in shown and "<li>butir b</li>" in shown
    assert AuditEvent.objects.filter(object_type="intake.infopage", action="change").exists()
