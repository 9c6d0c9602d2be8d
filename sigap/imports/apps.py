from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "sigap.imports"
    label = "imports"
    verbose_name = _("Imports")

    def ready(self) -> None:
        from sigap.core import sections
        from sigap.core.selectors import register_home_actions
        from sigap.imports import (
            access,  # noqa: F401 - registers the policies
            retention,  # noqa: F401 - registers the rule
        )
        from sigap.imports.selectors import home_actions, person_section
        from sigap.people.models import Person

        register_home_actions(home_actions)
        sections.register(Person, person_section)
