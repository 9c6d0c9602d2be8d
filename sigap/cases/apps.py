from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "sigap.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from sigap.cases import access  # noqa: F401 - registers the access policy
