from django.contrib import admin

from apps.core.admin_base import ReadOnlyAdmin

from .models import EgsUnit

SHOWN = [
    "salon",
    "serial",
    "state",
    "last_message",
    "last_http_status",
    "certificate_serial",
    "certificate_expires_at",
    "expiry_notice_sent_for",
    "onboarded_at",
    "created_at",
    "updated_at",
]


@admin.register(EgsUnit)
class EgsUnitAdmin(ReadOnlyAdmin):
    """Units with their state and ZATCA's messages. The key and the certificates' secrets are never
    shown, not even sealed: only the fields below exist for the admin."""

    list_display = ["__str__", "salon", "state", "certificate_expires_at", "last_http_status", "updated_at"]
    list_filter = ["state"]
    search_fields = ["salon__name_ar", "salon__name_en", "certificate_serial"]
    fields = SHOWN
    readonly_fields = SHOWN
