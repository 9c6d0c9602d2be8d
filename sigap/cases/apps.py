from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "sigap.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from sigap.cases import access
        from sigap.cases.selectors import home_actions, person_section
        from sigap.cases.services import (
            move_parties,
            open_case_person_ids,
            reassign_open_cases,
            refresh_child_victim_of,
        )
        from sigap.core import reassign, sections
        from sigap.core.selectors import register_home_actions
        from sigap.people import access as people_access
        from sigap.people import retention
        from sigap.people import services as people_services
        from sigap.people.models import Person

        reassign.register("cases", reassign_open_cases)
        retention.HOLDS.append(open_case_person_ids)
        people_access.VISIBILITY.append(access.persons_in_visible_cases)
        register_home_actions(home_actions)
        sections.register(Person, person_section)
        people_services.BIRTH_DATE_CHANGED.append(refresh_child_victim_of)
        people_services.MERGE_HOOKS.append(move_parties)
