from django.urls import path

from . import views

app_name = "salons"

urlpatterns = [
    path("categories/", views.CategoryListView.as_view(), name="category-list"),
    path("<int:salon_id>/", views.SalonDetailView.as_view(), name="salon-detail"),
    path("<int:salon_id>/services/", views.SalonServicesView.as_view(), name="salon-services"),
    path("<int:salon_id>/staff/", views.SalonStaffView.as_view(), name="salon-staff"),
]
