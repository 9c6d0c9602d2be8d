from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "sigap.coordination"
    label = "coordination"
    verbose_name = _("Coordination meetings")

    def ready(self) -> None:
        from sigap.coordination import access, notices, timeline  # noqa: F401 - policies, texts
        from sigap.coordination.selectors import home_actions
        from sigap.coordination.structure import load_task_forces
        from sigap.core.reference import register_loader
        from sigap.core.selectors import register_home_actions
        from sigap.notifications.services import register_reminders

        register_home_actions(home_actions)
        register_reminders(notices.overdue)
        register_loader(load_task_forces)
