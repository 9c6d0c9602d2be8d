from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "sigap.intake"
    label = "intake"
    verbose_name = _("Public reports")

    def ready(self) -> None:
        from sigap.core.selectors import register_home_actions
        from sigap.intake import access  # noqa: F401 - registers the policies
        from sigap.intake.selectors import home_actions

        register_home_actions(home_actions)
