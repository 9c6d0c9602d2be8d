"""The public pages pass an automated accessibility audit (axe-core, the rules of WCAG 2.1
levels A and AA) on a phone: the empty form, the form with its errors, the success page, the
status check, the recruiter check and the information pages."""

from pathlib import Path

import pytest

from sigap.intake.models import PlacementCompany

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "locale": "id-ID"}


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("rules => axe.run(document, rules)", RULES)["violations"]
    return [
        f"{rule['id']} ({rule['impact']}): {rule['help']} at "
        + ", ".join(" ".join(node["target"]) for node in rule["nodes"])
        for rule in found
    ]


@pytest.fixture
def phone(browser, live_server, kalsel_reference):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make setup` (npm ci installs axe-core)")
    # The audit script is added to the page, which the site's CSP would rightly refuse.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, **PHONE)
    yield context.new_page()
    context.close()


def test_the_report_form_empty_with_errors_and_sent(phone):
    phone.goto("/lapor/")
    assert violations(phone) == []
    phone.get_by_label("Apa yang terjadi?").fill(
        "Tetangga ditawari kerja di luar negeri (sintetis)."
    )
    phone.get_by_label("Ya, saya boleh dihubungi").check()  # but no number: the server says so
    phone.get_by_label("Saya setuju").check()
    phone.get_by_role("button", name="Kirim laporan").click()
    assert phone.locator(".error").count() > 0
    assert violations(phone) == []
    phone.get_by_label("Tidak, saya tetap anonim").check()
    phone.get_by_label("Saya setuju").check()
    phone.get_by_role("button", name="Kirim laporan").click()
    assert phone.locator("[data-tracking-code]").count() == 1
    assert violations(phone) == []


def test_the_status_check_the_recruiter_check_and_the_information_pages(phone):
    PlacementCompany.objects.create(
        name="PT Contoh Sintetis Sejahtera", licence_number="B.999/SINTETIS/2025",
        status="active",
    )  # fmt: skip
    phone.goto("/lapor/cek/")
    assert violations(phone) == []
    phone.get_by_label("Kode pelacakan").fill("AAAA-BBBB-CCCC")
    phone.get_by_role("button", name="Cek", exact=True).click()
    assert violations(phone) == []
    phone.goto("/cek-p3mi/?q=Contoh")
    assert phone.get_by_text("PT Contoh Sintetis Sejahtera").count() >= 1
    assert violations(phone) == []
    phone.goto("/cek-p3mi/?q=Tidak+Ada+Sama+Sekali")
    assert violations(phone) == []
    phone.goto("/info/")
    assert violations(phone) == []
    phone.goto("/info/tanda-tanda/")
    assert violations(phone) == []
