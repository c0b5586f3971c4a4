"""The Django admin for the catalog.

A salon's page holds its services, staff and photos; a staff member's page holds the
weekly hours, special hours and time off (Django cannot nest inlines, so the staff
inline under a salon links to that page).
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from apps.core.admin_fields import LabelledTabularInline, SarAmountAdminMixin
from apps.core.money import format_sar

from .events import catalog_changed_publish
from .forms import SpecialHoursInlineFormSet, StaffMemberAdminForm, WorkingHoursInlineFormSet
from .models import (
    Salon,
    SalonPhoto,
    Service,
    ServiceCategory,
    SpecialHours,
    StaffMember,
    TimeOff,
    WorkingHours,
)

admin.site.site_header = _("Salon administration")
admin.site.site_title = _("Salon admin")
admin.site.index_title = _("Dashboard")


def _salon_id_of(obj) -> int | None:
    if isinstance(obj, Salon):
        return obj.pk
    if isinstance(obj, Service | StaffMember):
        return obj.salon_id
    staff_id = getattr(obj, "staff_id", None)
    return StaffMember.objects.filter(pk=staff_id).values_list("salon_id", flat=True).first()


class AvailabilityChangeAdminMixin:
    """An admin save or delete (with its inlines and list edits) tells the catalog's reactors, once
    per salon, that the salon's free times may have changed (`events.CatalogChanged`)."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        salon_ids = {_salon_id_of(form.instance)}
        if isinstance(form.instance, Service | StaffMember) and form.initial.get("salon"):
            salon_ids.add(form.initial["salon"])  # moved from another salon
        for salon_id in sorted(salon_id for salon_id in salon_ids if salon_id is not None):
            catalog_changed_publish(salon_id=salon_id)

    def delete_model(self, request, obj):
        salon_id = _salon_id_of(obj)
        super().delete_model(request, obj)
        if salon_id is not None:
            catalog_changed_publish(salon_id=salon_id)

    def delete_queryset(self, request, queryset):
        salon_ids = {_salon_id_of(obj) for obj in queryset}
        super().delete_queryset(request, queryset)
        for salon_id in sorted(salon_id for salon_id in salon_ids if salon_id is not None):
            catalog_changed_publish(salon_id=salon_id)


# --- Salon -----------------------------------------------------------------


PRICE_IN_SAR = {"price_amount": _("price (SAR, VAT included)")}


class ServiceInline(SarAmountAdminMixin, LabelledTabularInline):
    model = Service
    sar_fields = PRICE_IN_SAR
    fields = [
        "name_ar",
        "name_en",
        "category",
        "duration_minutes",
        "price_amount",
        "buffer_minutes",
        "is_active",
        "display_order",
    ]
    extra = 0
    show_change_link = True


class StaffMemberInline(LabelledTabularInline):
    model = StaffMember
    fields = ["display_name", "display_name_en", "title_ar", "title_en", "is_active", "display_order"]
    extra = 0
    show_change_link = True


class SalonPhotoInline(LabelledTabularInline):
    model = SalonPhoto
    fields = ["image", "caption_ar", "caption_en", "display_order"]
    extra = 0


