from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "sigap.coordination"
    label = "coordination"
    verbose_name = _("Coordination meetings")

    def ready(self) -> None:
        from sigap.coordination import access, timeline  # noqa: F401 - registers policies, texts
        from sigap.coordination.structure import load_task_forces
        from sigap.core.reference import register_loader

        register_loader(load_task_forces)
        from sigap.coordination.selectors import home_actions
        from sigap.core.selectors import register_home_actions

        register_home_actions(home_actions)
        from sigap.coordination import notices
        from sigap.notifications.services import register_reminders

        register_reminders(notices.overdue)
