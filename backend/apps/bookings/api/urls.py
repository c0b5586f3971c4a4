from django.urls import path

from . import schedule_views, views

app_name = "bookings"

urlpatterns = [
    path("bookings/", views.BookingListCreateView.as_view(), name="booking-list"),
    path("bookings/<int:booking_id>/", views.BookingDetailView.as_view(), name="booking-detail"),
    path("bookings/<int:booking_id>/cancel/", views.BookingCancelView.as_view(), name="booking-cancel"),
    path("bookings/<int:booking_id>/reschedule/", views.BookingRescheduleView.as_view(), name="booking-reschedule"),
    path("bookings/<int:booking_id>/confirm/", views.BookingConfirmView.as_view(), name="booking-confirm"),
    path("bookings/<int:booking_id>/complete/", views.BookingCompleteView.as_view(), name="booking-complete"),
    path("bookings/<int:booking_id>/no-show/", views.BookingNoShowView.as_view(), name="booking-no-show"),
    path("bookings/<int:booking_id>/review/", views.BookingReviewView.as_view(), name="booking-review"),
    path(
        "salons/<int:salon_id>/availability/", schedule_views.SalonAvailabilityView.as_view(), name="salon-availability"
    ),
    path("salons/<int:salon_id>/reviews/", views.SalonReviewListView.as_view(), name="salon-reviews"),
    path("staff/schedule/", schedule_views.StaffScheduleView.as_view(), name="staff-schedule"),
    path("staff/me/", schedule_views.StaffMeView.as_view(), name="staff-me"),
]
