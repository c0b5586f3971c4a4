"""The books are read-only here (corrections are reversing transactions, posted by services). Payouts
are created, exported to the bank and answered (sent, returned) through the payout services."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.core.admin_base import ReadOnlyAdmin
from apps.core.admin_fields import sar_display
from apps.core.exceptions import AppError
from apps.core.money import format_sar

from .forms import RETURNED, SENT, PayoutAnswerForm, PayoutRunForm
from .iban import iban_mask
from .models import (
    LedgerAccount,
    LedgerEntry,
    LedgerTransaction,
    Payout,
    PayoutBatch,
    PayoutStatus,
    SalonCommission,
    SalonPayoutAccount,
)
from .payouts import PayoutRun, bank_file_csv, payout_batch_create, payout_mark_returned, payout_mark_sent


class EntryInline(admin.TabularInline):
    model = LedgerEntry
    extra = 0
    can_delete = False
    fields = ["account", "kind", "amount_sar"]
    readonly_fields = fields
    amount_sar = sar_display("amount", _("amount"))

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LedgerAccount)
class LedgerAccountAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "kind", "salon", "balance_display"]
    list_filter = ["kind"]
    search_fields = ["salon__name_ar", "salon__name_en", "salon__slug"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("salon").annotate(balance=Sum("entries__amount"))

    @admin.display(description=_("balance (debit positive)"), ordering="balance")
    def balance_display(self, account) -> str:
        balance = account.balance or 0
        return format_sar(balance) if balance >= 0 else "-" + format_sar(-balance)


@admin.register(LedgerTransaction)
class LedgerTransactionAdmin(ReadOnlyAdmin):
    list_display = ["key", "cause", "occurred_at", "salon", "booking", "payout", "created_at"]
    list_filter = ["cause", "occurred_at"]
    list_select_related = ["salon", "booking", "payout"]
    search_fields = ["key", "booking__reference"]
    date_hierarchy = "occurred_at"
    inlines = [EntryInline]
    fields = [
        "key",
        "cause",
        "occurred_at",
        "created_at",
        "salon",
        "booking",
        "payment",
        "refund",
        "payout",
        "reverses",
        "data",
    ]
    readonly_fields = fields


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    list_display = ["id", "transaction", "account", "kind", "amount_sar"]
    amount_sar = sar_display("amount", _("amount"))
    list_filter = ["account__kind", "kind"]
    list_select_related = ["transaction", "account__salon"]
    search_fields = ["transaction__key"]


@admin.register(SalonCommission)
class SalonCommissionAdmin(admin.ModelAdmin):
    """A salon's own rate; it applies to payments received after the change (recorded with each)."""

    list_display = ["salon", "rate_bps", "note", "updated_at"]
    search_fields = ["salon__name_ar", "salon__name_en", "salon__slug"]
    autocomplete_fields = ["salon"]

    def save_model(self, request, obj, form, change):
        before = {"rate_bps": form.initial.get("rate_bps")} if change else {}
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            salon_id=obj.salon_id,
            obj=obj,
            action=AuditAction.UPDATED if change else AuditAction.CREATED,
            before=before,
            after={"rate_bps": obj.rate_bps},
        )

    def delete_model(self, request, obj):
        audit_record(
            actor=request.user,
            salon_id=obj.salon_id,
            obj=obj,
            action=AuditAction.DELETED,
            before={"rate_bps": obj.rate_bps},
        )
        super().delete_model(request, obj)


def _report_run(modeladmin, request, run: PayoutRun) -> None:
    if run.batch is None:
        modeladmin.message_user(request, _("No payouts created: no salon has enough available money and an IBAN."))
    else:
        total = sum(payout.amount for payout in run.payouts)
        modeladmin.message_user(
            request,
            ngettext(
                "Batch %(batch)s: %(count)d payout of %(total)s in all.",
                "Batch %(batch)s: %(count)d payouts of %(total)s in all.",
                len(run.payouts),
            )
            % {"batch": run.batch.reference, "count": len(run.payouts), "total": format_sar(total)},
            messages.SUCCESS,
        )
    for salon_id, why, available in run.skipped:
        modeladmin.message_user(request, f"#{salon_id}: {why} ({format_sar(max(available, 0))})", messages.INFO)


@admin.register(SalonPayoutAccount)
class SalonPayoutAccountAdmin(ReadOnlyAdmin):
    """Managers set the IBAN in the back office (with a one-time code); here it is only shown masked."""

    list_display = ["salon", "iban_masked", "iban_changed_at", "iban_changed_by"]
    search_fields = ["salon__name_ar", "salon__name_en", "salon__slug"]
    fields = ["salon", "iban_masked", "iban_changed_at", "iban_changed_by", "created_at", "updated_at"]
    readonly_fields = fields
    actions = ["pay_out"]

    @admin.display(description=_("IBAN"))
    def iban_masked(self, account) -> str:
        return iban_mask(account.iban)

    @admin.action(description=_("Pay out the selected salons' available balances"))
    def pay_out(self, request, queryset):
        if not request.user.is_superuser:
            raise PermissionDenied
        run = payout_batch_create(actor=request.user, salon_ids=queryset.values_list("salon_id", flat=True))
        _report_run(self, request, run)


