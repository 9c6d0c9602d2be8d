from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "sigap.people"
    label = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        from sigap.core.selectors import register_home_actions
        from sigap.people import access, retention  # noqa: F401 - register policy and rule
        from sigap.people.selectors import home_actions

        register_home_actions(home_actions)
