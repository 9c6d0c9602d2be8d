"""The import benchmark's synthetic list is one SIGAP reads in full: every row a return, every
NIK valid, the total row skipped (so the benchmark measures imports, not rejections)."""

import io
import json

import pytest
from django.core.management import call_command

from bench.imports import synthetic_rows, write_csv, write_xlsx

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_the_benchmark_list_imports_completely(tmp_path, writer):
    path = writer(tmp_path / f"list.{'csv' if writer is write_csv else 'xlsx'}", synthetic_rows(60))
    report = tmp_path / "report.csv"
    out = io.StringIO()
    call_command("import_pmi", str(path), "--dry-run", "--report", str(report), stdout=out)
    summary = json.loads(out.getvalue().strip().splitlines()[-1])
    assert (summary["imported"], summary["skipped"], summary["rejected"]) == (60, 1, 0)
    assert report.read_text().count(",true,") == 60  # every NIK valid
