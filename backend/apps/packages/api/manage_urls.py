"""The salon's packages and what its customers bought (under `/api/manage/`, the back office's door)."""

from django.urls import path

from . import manage

app_name = "packages-manage"

SALON = "salons/<int:salon_id>/"

urlpatterns = [
    path(SALON + "packages/", manage.ManagePackageListCreateView.as_view(), name="packages"),
    path(SALON + "packages/<int:package_id>/", manage.ManagePackageDetailView.as_view(), name="package"),
    path(SALON + "purchases/", manage.ManagePurchaseListView.as_view(), name="purchases"),
    path(SALON + "purchases/<uuid:purchase_id>/refund/", manage.ManagePurchaseRefundView.as_view(), name="refund"),
]
