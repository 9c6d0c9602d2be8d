"""User journey: the secretariat holds a rakor with two action items for Dinas Sosial, one of
them already overdue; Dinsos sees both on its follow-up board, the overdue one first."""

from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import log_in, with_authenticator
from tests.conftest import PASSWORD, make_persona


def test_a_rakor_with_two_action_items_one_overdue_on_the_board(
    browser, live_server, page, screenshot
):
    siti, normila = make_persona("siti"), make_persona("normila")
    siti_device, normila_device = with_authenticator(siti), with_authenticator(normila)
    today = timezone.localdate()

    log_in(page, "siti", PASSWORD, device=siti_device)
    page.get_by_role("link", name="Rakor", exact=True).click()
    page.get_by_role("link", name="Rencanakan rapat").click()
    page.get_by_label("Judul").fill("Rakor Gugus Tugas TPPO Provinsi (sintetis)")
    page.get_by_label("Tingkat").select_option("province")
    page.get_by_label("Wilayah").fill("63")
    page.get_by_label("Tanggal").fill((today - timedelta(days=30)).strftime("%d/%m/%Y"))
    page.get_by_label("Tempat").fill("Banjarbaru")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rakor Gugus Tugas")

    for what, due in (
        ("Himpun data 7 korban dari Arab Saudi (sintetis).", today - timedelta(days=5)),
        ("Siapkan rumah aman untuk korban anak (sintetis).", today + timedelta(days=10)),
    ):
        page.get_by_label("Tindakan").fill(what)
        page.get_by_label("Instansi penanggung jawab").select_option(label="Dinsos Kalsel")
        page.get_by_label("Tenggat").fill(due.strftime("%d/%m/%Y"))
        page.get_by_role("button", name="Tambah", exact=True).click()
    expect(page.locator("#meeting-board")).to_contain_text("2 terbuka")
    expect(page.locator("#meeting-board")).to_contain_text("1 melewati tenggat")
    screenshot(page, "18-rakor")
    with page.expect_download() as download:
        page.get_by_role("link", name="Notulen (PDF)").click()
    assert download.value.suggested_filename.startswith("notulen-rakor-")
    assert Path(download.value.path()).read_bytes()[:5] == b"%PDF-"

    # The task force itself: its sub-task-forces and members.
    page.goto("/gugus-tugas/")
    page.get_by_role("link", name="Gugus Tugas PP-TPPO Kalimantan Selatan").click()
    expect(page.get_by_role("heading", name="Sub Gugus Tugas Penegakan Hukum")).to_be_visible()
    screenshot(page, "19-gugus-tugas")

    other = browser.new_context(base_url=live_server.url, locale="id-ID")
    other.set_default_timeout(10_000)
    tab = other.new_page()
    log_in(tab, "normila", PASSWORD, device=normila_device)
    tab.goto("/tindak-lanjut/")
    expect(tab.locator("#agency-board")).to_contain_text("1 melewati tenggat")
    rows = tab.get_by_role("row")
    expect(rows.nth(1)).to_contain_text("Himpun data 7 korban")
    expect(rows.nth(1)).to_contain_text("Melewati tenggat")
    expect(rows.nth(2)).to_contain_text("rumah aman")
    screenshot(tab, "16-tindak-lanjut")
    tab.get_by_role("link", name="Kotak masuk", exact=True).click()
    items = tab.locator("#inbox-items tbody tr")
    expect(items.first).to_contain_text("Himpun data 7 korban")
    expect(items.first).to_contain_text("Melewati tenggat")
    screenshot(tab, "20-kotak-masuk")
    other.close()
