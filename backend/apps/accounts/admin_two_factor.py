"""Two-step sign-in for the Django admin: a TOTP authenticator app (django-otp), with recovery codes.

After the password (`/admin/login/`), a staff user with a confirmed authenticator is sent to
`/admin/two-factor/verify/` until they type its current code (or one of their recovery codes); one
without an authenticator may add one at `/admin/two-factor/setup/` (a QR code for the app, then a code
to confirm it, then ten single-use recovery codes shown once). With ADMIN_REQUIRE_TWO_FACTOR (default:
DJANGO_SECURE) a staff user cannot use the admin without it. Wrong codes are throttled by django-otp
(a doubling delay per device). An operator who lost their phone and codes is reset with
`manage.py admin_two_factor_reset <phone>`.
"""

import logging
import secrets

import segno
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.core.phone_mask import mask_phone_number

logger = logging.getLogger(__name__)
RECOVERY_CODES = 10
AUTHENTICATOR_NAME = "authenticator"
RECOVERY_NAME = "recovery"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def confirmed_devices(user) -> list:
    return [
        *TOTPDevice.objects.filter(user=user, confirmed=True),
        *StaticDevice.objects.filter(user=user, confirmed=True),
    ]


def _verify(user, code: str):
    """The confirmed device the code is right for, or None (each device throttles its own failures)."""
    code = code.replace(" ", "")
    for device in confirmed_devices(user):
        if device.verify_token(code):
            return device
    return None


@staff_member_required
def verify_view(request):
    if request.user.is_verified():
        return redirect(reverse("admin:index"))
    if not confirmed_devices(request.user):
        return redirect(reverse("admin-two-factor-setup"))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = _verify(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            logger.info("Admin two-step sign-in for %s", mask_phone_number(request.user.phone_number))
            return redirect(_safe_next(request.GET.get("next", "")))
        logger.warning("Admin two-step code refused for %s", mask_phone_number(request.user.phone_number))
        form.add_error("code", _("The code is wrong or has expired. Try the current one."))
    context = {**admin.site.each_context(request), "form": form, "title": _("Two-step sign-in")}
    return render(request, "admin/two_factor/verify.html", context)


def _safe_next(target: str) -> str:
    """Only a path of the admin itself: never another site."""
    if target.startswith("/admin/") and not target.startswith("//"):
        return target
    return reverse("admin:index")


@staff_member_required
def setup_view(request):
    if confirmed_devices(request.user) and not request.user.is_verified():
        return redirect(reverse("admin-two-factor-verify"))
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, name=AUTHENTICATOR_NAME, confirmed=False, defaults={}
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            codes = _confirm(device)
            otp_login(request, device)
            logger.info("Admin authenticator added for %s", mask_phone_number(request.user.phone_number))
            context = {**admin.site.each_context(request), "codes": codes, "title": _("Your recovery codes")}
            return render(request, "admin/two_factor/recovery_codes.html", context)
        form.add_error("code", _("The code is wrong or has expired. Try the current one."))
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#222", light="#fff")
    context = {
        **admin.site.each_context(request),
        "form": form,
        "qr_svg": qr,
        "secret": _base32(device),
        "title": _("Add an authenticator app"),
        "ADMIN_REQUIRE_TWO_FACTOR": settings.ADMIN_REQUIRE_TWO_FACTOR,
    }
    return render(request, "admin/two_factor/setup.html", context)


def _base32(device: TOTPDevice) -> str:
    from base64 import b32encode

    return b32encode(device.bin_key).decode().rstrip("=")


@transaction.atomic
def _confirm(device: TOTPDevice) -> list[str]:
    """Confirm the authenticator, replace any other device of the user, and make fresh recovery codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    StaticDevice.objects.filter(user=device.user).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    recovery = StaticDevice.objects.create(user=device.user, name=RECOVERY_NAME, confirmed=True)
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes


def admin_two_factor_reset(*, user) -> int:
    """Remove every authenticator and recovery code of the user; returns how many devices went."""
    totp, _ = TOTPDevice.objects.filter(user=user).delete()
    static, _ = StaticDevice.objects.filter(user=user).delete()
    return totp + static


urls = [
    path("admin/two-factor/verify/", verify_view, name="admin-two-factor-verify"),
    path("admin/two-factor/setup/", setup_view, name="admin-two-factor-setup"),
]

_OPEN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/jsi18n/", "/admin/two-factor/")


class AdminTwoFactorMiddleware:
    """Sends a staff user who signed in with a password but not the second step to the step they need.
    Runs after django_otp's OTPMiddleware (which adds `request.user.is_verified()`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith("/admin/")
            and not request.path.startswith(_OPEN_PATHS)
            and user is not None
            and user.is_authenticated
            and user.is_staff
            and not user.is_verified()
        ):
            if confirmed_devices(user):
                return redirect(f"{reverse('admin-two-factor-verify')}?next={request.path}")
            if settings.ADMIN_REQUIRE_TWO_FACTOR:
                return redirect(reverse("admin-two-factor-setup"))
        return self.get_response(request)
