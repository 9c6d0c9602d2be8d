"""User journey: the secretariat uploads BP3MI's list of returned migrant workers as it came
(a Windows-1252 CSV with title rows, a total row and a bad row), checks the columns with the
preview, starts the import, watches its progress while the worker runs it, and downloads the
rejected rows to fix them."""

from pathlib import Path

from django.core.management import call_command
from playwright.sync_api import expect

from sigap.imports.models import MigrantReturn
from tests.browser.conftest import log_in, with_authenticator
from tests.conftest import PASSWORD, make_persona
from tests.imports import files


def test_upload_check_the_columns_watch_the_progress_and_get_the_rejected_rows(
    browser, live_server, page, screenshot, tmp_path
):
    siti = make_persona("siti")
    log_in(page, "siti", PASSWORD, device=with_authenticator(siti))
    page.get_by_role("link", name="Impor", exact=True).click()
    page.get_by_role("link", name="Unggah daftar").click()
    page.get_by_label("Berkas daftar (XLSX atau CSV)").set_input_files(
        files.csv_cp1252(tmp_path / "kepulangan-triwulan-1.csv")
    )
    page.get_by_label("Asal daftar").fill("BP3MI Kalimantan Selatan (sintetis)")
    page.get_by_role("button", name="Baca daftar").click()

    # The mapping step: what SIGAP found, and the first rows as they will be read.
    expect(page.get_by_role("heading", level=1)).to_have_text("Periksa kolom")
    expect(page.get_by_label("NAMA PMI")).to_have_value("name")
    preview = page.locator("#preview")
    expect(preview).to_contain_text("Siti Aminah")
    expect(preview).to_contain_text("Budi Santoso")
    expect(preview.locator("tr.table-danger")).to_contain_text("Tono Café")  # rejected
    screenshot(page, "31-impor-pemetaan")
    page.get_by_role("button", name="Impor daftar ini").click()

    # Queued: the page follows the import while the worker runs it.
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "queued")
    call_command("worker", "--batch", "--no-reload", "--no-startup-delay", "--verbosity", "0")
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "done", timeout=15_000)
    expect(page.locator('[data-count="imported"]')).to_have_text("5")
    expect(page.locator('[data-count="rejected"]')).to_have_text("1")
    # The page reloaded itself at the end: it lists the rows not imported, and why.
    expect(page.locator("#rows")).to_contain_text("Planet Mars")
    assert MigrantReturn.objects.count() == 5
    screenshot(page, "32-impor-selesai")

    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh baris yang ditolak").click()
    assert download.value.suggested_filename.endswith("baris-ditolak.csv")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("NO,NAMA PMI,NIK") and "Tono Café" in text
