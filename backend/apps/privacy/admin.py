from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import DataSubjectRequest, RequestStatus


class OverdueFilter(admin.SimpleListFilter):
    title = _("due date")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("no", _("Not overdue"))]

    def queryset(self, request, queryset):
        overdue = {"status": RequestStatus.RECEIVED, "due_at__lt": timezone.now()}
        if self.value() == "yes":
            return queryset.filter(**overdue)
        if self.value() == "no":
            return queryset.exclude(**overdue)
        return queryset


@admin.register(DataSubjectRequest)
class DataSubjectRequestAdmin(admin.ModelAdmin):
    """The register is evidence: it is read, never edited by hand."""

    list_display = ["requested_at", "kind", "subject_user_id", "subject", "status", "due_at", "completed_at"]
    list_filter = [OverdueFilter, "kind", "status"]
    search_fields = ["subject_user_id"]
    date_hierarchy = "requested_at"
    list_select_related = ["subject"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
