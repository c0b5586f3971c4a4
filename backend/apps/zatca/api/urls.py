from django.urls import path

from .views import ZatcaUnitView

app_name = "zatca"

urlpatterns = [path("salons/<int:salon_id>/zatca/", ZatcaUnitView.as_view(), name="unit")]
