from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "sigap.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring of vulnerable groups")

    def ready(self) -> None:
        from sigap.cases.models import Case
        from sigap.core import sections
        from sigap.core.selectors import register_home_actions
        from sigap.imports import services as imports
        from sigap.monitoring import (
            access,  # noqa: F401 - registers the policies
            notices,
        )
        from sigap.monitoring.selectors import case_section, home_actions, person_section
        from sigap.monitoring.services import (
            enrol_risky_returns,
            erase_texts,
            move_enrolments,
            watched_person_ids,
        )
        from sigap.notifications.services import register_reminders
        from sigap.people import retention
        from sigap.people import services as people_services
        from sigap.people.models import Person

        imports.AFTER_CHUNK.append(enrol_risky_returns)
        people_services.MERGE_HOOKS.append(move_enrolments)
        people_services.ANONYMISE_HOOKS.append(erase_texts)
        retention.HOLDS.append(watched_person_ids)
        register_home_actions(home_actions)
        sections.register(Person, person_section)
        sections.register(Case, case_section)
        register_reminders(notices.overdue)
