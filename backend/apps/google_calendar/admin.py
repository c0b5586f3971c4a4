from django.contrib import admin

from .models import BusyConflict, CalendarChange, GoogleConnection


@admin.register(GoogleConnection)
class GoogleConnectionAdmin(admin.ModelAdmin):
    list_display = ["staff", "status", "calendar_name", "last_synced_at", "last_error"]
    list_filter = ["status"]
    # The tokens are never shown, even encrypted.
    exclude = ["access_token", "refresh_token", "channel_token"]
    readonly_fields = [
        field.name
        for field in GoogleConnection._meta.fields
        if field.name not in {"access_token", "refresh_token", "channel_token", "id"}
    ]


@admin.register(CalendarChange)
class CalendarChangeAdmin(admin.ModelAdmin):
    list_display = ["key", "booking", "status", "attempts", "next_attempt_at", "last_error"]
    list_filter = ["status"]
    readonly_fields = ["key", "connection", "booking", "attempts", "claimed_at", "created_at", "done_at"]


@admin.register(BusyConflict)
class BusyConflictAdmin(admin.ModelAdmin):
    list_display = ["booking", "time_off", "created_at"]
    readonly_fields = ["booking", "time_off", "created_at"]
