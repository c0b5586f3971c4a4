import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# gunicorn runs no system checks: refuse dangerous production settings here (apps/core/checks.py).
from apps.core.checks import refuse_dangerous_settings  # noqa: E402

refuse_dangerous_settings()
