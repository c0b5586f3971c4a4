from django.contrib import admin

from .models import Passkey


@admin.register(Passkey)
class PasskeyAdmin(admin.ModelAdmin):
    list_display = ["id", "user", "name", "created_at", "last_used_at", "cloned_at", "removed_at"]
    list_filter = ["cloned_at", "removed_at"]
    search_fields = ["user__phone_number"]
    readonly_fields = ["user", "credential_id", "public_key", "sign_count", "user_handle", "aaguid", "created_at"]
    raw_id_fields = ["user"]
