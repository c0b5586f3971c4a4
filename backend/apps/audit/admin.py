from django.contrib import admin
from django.contrib.auth import get_user_model

from apps.accounts.admin import UserAdmin
from apps.core.phone_mask import mask_phone_number

from .models import AuditAction, AuditEntry
from .services import audit_record


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is evidence. Searchable by the actor's phone, the object and the address."""

    list_display = ["created_at", "salon", "actor", "action", "object_type", "object_repr", "ip_address"]
    list_filter = ["action", "object_type", "created_at"]
    search_fields = [
        "object_repr",
        "object_id",
        "actor__phone_number",
        "ip_address",
        "salon__name_ar",
        "salon__name_en",
    ]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in AuditEntry._meta.fields]
    list_select_related = ["salon", "actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class AuditedUserAdmin(UserAdmin):
    """The users admin, with every opening of a person's page recorded (accounts cannot import the audit log,
    so the audit app wraps its admin)."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            user = self.get_object(request, object_id)
            if user is not None:
                audit_record(
                    actor=request.user,
                    salon_id=None,
                    obj=user,
                    object_repr=f"{user.get_full_name()} ({mask_phone_number(user.phone_number)})",
                    action=AuditAction.VIEWED,
                    details={},
                )
        return response
