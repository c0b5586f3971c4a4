from django.urls import path

from . import views

app_name = "social_auth"

urlpatterns = [
    path("providers/", views.ProviderListView.as_view(), name="providers"),
    path("nonce/", views.NonceView.as_view(), name="nonce"),
    path("google/", views.GoogleSignInView.as_view(), name="google"),
    path("apple/", views.AppleSignInView.as_view(), name="apple"),
    path("link/", views.LinkView.as_view(), name="link"),
    path("identities/", views.IdentityListView.as_view(), name="identities"),
    path("identities/<uuid:identity_id>/", views.IdentityDetailView.as_view(), name="identity-detail"),
    path("development/<str:provider>/token/", views.DevelopmentTokenView.as_view(), name="development-token"),
]
