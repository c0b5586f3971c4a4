"""Payments and refunds are read-only here: refunds are issued through the refund service."""

from decimal import Decimal

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.core.admin_fields import sar_display
from apps.core.exceptions import AppError
from apps.core.money import format_sar

from .forms import RefundForm
from .models import HoldSettlement, Payment, PaymentEvent, Refund, RefundStatus
from .refund_requests import refund_create, refund_retry


class PaymentActionForm(ActionForm):
    note = forms.CharField(label=_("Reason"), max_length=500, required=False)


class PaymentEventInline(admin.TabularInline):
    model = PaymentEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "source", "kind", "from_status", "to_status", "actor", "provider_event_id", "data"]
    readonly_fields = fields
    ordering = ["created_at", "id"]

    def has_add_permission(self, request, obj=None):
        return False


class RefundInline(admin.TabularInline):
    model = Refund
    extra = 0
    can_delete = False
    fields = ["created_at", "amount_sar", "reason", "note", "status", "attempts", "last_error", "requested_by"]
    readonly_fields = fields
    amount_sar = sar_display("amount", _("amount"))
    ordering = ["created_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "booking_reference",
        "customer_phone",
        "amount_display",
        "status",
        "method",
        "card",
        "refunded_display",
        "flagged",
        "created_at",
    ]
    list_filter = ["status", "method", "flagged", "created_at"]
    list_select_related = ["booking", "customer"]
    date_hierarchy = "created_at"
    search_fields = ["booking__reference", "provider_payment_id", "customer__phone_number"]
    ordering = ["-created_at"]
    inlines = [RefundInline, PaymentEventInline]
    action_form = PaymentActionForm
    actions = ["refund_in_full"]
    readonly_fields = [
        "id",
        "booking",
        "customer",
        "provider",
        "provider_payment_id",
        "amount_sar",
        "currency",
        "vat_sar",
        "status",
        "method",
        "card_brand",
        "card_last4",
        "transaction_url",
        "refunded_sar",
        "failure_message",
        "flagged",
        "flag_reason",
        "paid_at",
        "next_check_at",
        "check_count",
        "provider_payload",
        "created_at",
        "updated_at",
        "refund_link",
    ]
    fields = readonly_fields
    amount_sar = sar_display("amount", _("amount"))
    vat_sar = sar_display("vat_amount", _("VAT"))
    refunded_sar = sar_display("refunded_amount", _("refunded"))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("booking"), ordering="booking__reference")
    def booking_reference(self, payment: Payment) -> str:
        return payment.booking.reference

    @admin.display(description=_("customer phone"), ordering="customer__phone_number")
    def customer_phone(self, payment: Payment) -> str:
        return payment.customer.phone_number

    @admin.display(description=_("amount"), ordering="amount")
    def amount_display(self, payment: Payment) -> str:
        return format_sar(payment.amount)

    @admin.display(description=_("refunded"), ordering="refunded_amount")
    def refunded_display(self, payment: Payment) -> str:
        return format_sar(payment.refunded_amount)

    @admin.display(description=_("card"))
    def card(self, payment: Payment) -> str:
        return f"{payment.card_brand} •••• {payment.card_last4}" if payment.card_last4 else payment.card_brand

    @admin.display(description=_("refund"))
    def refund_link(self, payment: Payment) -> str:
        url = reverse("admin:payments_payment_refund", args=[payment.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, _("Issue a refund…"))

    def get_urls(self):
        refund = self.admin_site.admin_view(self.refund_view)
        return [path("<uuid:object_id>/refund/", refund, name="payments_payment_refund"), *super().get_urls()]

    def refund_view(self, request, object_id):
        """A full or partial refund with a reason, through the refund service."""
        payment = get_object_or_404(Payment.objects.select_related("booking"), pk=object_id)
        if not self.has_change_permission(request, payment):
            raise PermissionDenied
        form = RefundForm(request.POST or None, initial={"amount": Decimal(payment.refundable_amount) / 100})
        if request.method == "POST" and form.is_valid():
            try:
                refund_create(
                    payment_id=payment.pk,
                    amount=form.amount_in_halalas(),
                    actor=request.user,
                    note=form.cleaned_data["note"],
                )
            except AppError as exc:
                form.add_error(None, str(exc.message))
            else:
                self.message_user(request, _("The refund was requested."), messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:payments_payment_change", args=[payment.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": payment,
            "title": _("Refund payment %(reference)s") % {"reference": payment.booking.reference},
            "form": form,
            "refundable": format_sar(payment.refundable_amount),
        }
        return TemplateResponse(request, "admin/payments/payment/refund.html", context)

    @admin.action(description=_("Refund the selected payments in full"), permissions=["change"])
    def refund_in_full(self, request, queryset):
        note = request.POST.get("note", "").strip()
        if not note:
            self.message_user(request, _("Give a reason for the refund."), messages.ERROR)
            return
        done = 0
        for payment in queryset:
            try:
                refund_create(payment_id=payment.pk, amount=payment.refundable_amount, actor=request.user, note=note)
            except AppError as exc:
                self.message_user(request, f"{payment.booking.reference}: {exc.message}", messages.WARNING)
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext("%(count)d refund was requested.", "%(count)d refunds were requested.", done)
                % {"count": done},
                messages.SUCCESS,
            )


