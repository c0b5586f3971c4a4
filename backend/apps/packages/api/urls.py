"""The customer's packages and gift cards (under `/api/`)."""

from django.urls import path

from . import views

app_name = "packages"

urlpatterns = [
    path("salons/<int:salon_id>/packages/", views.SalonPackageListView.as_view(), name="salon-packages"),
    path("packages/purchases/", views.PackagePurchaseListCreateView.as_view(), name="package-purchases"),
    path("gift-cards/", views.GiftCardListCreateView.as_view(), name="gift-cards"),
    path("gift-cards/config/", views.GiftCardConfigView.as_view(), name="gift-card-config"),
    path("gift-cards/<str:code>/", views.GiftCardCheckView.as_view(), name="gift-card-check"),
    path("purchases/<uuid:purchase_id>/", views.PurchaseDetailView.as_view(), name="purchase-detail"),
    path("purchases/<uuid:purchase_id>/refresh/", views.PurchaseRefreshView.as_view(), name="purchase-refresh"),
]
