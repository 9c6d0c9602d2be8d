"""sigap import_pmi FILE: import a list of returned migrant workers (XLSX or CSV)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sigap.core.models import Agency, AgencyKind, User
from sigap.imports import reading, services
from sigap.imports.report import RowReport


class Command(BaseCommand):
    help = (
        "Import a list of returned migrant workers (kepulangan PMI) from an XLSX or CSV file: "
        "the header is found and recognised, every row normalised, duplicates and updates "
        "told apart. The last line printed is a JSON summary of the rows."
    )

    requires_system_checks = []  # a data command: starts at once

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--source", default="", help="where the list came from")
        parser.add_argument("--dry-run", action="store_true", help="decide, write nothing")
        parser.add_argument("--report", type=Path, help="write the row report (CSV) here")
        parser.add_argument(
            "--agency", help="slug of the importing agency (default: the BP3MI office)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {path}")
        actor = User.objects.system_actor()
        agency = self._agency(options["agency"])
        try:
            batch, _prepared = services.batch_start(
                path, actor=actor, agency=agency, region_code=settings.SIGAP_HOME_REGION,
                file_name=path.name, source=options["source"],
            )  # fmt: skip
            report_path: Path | None = options["report"]
            if report_path is None:
                counts = services.run(batch, path, actor=actor, dry_run=options["dry_run"])
            else:
                with report_path.open("w", encoding="utf-8", newline="") as handle:
                    counts = services.run(
                        batch, path, actor=actor, dry_run=options["dry_run"],
                        on_row=RowReport(handle),
                    )  # fmt: skip
        except reading.UnreadableFile as error:
            raise CommandError(error.message) from None
        summary = {"file": str(path), "rows": sum(counts.values()), **counts}
        self.stdout.write(json.dumps(summary, ensure_ascii=False))

    @staticmethod
    def _agency(slug: str | None) -> Agency:
        agencies = Agency.objects.all()
        if slug:
            agency = agencies.filter(slug=slug).first()
            if agency is None:
                raise CommandError(f"Instansi tidak dikenal: {slug}")
            return agency
        agency = (
            agencies.filter(kind=AgencyKind.MIGRANT_PROTECTION).order_by("pk").first()
            or agencies.filter(kind=AgencyKind.SECRETARIAT).order_by("pk").first()
        )
        if agency is None:
            raise CommandError("Belum ada instansi: jalankan `sigap load_reference` dahulu.")
        return agency
