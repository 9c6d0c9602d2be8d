from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "sigap.api"
    label = "api"
    verbose_name = _("REST API")

    def ready(self) -> None:
        from sigap.api.selectors import home_actions
        from sigap.core.selectors import register_home_actions

        register_home_actions(home_actions)
