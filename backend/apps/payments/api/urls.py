from django.urls import path

from . import fake_views, views

app_name = "payments"

urlpatterns = [
    path("", views.PaymentCreateView.as_view(), name="payment-create"),
    path("config/", views.PaymentConfigView.as_view(), name="payment-config"),
    path("webhook/", views.PaymentWebhookView.as_view(), name="payment-webhook"),
    path("fake/<uuid:payment_id>/", fake_views.fake_checkout, name="fake-checkout"),
    path("<uuid:payment_id>/", views.PaymentDetailView.as_view(), name="payment-detail"),
    path("<uuid:payment_id>/refresh/", views.PaymentRefreshView.as_view(), name="payment-refresh"),
]
