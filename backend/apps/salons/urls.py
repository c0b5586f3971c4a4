from django.urls import path

from .api import catalog

app_name = "salons"

urlpatterns = [
    path("categories/", catalog.CategoryListView.as_view(), name="category-list"),
    path("<int:salon_id>/", catalog.SalonDetailView.as_view(), name="salon-detail"),
    path("<int:salon_id>/services/", catalog.SalonServicesView.as_view(), name="salon-services"),
    path("<int:salon_id>/staff/", catalog.SalonStaffView.as_view(), name="salon-staff"),
]
