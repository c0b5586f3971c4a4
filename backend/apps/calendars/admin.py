from django.contrib import admin

from apps.core.admin_base import ReadOnlyAdmin

from .models import CalendarFeed


@admin.register(CalendarFeed)
class CalendarFeedAdmin(ReadOnlyAdmin):
    """Which feeds exist and when their links were reset; never the link (its owner sees it in the app)."""

    list_display = ["__str__", "kind", "salon", "staff", "language", "created_at", "rotated_at"]
    list_filter = ["kind"]
    list_select_related = ["salon", "staff"]
    fields = ["kind", "salon", "staff", "language", "created_at", "rotated_at"]
    search_fields = ["salon__name_ar", "salon__name_en", "staff__display_name"]
