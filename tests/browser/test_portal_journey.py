"""A community member on a cheap phone: reports a suspicion with and without JavaScript,
anonymously and with a contact, keeps the tracking code and checks the report with it; the
quick-exit button leaves the site at once."""

import re

from playwright.sync_api import expect

from sigap.intake.models import PublicReport

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "locale": "id-ID"}


def report_and_check(page, *, contact: bool, javascript: bool = True) -> str:
    page.goto("/lapor/")
    page.get_by_label("Apa yang terjadi?").fill(
        "Adik saya dijanjikan kerja di restoran di Malaysia, paspornya ditahan agen (sintetis)."
    )
    page.get_by_label("Kabupaten atau kota").select_option(label="Kabupaten Hulu Sungai Utara")
    if javascript:  # the districts and villages of the regency are offered while typing
        expect(page.locator("#place-suggestions option").first).to_be_attached()
        assert page.locator("#place-suggestions option").count() > 100
    page.get_by_label("Kecamatan dan desa").fill("Amuntai Tengah")
    page.get_by_label("Ada yang dalam bahaya sekarang").check()
    if contact:
        page.get_by_label("Ya, saya boleh dihubungi").check()
        page.get_by_label("Nomor WhatsApp").fill("0812 3456 7890")
    page.get_by_label("Saya setuju").check()
    page.get_by_role("button", name="Kirim laporan").click()
    code = page.locator("[data-tracking-code]")
    expect(code).to_have_text(re.compile(r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$"))
    text = code.inner_text()
    page.get_by_role("link", name="Cek laporan dengan kodenya").click()
    page.get_by_label("Kode pelacakan").fill(text.lower())
    page.get_by_role("button", name="Cek", exact=True).click()
    expect(page.locator("[data-status]")).to_have_text("Diterima")
    return text


def test_a_report_from_a_phone_with_javascript_and_a_contact(
    browser, live_server, kalsel_reference, screenshot
):
    context = browser.new_context(base_url=live_server.url, **PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/lapor/")
    screenshot(page, "21-lapor")
    report_and_check(page, contact=True)
    screenshot(page, "22-cek-laporan")
    report = PublicReport.objects.get()
    assert report.contact_whatsapp == "+6281234567890" and report.urgent
    # Quick exit: the page is replaced, and Back does not return to the report.
    page.route("https://www.bmkg.go.id/**", lambda route: route.fulfill(body="cuaca"))
    page.get_by_role("link", name="Keluar cepat").click()
    expect(page).to_have_url("https://www.bmkg.go.id/")
    context.close()
    assert not errors


def test_a_report_from_a_phone_without_javascript_stays_anonymous(
    browser, live_server, kalsel_reference
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, **PHONE)
    page = context.new_page()
    report_and_check(page, contact=False, javascript=False)
    report = PublicReport.objects.get()
    assert report.anonymous and report.contact_whatsapp == "" and report.regency_id == "63.08"
    context.close()