def _bank_file_response(payouts, name: str) -> HttpResponse:
    response = HttpResponse(bank_file_csv(payouts), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class PayoutInline(admin.TabularInline):
    model = Payout
    extra = 0
    can_delete = False
    fields = ["salon", "amount_sar", "status", "bank_reference", "sent_at", "returned_at"]
    readonly_fields = fields
    amount_sar = sar_display("amount", _("amount"))

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PayoutBatch)
class PayoutBatchAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "created_at", "created_by", "minimum_sar", "payout_count", "total_display"]
    fields = ["created_at", "created_by", "minimum_sar"]
    readonly_fields = fields
    inlines = [PayoutInline]
    minimum_sar = sar_display("minimum_amount", _("minimum payout"))
    actions = ["download_bank_file"]
    change_list_template = "admin/ledger/payoutbatch/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(total=Sum("payouts__amount"))

    @admin.display(description=_("payouts"))
    def payout_count(self, batch) -> int:
        return batch.payouts.count()

    @admin.display(description=_("total"), ordering="total")
    def total_display(self, batch) -> str:
        return format_sar(batch.total or 0)

    @admin.action(description=_("Download the bank file of the payouts to send"))
    def download_bank_file(self, request, queryset):
        payouts = Payout.objects.filter(batch__in=queryset, status=PayoutStatus.CREATED).order_by("batch_id", "pk")
        return _bank_file_response(payouts, f"payouts-{timezone.localdate().isoformat()}.csv")

    def get_urls(self):
        run = self.admin_site.admin_view(self.create_payouts_view)
        return [path("create/", run, name="ledger_payoutbatch_create_payouts"), *super().get_urls()]

    def create_payouts_view(self, request):
        """The same run as `manage.py create_payouts`, with a minimum to choose."""
        if not request.user.is_superuser:
            raise PermissionDenied
        form = PayoutRunForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            run = payout_batch_create(actor=request.user, minimum=form.minimum_in_halalas())
            _report_run(self, request, run)
            return HttpResponseRedirect(reverse("admin:ledger_payoutbatch_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Create payouts"),
            "form": form,
        }
        return TemplateResponse(request, "admin/ledger/payoutbatch/create_payouts.html", context)


@admin.register(Payout)
class PayoutAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "salon", "amount_display", "status", "iban_masked", "bank_reference", "created_at"]
    list_filter = ["status", "created_at"]
    list_select_related = ["salon", "batch"]
    search_fields = ["salon__name_ar", "salon__name_en", "bank_reference"]
    date_hierarchy = "created_at"
    actions = ["mark_sent", "mark_returned", "download_bank_file"]
    fields = [
        "batch",
        "salon",
        "amount_display",
        "status",
        "iban_masked",
        "beneficiary_name",
        "bank_reference",
        "return_reference",
        "return_reason",
        "created_at",
        "created_by",
        "sent_at",
        "sent_by",
        "returned_at",
        "returned_by",
    ]
    readonly_fields = fields

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser  # for the actions; every field stays read-only

    @admin.display(description=_("amount"), ordering="amount")
    def amount_display(self, payout) -> str:
        return format_sar(payout.amount)

    @admin.display(description=_("IBAN"))
    def iban_masked(self, payout) -> str:
        return iban_mask(payout.iban)

    @admin.action(description=_("Download the bank file of the selected payouts to send"), permissions=["change"])
    def download_bank_file(self, request, queryset):
        payouts = queryset.filter(status=PayoutStatus.CREATED).order_by("pk")
        return _bank_file_response(payouts, f"payouts-{timezone.localdate().isoformat()}.csv")

    @admin.action(description=_("Mark the selected payouts sent…"), permissions=["change"])
    def mark_sent(self, request, queryset):
        return self._answer(request, queryset, SENT)

    @admin.action(description=_("Mark the selected payouts returned…"), permissions=["change"])
    def mark_returned(self, request, queryset):
        return self._answer(request, queryset, RETURNED)

    def _answer(self, request, queryset, answer: str):
        """An intermediate page asks for each payout's bank reference, then applies the bank's answer."""
        payouts = queryset.order_by("pk")
        form = PayoutAnswerForm(request.POST if "apply" in request.POST else None, payouts=payouts, answer=answer)
        if form.is_bound and form.is_valid():
            done = 0
            for payout_id, reference in form.references().items():
                try:
                    if answer == SENT:
                        payout_mark_sent(payout_id=payout_id, bank_reference=reference, actor=request.user)
                    else:
                        payout_mark_returned(
                            payout_id=payout_id,
                            reference=reference,
                            reason=form.cleaned_data.get("reason", ""),
                            actor=request.user,
                        )
                except AppError as exc:
                    self.message_user(request, f"PO-{payout_id:06d}: {exc.message}", messages.WARNING)
                else:
                    done += 1
            if done:
                self.message_user(
                    request,
                    ngettext("%(count)d payout updated.", "%(count)d payouts updated.", done) % {"count": done},
                    messages.SUCCESS,
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Payouts sent by the bank") if answer == SENT else _("Payouts returned by the bank"),
            "form": form,
            "payouts": payouts,
            "action": request.POST.get("action"),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/ledger/payout/answer.html", context)
