"""`/api/manage/`: the salon's back office. Every path below `salons/<salon_id>/` is scoped to a
salon the caller manages (404 otherwise)."""

from django.urls import path

from . import customers, desk, salons

app_name = "backoffice"

SALON = "salons/<int:salon_id>/"

urlpatterns = [
    path("salons/", salons.ManagedSalonListView.as_view(), name="salon-list"),
    path(SALON, salons.ManagedSalonDetailView.as_view(), name="salon-detail"),
    path(SALON + "audit/", salons.AuditLogView.as_view(), name="audit"),
    path(SALON + "calendar/", desk.CalendarView.as_view(), name="calendar"),
    path(SALON + "bookings/", desk.SalonBookingListView.as_view(), name="booking-list"),
    path(SALON + "customers/", customers.CustomerListView.as_view(), name="customer-list"),
    path(SALON + "customers/<int:user_id>/", customers.CustomerDetailView.as_view(), name="customer-detail"),
]