@admin.register(Salon)
class SalonAdmin(AvailabilityChangeAdminMixin, admin.ModelAdmin):
    list_display = [
        "name_ar",
        "name_en",
        "city",
        "district_ar",
        "audience",
        "is_active",
        "requires_prepayment",
        "rating_average",
        "service_count",
        "staff_count",
    ]
    list_filter = ["city", "audience", "is_active", "requires_prepayment"]
    search_fields = ["name_ar", "name_en", "district_ar", "district_en", "slug", "phone_number"]
    prepopulated_fields = {"slug": ["name_en"]}
    filter_horizontal = ["managers"]
    readonly_fields = ["rating_average", "rating_count", "created_at", "updated_at"]
    inlines = [ServiceInline, StaffMemberInline, SalonPhotoInline]
    fieldsets = [
        (
            _("Identity"),
            {
                "fields": [
                    "name_ar",
                    "name_en",
                    "slug",
                    "description_ar",
                    "description_en",
                    "audience",
                    "phone_number",
                    "vat_number",
                    "is_active",
                ]
            },
        ),
        (
            _("Seller's national address (tax invoices)"),
            {"fields": ["cr_number", "building_number", "street", "district_name", "city_name", "postal_code"]},
        ),
        (
            _("Location"),
            {
                "fields": [
                    "city",
                    "district_ar",
                    "district_en",
                    "address_ar",
                    "address_en",
                    ("latitude", "longitude"),
                    "timezone",
                ]
            },
        ),
        (_("Photos"), {"fields": ["cover_photo"]}),
        (
            _("Booking policy"),
            {
                "fields": [
                    "requires_prepayment",
                    "hold_minutes",
                    "lead_time_minutes",
                    "booking_horizon_days",
                    "slot_step_minutes",
                    "cancellation_window_hours",
                    "confirmation_window_hours",
                    "unconfirmed_policy",
                ]
            },
        ),
        (
            _("No-show protection"),
            {
                "fields": [
                    "no_show_policy",
                    ("deposit_percent", "deposit_amount"),
                    "no_show_fee_percent",
                    "no_show_limit",
                ]
            },
        ),
        (_("Managers"), {"fields": ["managers"]}),
        (_("Ratings and record"), {"fields": ["rating_average", "rating_count", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request) -> QuerySet[Salon]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                service_total=Count("services", distinct=True),
                staff_total=Count("staff", distinct=True),
            )
        )

    @admin.display(description=_("services"), ordering="service_total")
    def service_count(self, salon: Salon) -> int:
        return salon.service_total

    @admin.display(description=_("staff"), ordering="staff_total")
    def staff_count(self, salon: Salon) -> int:
        return salon.staff_total


@admin.register(SalonPhoto)
class SalonPhotoAdmin(admin.ModelAdmin):
    list_display = ["__str__", "salon", "caption_ar", "display_order"]
    list_filter = ["salon"]
    search_fields = ["salon__name_ar", "salon__name_en", "caption_ar", "caption_en"]
    list_select_related = ["salon"]
    autocomplete_fields = ["salon"]


# --- Services --------------------------------------------------------------


@admin.register(ServiceCategory)
class ServiceCategoryAdmin(admin.ModelAdmin):
    list_display = ["name_ar", "name_en", "slug", "display_order"]
    list_editable = ["display_order"]
    search_fields = ["name_ar", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    ordering = ["display_order", "name_en"]


@admin.register(Service)
class ServiceAdmin(AvailabilityChangeAdminMixin, SarAmountAdminMixin, admin.ModelAdmin):
    sar_fields = PRICE_IN_SAR
    list_display = [
        "name_ar",
        "name_en",
        "salon",
        "category",
        "duration_minutes",
        "price",
        "buffer_minutes",
        "is_active",
        "display_order",
    ]
    list_editable = ["is_active", "display_order"]
    list_filter = ["salon", "category", "is_active"]
    search_fields = ["name_ar", "name_en", "salon__name_ar", "salon__name_en"]
    list_select_related = ["salon", "category"]
    autocomplete_fields = ["salon"]
    ordering = ["salon__name_ar", "display_order", "id"]

    @admin.display(description=_("price"), ordering="price_amount")
    def price(self, service: Service) -> str:
        return format_sar(service.price_amount)


# --- Staff and their hours -------------------------------------------------


class WorkingHoursInline(LabelledTabularInline):
    model = WorkingHours
    formset = WorkingHoursInlineFormSet
    fields = ["weekday", "start_time", "end_time"]
    extra = 1


class SpecialHoursInline(LabelledTabularInline):
    model = SpecialHours
    formset = SpecialHoursInlineFormSet
    fields = ["date", "start_time", "end_time", "note"]
    extra = 0


class TimeOffInline(LabelledTabularInline):
    model = TimeOff
    fields = ["start", "end", "reason"]
    extra = 0


@admin.register(StaffMember)
class StaffMemberAdmin(AvailabilityChangeAdminMixin, admin.ModelAdmin):
    form = StaffMemberAdminForm
    list_display = ["display_name", "display_name_en", "salon", "title_ar", "is_active", "user"]
    list_filter = ["salon", "is_active"]
    search_fields = ["display_name", "display_name_en", "user__phone_number"]
    list_select_related = ["salon", "user"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["services"]
    inlines = [WorkingHoursInline, SpecialHoursInline, TimeOffInline]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "services":
            kwargs["queryset"] = self._offerable_services(request)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _offerable_services(self, request) -> QuerySet[Service]:
        """The edited staff member's salon's services; on the add page, every salon's
        (the form then refuses services of another salon than the one chosen)."""
        services = Service.objects.select_related("salon").order_by("salon__name_ar", "display_order", "id")
        object_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
        staff = self.get_object(request, unquote(object_id)) if object_id else None
        return services.filter(salon_id=staff.salon_id) if staff else services


@admin.register(WorkingHours)
class WorkingHoursAdmin(AvailabilityChangeAdminMixin, admin.ModelAdmin):
    list_display = ["staff", "salon", "weekday", "start_time", "end_time"]
    list_filter = ["weekday", "staff__salon"]
    search_fields = ["staff__display_name", "staff__salon__name_ar", "staff__salon__name_en"]
    list_select_related = ["staff__salon"]
    autocomplete_fields = ["staff"]

    @admin.display(description=_("salon"), ordering="staff__salon__name_ar")
    def salon(self, hours: WorkingHours) -> Salon:
        return hours.staff.salon


@admin.register(SpecialHours)
class SpecialHoursAdmin(AvailabilityChangeAdminMixin, admin.ModelAdmin):
    list_display = ["staff", "salon", "date", "start_time", "end_time", "note"]
    list_filter = ["date", "staff__salon"]
    search_fields = ["staff__display_name", "note"]
    list_select_related = ["staff__salon"]
    autocomplete_fields = ["staff"]
    date_hierarchy = "date"

    @admin.display(description=_("salon"), ordering="staff__salon__name_ar")
    def salon(self, hours: SpecialHours) -> Salon:
        return hours.staff.salon


@admin.register(TimeOff)
class TimeOffAdmin(AvailabilityChangeAdminMixin, admin.ModelAdmin):
    list_display = ["staff", "salon", "start", "end", "reason"]
    list_filter = ["staff__salon", "start"]
    search_fields = ["staff__display_name", "reason"]
    list_select_related = ["staff__salon"]
    autocomplete_fields = ["staff"]
    date_hierarchy = "start"

    @admin.display(description=_("salon"), ordering="staff__salon__name_ar")
    def salon(self, time_off: TimeOff) -> Salon:
        return time_off.staff.salon
