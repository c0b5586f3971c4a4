"""Admin forms for users whose login name is a phone number."""

from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from .models import User
from .phone import normalize_phone_number


class PhoneNumberCleaningMixin:
    """Store whatever the admin types (05…, +966…, Arabic-Indic digits) as E.164."""

    def clean_phone_number(self) -> str:
        return normalize_phone_number(self.cleaned_data["phone_number"])


class UserAddForm(PhoneNumberCleaningMixin, AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("phone_number",)


class UserEditForm(PhoneNumberCleaningMixin, UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"
