from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .forms import UserAddForm, UserEditForm
from .models import ConsentChoice, OTPRequest, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserEditForm
    add_form = UserAddForm
    list_display = (
        "phone_number",
        "first_name",
        "last_name",
        "role",
        "is_phone_verified",
        "is_active",
        "is_staff",
        "date_joined",
    )
    list_filter = ("role", "is_phone_verified", "is_active", "is_staff", "preferred_language")
    search_fields = ("phone_number", "first_name", "last_name", "email")
    ordering = ("-date_joined",)
    readonly_fields = ("last_login", "date_joined")
    fieldsets = (
        (None, {"fields": ("phone_number", "password")}),
        (
            _("Personal info"),
            {"fields": ("first_name", "last_name", "email", "preferred_language", "salon_alerts_by_sms")},
        ),
        (_("Role and verification"), {"fields": ("role", "is_phone_verified")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("phone_number", "usable_password", "password1", "password2"),
            },
        ),
    )


@admin.register(OTPRequest)
class OTPRequestAdmin(admin.ModelAdmin):
    """A read-only audit of sent codes. The code hash is never shown."""

    list_display = (
        "phone_number",
        "purpose",
        "channel",
        "provider",
        "status",
        "attempts",
        "ip_address",
        "created_at",
        "expires_at",
    )
    list_filter = ("purpose", "status", "channel", "provider")
    search_fields = ("phone_number",)
    date_hierarchy = "created_at"
    fields = (
        "id",
        "phone_number",
        "purpose",
        "channel",
        "provider",
        "status",
        "attempts",
        "last_failed_at",
        "ip_address",
        "ip_network",
        "created_at",
        "expires_at",
        "used_at",
        "failure_reason",
    )
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ConsentChoice)
class ConsentChoiceAdmin(admin.ModelAdmin):
    """Append-only: choices are made by the person (app, reply keyword); the admin only reads them."""

    list_display = ("user", "purpose", "channel", "granted", "at", "source", "wording_version")
    list_filter = ("purpose", "channel", "granted", "source")
    search_fields = ("user__phone_number",)
    raw_id_fields = ("user",)
    readonly_fields = ("user", "purpose", "channel", "granted", "at", "source", "wording_version")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Sign-in sessions: simplejwt's admin shows each refresh token whole on its page, which would let anyone with the
# admin sign in as that person. Imported first so that it is registered, then replaced without the token.
from rest_framework_simplejwt.token_blacklist import admin as token_blacklist_admin  # noqa: E402
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken  # noqa: E402

admin.site.unregister(OutstandingToken)


@admin.register(OutstandingToken)
class SessionTokenAdmin(token_blacklist_admin.OutstandingTokenAdmin):
    """Who signed in when, and until when; never the token itself."""

    exclude = ("token",)

    def get_readonly_fields(self, *args, **kwargs) -> list[str]:
        return [field.name for field in self.model._meta.fields if field.name != "token"]


# Authenticators and recovery codes are managed on the two-step pages (admin_two_factor.py) and reset
# with `manage.py admin_two_factor_reset`; django-otp's own pages would show the secrets.
from django_otp.plugins.otp_static.models import StaticDevice  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

for _device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device_model):
        admin.site.unregister(_device_model)
