"""The import pages: upload a list, check its columns with a preview, import it in the
background, follow its progress and download the row report and the rejected rows; all of
it within the officer's scope, and audited."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sigap.core.models import AuditEvent
from sigap.imports import services
from sigap.imports.models import ImportBatch, MigrantReturn
from tests.conftest import sign_in
from tests.imports import files

pytestmark = pytest.mark.django_db


def upload(client, tmp_path, name="kepulangan.csv"):
    content = files.csv_cp1252(tmp_path / name).read_bytes()
    return client.post(
        reverse("imports:upload"),
        {"file": SimpleUploadedFile(name, content), "source": "BP3MI (sintetis)"},
    )


def mapping_data(batch, **changes):
    by_column = {column: name for name, column in batch.mapping.items()}
    data = {f"column_{n}": by_column.get(n, "") for n in range(len(batch.headers))}
    return {**data, **changes}


def test_an_officer_uploads_checks_the_columns_and_imports_a_list(client, siti, tmp_path):
    sign_in(client, siti)
    response = upload(client, tmp_path)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("imports:mapping", args=[batch.pk])
    assert batch.status == "mapping" and batch.content and batch.agency_id == siti.agency_id
    page = client.get(response.url).content.decode()
    assert "Siti Aminah" in page and "6,30301E+15" in page  # the preview, with its warning
    assert batch.mapping["name"] == 1 and '<option value="name" selected>' in page
    confirmed = client.post(response.url, {**mapping_data(batch), "confirm": "1"})
    assert confirmed.status_code == 302
    batch.refresh_from_db()
    assert batch.status == "queued" and not MigrantReturn.objects.exists()
    poll = reverse("imports:progress", args=[batch.pk])
    waiting = client.get(poll, headers={"HX-Request": "true"})
    assert "every 1s" in waiting.content.decode() and "HX-Refresh" not in waiting
    services.batch_run_queued(batch.pk)  # what the worker runs
    ended = client.get(poll, headers={"HX-Request": "true"})
    assert ended["HX-Refresh"] == "true"  # the page reloads, with the rows not imported
    batch.refresh_from_db()
    assert batch.status == "done" and batch.imported == 5 and batch.rejected == 1
    assert batch.rows_done == batch.rows_total > 0 and not batch.content  # the file is gone
    detail = client.get(reverse("imports:batch_detail", args=[batch.pk])).content.decode()
    assert 'data-status="done"' in detail and 'data-count="imported">5<' in detail
    assert "Planet Mars" in detail and ".; " not in detail  # reasons read as sentences
    report = client.get(reverse("imports:report_download", args=[batch.pk]))
    lines = list(csv.DictReader(io.StringIO(report.content.decode("utf-8-sig"))))
    assert len(lines) == 10 and lines[0]["name"] == "Siti Aminah"
    rejected = client.get(reverse("imports:rejected_download", args=[batch.pk]))
    rows = list(csv.reader(io.StringIO(rejected.content.decode("utf-8-sig"))))
    assert rows[0][1] == "NAMA PMI" and rows[1][1] == "Tono Café" and len(rows) == 2
    exports = AuditEvent.objects.filter(action="export", object_id=str(batch.pk))
    assert sorted(e.details["what"] for e in exports) == ["rejected", "report"]


def test_a_wrong_mapping_is_explained_and_corrected_before_anything_is_imported(
    client, siti, tmp_path
):
    sign_in(client, siti)
    batch = ImportBatch.objects.get(pk=upload(client, tmp_path).url.split("/")[-3])
    name_column = batch.mapping["name"]
    response = client.post(
        reverse("imports:mapping", args=[batch.pk]),
        {**mapping_data(batch, **{f"column_{name_column}": ""}), "confirm": "1"},
    )
    assert response.status_code == 400 and "kolom yang berisi nama" in response.content.decode()
    twice = mapping_data(batch, **{f"column_{batch.mapping['nik']}": "name"})
    response = client.post(reverse("imports:mapping", args=[batch.pk]), {**twice, "confirm": "1"})
    assert response.status_code == 400 and "Dua kolom" in response.content.decode()
    batch.refresh_from_db()
    assert batch.status == "mapping"


def test_a_file_that_is_not_a_list_is_refused_on_upload(client, siti):
    sign_in(client, siti)
    response = client.post(
        reverse("imports:upload"),
        {"file": SimpleUploadedFile("foto.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)},
    )
    assert response.status_code == 400 and "bukan lembar kerja" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_batches_stay_in_the_scope_of_who_imported_them(client, siti, normila, fauzan, tmp_path):
    sign_in(client, siti)
    batch_url = reverse("imports:mapping", args=[upload(client, tmp_path).url.split("/")[-3]])
    sign_in(client, normila)  # another agency
    assert client.get(batch_url).status_code == 404
    assert "kepulangan.csv" not in client.get(reverse("imports:batch_list")).content.decode()
    sign_in(client, fauzan)  # an analyst sees no identities
    assert client.get(reverse("imports:batch_list")).status_code == 404
