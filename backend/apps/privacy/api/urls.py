from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("me/export/", views.PersonalDataExportView.as_view(), name="me-export"),
    path("me/phone/", views.PhoneChangeView.as_view(), name="me-phone"),
    path("me/delete/", views.AccountDeleteView.as_view(), name="me-delete"),
]
