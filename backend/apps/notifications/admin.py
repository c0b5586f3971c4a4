from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Notification
from .services import notification_retry


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Messages are read-only here: they are written by the services; "retry now" sends again."""

    list_display = [
        "created_at",
        "recipient_phone",
        "booking_reference",
        "event",
        "channel",
        "channel_used",
        "status",
        "attempts",
        "next_attempt_at",
    ]
    list_filter = ["status", "event", "channel", "created_at"]
    list_select_related = ["recipient", "booking"]
    date_hierarchy = "created_at"
    search_fields = ["recipient__phone_number", "booking__reference"]
    ordering = ["-created_at", "-id"]
    actions = ["retry_now"]
    readonly_fields = [
        "recipient",
        "booking",
        "event",
        "occurrence",
        "template",
        "language",
        "body",
        "channel",
        "channel_used",
        "status",
        "provider",
        "provider_message_id",
        "attempts",
        "next_attempt_at",
        "claimed_at",
        "last_error",
        "sent_at",
        "read_at",
        "created_at",
        "updated_at",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("phone number"), ordering="recipient__phone_number")
    def recipient_phone(self, notification: Notification) -> str:
        return notification.recipient.phone_number

    @admin.display(description=_("booking"), ordering="booking__reference")
    def booking_reference(self, notification: Notification) -> str:
        return notification.booking.reference if notification.booking else "-"

    @admin.action(description=_("Retry now (pending or failed messages)"), permissions=["change"])
    def retry_now(self, request, queryset):
        requested = queryset.count()
        queued = notification_retry(notification_ids=list(queryset.values_list("pk", flat=True)))
        if queued:
            message = ngettext(
                "Retried %(count)d message; its status shows the outcome.",
                "Retried %(count)d messages; their status shows the outcome.",
                queued,
            )
            self.message_user(request, message % {"count": queued}, messages.SUCCESS)
        if requested > queued:
            skipped = requested - queued
            message = ngettext(
                "%(count)d message was not retried: only pending or failed messages can be.",
                "%(count)d messages were not retried: only pending or failed messages can be.",
                skipped,
            )
            self.message_user(request, message % {"count": skipped}, messages.WARNING)
