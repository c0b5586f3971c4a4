"""Documents and their sequences, read-only: documents are issued by the payments' events (or
`invoices_backfill`) and never changed; a correction is a new document."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from apps.core.admin_base import ReadOnlyAdmin
from apps.core.money import format_sar

from .models import Document, DocumentSequence


@admin.register(DocumentSequence)
class DocumentSequenceAdmin(ReadOnlyAdmin):
    list_display = ["code", "salon", "next_counter", "last_hash", "updated_at"]
    search_fields = ["code", "salon__name_ar", "salon__name_en", "salon__slug"]
    list_select_related = ["salon"]


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ["number", "kind", "issued_at", "salon", "booking_reference", "buyer_name", "total_display"]
    list_filter = ["kind", "issued_at"]
    search_fields = ["number", "uuid", "booking__reference", "salon__name_ar", "salon__slug", "buyer_name"]
    list_select_related = ["salon", "booking"]
    date_hierarchy = "issued_at"
    ordering = ["-issued_at", "-counter"]
    readonly_fields = [field.name for field in Document._meta.fields]

    @admin.display(description=_("booking"), ordering="booking__reference")
    def booking_reference(self, obj: Document) -> str:
        return obj.booking.reference

    @admin.display(description=_("total including VAT (halalas)"), ordering="total")
    def total_display(self, obj: Document) -> str:
        return format_sar(obj.total)