@admin.register(Refund)
class RefundAdmin(admin.ModelAdmin):
    list_display = ["id", "payment", "amount_display", "reason", "status", "attempts", "last_error", "created_at"]
    list_filter = ["status", "reason", "created_at"]
    list_select_related = ["payment"]
    search_fields = ["payment__booking__reference", "payment__provider_payment_id"]
    ordering = ["-created_at"]
    actions = ["retry_failed"]
    readonly_fields = [
        "id",
        "payment",
        "amount_sar",
        "reason",
        "note",
        "status",
        "refunded_before_sar",
        "attempts",
        "last_error",
        "next_attempt_at",
        "requested_by",
        "succeeded_at",
        "created_at",
        "updated_at",
    ]
    fields = readonly_fields
    amount_sar = sar_display("amount", _("amount"))
    refunded_before_sar = sar_display("refunded_before", _("refunded before"))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("amount"), ordering="amount")
    def amount_display(self, refund: Refund) -> str:
        return format_sar(refund.amount)

    @admin.action(description=_("Retry the selected failed refunds"), permissions=["change"])
    def retry_failed(self, request, queryset):
        done = 0
        for refund in queryset.filter(status=RefundStatus.FAILED):
            try:
                refund_retry(refund_id=refund.pk, actor=request.user)
            except AppError as exc:
                self.message_user(request, f"{refund.pk}: {exc.message}", messages.WARNING)
            else:
                done += 1
        self.message_user(
            request,
            ngettext("%(count)d refund is being retried.", "%(count)d refunds are being retried.", done)
            % {"count": done},
            messages.SUCCESS if done else messages.WARNING,
        )


@admin.register(HoldSettlement)
class HoldSettlementAdmin(admin.ModelAdmin):
    """Card holds released or charged (ADR 0016); read-only: `card_holds_retry` retries them."""

    list_display = ["payment", "action", "reason", "amount_display", "status", "attempts", "last_error", "created_at"]
    list_filter = ["status", "action", "reason"]
    list_select_related = ["payment"]
    search_fields = ["payment__booking__reference", "payment__provider_payment_id"]
    ordering = ["-created_at"]
    readonly_fields = [
        "id",
        "payment",
        "action",
        "reason",
        "amount_sar",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "requested_by",
        "succeeded_at",
        "created_at",
        "updated_at",
    ]
    fields = readonly_fields
    amount_sar = sar_display("amount", _("amount"))

    @admin.display(description=_("amount"), ordering="amount")
    def amount_display(self, settlement: HoldSettlement) -> str:
        return format_sar(settlement.amount)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
