import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()

# No system checks run under an ASGI server: refuse dangerous production settings here (apps/core/checks.py).
from apps.core.checks import refuse_dangerous_settings  # noqa: E402

refuse_dangerous_settings()
