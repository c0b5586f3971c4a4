from django.urls import path

from . import views

app_name = "passkeys"

urlpatterns = [
    path("", views.PasskeyListView.as_view(), name="list"),
    path("<int:passkey_id>/", views.PasskeyDetailView.as_view(), name="detail"),
    path("register/options/", views.RegisterOptionsView.as_view(), name="register-options"),
    path("register/verify/", views.RegisterVerifyView.as_view(), name="register-verify"),
    path("login/options/", views.LoginOptionsView.as_view(), name="login-options"),
    path("login/verify/", views.LoginVerifyView.as_view(), name="login-verify"),
]
