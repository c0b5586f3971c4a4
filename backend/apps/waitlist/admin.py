from django.contrib import admin

from apps.core.admin_base import ReadOnlyAdmin

from .models import WaitlistEntry, WaitlistOffer


@admin.register(WaitlistEntry)
class WaitlistEntryAdmin(ReadOnlyAdmin):
    list_display = ("id", "customer", "salon", "service", "staff", "date_from", "date_to", "status", "created_at")
    list_filter = ("status",)
    list_select_related = ("customer", "salon", "service", "staff")


@admin.register(WaitlistOffer)
class WaitlistOfferAdmin(ReadOnlyAdmin):
    list_display = ("id", "entry", "booking", "start", "expires_at", "outcome", "created_at")
    list_filter = ("outcome",)
    list_select_related = ("booking",)
