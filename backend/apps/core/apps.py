from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the start-up checks
        from .admin_translations import name_token_blacklist
        from .after_commit import connect_request_signals

        name_token_blacklist()
        connect_request_signals()
