from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.core.admin_fields import sar_display
from apps.core.exceptions import AppError
from apps.core.money import format_sar

from .models import Booking, BookingEvent, Review, SalonCustomer
from .services import booking_cancel


class BookingActionForm(ActionForm):
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class BookingEventInline(admin.TabularInline):
    model = BookingEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "from_status", "to_status", "actor", "reason", "data"]
    readonly_fields = fields
    ordering = ["created_at", "id"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Bookings are read-only here: every change goes through the services (cancel is an action)."""

    list_display = ["reference", "customer_phone", "salon", "service", "staff", "local_start", "status", "price"]
    list_filter = ["status", "salon", "staff", "start"]
    list_select_related = ["customer", "salon", "service", "staff"]
    date_hierarchy = "start"
    search_fields = ["reference", "customer__phone_number"]
    ordering = ["-start"]
    inlines = [BookingEventInline]
    action_form = BookingActionForm
    actions = ["cancel_bookings"]
    readonly_fields = [
        "reference",
        "customer",
        "salon",
        "service",
        "staff",
        "start",
        "end",
        "buffer_minutes",
        "blocked_until",
        "price_sar",
        "currency",
        "status",
        "note",
        "hold_expires_at",
        "created_by",
        "cancelled_by",
        "cancelled_by_role",
        "cancellation_reason",
        "cancelled_at",
        "created_at",
        "updated_at",
    ]
    fields = readonly_fields
    price_sar = sar_display("price_amount", _("price"))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("customer phone"), ordering="customer__phone_number")
    def customer_phone(self, booking: Booking) -> str:
        return booking.customer.phone_number

    @admin.display(description=_("start (salon time)"), ordering="start")
    def local_start(self, booking: Booking) -> str:
        return date_format(booking.start.astimezone(booking.salon.tz), "Y-m-d H:i")

    @admin.display(description=_("price"), ordering="price_amount")
    def price(self, booking: Booking) -> str:
        return format_sar(booking.price_amount)

    @admin.action(description=_("Cancel selected bookings (give a reason)"), permissions=["change"])
    def cancel_bookings(self, request, queryset):
        reason = request.POST.get("reason", "").strip()
        cancelled = 0
        for booking in queryset.order_by("pk"):
            try:
                booking_cancel(booking_id=booking.pk, actor=request.user, reason=reason, as_admin=True)
            except AppError as exc:
                self.message_user(request, f"{booking.reference}: {exc.message}", messages.ERROR)
            else:
                cancelled += 1
        if cancelled:
            message = ngettext("Cancelled %(count)d booking.", "Cancelled %(count)d bookings.", cancelled)
            self.message_user(request, message % {"count": cancelled}, messages.SUCCESS)


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["booking", "salon", "customer", "rating", "created_at"]
    list_filter = ["rating", "salon"]
    list_select_related = ["booking", "salon", "customer"]
    search_fields = ["booking__reference", "customer__phone_number", "comment"]
    date_hierarchy = "created_at"
    readonly_fields = ["booking", "salon", "customer", "rating", "comment", "created_at"]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting a review would leave the salon's rating stale.
        return False


@admin.register(SalonCustomer)
class SalonCustomerAdmin(admin.ModelAdmin):
    """A salon's notes, tags and block of a customer; its managers change them in the back office."""

    list_display = ["customer", "salon", "blocked", "updated_at"]
    list_filter = ["blocked"]
    list_select_related = ["customer", "salon"]
    search_fields = ["customer__phone_number", "salon__name_ar", "salon__name_en"]
    raw_id_fields = ["customer", "salon"]
