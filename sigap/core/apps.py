from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "sigap.core"
    label = "core"
    verbose_name = _("Core and reference data")

    def ready(self) -> None:
        from sigap.core import checks, lookups, policies, signals  # noqa: F401 - registers them
