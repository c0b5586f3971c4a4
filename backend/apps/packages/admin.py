"""Packages, purchases, gift cards and their uses, read-only for operators: they are written by the
services (the back office, the gateway's reports, bookings), never by hand."""

from django.contrib import admin

from apps.core.admin_base import ReadOnlyAdmin

from .models import GiftCard, Package, PackagePurchase, Purchase, Redemption


@admin.register(Package)
class PackageAdmin(ReadOnlyAdmin):
    list_display = ["name_ar", "salon", "service", "sessions", "validity_days", "price_amount", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name_ar", "name_en", "salon__name_ar", "salon__slug"]
    list_select_related = ["salon", "service"]


@admin.register(Purchase)
class PurchaseAdmin(ReadOnlyAdmin):
    list_display = ["id", "kind", "status", "salon", "customer", "amount", "refunded_amount", "paid_at", "created_at"]
    list_filter = ["kind", "status"]
    search_fields = ["id", "customer__phone_number", "salon__name_ar", "salon__slug"]
    list_select_related = ["salon", "customer"]


@admin.register(PackagePurchase)
class PackagePurchaseAdmin(ReadOnlyAdmin):
    list_display = ["package", "customer", "sessions_used", "sessions_total", "expires_at", "status"]
    list_filter = ["status"]
    search_fields = ["customer__phone_number", "package__name_ar"]
    list_select_related = ["package", "customer"]


@admin.register(GiftCard)
class GiftCardAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "salon", "purchaser", "initial_amount", "balance", "expires_at", "status"]
    list_filter = ["status"]
    search_fields = ["code", "purchaser__phone_number", "recipient_phone", "salon__name_ar"]
    list_select_related = ["salon", "purchaser"]


@admin.register(Redemption)
class RedemptionAdmin(ReadOnlyAdmin):
    list_display = ["booking", "package_purchase", "gift_card", "amount", "value_amount", "returned_at", "created_at"]
    list_select_related = ["booking", "package_purchase", "gift_card"]
