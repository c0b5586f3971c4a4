"""`/api/manage/`: the salon's back office. Every path below `salons/<salon_id>/` is scoped to a
salon the caller manages (404 otherwise)."""

from django.urls import path

from . import catalog, customers, desk, salons, team, working_time

app_name = "backoffice"

SALON = "salons/<int:salon_id>/"
STAFF = SALON + "staff/<int:staff_id>/"

urlpatterns = [
    path("salons/", salons.ManagedSalonListView.as_view(), name="salon-list"),
    path(SALON, salons.ManagedSalonDetailView.as_view(), name="salon-detail"),
    path(SALON + "audit/", salons.AuditLogView.as_view(), name="audit"),
    # Catalog
    path(SALON + "photos/", catalog.PhotoListView.as_view(), name="photo-list"),
    path(SALON + "photos/<int:photo_id>/", catalog.PhotoDetailView.as_view(), name="photo-detail"),
    path(SALON + "services/", catalog.ServiceListView.as_view(), name="service-list"),
    path(SALON + "services/<int:service_id>/", catalog.ServiceDetailView.as_view(), name="service-detail"),
    # Team and working time
    path(SALON + "staff/", team.StaffListView.as_view(), name="staff-list"),
    path(STAFF, team.StaffDetailView.as_view(), name="staff-detail"),
    path(STAFF + "hours/", working_time.WorkingHoursView.as_view(), name="staff-hours"),
    path(STAFF + "time-off/", working_time.TimeOffListView.as_view(), name="staff-time-off-list"),
    path(STAFF + "time-off/<int:time_off_id>/", working_time.TimeOffDetailView.as_view(), name="staff-time-off-detail"),
    path(STAFF + "special-hours/", working_time.SpecialHoursListView.as_view(), name="staff-special-hours-list"),
    path(
        STAFF + "special-hours/<int:special_hours_id>/",
        working_time.SpecialHoursDetailView.as_view(),
        name="staff-special-hours-detail",
    ),
    # The desk
    path(SALON + "calendar/", desk.CalendarView.as_view(), name="calendar"),
    path(SALON + "bookings/", desk.SalonBookingListView.as_view(), name="booking-list"),
    path(SALON + "customers/", customers.CustomerListView.as_view(), name="customer-list"),
    path(SALON + "customers/<int:user_id>/", customers.CustomerDetailView.as_view(), name="customer-detail"),
    path(
        SALON + "customers/<int:user_id>/forgive-no-show/",
        customers.CustomerForgiveNoShowView.as_view(),
        name="customer-forgive-no-show",
    ),
]
