from django.urls import path

from . import consent_views, email_link_views, views

app_name = "accounts"

urlpatterns = [
    path("phone/request/", views.PhoneCodeRequestView.as_view(), name="phone-request"),
    path("phone/verify/", views.PhoneCodeVerifyView.as_view(), name="phone-verify"),
    path("token/refresh/", views.TokenRefreshView.as_view(), name="token-refresh"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("me/", views.MeView.as_view(), name="me"),
    path("me/email/verify/", views.MeEmailVerifyView.as_view(), name="me-email-verify"),
    path("email/verify-link/", email_link_views.EmailVerifyLinkView.as_view(), name="email-verify-link"),
    path("me/consents/", consent_views.MyConsentsView.as_view(), name="me-consents"),
]
